# SPDX-License-Identifier: MPL-2.0
"""The working tool's API under /api/v1/: same services, same access module, stable errors."""

from __future__ import annotations

from datetime import date, timedelta

from smaajob.audit.models import AuditEntry
from tests.web.test_pages import log_in

JSON = "application/json"


def test_the_schema_lists_the_working_tool_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/netvaerk/jobaabninger",
        "/api/v1/forloeb/{course_id}/placeringer",
        "/api/v1/match/borgere/{citizen_id}",
        "/api/v1/arbejdsliste/",
        "/api/v1/borgere/{citizen_id}/225-timer",
    ):
        assert path in paths


def test_a_placement_is_registered_and_its_week_recorded_through_the_api(client, consultant, course, opening):
    log_in(client, consultant)
    start = date.today() - timedelta(days=date.today().weekday() + 7)
    response = client.post(
        f"/api/v1/forloeb/{course.pk}/placeringer",
        content_type=JSON,
        data={"opening_id": opening.pk, "planned_start": start.isoformat(), "step_up": "2 → 6"},
    )
    assert response.status_code == 201, response.json()
    placement = response.json()
    assert [float(s["hours_per_week"]) for s in placement["steps"]] == [2, 6]
    week = client.put(
        f"/api/v1/forloeb/placeringer/{placement['id']}/uger",
        content_type=JSON,
        data={"week": start.isoformat(), "hours_present": "3"},
    )
    assert week.status_code == 200 and float(week.json()["hours_present"]) == 3
    bad = client.put(
        f"/api/v1/forloeb/placeringer/{placement['id']}/uger",
        content_type=JSON,
        data={"week": start.isoformat(), "hours_present": "3", "hours_paid": "2"},
    )
    assert bad.status_code == 400 and bad.json()["code"] == "invalid_hours" and bad.json()["field"] == "hours_paid"


def test_openings_are_filtered_and_created_and_bad_hours_get_a_stable_code(client, consultant, company, opening):
    log_in(client, consultant)
    assert [o["title"] for o in client.get("/api/v1/netvaerk/jobaabninger?buddy=true").json()["items"]] == [
        "Opfyldning af frugt"
    ]
    bad = client.post(
        f"/api/v1/netvaerk/virksomheder/{company.pk}/jobaabninger",
        content_type=JSON,
        data={"title": "Opvask", "kind": "paid", "hours_min": 6, "hours_max": 2},
    )
    assert bad.status_code == 400 and bad.json()["field"] == "hours_max"


def test_matching_through_the_api_explains_and_proposes(client, consultant, citizen, course, opening):
    log_in(client, consultant)
    body = client.get(f"/api/v1/match/borgere/{citizen.pk}").json()
    assert body["suggestions"][0]["id"] == opening.pk and body["suggestions"][0]["explanation"]["feasible"]
    response = client.post(
        "/api/v1/match/forslag", content_type=JSON, data={"citizen_id": citizen.pk, "opening_id": opening.pk}
    )
    assert response.status_code == 201 and response.json()["status"] == "asked"


def test_the_225_hour_status_and_timeline_are_read_with_an_audit_entry(client, caseworker, citizen, course):
    log_in(client, caseworker)
    status = client.get(f"/api/v1/borgere/{citizen.pk}/225-timer").json()
    assert status["status"] in ("not_covered", "exempt", "met", "at_risk", "reduction_proposed", "unknown")
    events = client.get(f"/api/v1/borgere/{citizen.pk}/tidslinje").json()
    assert any(e["kind"] == "forløb" for e in events)
    assert AuditEntry.objects.filter(channel="api", citizen_id=citizen.pk, action="read").exists()


def test_an_employer_and_an_analyst_are_refused_case_records_through_the_api(
    client, make_user, employer_user, citizen, course, running_placement
):
    log_in(client, make_user("analyst"))
    assert client.get(f"/api/v1/forloeb/placeringer/{running_placement.pk}").status_code == 404
    assert client.get(f"/api/v1/borgere/{citizen.pk}/tidslinje").status_code == 404
    client.logout()
    log_in(client, employer_user)
    assert client.get(f"/api/v1/borgere/{citizen.pk}/tidslinje").status_code == 404
    assert (
        client.post(
            f"/api/v1/forloeb/{course.pk}/opfoelgninger",
            content_type=JSON,
            data={"happened_on": date.today().isoformat()},
        ).status_code
        == 404
    )
    task = client.post(
        "/api/v1/netvaerk/opgaver", content_type=JSON, data={"title": "Rengøring", "hours_min": 2, "hours_max": 4}
    )
    assert task.status_code == 201


def test_the_worklist_api_gives_the_same_alerts_as_the_page(client, consultant, project, running_placement):
    project.weeks_without_pay_alert = 2
    project.save()
    codes = {a["code"] for a in log_in(client, consultant).get("/api/v1/arbejdsliste/").json()["items"]}
    assert {"follow_up_overdue", "no_paid_hours"} <= codes
