# SPDX-License-Identifier: MPL-2.0
"""Progression assessments (001's four dimensions, 003's motivation type) and the progression report."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from smaajob.errors import InvalidInput, InvalidPeriod
from smaajob.progression.models import ProgressionAssessment
from smaajob.progression.selectors import next_assessment_due
from smaajob.progression.services import record_assessment

SCORES = {"belief_in_job": 4, "sense_of_value": 6, "coping": 5, "work_capacity": 3}


def test_a_consultant_records_the_four_dimensions_and_the_motivation_type(consultant, course):
    row = record_assessment(
        actor=consultant,
        course=course,
        assessed_on=date(2024, 2, 1),
        rater="consultant",
        scores=SCORES,
        motivation="identified",
        today=date(2024, 3, 1),
    )
    assert (row.belief_in_job, row.sense_of_value, row.coping, row.work_capacity) == (4, 6, 5, 3)
    assert row.get_motivation_display().startswith("Identificeret")


@pytest.mark.parametrize(
    ("scores", "field"),
    [
        ({**SCORES, "coping": 11}, "coping"),
        ({**SCORES, "coping": 0}, "coping"),
        ({**SCORES, "belief_in_job": "meget"}, "belief_in_job"),
        ({k: v for k, v in SCORES.items() if k != "work_capacity"}, "work_capacity"),
    ],
)
def test_a_score_outside_1_to_10_or_missing_is_refused_with_the_field_named(consultant, course, scores, field):
    with pytest.raises(InvalidInput) as error:
        record_assessment(
            actor=consultant,
            course=course,
            assessed_on=date(2024, 2, 1),
            rater="citizen",
            scores=scores,
            today=date(2024, 3, 1),
        )
    assert error.value.field == field and "1" in error.value.message
    assert not ProgressionAssessment.objects.exists()


def test_an_assessment_before_visitation_or_in_the_future_is_refused(consultant, course):
    with pytest.raises(InvalidPeriod):
        record_assessment(
            actor=consultant,
            course=course,
            assessed_on=date(2023, 12, 1),
            rater="citizen",
            scores=SCORES,
            today=date(2024, 3, 1),
        )
    with pytest.raises(InvalidPeriod):
        record_assessment(
            actor=consultant,
            course=course,
            assessed_on=date(2024, 4, 1),
            rater="citizen",
            scores=SCORES,
            today=date(2024, 3, 1),
        )


def test_an_unknown_motivation_type_or_rater_is_refused(consultant, course):
    with pytest.raises(InvalidInput, match="motivationstype"):
        record_assessment(
            actor=consultant,
            course=course,
            assessed_on=date(2024, 2, 1),
            rater="citizen",
            scores=SCORES,
            motivation="greedy",
            today=date(2024, 3, 1),
        )
    with pytest.raises(InvalidInput) as error:
        record_assessment(
            actor=consultant,
            course=course,
            assessed_on=date(2024, 2, 1),
            rater="employer",
            scores=SCORES,
            today=date(2024, 3, 1),
        )
    assert error.value.field == "rater"


def test_the_next_assessment_is_due_eight_weeks_after_the_latest(consultant, course):
    assert next_assessment_due(course) == date(2024, 3, 4)
    record_assessment(
        actor=consultant,
        course=course,
        assessed_on=date(2024, 2, 1),
        rater="citizen",
        scores=SCORES,
        today=date(2024, 3, 1),
    )
    assert next_assessment_due(course) == date(2024, 3, 28)


def test_the_progression_page_records_an_assessment_through_the_form(client, consultant, citizen, course):
    client.force_login(consultant)
    url = reverse("reports:progression", args=[citizen.pk])
    form = {
        "course": course.pk,
        "assessed_on": date.today().isoformat(),
        "rater": "citizen",
        "motivation": "",
        "note": "",
        **SCORES,
    }
    response = client.post(url, form)
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Borgerens egen vurdering" in page and "Tro på job" in page


def test_the_progression_form_shows_a_danish_error_next_to_a_bad_score(client, consultant, citizen, course):
    client.force_login(consultant)
    form = {"course": course.pk, "assessed_on": date.today().isoformat(), "rater": "citizen", **SCORES, "coping": 12}
    response = client.post(reverse("reports:progression", args=[citizen.pk]), form)
    assert response.status_code == 400 and "field-error" in response.content.decode()
    assert not ProgressionAssessment.objects.exists()


def test_the_progression_report_is_a_pdf_with_the_hours_trajectory(client, consultant, citizen, course, company):
    from smaajob.courses.services import create_placement, record_week, start_placement

    placement = create_placement(
        actor=consultant, course=course, company=company, kind="hybrid", planned_start=date(2024, 1, 15)
    )
    start_placement(actor=consultant, placement=placement, on=date(2024, 1, 15))
    record_week(
        actor=consultant,
        placement=placement,
        week=date(2024, 1, 15),
        hours_present=6,
        hours_paid=6,
        hours_effective=4,
        today=date(2024, 2, 1),
    )
    client.force_login(consultant)
    page = client.get(reverse("reports:progression", args=[citizen.pk])).content.decode()
    assert "<polyline" in page and "15.1.2024" in page
    response = client.get(reverse("reports:progression_pdf", args=[citizen.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")


def test_an_analyst_cannot_open_a_citizens_progression(client, make_user, citizen):
    client.force_login(make_user("analyst"))
    assert client.get(reverse("reports:progression", args=[citizen.pk])).status_code == 404


def test_a_consultant_without_the_citizen_gets_the_same_404_as_for_a_missing_citizen(client, make_user, citizen):
    client.force_login(make_user("consultant", username="fremmed"))
    assert client.get(reverse("reports:progression", args=[citizen.pk])).status_code == 404
    assert client.get(reverse("reports:progression", args=[citizen.pk + 999])).status_code == 404
