# SPDX-License-Identifier: MPL-2.0
"""Reads for the work duty (arbejdspligt): who is subject on a day, and each week's duty hours
with the småjob hours that count towards them.

Counting rule, stated once: a week's duty hours are the hours attended in the duty's
activities (``WorkDutyWeek``) plus the paid hours of småjob and hybrid placements in the hours
ledger for that ISO week (ordinary paid hours count towards the duty: star.dk, "Om
arbejdspligt"; praktik and wage-subsidy hours are activities the caseworker records as
attended). The duty is up to 37 hours a week.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum

from smaajob.citizens.models import Citizen, WorkDuty, WorkDutyWeek
from smaajob.courses.models import WeeklyHours
from smaajob.history import fact_on

# The placement kinds whose paid hours are ordinary paid work (a småjob).
ORDINARY_PAID_KINDS = ("paid", "hybrid")
ZERO = Decimal(0)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def work_duty_on(citizen: Citizen, on: date) -> WorkDuty | None:
    return fact_on(WorkDuty, owner={"citizen": citizen}, on=on)


def in_force_on(on: date) -> Q:
    """Work-duty rows in force on ``on``."""
    return Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def citizens_under_work_duty(citizens: QuerySet[Citizen], on: date) -> QuerySet[Citizen]:
    return citizens.filter(pk__in=WorkDuty.objects.filter(in_force_on(on)).values("citizen_id"))


def smaajob_hours_by_citizen(citizen_ids: Any, first: date, last: date) -> dict[int, Decimal]:
    """Paid småjob hours per citizen in the ledger weeks starting ``first``..``last``."""
    rows = (
        WeeklyHours.objects.filter(
            placement__course__citizen_id__in=citizen_ids,
            placement__kind__in=ORDINARY_PAID_KINDS,
            week_start__gte=first,
            week_start__lte=last,
        )
        .values("placement__course__citizen_id")
        .annotate(hours=Sum("hours_paid"))
    )
    return {r["placement__course__citizen_id"]: r["hours"] or ZERO for r in rows}


def duty_weeks(citizen: Citizen, on: date, *, weeks: int = 8) -> list[dict[str, Any]]:
    """The last ``weeks`` ISO weeks up to ``on`` in which the citizen was under the work duty."""
    last_monday = monday_of(on)
    first_monday = last_monday - timedelta(weeks=weeks - 1)
    duties = list(WorkDuty.objects.filter(citizen=citizen).order_by("valid_from"))
    attended = {
        w.week_start: w.attended_hours
        for w in WorkDutyWeek.objects.filter(citizen=citizen, week_start__gte=first_monday, week_start__lte=last_monday)
    }
    paid: dict[date, Decimal] = {}
    for week_start, hours in WeeklyHours.objects.filter(
        placement__course__citizen=citizen,
        placement__kind__in=ORDINARY_PAID_KINDS,
        week_start__gte=first_monday,
        week_start__lte=last_monday,
    ).values_list("week_start", "hours_paid"):
        paid[week_start] = paid.get(week_start, ZERO) + hours
    out = []
    for n in range(weeks):
        monday = last_monday - timedelta(weeks=n)
        duty = next(
            (
                d
                for d in reversed(duties)
                if d.valid_from <= monday + timedelta(days=6) and (d.valid_to is None or d.valid_to >= monday)
            ),
            None,
        )
        if duty is None:
            continue
        done = attended.get(monday, ZERO) + paid.get(monday, ZERO)
        planned = duty.planned_hours_per_week
        out.append(
            {
                "week_start": monday,
                "planned": planned,
                "attended": attended.get(monday),
                "smaajob_hours": paid.get(monday, ZERO),
                "total": done,
                "short": max(ZERO, planned - done) if planned is not None else None,
            }
        )
    return out
