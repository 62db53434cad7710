# SPDX-License-Identifier: MPL-2.0
"""Entry points pass what the user gave; the services fill in defaults and ranking, so the web
and the API give the same result (issue 19 item 5)."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse

from smaajob.courses.models import MatchProposal, Placement
from tests.web.test_pages import log_in

JSON = "application/json"


def test_a_match_proposed_through_the_api_keeps_the_engines_score_and_explanation_like_the_web(
    client, consultant, citizen, course, opening
):
    log_in(client, consultant)
    client.post(reverse("web:propose"), {"borger": citizen.pk, "jobaabning": opening.pk})
    web = MatchProposal.objects.get()
    web.status = "withdrawn"
    web.save(update_fields=["status"])
    response = client.post(
        "/api/v1/match/forslag", content_type=JSON, data={"citizen_id": citizen.pk, "opening_id": opening.pk}
    )
    assert response.status_code == 201
    api = MatchProposal.objects.get(pk=response.json()["id"])
    assert web.score is not None and web.explanation
    assert (api.score, api.explanation) == (web.score, web.explanation)


def test_a_placement_left_blank_takes_kind_step_up_and_tasks_from_the_opening_on_the_web_and_in_the_api(
    client, consultant, citizen, course, opening
):
    log_in(client, consultant)
    monday = date.today() - timedelta(days=date.today().weekday())
    web = client.post(
        reverse("web:placement_new", args=[citizen.pk]),
        {
            "opening": opening.pk,
            "planned_start": monday.isoformat(),
            "planned_end": (monday + timedelta(weeks=2)).isoformat(),
            "step_every_weeks": "1",
        },
    )
    assert web.status_code == 302
    api = client.post(
        f"/api/v1/forloeb/{course.pk}/placeringer",
        content_type=JSON,
        data={"opening_id": opening.pk, "planned_start": (monday + timedelta(weeks=3)).isoformat()},
    )
    assert api.status_code == 201, api.json()
    rows = [
        (p.company_id, p.kind, p.tasks, [float(s.hours_per_week) for s in p.steps.all()])
        for p in Placement.objects.order_by("planned_start")
    ]
    assert rows == [(opening.company_id, "placement", "Opfyldning af frugt", [2.0])] * 2
