# SPDX-License-Identifier: MPL-2.0
"""Placements and the weekly hours ledger: planned hours on a day, what runs on a day, open courses."""


from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet

from smaajob.courses.models import Course, Placement, WeeklyHours


def planned_hours_on(placement: Placement, day: date) -> Decimal | None:
    """The planned weekly hours in force on a day (the latest step on or before it).

    Uses prefetched steps when the caller prefetched them (``prefetch_related("steps")``), so
    a list of placements costs one query, not one per row.
    """
    cached = getattr(placement, "_prefetched_objects_cache", {}).get("steps")
    if cached is not None:
        in_force = [s for s in cached if s.from_date <= day]
        return max(in_force, key=lambda s: s.from_date).hours_per_week if in_force else None
    step = placement.steps.filter(from_date__lte=day).order_by("-from_date").first()
    return step.hours_per_week if step else None


def active_on(on: date) -> Q:
    """Placements running on a day: started, and not ended before it."""
    return Q(actual_start__lte=on) & (Q(actual_end__isnull=True) | Q(actual_end__gte=on))


def open_courses() -> QuerySet[Course]:
    return Course.objects.exclude(state="exited")


def hours_ledger(placement: Placement) -> QuerySet[WeeklyHours]:
    return placement.weeks.order_by("week_start")
