# SPDX-License-Identifier: MPL-2.0
"""When the next follow-up is due, and the schedule of the next ones."""


from __future__ import annotations

from datetime import date, timedelta

from smaajob.courses.models import Course

COMPANY_STATES = ("placement", "paid_hours", "follow_up")


def follow_up_due(course: Course, on: date) -> date | None:
    """When the next follow-up is due: the date set at the last one, else the project's rhythm.

    Only courses in company-based activity are followed up (VTA weekly, STV every 3–4 weeks,
    ``Project.follow_up_interval_days``).
    """
    if course.state not in COMPANY_STATES:
        return None
    last = course.follow_ups.order_by("-happened_on", "-id").first()
    if last is not None and last.next_on is not None:
        return last.next_on
    if last is not None:
        base = last.happened_on
    else:
        first = course.placements.order_by("planned_start").first()
        base = (first.actual_start or first.planned_start) if first else course.started_on
    return base + timedelta(days=course.project.follow_up_interval_days)


def follow_up_schedule(course: Course, on: date, count: int = 4) -> list[date]:
    """The next ``count`` follow-up dates at the project's rhythm."""
    due = follow_up_due(course, on)
    if due is None:
        return []
    step = timedelta(days=course.project.follow_up_interval_days)
    return [due + i * step for i in range(count)]
