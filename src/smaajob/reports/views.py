# SPDX-License-Identifier: MPL-2.0
"""Report pages: the dashboard, drill-down to the records behind a number, exports, the PDF
evaluation report, the effort cost calculator, and the citizen's progression page and report.

Thin views: parse the request, call ``building``/``presentation``/services, render.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.citizens.models import Citizen
from smaajob.errors import NotFound, SmaajobError
from smaajob.identity.sessions import require_recent_login
from smaajob.organisation.models import Project, Role
from smaajob.pdf import pdf_response
from smaajob.progression.models import DIMENSIONS
from smaajob.progression.services import record_assessment
from smaajob.reports import costs as cost_pages
from smaajob.reports import exports, presentation, progression_report
from smaajob.reports.building import REPORT_ROLES, build, check_may_see_reports, parse_choices
from smaajob.reports.forms import AssessmentForm, ChoicesForm
from smaajob.web.errors import renders_errors
from smaajob.web.form_pages import form_page

PROGRESSION_ROLES = frozenset({Role.CASEWORKER, Role.CONSULTANT, Role.COORDINATOR, Role.ADMINISTRATOR})


def _dashboard_context(request: AuthenticatedRequest) -> dict[str, Any]:
    municipality_id = check_may_see_reports(request.user)
    choices = parse_choices(request.GET)
    built = build(request.user, choices)
    projects = Project.objects.filter(municipality_id=municipality_id).order_by("name")
    form = ChoicesForm(
        initial={
            "fra": choices.period.start,
            "til": choices.period.end,
            "opgjort": choices.period.observed,
            "gruppe": choices.dimension,
            "projekt": choices.project_id or "",
        },
        projects=projects,
    )
    return {
        **presentation.body_context(built),
        "built": built,
        "report": built.report,
        "form": form,
        "query": choices.query(),
        "funnel_charts": presentation.funnel_charts(built),
        "hours_chart": presentation.hours_chart(built),
        "rows": presentation.measure_rows(built),
        "is_analyst": request.user.role == Role.ANALYST,
        "today": date.today(),
    }


@login_required
@renders_errors
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "reports/dashboard.html", _dashboard_context(request))


@login_required
@renders_errors
def drilldown(request: AuthenticatedRequest) -> HttpResponse:
    built = build(request.user, parse_choices(request.GET))
    key, group = request.GET.get("maal", ""), request.GET.get("gruppe_noegle", "")
    measure = built.report.find(key, group)
    if measure is None:
        raise NotFound("Tallet findes ikke for de valgte indstillinger.")
    base = request.GET.get("grundlag") == "1"
    records = presentation.records_behind(request.user, measure, base=base)
    label = next(
        (r["group"] for r in presentation.measure_rows(built) if r["key"] == key and r["group_key"] == group), group
    )
    return render(
        request,
        "reports/drilldown.html",
        {
            "built": built,
            "measure": measure,
            "records": records,
            "group_label": label,
            "base": base,
            "query": built.choices.query(),
            "is_analyst": request.user.role == Role.ANALYST,
        },
    )


@login_required
@renders_errors
def export_csv(request: AuthenticatedRequest) -> HttpResponse:
    built = build(request.user, parse_choices(request.GET))
    response = HttpResponse(exports.to_csv(built), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="smaajob-noegletal-{built.choices.period.end}.csv"'
    return response


@login_required
@renders_errors
def export_xlsx(request: AuthenticatedRequest) -> HttpResponse:
    built = build(request.user, parse_choices(request.GET))
    response = HttpResponse(
        exports.to_xlsx(built), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="smaajob-noegletal-{built.choices.period.end}.xlsx"'
    return response


@login_required
@renders_errors
def evaluation_pdf(request: AuthenticatedRequest) -> HttpResponse:
    context = _dashboard_context(request)
    filename = f"evaluering-{context['built'].choices.period.end}.pdf"
    return pdf_response("reports/evaluation_pdf.html", context, filename=filename)


@login_required
@renders_errors
def costs(request: AuthenticatedRequest) -> HttpResponse:
    check_may_see_reports(request.user)
    return render(request, "reports/costs.html", cost_pages.cost_context(request.user, request.GET))


def _progression_citizen(request: AuthenticatedRequest, citizen_id: int) -> Citizen:
    if request.user.role not in PROGRESSION_ROLES:
        raise NotFound(access.citizens.NOT_FOUND_MESSAGE)
    return access.get_citizen(request.user, citizen_id, purpose="progression")


@login_required
@renders_errors
@require_http_methods(["GET", "POST"])
def progression(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    citizen = _progression_citizen(request, citizen_id)
    courses = list(citizen.courses.select_related("project").order_by("-started_on"))
    form = AssessmentForm(
        request.POST or None, courses=courses, initial={"assessed_on": date.today(), "rater": "consultant"}
    )
    return form_page(
        request,
        form,
        save=lambda data: record_assessment(
            actor=request.user,
            course=next(c for c in courses if str(c.pk) == data["course"]),
            assessed_on=data["assessed_on"],
            rater=data["rater"],
            scores={k: data[k] for k, _ in DIMENSIONS},
            motivation=data["motivation"],
            note=data["note"],
        ),
        done="",
        then=reverse("reports:progression", kwargs={"citizen_id": citizen.pk}),
        template="reports/progression.html",
        context=lambda: progression_report.context(citizen) | {"has_courses": bool(courses)},
    )


@login_required
@require_recent_login
@renders_errors
def progression_pdf(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    citizen = _progression_citizen(request, citizen_id)
    context = progression_report.context(citizen)
    return pdf_response("reports/progression_pdf.html", context, filename="progressionsrapport.pdf")


__all__ = ["REPORT_ROLES", "SmaajobError"]
