# SPDX-License-Identifier: MPL-2.0
"""Figures for the dashboards: hours and states of a caseload, caseloads per staff member."""


from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet

from smaajob.citizens.models import Assignment, Citizen, WorkDuty
from smaajob.courses.models import Course, Placement, WeeklyHours
from smaajob.courses.selectors.ledger import active_on, planned_hours_on

HOUR_BUCKETS = ((0, 2, "under 2"), (2, 5, "2–5"), (5, 10, "5–10"), (10, 20, "10–20"), (20, 169, "20+"))


def dashboard(citizens: QuerySet[Citizen], on: date, weeks: int = 12) -> dict[str, Any]:
    """Live operational figures for a set of citizens (a consultant's, a team's, a project's).

    Counting rules: a citizen counts once in each figure however many placements they have;
    "in company-based activity" = a placement running on ``on``; "with paid hours" = paid
    hours recorded in the last four weeks.
    """
    from django.db.models import Sum

    ids = list(citizens.values_list("pk", flat=True))
    running = Placement.objects.filter(course__citizen_id__in=ids).filter(active_on(on))
    in_company = set(running.values_list("course__citizen_id", flat=True))
    since = on - timedelta(weeks=4)
    paid_recently = set(
        WeeklyHours.objects.filter(
            placement__course__citizen_id__in=ids, week_start__gte=since, hours_paid__gt=0
        ).values_list("placement__course__citizen_id", flat=True)
    )
    states = dict(
        Course.objects.filter(citizen_id__in=ids).exclude(state="exited").values_list("state").annotate(n=Count("id"))
    )
    buckets = [0] * len(HOUR_BUCKETS)
    for p in running.prefetch_related("steps"):
        hours = planned_hours_on(p, on) or Decimal(0)
        for i, (low, high, _label) in enumerate(HOUR_BUCKETS):
            if low <= hours < high:
                buckets[i] += 1
                break
    first_week = on - timedelta(days=on.weekday()) - timedelta(weeks=weeks - 1)
    per_week = {
        row["week_start"]: row
        for row in WeeklyHours.objects.filter(placement__course__citizen_id__in=ids, week_start__gte=first_week)
        .values("week_start")
        .annotate(paid=Sum("hours_paid"), present=Sum("hours_present"))
    }
    series = []
    for i in range(weeks):
        week = first_week + timedelta(weeks=i)
        row: Mapping[str, Any] = per_week.get(week, {})
        series.append({"week": week, "paid": float(row.get("paid") or 0), "present": float(row.get("present") or 0)})
    return {
        "citizens": len(ids),
        "in_company": len(in_company),
        "with_paid_hours": len(paid_recently),
        "paid_share": (len(paid_recently & in_company) / len(in_company)) if in_company else None,
        "states": states,
        "hour_buckets": [(label, n) for (_l, _h, label), n in zip(HOUR_BUCKETS, buckets, strict=True)],
        "series": series,
        **_work_duty_figures(ids, on, since),
    }


def _work_duty_figures(ids: list[int], on: date, since: date) -> dict[str, Any]:
    """Under work duty on ``on`` (a recorded decision in force), and their paid småjob hours in
    the last four weeks (``smaajob.courses.work_duty``'s counting rule)."""
    from smaajob.courses.work_duty import in_force_on, smaajob_hours_by_citizen

    under = set(WorkDuty.objects.filter(in_force_on(on), citizen_id__in=ids).values_list("citizen_id", flat=True))
    hours = smaajob_hours_by_citizen(under, since, on) if under else {}
    return {"under_work_duty": len(under), "work_duty_smaajob_hours": float(sum(hours.values(), Decimal(0)))}


def caseloads(staff: QuerySet[Any], on: date) -> list[dict[str, Any]]:
    """Current citizens per staff member (a citizen counts once per staff member)."""
    rows = (
        Assignment.objects.filter(staff__in=staff, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .values("staff_id", "staff__first_name", "staff__last_name", "staff__username", "staff_role")
        .annotate(n=Count("citizen_id", distinct=True))
        .order_by("staff__first_name")
    )
    return [
        {
            "name": f"{r['staff__first_name']} {r['staff__last_name']}".strip() or r["staff__username"],
            "role": r["staff_role"],
            "n": r["n"],
        }
        for r in rows
    ]
