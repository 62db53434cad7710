# SPDX-License-Identifier: MPL-2.0
"""The citizen's facts, sick leave, commitments and work duty through /api/v1/borgere/{id}/…"""

from __future__ import annotations

from datetime import date, timedelta

from smaajob.audit.models import AuditEntry
from smaajob.citizens.models import RateFacts
from tests.web.test_pages import log_in

JSON = "application/json"


def test_the_schema_lists_the_new_citizen_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("oplysninger", "sygeperioder", "aktiviteter", "arbejdspligt", "arbejdspligt/uger"):
        assert f"/api/v1/borgere/{{citizen_id}}/{path}" in paths
    assert "/api/v1/borgere/{citizen_id}/225-timer" in paths  # the older module's routes still mount


def test_an_impossible_fact_combination_gets_a_stable_code_and_a_danish_message(client, caseworker, citizen):
    log_in(client, caseworker)
    response = client.post(
        f"/api/v1/borgere/{citizen.pk}/oplysninger",
        content_type=JSON,
        data={
            "valid_from": date.today().isoformat(),
            "children": 2,
            "full_time_work_years_last_10": 10.5,
        },
    )
    assert response.status_code == 400, response.json()
    body = response.json()
    assert body["code"] == "impossible_facts" and body["field"] == "full_time_work_years_last_10"
    assert "mellem 0 og 10 år" in body["message"]
    assert not RateFacts.objects.filter(citizen=citizen).exists()


def test_facts_dated_before_the_citizen_was_born_are_refused(client, caseworker, citizen):
    log_in(client, caseworker)
    response = client.post(
        f"/api/v1/borgere/{citizen.pk}/oplysninger", content_type=JSON, data={"valid_from": "1980-01-01"}
    )
    assert response.status_code == 400 and response.json()["field"] == "valid_from"


def test_an_unknown_target_group_is_refused_and_nothing_is_written(client, caseworker, citizen):
    log_in(client, caseworker)
    response = client.post(
        f"/api/v1/borgere/{citizen.pk}/oplysninger",
        content_type=JSON,
        data={"valid_from": date.today().isoformat(), "children": 0, "target_group": "gruppe_x"},
    )
    assert response.status_code == 400 and "Ukendt visitationskategori" in response.json()["message"]
    assert not RateFacts.objects.filter(citizen=citizen).exists()


def test_reading_the_facts_is_audit_logged_and_refused_for_a_stranger(client, caseworker, make_user, citizen):
    log_in(client, caseworker)
    assert client.get(f"/api/v1/borgere/{citizen.pk}/oplysninger").status_code == 200
    assert AuditEntry.objects.filter(actor=caseworker, citizen_id=citizen.pk, action="read").exists()
    client.logout()
    log_in(client, make_user("caseworker", username="fremmed"))
    assert client.get(f"/api/v1/borgere/{citizen.pk}/oplysninger").status_code == 404


def test_sick_leave_and_a_commitment_are_recorded_and_listed_through_the_api(client, consultant, citizen):
    log_in(client, consultant)
    sick = client.post(
        f"/api/v1/borgere/{citizen.pk}/sygeperioder",
        content_type=JSON,
        data={"starts_on": "2025-02-03", "ends_on": "2025-02-14"},
    )
    assert sick.status_code == 201, sick.json()
    bad = client.post(
        f"/api/v1/borgere/{citizen.pk}/sygeperioder",
        content_type=JSON,
        data={"starts_on": "2025-02-10", "ends_on": "2025-02-01"},
    )
    assert bad.status_code == 400 and bad.json()["code"] == "invalid_period"
    made = client.post(
        f"/api/v1/borgere/{citizen.pk}/aktiviteter",
        content_type=JSON,
        data={
            "description": "Sprogskole",
            "starts_on": "2026-01-05",
            "slots": [{"weekday": 1, "start": "08:00", "end": "12:00"}],
        },
    )
    assert made.status_code == 201, made.json()
    listed = client.get(f"/api/v1/borgere/{citizen.pk}/aktiviteter").json()
    assert [c["description"] for c in listed] == ["Sprogskole"]
    wrong = client.post(
        f"/api/v1/borgere/{citizen.pk}/aktiviteter",
        content_type=JSON,
        data={
            "description": "Behandling",
            "starts_on": "2026-01-05",
            "slots": [{"weekday": 1, "start": "12:00", "end": "08:00"}],
        },
    )
    assert wrong.status_code == 400
    assert [s["starts_on"] for s in client.get(f"/api/v1/borgere/{citizen.pk}/sygeperioder").json()] == ["2025-02-03"]


def test_a_commitment_blocks_its_times_in_matching(client, consultant, citizen, course):
    from smaajob.courses.selectors import matching_candidate

    log_in(client, consultant)
    monday = date.today() - timedelta(days=date.today().weekday())
    client.post(
        f"/api/v1/borgere/{citizen.pk}/aktiviteter",
        content_type=JSON,
        data={
            "description": "Behandling",
            "starts_on": monday.isoformat(),
            "slots": [{"weekday": 0, "start": "08:00", "end": "12:00"}],
        },
    )
    citizen.refresh_from_db()
    candidate = matching_candidate(citizen, date.today())
    assert candidate is not None and candidate.commitments != 0


def test_sick_leave_recorded_through_the_api_reaches_the_225_hour_months(client, consultant, citizen):
    from smaajob.cases import hours_requirement_case
    from smaajob.rules import month_index

    log_in(client, consultant)
    client.post(
        f"/api/v1/borgere/{citizen.pk}/sygeperioder",
        content_type=JSON,
        data={"starts_on": "2025-02-03", "ends_on": "2025-02-14"},
    )
    case = hours_requirement_case(citizen, date(2025, 6, 30))
    february = next(r for r in case.months if r.month == month_index(date(2025, 2, 1)))
    assert february.sick_days == 12
