# SPDX-License-Identifier: MPL-2.0
"""Correcting and annulling through the API (/api/v1/rettelser/…): the same checks, access
rules and history as the pages, and the API's error body (``code``, ``message``, ``field``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from smaajob.audit.models import AuditEntry
from smaajob.corrections.models import Correction
from tests.web.test_pages import log_in

JSON = "application/json"


def patch(client, kind, pk, values, reason="Tastefejl"):
    return client.patch(
        f"/api/v1/rettelser/{kind}/{pk}", content_type=JSON, data={"values": values, "correction_reason": reason}
    )


def annul(client, kind, pk, reason="Forkert borger"):
    return client.post(f"/api/v1/rettelser/{kind}/{pk}/annuller", content_type=JSON, data={"reason": reason})


def test_the_schema_lists_the_correction_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "patch" in paths["/api/v1/rettelser/{kind}/{record_id}"]
    assert "post" in paths["/api/v1/rettelser/{kind}/{record_id}/annuller"]


def test_a_week_is_corrected_through_the_api_and_the_ledger_reads_the_new_hours(client, consultant, week):
    log_in(client, consultant)
    response = patch(client, "uge", week.pk, {"hours_present": "4"})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["history"][0]["changes"] == [
        {"field": "hours_present", "label": "timer til stede", "old": "5", "new": "4"}
    ]
    assert body["history"][0]["actor"] == "Viggo Konsulent" and body["history"][0]["reason"] == "Tastefejl"
    weeks = client.get(f"/api/v1/forloeb/placeringer/{week.placement_id}/uger").json()
    assert [float(w["hours_present"]) for w in weeks] == [4]
    assert AuditEntry.objects.filter(channel="api", object_type="weeklyhours", detail="rettet: hours_present").exists()


def test_an_annulled_week_leaves_the_api_ledger_and_keeps_its_history(client, consultant, week):
    log_in(client, consultant)
    response = annul(client, "uge", week.pk)
    assert response.status_code == 200 and response.json()["annulled"] is True
    assert client.get(f"/api/v1/forloeb/placeringer/{week.placement_id}/uger").json() == []
    history = client.get(f"/api/v1/rettelser/uge/{week.pk}").json()["history"]
    assert [line["action"] for line in history] == ["annul"]
    again = annul(client, "uge", week.pk)
    assert again.status_code == 409 and again.json()["code"] == "illegal_transition"


def test_a_follow_up_is_corrected_and_annulled_through_the_api(client, consultant, follow_up):
    log_in(client, consultant)
    response = patch(client, "opfoelgning", follow_up.pk, {"attendance": "absent"}, reason="Udeblev")
    assert response.status_code == 200
    assert response.json()["history"][0]["changes"][0]["new"] == "Udeblevet"
    assert annul(client, "opfoelgning", follow_up.pk).status_code == 200
    assert Correction.objects.filter(record_kind="opfoelgning", record_id=follow_up.pk).count() == 2


def test_a_placement_is_corrected_and_annulled_through_the_api(client, consultant, running_placement):
    log_in(client, consultant)
    new_end = (running_placement.planned_end + timedelta(weeks=1)).isoformat()
    response = patch(client, "placering", running_placement.pk, {"planned_end": new_end}, reason="Forlænget")
    assert response.status_code == 200, response.json()
    assert annul(client, "placering", running_placement.pk).status_code == 200
    running_placement.refresh_from_db()
    assert running_placement.annulled_at is not None


def test_a_correction_that_breaks_a_rule_gets_the_rules_error_and_changes_nothing(client, consultant, week, follow_up):
    log_in(client, consultant)
    bad = patch(client, "uge", week.pk, {"hours_paid": "6"})
    assert bad.status_code == 400 and bad.json()["code"] == "invalid_hours" and bad.json()["field"] == "hours_paid"
    old = patch(client, "opfoelgning", follow_up.pk, {"happened_on": "2000-01-01"})
    assert old.status_code == 400 and old.json()["field"] == "happened_on"
    assert "før forløbet begyndte" in old.json()["message"]
    assert not Correction.objects.exists()


def test_a_correction_without_a_reason_gets_a_danish_400_naming_the_field(client, consultant, week):
    response = patch(log_in(client, consultant), "uge", week.pk, {"hours_present": "4"}, reason="")
    assert response.status_code == 400
    assert response.json()["field"] == "correction_reason" and "begrundelse" in response.json()["message"]
    week.refresh_from_db()
    assert week.hours_present == 5


@pytest.mark.parametrize(
    ("values", "field"),
    [({"recorded_by": 1}, "recorded_by"), ({"hours_present": "mange"}, "hours_present"), ({}, "hours_present")],
)
def test_unknown_fields_bad_numbers_and_empty_corrections_are_refused(client, consultant, week, values, field):
    response = patch(log_in(client, consultant), "uge", week.pk, values)
    assert response.status_code == 400 and response.json()["field"] == field


def test_the_api_refuses_a_correction_to_a_role_that_may_not_write_the_record(client, make_user, week):
    log_in(client, make_user("benefit_office"))
    assert patch(client, "uge", week.pk, {"hours_present": "4"}).status_code == 404
    assert annul(client, "uge", week.pk).status_code == 404
    assert client.get(f"/api/v1/rettelser/uge/{week.pk}").json()["code"] == "not_found"


def test_an_unknown_kind_and_an_oversized_id_are_not_found_or_refused(client, consultant, db):
    log_in(client, consultant)
    assert patch(client, "borger", 1, {"first_name": "X"}).status_code == 404
    assert client.get("/api/v1/rettelser/uge/99999999999999999999").status_code == 400


def test_the_visitation_date_cannot_be_corrected_into_the_future(client, caseworker, course):
    future = (date.today() + timedelta(days=3)).isoformat()
    response = patch(log_in(client, caseworker), "visitation", course.pk, {"started_on": future})
    assert response.status_code == 400 and response.json()["field"] == "started_on"
