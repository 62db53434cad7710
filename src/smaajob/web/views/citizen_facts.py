# SPDX-License-Identifier: MPL-2.0
"""The citizen's facts for "right for today": the facts the kontanthjælp rate follows from and
the target group (one form), who is covered by the 225-hour rule, sick leave, other weekly
commitments and the work duty.

Thin: parse, call the citizens services, render; refusals go next to the field they name.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render

from smaajob import access, cases
from smaajob.access.requests import AuthenticatedRequest
from smaajob.citizens import services
from smaajob.citizens.benefit_today import derived_benefit, rate_facts_on
from smaajob.courses.work_duty import duty_weeks, work_duty_on
from smaajob.errors import SmaajobError
from smaajob.web.errors import form_error, renders_errors
from smaajob.web.form_pages import form_page, page_for
from smaajob.web.forms.today import (
    CommitmentForm,
    CoverageFactsForm,
    RateFactsForm,
    SickLeaveForm,
    WorkDutyForm,
    WorkDutyWeekForm,
    yes_no_initial,
)


@login_required
@renders_errors
def rate_facts(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    """One form: the facts the rate follows from and the target group of the 2026 reform."""
    access.require_authority(request.user)
    citizen = access.get_citizen(request.user, citizen_id, purpose="oplysninger til satsen")
    today = date.today()
    row = rate_facts_on(citizen, today)
    initial = {}
    if row is not None:
        initial = {
            "children": row.children,
            "single": yes_no_initial(row.single),
            "lives_with_parent": yes_no_initial(row.lives_with_parent),
            "full_time_work_years_last_10": row.full_time_work_years_last_10,
            "residence_requirement_met": yes_no_initial(row.residence_requirement_met),
        }
    form = RateFactsForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> None:
        facts = form.facts()
        try:
            with transaction.atomic():
                services.record_rate_facts(actor=request.user, citizen=citizen, **facts)
                if data["target_group"]:
                    services.set_target_group(
                        actor=request.user,
                        citizen=citizen,
                        category=data["target_group"],
                        valid_from=facts["valid_from"],
                    )
        except SmaajobError as error:
            if error.field == "category":
                error.field = "target_group"
            raise

    return form_page(
        request,
        form,
        save=save,
        done="Oplysningerne til satsen er gemt.",
        then=("web:citizen", citizen.pk),
        template="web/citizens/rate_facts.html",
        context={"citizen": citizen, "derived": derived_benefit(citizen, today)},
    )


@login_required
@renders_errors
def coverage_facts(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    """Who is covered by the 225-hour rule: the spouse's support, children, full child benefit."""
    access.require_authority(request.user)
    citizen = access.get_citizen(request.user, citizen_id, purpose="oplysninger til 225-timersreglen")
    today = date.today()
    row = citizen.coverage_facts_history.filter(valid_from__lte=today).order_by("-valid_from").first()
    initial: dict[str, Any] = {}
    if row is not None:
        initial = {
            "spouse_support": row.spouse_support,
            "provider": yes_no_initial(row.provider),
            "full_child_benefit_from": row.full_child_benefit_from,
        }
    form = CoverageFactsForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        save=lambda _: services.record_coverage_facts(actor=request.user, citizen=citizen, **form.facts()),
        done="Oplysningerne til 225-timersreglen er gemt.",
        then=("web:citizen", citizen.pk),
        template="web/citizens/coverage_facts.html",
        context=lambda: {"citizen": citizen, "hours_225": cases.coverage_status(citizen, today)},
    )


def _record_page(
    request: AuthenticatedRequest,
    citizen_id: int,
    *,
    form_class: Any,
    record: Any,
    purpose: str,
    done: str,
    title: str,
    submit: str,
) -> HttpResponse:
    """A one-form page that records one thing on the citizen's case and returns to the citizen."""
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, purpose=purpose)
    return form_page(
        request,
        form_class(request.POST or None),
        save=lambda data: record(actor=request.user, citizen=citizen, **data),
        done=done,
        then=("web:citizen", citizen.pk),
        context=page_for(citizen, f"{title} for {citizen.full_name}", submit),
    )


@login_required
@renders_errors
def sick_leave(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    return _record_page(
        request,
        citizen_id,
        form_class=SickLeaveForm,
        record=services.record_sick_leave,
        purpose="sygeperiode",
        done="Sygeperioden er registreret.",
        title="Sygeperiode",
        submit="Registrér sygeperiode",
    )


@login_required
@renders_errors
def commitment(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    return _record_page(
        request,
        citizen_id,
        form_class=CommitmentForm,
        record=services.add_commitment,
        purpose="anden aktivitet",
        done="Aktiviteten er registreret; matchningen tager hensyn til tiderne.",
        title="Anden fast aktivitet",
        submit="Registrér aktivitet",
    )


@login_required
@renders_errors
def work_duty(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    """The authority's record that the citizen is subject to the work duty, and the weeks."""
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, purpose="arbejdspligt")
    today = date.today()
    current = work_duty_on(citizen, today)
    duty_form = WorkDutyForm(
        request.POST if request.POST.get("form") == "duty" else None,
        initial={"valid_from": today}
        | (
            {
                "legal_basis": current.legal_basis,
                "planned_hours_per_week": current.planned_hours_per_week,
                "note": current.note,
            }
            if current
            else {}
        ),
        prefix="duty",
    )
    week_form = WorkDutyWeekForm(
        request.POST if request.POST.get("form") == "week" else None, initial={"week": today}, prefix="week"
    )
    if request.method == "POST":
        try:
            if request.POST.get("form") == "duty" and duty_form.is_valid():
                access.require_authority(request.user)
                services.decide_work_duty(actor=request.user, citizen=citizen, **duty_form.cleaned_data)
                messages.success(request, "Arbejdspligten er registreret.")
                return redirect("web:work_duty", citizen.pk)
            if request.POST.get("form") == "week" and week_form.is_valid():
                services.record_work_duty_week(actor=request.user, citizen=citizen, **week_form.cleaned_data)
                messages.success(request, "Ugens fremmøde er registreret.")
                return redirect("web:work_duty", citizen.pk)
        except SmaajobError as error:
            form_error(duty_form if request.POST.get("form") == "duty" else week_form, error)
    return render(
        request,
        "web/citizens/work_duty.html",
        {
            "citizen": citizen,
            "current": current,
            "history": citizen.work_duties.order_by("-valid_from"),
            "weeks": duty_weeks(citizen, today),
            "duty_form": duty_form,
            "week_form": week_form,
            "is_authority": request.user.role == "caseworker",
        },
    )
