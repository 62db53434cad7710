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


def test_nothing_about_a_person_is_dated_before_their_birth():
    plausibility.not_before_birth(date(1985, 2, 2), date(1985, 2, 2), field="started_on", what="Visitationen")
    with pytest.raises(InvalidPeriod, match=r"før borgeren blev født \(2\.2\.1985\)"):
        plausibility.not_before_birth(date(1980, 1, 7), date(1985, 2, 2), field="started_on", what="Visitationen")


def test_planned_hours_above_a_full_time_week_are_refused_outright():
    plausibility.within_full_time(Decimal(37), field="steps")
    with pytest.raises(InvalidHours, match="mere end en fuldtidsuge"):
        plausibility.within_full_time(Decimal("37.5"), field="steps")
    with pytest.raises(InvalidHours, match="fuldtidsuge"):
        plausibility.hours_fit_or_reasoned(
            [Decimal(50)], hours_min=None, hours_max=None, capacity=None, reason="begrundet", field="x"
        )


def test_hours_outside_the_range_or_the_capacity_pass_only_with_a_reason():
    assert (
        plausibility.hours_deviations(
            [Decimal(5), Decimal(15)], hours_min=Decimal(5), hours_max=Decimal(15), capacity=Decimal("15.0")
        )
        == []
    )
    with pytest.raises(InvalidHours, match="7,5 timer om ugen ligger uden for opgavens 2–6 timer") as caught:
        plausibility.hours_fit_or_reasoned(
            [Decimal("7.5")], hours_min=Decimal(2), hours_max=Decimal(6), capacity=None, reason=" ", field="x"
        )
    assert caught.value.code == "hours_deviation"
    accepted = plausibility.hours_fit_or_reasoned(
        [Decimal(10)], hours_min=None, hours_max=None, capacity=Decimal(8), reason="Kan mere nu", field="x"
    )
    assert accepted == ["10 timer om ugen er mere end de 8 timer, borgeren kan arbejde ifølge ressourceafdækningen"]


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
    assert page.status_code == 400 and "før forløbet begyndte" in page.content.decode()
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
    assert page.status_code == 400 and "ligger i fremtiden" in page.content.decode()
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
    assert page.status_code == 400 and "mere end et år frem" in page.content.decode()
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


# ------------------------------------------------------------------------------ visitation, web and API


def _visitation(project, started_on: str) -> dict[str, object]:
    return {
        "cpr": "020285-1234",
        "first_name": "Frederik",
        "last_name": "Berg",
        "project": project.pk,
        "benefit_rate": "full",
        "started_on": started_on,
    }


def test_a_visitation_dated_2031_is_refused_in_the_web_form_and_nothing_is_written(client, caseworker, project):
    from smaajob.citizens.models import Citizen
    from smaajob.courses.models import Course

    page = log_in(client, caseworker).post(reverse("web:visitation"), _visitation(project, "2031-01-06"))
    assert page.status_code == 400 and "Visitationen er dateret 6.1.2031, som ligger i fremtiden" in (
        page.content.decode()
    )
    assert not Citizen.objects.exists() and not Course.objects.exists()


def test_a_visitation_dated_2031_is_refused_through_the_api(client, caseworker, project):
    from smaajob.citizens.models import Citizen

    data = _visitation(project, "2031-01-06")
    data["project_id"] = data.pop("project")
    response = log_in(client, caseworker).post("/api/v1/borgere/visitation", content_type=JSON, data=data)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_period" and response.json()["field"] == "started_on"
    assert not Citizen.objects.exists()


def test_a_visitation_before_the_citizen_was_born_is_refused_in_the_web_form_and_the_api(client, caseworker, project):
    from smaajob.citizens.models import Citizen

    log_in(client, caseworker)
    page = client.post(reverse("web:visitation"), _visitation(project, "1980-01-07"))
    assert page.status_code == 400 and "før borgeren blev født (2.2.1985)" in page.content.decode()
    data = _visitation(project, "1980-01-07")
    data["project_id"] = data.pop("project")
    response = client.post("/api/v1/borgere/visitation", content_type=JSON, data=data)
    assert response.status_code == 400 and "før borgeren blev født" in response.json()["message"]
    assert not Citizen.objects.exists()


# ------------------------------------------------------------------------------ exemptions, web and API


def _exemption(decided_on: str, review_on: str) -> dict[str, str]:
    return {
        "decided_on": decided_on,
        "valid_from": decided_on,
        "reason": "Arbejdsevnen er meget begrænset.",
        "legal_basis": "LAS § 13 f, stk. 9",
        "review_on": review_on,
    }


def test_an_exemption_decided_in_2030_is_refused_in_the_web_form_and_the_api(client, caseworker, citizen):
    from smaajob.citizens.models import ExemptionDecision

    log_in(client, caseworker)
    page = client.post(reverse("web:exemption", args=[citizen.pk]), _exemption("2030-01-10", "2030-07-10"))
    assert page.status_code == 400 and "Afgørelsen er dateret 10.1.2030, som ligger i fremtiden" in (
        page.content.decode()
    )
    response = client.post(
        f"/api/v1/borgere/{citizen.pk}/fritagelser", content_type=JSON, data=_exemption("2030-01-10", "2030-07-10")
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_period" and response.json()["field"] == "decided_on"
    assert not ExemptionDecision.objects.exists()


def test_an_exemption_reviewed_before_it_was_decided_is_refused_in_the_web_form_and_the_api(
    client, caseworker, citizen
):
    from smaajob.citizens.models import ExemptionDecision

    log_in(client, caseworker)
    page = client.post(reverse("web:exemption", args=[citizen.pk]), _exemption("2025-01-10", "2024-07-10"))
    assert page.status_code == 400 and "vælg en revurderingsdato efter afgørelsen" in page.content.decode()
    response = client.post(
        f"/api/v1/borgere/{citizen.pk}/fritagelser", content_type=JSON, data=_exemption("2025-01-10", "2024-07-10")
    )
    assert response.status_code == 400 and response.json()["field"] == "review_on"
    assert not ExemptionDecision.objects.exists()


# ------------------------------------------------------------------------------ placement hours, web and API


@pytest.fixture
def five_to_fifteen(company, consultant):
    from smaajob.network.services import create_opening

    return create_opening(actor=consultant, company=company, title="Lager", kind="placement", hours_min=5, hours_max=15)


def _placement(opening, step_up: str, reason: str = "") -> dict[str, object]:
    start = date.today()
    return {
        "opening": opening.pk,
        "kind": "",
        "planned_start": start.isoformat(),
        "planned_end": (start + timedelta(weeks=4)).isoformat(),
        "step_up": step_up,
        "step_every_weeks": "1",
        "tasks": "",
        "deviation_reason": reason,
    }


def _api_placement(opening, step_up: str, reason: str = "") -> dict[str, object]:
    data = _placement(opening, step_up, reason)
    del data["opening"], data["kind"], data["step_every_weeks"]
    return {**data, "opening_id": opening.pk}


def test_a_step_up_from_50_to_100_hours_is_refused_even_with_a_reason(
    client, consultant, citizen, course, five_to_fifteen
):
    from smaajob.courses.models import Placement

    log_in(client, consultant)
    page = client.post(
        reverse("web:placement_new", args=[citizen.pk]), _placement(five_to_fifteen, "50 → 100", "Han vil gerne")
    )
    assert page.status_code == 400 and "50 timer om ugen er mere end en fuldtidsuge (37 timer)" in (
        page.content.decode()
    )
    response = client.post(
        f"/api/v1/forloeb/{course.pk}/placeringer",
        content_type=JSON,
        data=_api_placement(five_to_fifteen, "50 → 100", "Han vil gerne"),
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid_hours"
    assert not Placement.objects.exists()


def test_hours_outside_the_openings_range_need_a_reason_in_the_web_form(
    client, consultant, citizen, course, five_to_fifteen
):
    from smaajob.audit.models import AuditEntry
    from smaajob.courses.models import Placement

    log_in(client, consultant)
    url = reverse("web:placement_new", args=[citizen.pk])
    page = client.post(url, _placement(five_to_fifteen, "10 → 20"))
    assert page.status_code == 400
    assert "20 timer om ugen ligger uden for opgavens 5–15 timer" in page.content.decode()
    assert "Begrundelse for afvigelse" in page.content.decode()
    assert not Placement.objects.exists()
    response = client.post(url, _placement(five_to_fifteen, "10 → 20", "Arbejder allerede 20 timer i praksis."))
    assert response.status_code == 302
    placement = Placement.objects.get()
    assert [s.hours_per_week for s in placement.steps.all()] == [Decimal(10), Decimal(20)]
    assert AuditEntry.objects.filter(
        object_type="placement", object_id=placement.pk, detail__contains="Arbejder allerede 20 timer i praksis."
    ).exists()


def test_hours_outside_the_openings_range_need_a_deviation_reason_through_the_api(
    client, consultant, course, five_to_fifteen
):
    from smaajob.courses.models import Placement

    log_in(client, consultant)
    url = f"/api/v1/forloeb/{course.pk}/placeringer"
    response = client.post(url, content_type=JSON, data=_api_placement(five_to_fifteen, "2 → 6"))
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "hours_deviation" and body["field"] == "deviation_reason"
    assert "2 timer om ugen ligger uden for opgavens 5–15 timer" in body["message"]
    assert not Placement.objects.exists()
    reasoned = _api_placement(five_to_fifteen, "2 → 6", "Starter blidt efter sygdom.")
    assert client.post(url, content_type=JSON, data=reasoned).status_code == 201


def test_hours_above_the_citizens_recorded_capacity_need_a_reason_in_the_web_form_and_the_api(
    client, consultant, citizen, course, five_to_fifteen
):
    from smaajob.courses.models import Placement

    citizen.weekly_hours_capacity = Decimal(8)
    citizen.save(update_fields=["weekly_hours_capacity"])
    log_in(client, consultant)
    page = client.post(reverse("web:placement_new", args=[citizen.pk]), _placement(five_to_fifteen, "6 → 12"))
    assert page.status_code == 400
    assert "12 timer om ugen er mere end de 8 timer, borgeren kan arbejde" in page.content.decode()
    response = client.post(
        f"/api/v1/forloeb/{course.pk}/placeringer", content_type=JSON, data=_api_placement(five_to_fifteen, "6 → 12")
    )
    assert response.status_code == 400 and response.json()["code"] == "hours_deviation"
    assert not Placement.objects.exists()


def test_hours_within_the_range_and_the_capacity_need_no_reason(client, consultant, citizen, course, five_to_fifteen):
    from smaajob.courses.models import Placement

    citizen.weekly_hours_capacity = Decimal(15)
    citizen.save(update_fields=["weekly_hours_capacity"])
    page = log_in(client, consultant).post(
        reverse("web:placement_new", args=[citizen.pk]), _placement(five_to_fifteen, "5 → 10 → 15")
    )
    assert page.status_code == 302 and Placement.objects.count() == 1
