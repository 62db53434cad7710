# SPDX-License-Identifier: MPL-2.0
"""One audited getter (``smaajob.access.audited``) behind every ``get_*`` of the access layer:
missing and forbidden look alike, and both leave an audit entry (issue 19 item 1)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from smaajob.audit.models import AuditEntry
from tests.web.test_pages import log_in


def _week(running_placement, consultant):
    from smaajob.courses.services import record_week

    monday = date.today() - timedelta(days=date.today().weekday() + 7)
    return record_week(actor=consultant, placement=running_placement, week=monday, hours_present="3")


def test_confirming_another_companys_week_answers_like_a_missing_week_and_is_logged_as_denied(
    client, make_user, consultant, running_placement, municipality
):
    from smaajob.network.services import create_company

    week = _week(running_placement, consultant)
    other = create_company(
        actor=consultant, municipality=municipality, cvr="10000009", name="Anden ApS", sector="detail"
    )
    log_in(client, make_user("employer", username="fremmed", company=other, municipality=None, team=None))
    forbidden = client.post(f"/api/v1/forloeb/uger/{week.pk}/bekraeft")
    missing = client.post(f"/api/v1/forloeb/uger/{week.pk + 1000}/bekraeft")
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.json() == missing.json()
    denied = AuditEntry.objects.filter(action="denied", object_type="weeklyhours")
    assert Counter(denied.values_list("object_id", flat=True)) == Counter([week.pk, week.pk + 1000])
    assert set(denied.values_list("channel", flat=True)) == {"api"}


def test_a_citizen_and_a_course_outside_the_users_reach_answer_like_missing_ones(client, make_user, course, citizen):
    log_in(client, make_user("caseworker", username="anden"))
    for forbidden_path, missing_path in (
        (f"/api/v1/borgere/{citizen.pk}", "/api/v1/borgere/999999"),
        (f"/api/v1/forloeb/{course.pk}/opfoelgningsplan", "/api/v1/forloeb/999999/opfoelgningsplan"),
    ):
        forbidden, missing = client.get(forbidden_path), client.get(missing_path)
        assert forbidden.status_code == missing.status_code == 404
        assert forbidden.json() == missing.json()
