# SPDX-License-Identifier: MPL-2.0
"""This week's hours for all of a consultant's citizens on one screen (journey 4).

Only what a person changed is saved (``smaajob.web.forms.weekly_hours``): the planned hours
are a suggestion until someone types the week or presses »Godkend som planlagt«.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.courses import selectors, services
from smaajob.courses.models import WeeklyHours
from smaajob.money import permissions as money_permissions
from smaajob.money import selectors as money_selectors
from smaajob.web.errors import renders_errors
from smaajob.web.forms.weekly_hours import APPROVE, FIELDS, planned_values, row_entry, shown


def _week(request: AuthenticatedRequest) -> date:
    raw = request.POST.get("uge") or request.GET.get("uge")
    today = date.today()
    try:
        day = date.fromisoformat(raw) if raw else today - timedelta(days=7)
    except ValueError:
        day = today - timedelta(days=7)
    return services.monday_of(min(day, today))


# What the screen shows of each placement; saving loads whole records for the services.
SHOWN = ("kind", "course__citizen__first_name", "course__citizen__last_name", "company__name")


def _rows(request: AuthenticatedRequest, week: date, *, for_saving: bool = False) -> list[dict[str, Any]]:
    sunday = week + timedelta(days=6)
    placements = (
        access.placements_for(request.user)
        .filter(actual_start__lte=sunday)
        .exclude(actual_end__lt=week)
        .exclude(course__state="exited", actual_end__isnull=True)
        .select_related("course__citizen", "company")
        .prefetch_related("steps")
        .order_by("course__citizen__last_name", "course__citizen__first_name")
    )
    if not for_saving:
        placements = placements.only(*SHOWN)
    recorded = {w.placement_id: w for w in WeeklyHours.objects.filter(week_start=week, placement__in=placements)}
    rows = []
    for p in placements:
        row = recorded.get(p.pk)
        planned = selectors.planned_hours_on(p, week)
        rows.append(
            {
                "placement": p,
                "key": f"p{p.pk}",
                "planned": planned,
                "recorded": row,
                "values": {f: shown(getattr(row, f)) for f in FIELDS} if row else dict.fromkeys(FIELDS, ""),
                "may_approve": row is None and planned_values(p.kind, planned) is not None,
            }
        )
    return rows


@login_required
@renders_errors
def weekly_hours(request: AuthenticatedRequest) -> HttpResponse:
    access.require_case_writer(request.user)
    week = _week(request)
    rows = _rows(request, week, for_saving=request.method == "POST")
    errors: dict[str, Any] = {}
    if request.method == "POST":
        approve = request.POST.get(APPROVE, "")
        entries = []
        for row in rows:
            entry, error = row_entry(row, request.POST, approve)
            if error is not None:
                errors[row["key"]] = error
            elif entry is not None:
                entries.append({**entry, "week": week})
        if not errors:
            errors = services.record_weeks(actor=request.user, rows=entries)
        if not errors:
            if entries:
                messages.success(
                    request, f"Timer for {len(entries)} placering(er) i uge {week.isocalendar().week} er gemt."
                )
            else:
                messages.info(request, "Intet er gemt: ingen rækker er udfyldt eller godkendt.")
            return redirect(f"{request.path}?uge={week.isoformat()}")
        for row in rows:
            row["error"] = errors.get(row["key"])
    # Approved payslips whose hours differ from the recorded weeks, for the consultant to resolve.
    differences = money_selectors.open_differences(money_permissions.payslips_for(request.user))
    shown_citizens = {r["placement"].course.citizen_id for r in rows} | {d.payslip.citizen_id for d in differences}
    access.log_list_read(request.user, sorted(shown_citizens), purpose="ugens timer")
    return render(
        request,
        "web/hours/week.html",
        {
            "week": week,
            "week_number": week.isocalendar().week,
            "previous": week - timedelta(days=7),
            "next": week + timedelta(days=7) if week + timedelta(days=7) <= date.today() else None,
            "rows": rows,
            "differences": differences,
            "any_approvable": any(r["may_approve"] for r in rows),
            "error_count": len(errors),
        },
        status=400 if errors else 200,
    )
