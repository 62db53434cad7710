# SPDX-License-Identifier: MPL-2.0
"""When the next follow-up is due, and the schedule of the next ones."""


from __future__ import annotations

from datetime import date, timedelta

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from smaajob.courses.models import Course, FollowUp, Placement

COMPANY_STATES = ("placement", "paid_hours", "follow_up")


def follow_up_due_dates(courses: QuerySet[Course]) -> dict[int, date]:
    """When each course's next follow-up is due: the date set at the last one, else the
    project's rhythm from the last follow-up (or, before any, the first placement's start).

    The one rule for the follow-up page and the worklist (``follow_up_due``, and the alert
    ``follow_up_overdue``). Only courses in company-based activity are followed up (VTA weekly,
    STV every 3–4 weeks, ``Project.follow_up_interval_days``); the others get no date. One
    query for any number of courses: the last follow-up and the first placement come in as
    subqueries, so a caseload of 50 does not cost 100 round trips.
    """
    last = FollowUp.objects.filter(course=OuterRef("pk")).order_by("-happened_on", "-id")
    first = Placement.objects.filter(course=OuterRef("pk")).order_by("planned_start", "id")
    rows = (
        courses.filter(state__in=COMPANY_STATES)
        .annotate(
            last_next=Subquery(last.values("next_on")[:1]),
            last_on=Subquery(last.values("happened_on")[:1]),
            first_start=Subquery(first.annotate(s=Coalesce("actual_start", "planned_start")).values("s")[:1]),
        )
        .values_list("pk", "last_next", "last_on", "first_start", "started_on", "project__follow_up_interval_days")
    )
    due: dict[int, date] = {}
    for pk, last_next, last_on, first_start, started_on, interval in rows:
        if last_next is not None:
            due[pk] = last_next
        else:
            due[pk] = (last_on or first_start or started_on) + timedelta(days=interval)
    return due


def follow_up_due(course: Course, on: date) -> date | None:
    """When the course's next follow-up is due (``follow_up_due_dates`` for one course)."""
    return follow_up_due_dates(Course.objects.filter(pk=course.pk)).get(course.pk)


def follow_up_is_due(due: date | None, on: date) -> bool:
    """A follow-up is on the worklist from its due day; the page says "forfalden" after it."""
    return due is not None and due <= on


def follow_up_schedule(course: Course, on: date, count: int = 4) -> list[date]:
    """The next ``count`` follow-up dates at the project's rhythm."""
    due = follow_up_due(course, on)
    if due is None:
        return []
    step = timedelta(days=course.project.follow_up_interval_days)
    return [due + i * step for i in range(count)]
