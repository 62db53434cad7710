# SPDX-License-Identifier: MPL-2.0
"""The migration that brings the rate facts: existing citizens get a row marked as migrated, with
only what older data told (civil status) and the rest "not recorded"."""

from __future__ import annotations

from datetime import date

from tests.scratch_database import scratch_database

BEFORE = [("citizens", "0002_initial")]
AFTER = [("citizens", "0003_rate_facts_work_duty_2026_target_groups")]


def test_existing_citizens_get_migrated_facts_with_the_unknown_ones_not_recorded(tmp_path, django_db_blocker):
    with django_db_blocker.unblock(), scratch_database(tmp_path) as connection:
        _migrate_citizens_with_older_data(connection)


def _migrate_citizens_with_older_data(connection):
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    assert executor.loader.applied_migrations == {}, "an empty database, migrated from nothing"
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    municipality = old.get_model("organisation", "Municipality").objects.create(code="461", name="Odense Kommune")
    Citizen = old.get_model("citizens", "Citizen")
    married = Citizen.objects.create(
        cpr="0101801234",
        first_name="A",
        last_name="B",
        birth_date=date(1980, 1, 1),
        municipality=municipality,
        marital_status="married",
    )
    old.get_model("citizens", "Benefit").objects.create(
        citizen=married, benefit_type="kontanthjaelp", valid_from=date(2023, 5, 1)
    )
    Citizen.objects.create(
        cpr="0101901234", first_name="C", last_name="D", birth_date=date(1990, 1, 1), municipality=municipality
    )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    RateFacts = executor.loader.project_state(AFTER).apps.get_model("citizens", "RateFacts")
    rows = {r.citizen.cpr: r for r in RateFacts.objects.select_related("citizen")}
    assert rows["0101801234"].single is False and rows["0101801234"].valid_from == date(2023, 5, 1)
    assert rows["0101901234"].single is True
    for row in rows.values():
        assert row.migrated and row.children is None and row.lives_with_parent is None
        assert row.full_time_work_years_last_10 is None and row.residence_requirement_met is None
