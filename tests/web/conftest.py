# SPDX-License-Identifier: MPL-2.0
"""Fixtures for the working tool's pages: an opening, a running placement, an employer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest


@pytest.fixture
def opening(company, consultant):
    from smaajob.network.services import add_buddy, create_opening

    buddy = add_buddy(company=company, name="Bente Buddy", trained_on=date(2024, 1, 15))
    return create_opening(
        actor=consultant,
        company=company,
        title="Opfyldning af frugt",
        kind="placement",
        hours_min=2,
        hours_max=12,
        slots=[{"weekday": d, "start": "08:00", "end": "14:00"} for d in range(5)],
        buddy=buddy,
    )


@pytest.fixture
def running_placement(course, company, opening, consultant):
    from smaajob.courses.services import register_placement

    start = date.today() - timedelta(weeks=3)
    start -= timedelta(days=start.weekday())
    return register_placement(
        actor=consultant,
        course=course,
        company=company,
        opening=opening,
        kind="placement",
        planned_start=start,
        planned_end=start + timedelta(weeks=4),
        step_up="2 → 6",
    )


@pytest.fixture
def employer_user(make_user, company):
    return make_user("employer", username="netto", company=company, municipality=None, team=None)


# Records to correct and annul (tests/web/test_corrections*.py).
@pytest.fixture
def week(running_placement, consultant):
    from smaajob.courses.services import record_week

    return record_week(
        actor=consultant,
        placement=running_placement,
        week=running_placement.planned_start,
        hours_present=5,
        hours_paid=0,
    )


@pytest.fixture
def follow_up(course, running_placement, consultant):
    from smaajob.courses.services import record_follow_up

    return record_follow_up(
        actor=consultant,
        course=course,
        placement=running_placement,
        happened_on=running_placement.planned_start + timedelta(days=2),
        channel="visit",
        attendance="as_agreed",
        notes="Godt i gang",
    )


@pytest.fixture
def exemption(citizen, caseworker):
    from smaajob.citizens.services import decide_exemption

    return decide_exemption(
        actor=caseworker,
        citizen=citizen,
        decided_on=date(2024, 3, 1),
        valid_from=date(2024, 3, 1),
        reason="Varigt nedsat arbejdsevne",
        review_on=date(2024, 9, 1),
    )
