# SPDX-License-Identifier: MPL-2.0
"""Data-subject rights (issue 14 item 8): the art. 15 export of everything held about one citizen
(JSON and PDF, from the page and the CLI) and the retention job (dry run, then anonymisation)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.apps import apps
from django.db import models

from smaajob.audit.models import AuditEntry
from smaajob.audit.services import verify_chain
from smaajob.citizens.models import Citizen
from smaajob.citizens.selectors import citizen_by_cpr
from smaajob.cli.main import main
from smaajob.courses.services import change_state, record_follow_up
from smaajob.privacy import insight, retention

pytestmark = pytest.mark.django_db


def _refers_to_citizen(model: type[models.Model], known: set[type[models.Model]]) -> bool:
    for f in model._meta.get_fields():
        if f.is_relation and f.concrete and (f.many_to_one or f.one_to_one) and f.related_model in known:
            return True
    return any(f.name == "citizen_id" and not f.is_relation for f in model._meta.concrete_fields)


def test_every_model_that_refers_to_a_citizen_is_in_the_export_or_excluded_with_a_reason():
    # Computed here independently of the walk: a model with a foreign key to a citizen, or to a
    # model that has one, …; a new such model that the walk misses makes this fail.
    known: set[type[models.Model]] = {Citizen}
    changed = True
    while changed:
        changed = False
        for model in apps.get_models():
            if model not in known and _refers_to_citizen(model, known):
                known.add(model)
                changed = True
    walked = {s.model for s in insight.plan()}
    missing = sorted(m._meta.label for m in known - walked if m._meta.label not in insight.EXCLUDED)
    assert missing == []
    assert all(reason.strip() for reason in insight.EXCLUDED.values())
    assert len(walked) > 10, "courses, placements, hours, payslips … are all reached"


def test_the_export_holds_the_citizens_rows_and_nobody_elses(citizen, course, caseworker, make_user):
    from smaajob.citizens.services import register_citizen

    other = register_citizen(
        actor=caseworker, cpr="020285-1234", first_name="Fie", last_name="Fremmed", municipality=citizen.municipality
    )
    record_follow_up(
        actor=caseworker,
        course=course,
        happened_on=date(2024, 2, 1),
        channel="phone",
        attendance="as_agreed",
        notes="Godt møde",
    )
    data = json.loads(insight.collect(citizen).as_json())
    tables = data["tabeller"]
    assert data["format"] == "smaajob-indsigt-1" and data["borger_id"] == citizen.pk
    assert [r["id"] for r in tables["citizens.Citizen"]["rækker"]] == [citizen.pk]
    assert tables["citizens.Citizen"]["rækker"][0]["cpr"] == "0101901234"
    assert "cpr_hash" not in tables["citizens.Citizen"]["rækker"][0]
    assert [r["id"] for r in tables["courses.Course"]["rækker"]] == [course.pk]
    assert any("Godt møde" in json.dumps(r, ensure_ascii=False) for r in tables["courses.FollowUp"]["rækker"])
    assert all(r["citizen_id"] == citizen.pk for r in tables["audit.AuditEntry"]["rækker"])
    assert "Fremmed" not in json.dumps(data, ensure_ascii=False) and other.pk != citizen.pk


def test_the_caseworker_downloads_the_export_as_json_and_pdf_and_the_read_is_logged(client, citizen, caseworker):
    client.force_login(caseworker)
    answer = client.get(f"/borgere/{citizen.pk}/indsigt/")
    assert answer.status_code == 200 and answer["Content-Type"].startswith("application/json")
    assert json.loads(answer.content)["borger_id"] == citizen.pk
    pdf = client.get(f"/borgere/{citizen.pk}/indsigt/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert AuditEntry.objects.filter(actor=caseworker, citizen_id=citizen.pk, detail__startswith="indsigt").count() == 2


def test_a_consultant_or_employer_gets_the_missing_answer_for_the_export(client, citizen, consultant):
    client.force_login(consultant)
    assert client.get(f"/borgere/{citizen.pk}/indsigt/").status_code == 404


def test_gdpr_export_on_the_command_line_writes_json_and_a_pdf(citizen, tmp_path, capsys):
    out, pdf = tmp_path / "indsigt.json", tmp_path / "indsigt.pdf"
    assert main(["gdpr", "export", "--citizen-id", str(citizen.pk), "--output", str(out), "--pdf", str(pdf)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["borger_id"] == citizen.pk
    assert pdf.read_bytes().startswith(b"%PDF")
    assert AuditEntry.objects.filter(channel="cli", citizen_id=citizen.pk, detail__startswith="indsigt").exists()


def test_gdpr_export_of_an_unknown_id_is_a_clear_error(db, capsys):
    assert main(["gdpr", "export", "--citizen-id", "987654"]) == 2
    assert "interne id" in capsys.readouterr().err


def _close(course, caseworker, on: date) -> None:
    change_state(actor=caseworker, course=course, to_state="exited", on=on, outcome="ordinary_job")


def test_retention_dry_run_reports_and_changes_nothing_then_the_run_anonymises(citizen, course, caseworker, capsys):
    record_follow_up(
        actor=caseworker,
        course=course,
        happened_on=date(2024, 2, 1),
        channel="phone",
        attendance="as_agreed",
        notes="Privat note",
    )
    _close(course, caseworker, date(2024, 3, 1))
    entries_before = AuditEntry.objects.filter(citizen_id=citizen.pk).count()
    assert main(["retention", "run", "--dry-run", "--years", "1"]) == 0
    report = capsys.readouterr().out
    assert f"borger-id {citizen.pk}" in report and "prøvekørsel" in report
    citizen.refresh_from_db()
    assert citizen.first_name == "Omar" and citizen.anonymised_on is None

    assert main(["retention", "run", "--years", "1"]) == 0
    citizen.refresh_from_db()
    assert citizen.first_name == "Anonymiseret" and citizen.anonymised_on == date.today()
    assert citizen.birth_date == date(1990, 1, 1) and citizen.latitude is None
    assert citizen_by_cpr(citizen.municipality, "0101901234") is None
    assert course.follow_ups.get().notes == ""
    course.refresh_from_db()
    assert course.state == "exited" and course.ended_on == date(2024, 3, 1), "the case's facts stay for statistics"
    # The audit log is kept (one more entry: the anonymisation itself) and its chain still holds.
    assert AuditEntry.objects.filter(citizen_id=citizen.pk).count() == entries_before + 1
    assert verify_chain() is None
    # A second run finds nothing left to do.
    assert retention.candidates(today=date.today(), years=1) == []


def test_a_citizen_with_an_open_or_a_recent_case_is_left_alone(citizen, course, caseworker):
    assert retention.candidates(today=date.today(), years=1) == []
    _close(course, caseworker, date.today())
    assert retention.candidates(today=date.today(), years=1) == []
    assert retention.run(years=1, dry_run=False).candidates == []
    citizen.refresh_from_db()
    assert citizen.first_name == "Omar"


@pytest.mark.parametrize("years", ["0", "abc", "101"])
def test_a_retention_period_that_is_not_1_to_100_years_is_refused(db, settings, capsys, years):
    settings.SMAAJOB_RETENTION_YEARS = years
    assert main(["retention", "run", "--dry-run"]) == 2
    assert "SMAAJOB_RETENTION_YEARS" in capsys.readouterr().err
