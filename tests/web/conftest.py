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
