# SPDX-License-Identifier: MPL-2.0
"""The employer's one entry point (journey 8): post a small task, confirm weekly hours,
answer a follow-up and a match proposal. Citizens appear only with consented facts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from smaajob import access
from smaajob.access.employer_weeks import month_start
from smaajob.access.requests import AuthenticatedRequest
from smaajob.courses import services as course_services
from smaajob.courses.models import Channel
from smaajob.courses.week_confirmation import confirm_weeks
from smaajob.errors import NotFound, SmaajobError
from smaajob.network import services as network_services
from smaajob.organisation.models import Role
from smaajob.rules.months import danish_month, month_index
from smaajob.web.errors import renders_errors
from smaajob.web.form_pages import form_page
from smaajob.web.forms.employer import ProposalAnswerForm, TaskForm
from smaajob.web.forms.followups import EmployerFollowUpForm


def _employer(request: AuthenticatedRequest) -> None:
    if request.user.role != Role.EMPLOYER:
        raise NotFound("Siden findes ikke, eller du har ikke adgang til den.")


@login_required
@renders_errors
def task_new(request: AuthenticatedRequest) -> HttpResponse:
    _employer(request)
    return form_page(
        request,
        TaskForm(request.POST or None),
        save=lambda data: network_services.post_task(actor=request.user, **data),
        done=lambda opening: f"Opgaven »{opening.title}« er slået op. Jobcentret kontakter jer.",
        then=("web:home",),
        context={"title": "Slå en lille opgave op", "submit": "Slå op"},
    )


@login_required
@renders_errors
def confirm_week(request: AuthenticatedRequest, week_id: int) -> HttpResponse:
    _employer(request)
    row = access.get_week(request.user, week_id)
    if request.method == "POST":
        course_services.confirm_week(actor=request.user, row=row)
        messages.success(request, f"Timerne for uge {row.week_start.isocalendar().week} er bekræftet.")
    if request.htmx:
        return render(request, "web/employer/_week_row.html", {"w": row})
    return redirect("web:home")


@login_required
@renders_errors
def follow_up_answer(request: AuthenticatedRequest, placement_id: int) -> HttpResponse:
    _employer(request)
    placement = access.get_placement(request.user, placement_id, purpose="virksomhedens opfølgning")
    view = access.employer_view(request.user, placement.course.citizen_id)
    return form_page(
        request,
        EmployerFollowUpForm(request.POST or None),
        save=lambda data: course_services.record_follow_up(
            actor=request.user,
            course=placement.course,
            placement=placement,
            happened_on=date.today(),
            channel=Channel.EMPLOYER,
            **data,
        ),
        done="Tak for svaret. Konsulenten kan se det med det samme.",
        then=("web:home",),
        context={"title": f"Hvordan går det? ({view.name or 'borger hos jer'})", "submit": "Send svar"},
    )


@login_required
@renders_errors
def proposal_answer(request: AuthenticatedRequest, proposal_id: int) -> HttpResponse:
    _employer(request)
    proposal = access.get_proposal(request.user, proposal_id, purpose="virksomhedens svar")
    facts = access.employer_facts(proposal.course.citizen, on=date.today())
    return form_page(
        request,
        ProposalAnswerForm(request.POST or None),
        save=lambda data: course_services.answer_proposal(
            actor=request.user, proposal=proposal, agrees=data["agrees"], on=date.today(), note=data["note"]
        ),
        done="Tak for svaret.",
        then=("web:home",),
        template="web/employer/proposal.html",
        context={"proposal": proposal, "facts": facts},
    )


@login_required
@renders_errors
def confirm_month(request: AuthenticatedRequest, month: str, citizen_id: int | None = None) -> HttpResponse:
    """A month's weeks for one citizen (or all) with the totals, then one POST confirms them."""
    _employer(request)
    today = date.today()
    allowed = access.weeks_to_confirm_in_month(request.user, month=month, citizen_id=citizen_id, on=today)
    first = month_start(month)
    error = ""
    if request.method == "POST":
        try:
            ids = [int(v) for v in request.POST.getlist("week")]
        except ValueError:
            error = "Ugerne kunne ikke læses. Indlæs siden igen og bekræft på ny."
        else:
            try:
                confirmed = confirm_weeks(actor=request.user, allowed=allowed, week_ids=ids)
            except SmaajobError as refusal:
                error = refusal.message
            else:
                messages.success(
                    request,
                    f"{len(confirmed)} uge{'r' if len(confirmed) != 1 else ''} i "
                    f"{danish_month(month_index(first))} er bekræftet.",
                )
                return redirect("web:home")
    rows = list(allowed)
    views = {v.citizen_id: v for v in access.employer_views(request.user, on=today, purpose="bekræft måned")}
    per_citizen: dict[int, dict[str, Any]] = {}
    for w in rows:
        cid = w.placement.course.citizen_id
        entry = per_citizen.setdefault(
            cid, {"name": getattr(views.get(cid), "name", None), "weeks": [], "present": Decimal(0), "paid": Decimal(0)}
        )
        entry["weeks"].append(w)
        entry["present"] += w.hours_present
        entry["paid"] += w.hours_paid
    context = {
        "month": month,
        "month_name": danish_month(month_index(first)),
        "citizen_id": citizen_id,
        "citizens": list(per_citizen.values()),
        "weeks": rows,
        "total_present": sum((w.hours_present for w in rows), Decimal(0)),
        "total_paid": sum((w.hours_paid for w in rows), Decimal(0)),
        "error": error,
    }
    return render(request, "web/employer/confirm_month.html", context, status=400 if error else 200)
