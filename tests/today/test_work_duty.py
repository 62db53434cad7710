# SPDX-License-Identifier: MPL-2.0
"""The work duty (arbejdspligt): recorded with its legal basis, duty hours planned and attended,
småjob hours counted towards it, a worklist alert while hours are unplanned, and the dashboards'
counts — through the pages and the API."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from smaajob.citizens.models import WorkDuty
from tests.web.test_pages import log_in

JSON = "application/json"
BASIS = "Arbejdspligt for modtagere, der ikke opfylder opholds- og beskæftigelseskravet"


def _monday(weeks_ago: int = 0) -> date:
    today = date.today()
    return today - timedelta(days=today.weekday(), weeks=weeks_ago)


@pytest.fixture
def smaajob_week(course, company, consultant):
    """A småjob with 6 paid hours last week."""
    from smaajob.courses.services import record_week, register_placement

    start = _monday(3)
    placement = register_placement(
        actor=consultant,
        course=course,
        company=company,
        kind="paid",
        planned_start=start,
        planned_end=None,
        step_up="6",
    )
    record_week(actor=consultant, placement=placement, week=_monday(1), hours_present="6", hours_paid="6")
    return placement


def test_the_caseworker_records_the_work_duty_and_the_weeks_count_smaajob_hours(
    client, caseworker, citizen, smaajob_week
):
    log_in(client, caseworker)
    url = reverse("web:work_duty", args=[citizen.pk])
    response = client.post(
        url,
        {
            "form": "duty",
            "duty-valid_from": _monday(2).isoformat(),
            "duty-legal_basis": BASIS,
            "duty-planned_hours_per_week": "20",
            "duty-note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    week = client.post(url, {"form": "week", "week-week": _monday(1).isoformat(), "week-attended_hours": "10,5"})
    assert week.status_code == 302, week.content.decode()[:3000]
    page = client.get(url).content.decode()
    assert "Omfattet af arbejdspligt fra" in page and BASIS in page
    body = client.get(f"/api/v1/borgere/{citizen.pk}/arbejdspligt").json()
    last_week = next(w for w in body["weeks"] if w["week_start"] == _monday(1).isoformat())
    assert Decimal(last_week["attended"]) == Decimal("10.5") and Decimal(last_week["smaajob_hours"]) == 6
    assert Decimal(last_week["total"]) == Decimal("16.5") and Decimal(last_week["short"]) == Decimal("3.5")
    assert "Arbejdspligt" in client.get(reverse("web:citizen", args=[citizen.pk])).content.decode()


def test_more_than_37_duty_hours_and_a_missing_legal_basis_are_refused_next_to_the_field(client, caseworker, citizen):
    log_in(client, caseworker)
    url = reverse("web:work_duty", args=[citizen.pk])
    page = client.post(
        url,
        {
            "form": "duty",
            "duty-valid_from": "2026-01-05",
            "duty-legal_basis": BASIS,
            "duty-planned_hours_per_week": "40",
        },
    ).content.decode()
    assert "højst 37 timer om ugen" in page and 'id="id_duty-planned_hours_per_week_error"' in page
    api = client.post(
        f"/api/v1/borgere/{citizen.pk}/arbejdspligt",
        content_type=JSON,
        data={"valid_from": "2026-01-05", "legal_basis": " "},
    )
    assert api.status_code == 400 and api.json()["field"] == "legal_basis"
    assert not WorkDuty.objects.exists()


def test_attendance_outside_the_work_duty_is_refused(client, caseworker, citizen):
    log_in(client, caseworker)
    response = client.put(
        f"/api/v1/borgere/{citizen.pk}/arbejdspligt/uger",
        content_type=JSON,
        data={"week": _monday(1).isoformat(), "attended_hours": "5"},
    )
    assert response.status_code == 400 and response.json()["field"] == "week"


def test_only_the_caseworker_decides_the_work_duty(client, consultant, citizen):
    log_in(client, consultant)
    response = client.post(
        f"/api/v1/borgere/{citizen.pk}/arbejdspligt",
        content_type=JSON,
        data={"valid_from": "2026-01-05", "legal_basis": BASIS},
    )
    assert response.status_code == 404
    assert not WorkDuty.objects.exists()


def test_the_worklist_warns_while_the_duty_hours_are_not_planned(client, caseworker, citizen):
    log_in(client, caseworker)
    client.post(
        f"/api/v1/borgere/{citizen.pk}/arbejdspligt",
        content_type=JSON,
        data={"valid_from": (date.today() - timedelta(days=10)).isoformat(), "legal_basis": BASIS},
    )
    alerts = client.get("/api/v1/arbejdsliste/").json()["items"]
    [alert] = [a for a in alerts if a["code"] == "work_duty_unplanned"]
    assert alert["url"] == reverse("web:work_duty", args=[citizen.pk]) and alert["severity"] == "high"
    client.post(
        f"/api/v1/borgere/{citizen.pk}/arbejdspligt",
        content_type=JSON,
        data={"valid_from": date.today().isoformat(), "legal_basis": BASIS, "planned_hours_per_week": "25"},
    )
    assert not [a for a in client.get("/api/v1/arbejdsliste/").json()["items"] if a["code"] == "work_duty_unplanned"]


def test_the_dashboards_count_people_under_work_duty_and_their_smaajob_hours(
    client, caseworker, make_user, citizen, smaajob_week
):
    from smaajob.citizens.services import decide_work_duty

    decide_work_duty(actor=caseworker, citizen=citizen, valid_from=_monday(2), legal_basis=BASIS)
    log_in(client, caseworker)
    overview = client.get(reverse("web:dashboard")).content.decode()
    assert "<dt>Under arbejdspligt nu</dt><dd>1</dd>" in overview
    assert "<dt>Deres løntimer i småjob (seneste 4 uger)</dt><dd>6</dd>" in overview
    client.logout()
    log_in(client, make_user("coordinator"))
    period = f"?fra={_monday(4).isoformat()}&til={date.today().isoformat()}"
    report = client.get(reverse("reports:dashboard") + period).content.decode()
    section = report[report.index('id="arbejdspligt"') :][:2500]
    assert "Omfattet af arbejdspligt" in section and "Løntimer i småjob under arbejdspligt" in section
    assert "registreret afgørelse om arbejdspligt" in section  # the counting rule is stated
