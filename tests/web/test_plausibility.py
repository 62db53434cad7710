# SPDX-License-Identifier: MPL-2.0
"""Plausibility (issue 18, item 3): entries that are well-formed but cannot be right are refused
with a clear Danish message, through the web form and the API alike, and nothing is saved."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from smaajob import plausibility
from smaajob.courses.models import FollowUp
from smaajob.errors import InvalidHours, InvalidPeriod
from smaajob.network.models import Opening
from tests.web.test_pages import log_in

JSON = "application/json"
TODAY = date(2026, 12, 2)


# ------------------------------------------------------------------------------ one test per rule


def test_something_that_happened_is_not_dated_after_today():
    plausibility.happened_by(TODAY, today=TODAY, field="happened_on", what="Opfølgningen")
    with pytest.raises(InvalidPeriod, match="ligger i fremtiden") as caught:
        plausibility.happened_by(date(2027, 6, 15), today=TODAY, field="happened_on", what="Opfølgningen")
    assert caught.value.field == "happened_on"


def test_nothing_is_dated_before_what_it_belongs_to():
    plausibility.not_before(date(2025, 3, 3), date(2025, 3, 3), field="f", what="Opfølgningen", belongs_to="x")
    with pytest.raises(InvalidPeriod, match="før placeringen begyndte"):
        plausibility.not_before(
            date(2000, 1, 1), date(2025, 3, 3), field="f", what="Opfølgningen", belongs_to="placeringen"
        )


def test_a_plan_lies_at_most_a_year_ahead():
    plausibility.plan_within(TODAY + timedelta(days=365), after=TODAY, field="next_on", what="Næste opfølgning")
    with pytest.raises(InvalidPeriod, match="mere end et år frem"):
        plausibility.plan_within(TODAY + timedelta(days=366), after=TODAY, field="next_on", what="Næste opfølgning")


def test_an_opening_offers_some_hours():
    plausibility.offers_hours(Decimal("0.5"))
    with pytest.raises(InvalidHours, match="mindst én time"):
        plausibility.offers_hours(Decimal(0))


# ------------------------------------------------------------------------------ follow-ups, web and API


def _follow_up(happened_on: date, placement, next_on: date | None = None) -> dict[str, str]:
    return {
        "happened_on": happened_on.isoformat(),
        "attendance": "as_agreed",
        "next_on": (next_on or happened_on + timedelta(days=7)).isoformat(),
        "channel": "visit",
        "placement": str(placement.pk),
    }


def _half_a_year_ahead() -> date:
    return date.today() + timedelta(days=190)  # e.g. June 2027 seen from December 2026


def test_a_follow_up_dated_2000_on_a_running_placement_is_refused_in_the_web_form(
    client, consultant, course, running_placement
):
    page = log_in(client, consultant).post(
        reverse("web:follow_up_new", args=[course.pk]), _follow_up(date(2000, 1, 1), running_placement)
    )
    assert page.status_code == 200 and "før forløbet begyndte" in page.content.decode()
    assert not FollowUp.objects.exists()


def test_a_follow_up_dated_2000_is_refused_through_the_api(client, consultant, course, running_placement):
    response = log_in(client, consultant).post(
        f"/api/v1/forloeb/{course.pk}/opfoelgninger",
        content_type=JSON,
        data={"happened_on": "2000-01-01", "placement_id": running_placement.pk},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_period" and response.json()["field"] == "happened_on"
    assert not FollowUp.objects.exists()


def test_a_follow_up_before_its_placement_started_is_refused(client, consultant, course, running_placement):
    before = (running_placement.actual_start or running_placement.planned_start) - timedelta(days=1)
    response = log_in(client, consultant).post(
        f"/api/v1/forloeb/{course.pk}/opfoelgninger",
        content_type=JSON,
        data={"happened_on": before.isoformat(), "placement_id": running_placement.pk},
    )
    assert response.status_code == 400 and "før placeringen begyndte" in response.json()["message"]


def test_a_follow_up_dated_in_the_future_is_refused_in_the_web_form_and_the_api(
    client, consultant, course, running_placement
):
    log_in(client, consultant)
    ahead = _half_a_year_ahead()
    page = client.post(reverse("web:follow_up_new", args=[course.pk]), _follow_up(ahead, running_placement))
    assert page.status_code == 200 and "ligger i fremtiden" in page.content.decode()
    response = client.post(
        f"/api/v1/forloeb/{course.pk}/opfoelgninger",
        content_type=JSON,
        data={"happened_on": ahead.isoformat(), "placement_id": running_placement.pk},
    )
    assert response.status_code == 400 and response.json()["field"] == "happened_on"
    assert not FollowUp.objects.exists()


def test_a_next_follow_up_years_ahead_is_refused(client, consultant, course, running_placement):
    today = date.today()
    page = log_in(client, consultant).post(
        reverse("web:follow_up_new", args=[course.pk]),
        _follow_up(today, running_placement, next_on=today + timedelta(days=800)),
    )
    assert page.status_code == 200 and "mere end et år frem" in page.content.decode()
    assert not FollowUp.objects.exists()


# ------------------------------------------------------------------------------ openings, web and API


def test_an_opening_of_zero_to_zero_hours_is_refused_in_the_web_form(client, consultant, company):
    page = log_in(client, consultant).post(
        reverse("web:opening_new", args=[company.pk]),
        {
            "title": "Opvask",
            "kind": "paid",
            "hours_min": "0",
            "hours_max": "0",
            "capacity": "1",
            "language_requirement": "0",
        },
    )
    assert "mindst én time" in page.content.decode()
    assert not Opening.objects.exists()


def test_an_opening_of_zero_to_zero_hours_is_refused_through_the_api(client, consultant, company):
    response = log_in(client, consultant).post(
        f"/api/v1/netvaerk/virksomheder/{company.pk}/jobaabninger",
        content_type=JSON,
        data={"title": "Opvask", "kind": "paid", "hours_min": "0", "hours_max": "0"},
    )
    assert response.status_code == 400 and response.json()["field"] == "hours_max"
    assert not Opening.objects.exists()
