# SPDX-License-Identifier: MPL-2.0
"""The country size (``smaajob demo --size country``) made small: three municipalities of 30 citizens.

The same code path as the full load (template in Python, copies in SQL, CPR numbers and the
audit chain in bulk); PostgreSQL only, so the loading tests run in the PostgreSQL stage
(``DATABASE_URL=postgresql://…``) and are skipped on SQLite. The refusal on SQLite runs in both.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from stdnum.dk import cpr as stdnum_cpr

from tests.app_servers import postgres_server_url
from tests.demo.conftest import TODAY

pytestmark = pytest.mark.django_db
MUNICIPALITIES = 3
PER_MUNICIPALITY = 30


def test_the_country_size_on_sqlite_is_refused_in_danish_and_writes_nothing(tmp_path: Path):
    database = tmp_path / "land.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "SMAAJOB_VAR_DIR": str(tmp_path),
           "SMAAJOB_DEMO": "1"}
    done = subprocess.run([sys.executable, "-m", "smaajob.cli.main", "demo", "--size", "country", "--no-progress"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode != 0
    assert "kræver PostgreSQL" in done.stderr and "DATABASE_URL" in done.stderr
    assert "Traceback" not in done.stderr
    assert not database.exists() or database.stat().st_size == 0  # not even the migrations ran


@pytest.fixture(scope="module")
def country(django_db_setup, django_db_blocker):
    from django.db import connection, transaction

    from smaajob.demo.loader import load_demo

    if connection.vendor != "postgresql":
        # The PostgreSQL stage of scripts/test runs them (DATABASE_URL=SMAAJOB_TEST_POSTGRES_URL).
        if os.environ.get("SMAAJOB_REQUIRE_ALL") == "1" and postgres_server_url() is None:
            pytest.fail("SMAAJOB_REQUIRE_ALL=1, but no PostgreSQL is set (SMAAJOB_TEST_POSTGRES_URL)")
        pytest.skip("the country size needs PostgreSQL: run with DATABASE_URL=postgresql://…")
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo("country", today=TODAY, municipalities=MUNICIPALITIES,
                        citizens_per_municipality=PER_MUNICIPALITY)
        transaction.set_rollback(True)


@pytest.mark.postgres
def test_the_country_has_real_municipalities_each_with_the_template_s_volume(country):
    from smaajob.citizens.models import Citizen
    from smaajob.courses.models import WeeklyHours
    from smaajob.network.models import Company, Opening
    from smaajob.organisation.models import Municipality, Project, User

    municipalities = list(Municipality.objects.order_by("code"))
    assert [(m.code, m.name) for m in municipalities] == [
        ("101", "København Kommune"), ("147", "Frederiksberg Kommune"), ("461", "Odense Kommune")]
    assert Citizen.objects.filter(is_synthetic=True).count() == MUNICIPALITIES * PER_MUNICIPALITY
    weeks = [WeeklyHours.objects.filter(placement__course__citizen__municipality=m).count() for m in municipalities]
    assert weeks[0] > PER_MUNICIPALITY * 20 and len(set(weeks)) == 1  # long histories, the same in every copy
    assert country.counts["ugers timer"] == sum(weeks)
    for m in municipalities:
        assert Citizen.objects.filter(municipality=m).count() == PER_MUNICIPALITY
        assert Company.objects.filter(municipality=m).count() >= 12
        assert Opening.objects.filter(company__municipality=m).exists()
        assert set(Project.objects.filter(municipality=m).values_list("name", flat=True)) == {"VTA", "STV"}
        # Staff of a copy work in it: their placements, follow-ups and assignments stay inside.
        assert not WeeklyHours.objects.filter(placement__course__citizen__municipality=m).exclude(
            recorded_by__municipality=m).exists()
        assert not Citizen.objects.filter(municipality=m).exclude(assignments__staff__municipality=m).exists()
    assert User.objects.filter(username="koordinator-101", municipality__code="101").exists()


@pytest.mark.postgres
def test_every_copied_key_points_at_an_existing_row_of_the_same_municipality_s_copy(country):
    """The copies are written without the foreign-key triggers (as a superuser): check every key here."""
    from django.db import connection, models

    from smaajob.demo.country import copied_models

    checked = 0
    with connection.cursor() as cursor:
        for model in copied_models():
            for f in model._meta.concrete_fields:
                if not isinstance(f, models.ForeignKey):
                    continue
                target = f.related_model._meta
                cursor.execute(
                    f"SELECT count(*) FROM {model._meta.db_table} t LEFT JOIN {target.db_table} r "
                    f"ON r.{f.target_field.column} = t.{f.column} "
                    f"WHERE t.{f.column} IS NOT NULL AND r.{f.target_field.column} IS NULL")
                assert cursor.fetchone()[0] == 0, f"{model._meta.db_table}.{f.column}"
                checked += 1
        # A copied week's placement belongs to a citizen of the week's recorder's municipality (above),
        # and a copied course's citizen to the copy: no key crosses from one copy into another.
        cursor.execute("SELECT count(*) FROM courses_placement p JOIN courses_course c ON c.id = p.course_id "
                       "JOIN citizens_citizen z ON z.id = c.citizen_id JOIN network_company k ON k.id = p.company_id "
                       "WHERE k.municipality_id <> z.municipality_id")
        assert cursor.fetchone()[0] == 0
    assert checked > 50


@pytest.mark.postgres
def test_every_citizen_has_a_unique_valid_cpr_number_stored_encrypted_and_hashed(country):
    from django.db import connection

    from smaajob import cpr_vault
    from smaajob.citizens.models import Citizen

    rows = list(Citizen.objects.values_list("cpr", "cpr_hash", "birth_date"))
    numbers = [cpr for cpr, _h, _b in rows]
    assert len(set(numbers)) == len(rows) == MUNICIPALITIES * PER_MUNICIPALITY
    assert len({h for _c, h, _b in rows}) == len(rows)
    for cpr, digest, born in rows:
        assert stdnum_cpr.is_valid(cpr) and stdnum_cpr.get_birth_date(cpr) == born
        assert digest == cpr_vault.lookup_hash(cpr)
    with connection.cursor() as cursor:  # at rest: the column holds a token, never the digits
        cursor.execute("SELECT cpr FROM citizens_citizen")
        stored = [r[0] for r in cursor.fetchall()]
    assert not set(stored) & set(numbers)
    assert sorted(cpr_vault.decrypt(t) for t in stored) == sorted(numbers)


@pytest.mark.postgres
def test_the_audit_log_holds_the_history_and_its_hash_chain_verifies(country):
    from smaajob.audit.models import AuditEntry
    from smaajob.audit.services import verify_chain
    from smaajob.citizens.models import Citizen
    from smaajob.courses.models import CourseTransition, FollowUp

    assert verify_chain() is None
    assert AuditEntry.objects.filter(action="create", object_type="citizen").count() == Citizen.objects.count()
    assert AuditEntry.objects.filter(action="read").count() == FollowUp.objects.count()
    assert AuditEntry.objects.filter(action="update", object_type="course").count() == CourseTransition.objects.count()
    assert country.counts["logposter"] == AuditEntry.objects.count()
    # Changing one entry in the middle breaks the chain there.
    middle = AuditEntry.objects.order_by("id")[AuditEntry.objects.count() // 2]
    AuditEntry.objects.filter(pk=middle.pk).update(detail="ændret")
    broken = verify_chain()
    assert broken is not None and broken.entry_id == middle.pk
    AuditEntry.objects.filter(pk=middle.pk).update(detail=middle.detail)
    assert verify_chain() is None


@pytest.mark.postgres
def test_each_municipality_s_coordinator_sees_only_its_own_citizens(country):
    from smaajob.access.citizens import citizens_for
    from smaajob.organisation.models import Municipality, User

    for m in Municipality.objects.all():
        suffix = "" if m.code == "461" else f"-{m.code}"
        for username in ("koordinator", "ydelse", "raadgiver001", "konsulent001"):
            user = User.objects.get(username=username + suffix)
            assert user.municipality_id == m.pk
            seen = set(citizens_for(user).values_list("municipality_id", flat=True))
            # The coordinator's team may have no case in so small a copy; the others have some.
            assert seen == {m.pk} or username == "koordinator" and seen <= {m.pk}, username + suffix


@pytest.mark.postgres
def test_every_municipality_s_dashboard_builds_and_counts_the_same_as_its_template(country):
    from smaajob.organisation.models import User
    from smaajob.reports.building import Choices, build
    from smaajob.reports.counting.period import Period

    period = Period(date(2025, 1, 1), date(2025, 12, 31), TODAY)
    funnels = {}
    for username in ("koordinator", "koordinator-101", "koordinator-147"):
        report = build(User.objects.get(username=username), Choices(period, "projekt")).report
        funnels[username] = sorted(tuple(r.value(s) for s in ("visited", "placed", "job", "lasting"))
                                   for r in report.funnel.values())
    assert funnels["koordinator"] and any(row[0] for row in funnels["koordinator"])
    assert funnels["koordinator-101"] == funnels["koordinator"] == funnels["koordinator-147"]
