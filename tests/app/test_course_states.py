# SPDX-License-Identifier: MPL-2.0
from datetime import date

import pytest

from smaajob.courses.services import change_state
from smaajob.courses.states import ALLOWED, CourseState
from smaajob.errors import IllegalTransition, InvalidInput, InvalidPeriod


def walk(course, actor, *states, start=date(2024, 1, 9)):
    for i, state in enumerate(states):
        course = change_state(actor=actor, course=course, to_state=state, on=date.fromordinal(start.toordinal() + i))
    return course


def test_a_course_walks_the_whole_path_from_visitation_to_exit_with_every_step_dated(course, consultant):
    course = walk(course, consultant, "mapped", "matching", "match_meeting", "placement", "paid_hours", "follow_up")
    course = change_state(
        actor=consultant,
        course=course,
        to_state="exited",
        on=date(2024, 6, 1),
        outcome="ordinary_job",
        reason="Fastansat 20 t/uge",
    )
    states = list(course.transitions.values_list("to_state", flat=True))
    assert states == [
        "visited",
        "mapped",
        "matching",
        "match_meeting",
        "placement",
        "paid_hours",
        "follow_up",
        "exited",
    ]
    assert all(t.actor_id for t in course.transitions.all())
    assert course.ended_on == date(2024, 6, 1) and course.exit_outcome == "ordinary_job"


def test_jumping_from_visitation_straight_to_paid_hours_is_refused_with_the_allowed_steps(course, consultant):
    with pytest.raises(IllegalTransition) as error:
        change_state(actor=consultant, course=course, to_state="paid_hours", on=date(2024, 1, 9))
    assert "»Visiteret« til »Løntimer (småjob)«" in error.value.message
    assert "Ressourceafdækket" in error.value.message
    course.refresh_from_db()
    assert course.state == "visited" and course.transitions.count() == 1


def test_a_failed_match_meeting_returns_to_matching(course, consultant):
    course = walk(course, consultant, "mapped", "matching", "match_meeting", "matching")
    assert course.state == "matching"


def test_an_exited_course_cannot_be_reopened(course, consultant):
    course = change_state(
        actor=consultant, course=course, to_state="exited", on=date(2024, 2, 1), outcome="stopped", stop_reason="health"
    )
    with pytest.raises(IllegalTransition, match="afsluttet"):
        change_state(actor=consultant, course=course, to_state="mapped", on=date(2024, 2, 2))


def test_an_exit_without_an_outcome_is_refused_and_a_stop_needs_a_reason(course, consultant):
    with pytest.raises(InvalidInput, match="resultatet"):
        change_state(actor=consultant, course=course, to_state="exited", on=date(2024, 2, 1))
    with pytest.raises(InvalidInput, match="hvorfor"):
        change_state(actor=consultant, course=course, to_state="exited", on=date(2024, 2, 1), outcome="stopped")
    course.refresh_from_db()
    assert course.state == "visited"


def test_a_transition_dated_before_the_previous_one_is_refused(course, consultant):
    with pytest.raises(InvalidPeriod, match="før forløbets seneste skift"):
        change_state(actor=consultant, course=course, to_state="mapped", on=date(2023, 12, 1))


def test_every_open_state_can_exit_and_exited_leads_nowhere():
    for state in CourseState.values:
        if state == "exited":
            assert ALLOWED[state] == frozenset()
        else:
            assert "exited" in ALLOWED[state]
