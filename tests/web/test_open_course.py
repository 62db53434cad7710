# SPDX-License-Identifier: MPL-2.0
"""One rule for "the open course" (``courses.selectors.open_course``): with open courses in two
projects, the citizen page, a new placement, matching and the resource mapping all act on
the most recently started one, and the page lists the other (issue 19 item 3)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from smaajob.courses.models import MatchProposal, Placement
from tests.web.test_pages import log_in

JSON = "application/json"


@pytest.fixture
def newer_course(course, citizen, municipality, caseworker):
    """A second open course, started after the first and registered after it."""
    from smaajob.courses.services import start_course
    from smaajob.organisation.services import create_project

    jobhuset = create_project(municipality=municipality, name="Jobhuset", follow_up_interval_days=14)
    return start_course(actor=caseworker, citizen=citizen, project=jobhuset, started_on=date(2025, 3, 3))


def test_the_citizen_page_names_the_course_its_actions_act_on_and_lists_the_other(
    client, consultant, citizen, course, newer_course
):
    page = log_in(client, consultant).get(reverse("web:citizen", args=[citizen.pk])).content.decode()
    assert "Handlingerne gælder forløbet i <strong>Jobhuset</strong> (startet 3.3.2025)" in page
    assert "Borgeren har også åbne forløb i: VTA (startet 8.1.2024)." in page
    assert reverse("web:follow_up_new", args=[newer_course.pk]) in page


def test_a_new_placement_goes_to_the_course_the_citizen_page_shows(client, consultant, citizen, newer_course, opening):
    start = date.today() - timedelta(days=date.today().weekday())
    response = log_in(client, consultant).post(
        reverse("web:placement_new", args=[citizen.pk]),
        {"opening": opening.pk, "planned_start": start.isoformat(), "step_up": "2 → 4", "step_every_weeks": "1"},
    )
    assert response.status_code == 302
    assert Placement.objects.get().course == newer_course


def test_a_match_proposed_on_the_web_and_through_the_api_goes_to_the_same_course(
    client, consultant, citizen, newer_course, opening, company
):
    from smaajob.network.services import create_opening

    log_in(client, consultant)
    client.post(reverse("web:propose"), {"borger": citizen.pk, "jobaabning": opening.pk})
    second = create_opening(
        actor=consultant, company=company, title="Kasse", kind="placement", hours_min=2, hours_max=6
    )
    response = client.post(
        "/api/v1/match/forslag", content_type=JSON, data={"citizen_id": citizen.pk, "opening_id": second.pk}
    )
    assert response.status_code == 201
    assert {p.course for p in MatchProposal.objects.all()} == {newer_course}


def test_the_resource_mapping_sets_the_sub_goals_of_the_same_course(client, consultant, citizen, course, newer_course):
    response = log_in(client, consultant).put(
        f"/api/v1/borgere/{citizen.pk}/ressourcer", content_type=JSON, data={"sub_goals": ["Møde til tiden"]}
    )
    assert response.status_code == 200, response.json()
    newer_course.refresh_from_db()
    course.refresh_from_db()
    assert (newer_course.sub_goals, course.sub_goals) == (["Møde til tiden"], [])
