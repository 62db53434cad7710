# SPDX-License-Identifier: MPL-2.0
"""Network events through HTTP: the calendar, an event page, attendance from the form, the
company page's history, the API — and another municipality's event answered as a missing one."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from smaajob.events import services
from tests.web.test_pages import log_in

JSON = "application/json"


def test_the_calendar_lists_a_coming_event_with_its_registrations(client, consultant, cluster_meeting):
    log_in(client, consultant)
    page = client.get(reverse("web:events")).content.decode()
    assert "Klyngemøde om småjob" in page
    assert "0 / 40" in page


def test_a_consultant_creates_an_event_from_the_form(client, consultant):
    log_in(client, consultant)
    response = client.post(
        reverse("web:event_new"),
        {
            "kind": "erfa",
            "title": "ERFA-møde for buddies",
            "starts_at": "2026-05-12 15:00",
            "ends_at": "2026-05-12 16:00",
            "capacity": "20",
        },
    )
    assert response.status_code == 302
    assert "ERFA-møde for buddies" in client.get(response["Location"]).content.decode()


def test_end_before_start_in_the_form_is_shown_next_to_the_field_and_nothing_is_saved(client, consultant):
    from smaajob.events.models import Event

    log_in(client, consultant)
    response = client.post(
        reverse("web:event_new"),
        {"kind": "cluster", "title": "Klyngemøde", "starts_at": "2026-05-12 15:00", "ends_at": "2026-05-12 09:00"},
    )
    assert response.status_code == 400
    assert "efter starttidspunktet" in response.content.decode()
    assert not Event.objects.exists()


def test_attendance_ticked_on_the_page_shows_on_the_company_page(
    client, consultant, cluster_meeting, company, contacts
):
    log_in(client, consultant)
    first = services.register(event=cluster_meeting, company=company, contact=contacts[0])
    services.register(event=cluster_meeting, company=company, contact=contacts[1])
    response = client.post(
        reverse("web:event_action", args=[cluster_meeting.pk, "fremmoede"]), {"attended": [first.pk]}
    )
    assert response.status_code == 302
    assert "1 af 2 mødt" in client.get(reverse("web:event", args=[cluster_meeting.pk])).content.decode()
    company_page = client.get(reverse("web:company", args=[company.pk])).content.decode()
    assert "Deltagelse i netværksarrangementer" in company_page
    assert "Klyngemøde om småjob" in company_page


def test_attendance_for_an_id_not_registered_is_a_clear_400_on_the_page(client, consultant, cluster_meeting):
    log_in(client, consultant)
    response = client.post(reverse("web:event_action", args=[cluster_meeting.pk, "fremmoede"]), {"attended": ["77"]})
    assert response.status_code == 400
    assert "Kun tilmeldte kan registreres som mødt" in response.content.decode()


def test_registering_from_the_page_over_capacity_is_refused(client, consultant, cluster_meeting, company, contacts):
    cluster_meeting.capacity = 1
    cluster_meeting.save()
    services.register(event=cluster_meeting, company=company, contact=contacts[0])
    log_in(client, consultant)
    response = client.post(
        reverse("web:event_action", args=[cluster_meeting.pk, "tilmeld"]), {"participant": f"contact:{contacts[1].pk}"}
    )
    assert response.status_code == 400
    assert "Arrangementet er fuldt" in response.content.decode()
    assert cluster_meeting.registrations.count() == 1


def test_another_municipalitys_event_is_the_same_404_as_a_missing_one(
    client, make_user, other_municipality, cluster_meeting
):
    stranger = make_user("consultant", username="fremmed", municipality=other_municipality, team=None)
    log_in(client, stranger)
    theirs = client.get(reverse("web:event", args=[cluster_meeting.pk]))
    missing = client.get(reverse("web:event", args=[cluster_meeting.pk + 1000]))
    assert theirs.status_code == missing.status_code == 404
    api_theirs = client.get(f"/api/v1/netvaerk/arrangementer/{cluster_meeting.pk}")
    api_missing = client.get(f"/api/v1/netvaerk/arrangementer/{cluster_meeting.pk + 1000}")
    assert api_theirs.status_code == api_missing.status_code == 404
    assert api_theirs.json() == api_missing.json()


def test_an_employer_sees_only_events_its_company_is_invited_to(
    client, make_user, municipality, consultant, company, cluster_meeting
):
    from smaajob.events.services import create_event

    start = timezone.localtime() + timedelta(days=3)
    other = create_event(
        actor=consultant, municipality=municipality, kind="erfa", title="ERFA", starts_at=start, ends_at=start
    )
    services.invite(event=cluster_meeting, company=company)
    employer = make_user("employer", username="netto", company=company)
    log_in(client, employer)
    rows = client.get("/api/v1/netvaerk/arrangementer").json()
    titles = [r["title"] for r in rows.get("items", rows)] if isinstance(rows, dict) else [r["title"] for r in rows]
    assert titles == ["Klyngemøde om småjob"]
    assert client.get(f"/api/v1/netvaerk/arrangementer/{other.pk}").status_code == 404
    # An employer reads the event but cannot tick attendance.
    put = client.put(
        f"/api/v1/netvaerk/arrangementer/{cluster_meeting.pk}/fremmoede", {"attended": []}, content_type=JSON
    )
    assert put.status_code == 404


def test_the_api_registers_and_records_attendance_and_refuses_a_full_event(
    client, consultant, cluster_meeting, company, contacts
):
    cluster_meeting.capacity = 1
    cluster_meeting.save()
    log_in(client, consultant)
    url = f"/api/v1/netvaerk/arrangementer/{cluster_meeting.pk}"
    first = client.post(
        f"{url}/tilmeldinger", {"company_id": company.pk, "contact_id": contacts[0].pk}, content_type=JSON
    )
    assert first.status_code == 201
    full = client.post(
        f"{url}/tilmeldinger", {"company_id": company.pk, "contact_id": contacts[1].pk}, content_type=JSON
    )
    assert full.status_code == 400 and full.json()["code"] == "event_full"
    done = client.put(f"{url}/fremmoede", {"attended": [first.json()["id"]]}, content_type=JSON)
    assert done.json() == {"attended": 1}
    bad = client.put(f"{url}/fremmoede", {"attended": [first.json()["id"] + 500]}, content_type=JSON)
    assert bad.status_code == 400 and bad.json()["code"] == "not_registered"


def test_the_event_routes_are_in_the_openapi_schema(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/netvaerk/arrangementer" in paths
    assert "/api/v1/netvaerk/arrangementer/{event_id}/fremmoede" in paths
    assert "/api/v1/netvaerk/arrangementer/rapport" in paths


def test_the_api_creates_an_erfa_series_every_seven_weeks_and_refuses_ten(client, consultant):
    log_in(client, consultant)
    body = {"title": "ERFA", "first_starts_at": "2026-01-13T15:00:00+01:00", "count": 4, "interval_weeks": 7}
    made = client.post("/api/v1/netvaerk/arrangementer/serier", body, content_type=JSON)
    assert made.status_code == 201
    assert [e["starts_at"][:10] for e in made.json()] == ["2026-01-13", "2026-03-03", "2026-04-21", "2026-06-09"]
    refused = client.post("/api/v1/netvaerk/arrangementer/serier", {**body, "interval_weeks": 10}, content_type=JSON)
    assert refused.status_code == 400 and refused.json()["field"] == "interval_weeks"
