# SPDX-License-Identifier: MPL-2.0
"""The live operational dashboard (journey 7) per consultant, team and project: citizens in
company-based activity, with paid hours, the hours distribution and caseloads, with SVG plots.
Evaluation reports live in ``smaajob.reports`` (/rapporter/)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.charts import bar_chart, column_chart
from smaajob.courses import selectors
from smaajob.courses.states import CourseState
from smaajob.organisation.models import Project, Role, User
from smaajob.web.errors import renders_errors

DASHBOARD_ROLES = frozenset({Role.CASEWORKER, Role.CONSULTANT, Role.COORDINATOR, Role.ADMINISTRATOR})


@login_required
@renders_errors
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if user.role not in DASHBOARD_ROLES:
        access.require_case_writer(user)
    today = date.today()
    citizens = access.citizens_for(user, on=today)
    projects = Project.objects.filter(municipality=access.own_municipality(user)).order_by("name")
    scope = "team" if user.role == Role.COORDINATOR else "mine"
    project = None
    if request.GET.get("projekt"):
        project = projects.filter(pk=request.GET["projekt"]).first() if request.GET["projekt"].isdigit() else None
        if project is not None:
            citizens = citizens.filter(courses__project=project, courses__annulled_at__isnull=True).distinct()
            scope = "projekt"
    figures = selectors.dashboard(citizens, today)
    staff = User.objects.none()
    if user.team_id and user.role in (Role.COORDINATOR, Role.ADMINISTRATOR):
        staff = User.objects.filter(team_id=user.team_id, role__in=[Role.CASEWORKER, Role.CONSULTANT])
    paid_chart = column_chart(
        "Løntimer pr. uge",
        [(f"u{row['week'].isocalendar().week}", row["paid"]) for row in figures["series"]],
    )
    bucket_chart = column_chart("Borgere efter planlagte timer pr. uge", figures["hour_buckets"])
    # In the course's own order (visited, mapped, …), so the table and bars read as a funnel.
    states = [(str(label), figures["states"][key]) for key, label in CourseState.choices if key in figures["states"]]
    # The funnel of open courses, step by step, as bars beside its table (issue 15, item 4).
    funnel_chart = (
        bar_chart(
            [(label, n, None) for label, n in states],
            title="Åbne forløb pr. trin",
            description="; ".join(f"{label}: {n}" for label, n in states) + ".",
        )
        if states
        else None
    )
    return render(
        request,
        "web/dashboard.html",
        {
            "figures": figures,
            "paid_chart": paid_chart,
            "bucket_chart": bucket_chart,
            "states": states,
            "funnel_chart": funnel_chart,
            "caseloads": selectors.caseloads(staff, today),
            "projects": projects,
            "project": project,
            "scope": scope,
        },
    )
