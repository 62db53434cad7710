# SPDX-License-Identifier: MPL-2.0
"""Pages for the calculator and the payslip flow. Thin: parse, call access/services/selectors, render.

The public calculator (/beregner/) needs no log-in, stores nothing and logs nothing of what the
visitor types: it is a POST (so the answers never land in a URL or an access log), it creates
no session, and nothing here writes to the audit log. The logged-in pages read personal data
through ``smaajob.access`` / ``smaajob.money.permissions``, which audit-log every read.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.cases import case_for_rules
from smaajob.charts import curve_chart
from smaajob.citizens.benefit_today import facts_for
from smaajob.citizens.models import Citizen
from smaajob.citizens.selectors import benefit_on, spouse_of
from smaajob.danish_numbers import format_date, format_decimal
from smaajob.errors import NotFound, SmaajobError
from smaajob.money import calculator, permissions, selectors, services
from smaajob.money.attachments import CONTENT_TYPES, EXTENSIONS
from smaajob.money.forms import (
    CalculateForm,
    CalculatorForm,
    PaidForm,
    PayslipForm,
    ReasonForm,
    ScenarioForm,
    attach_error,
)
from smaajob.money.models import AttachmentType, Payslip, PayslipStatus
from smaajob.organisation.models import STAFF_ROLES, Role
from smaajob.rules import BenefitKind
from smaajob.rules.coverage import covered_benefits
from smaajob.rules.months import month_end, month_index
from smaajob.web.errors import renders_errors
from smaajob.web.form_pages import form_page

DEFAULT_WAGE = Decimal("130")


def _scenario_context(scenario: calculator.Scenario) -> dict[str, Any]:
    keep = scenario.keep
    return {
        "scenario": scenario,
        "keep": keep,
        "chart": curve_chart(scenario.curve, chosen_hours=keep.hours_per_week, chosen_income=keep.income_with_work),
        "trace": keep.trace,
        "hours": scenario.hours,
    }


@never_cache
def public_calculator(request: HttpRequest) -> HttpResponse:
    """Anyone may calculate; nothing is stored or logged."""
    today = timezone.localdate()
    result = None
    if request.method == "POST":
        form = CalculatorForm(request.POST)
        if form.is_valid():
            try:
                result = _scenario_context(calculator.compute(form.to_input()))
            except SmaajobError as error:
                attach_error(form, error)
    else:
        form = CalculatorForm(
            initial={
                "month": calculator.first_of(today),
                "hours_per_week": 6,
                "hourly_wage": DEFAULT_WAGE,
                "age_group": "30+",
                "children": 0,
                "single": "ja",
                "lives_with_parent": "nej",
                "residence_requirement_met": "ja",
                "married": "nej",
                "covered_one_year": "ja",
                "hours_last_12_months": 0,
            }
        )
    return render(request, "money/calculator.html", {"form": form, "result": result, "public": True})


def _yes_no(value: bool | None) -> str:
    return "ja" if value else "nej"


def _prefill(citizen: Citizen, month: date) -> tuple[dict[str, Any], list[str], bool]:
    """The calculator's answers taken from the case, notes on what had to be assumed, and
    whether the citizen is aktivitetsparat (from the target group)."""
    notes: list[str] = []
    benefit = benefit_on(citizen, month)
    kind = BenefitKind.KONTANTHJAELP.value
    if benefit is not None and benefit.benefit_type in {b.value for b in BenefitKind}:
        kind = benefit.benefit_type
    elif benefit is not None:
        notes.append(
            f"Borgerens ydelse ({benefit.get_benefit_type_display()}) beregnes ikke her; der er regnet "
            "med kontanthjælp."
        )
    else:
        notes.append("Borgerens ydelse er ikke registreret; der er regnet med kontanthjælp.")
    # The facts the rate follows from, as recorded on the case (smaajob.citizens.benefit_today).
    recorded, row = facts_for(citizen, month_end(month_index(month)))
    assumed = []
    if recorded.children is None:
        assumed.append("ingen børn")
    if recorded.single is None:
        assumed.append("enlig" if citizen.marital_status == "single" else "i par")
    if recorded.lives_with_parent is None:
        assumed.append("bor ikke hos forældre")
    if recorded.residence_requirement_met is None:
        assumed.append("opholds- og beskæftigelseskravet er opfyldt")
    if assumed:
        notes.append(
            "Ikke registreret på sagen, så der er regnet med: " + ", ".join(assumed) + ". Ret svarene, eller "
            "registrér oplysningerne til satsen på borgersiden."
        )
    elif row is not None:
        notes.append(f"Oplysningerne til satsen er hentet fra sagen (gældende fra {format_date(row.valid_from)}).")
    last = (
        Payslip.objects.filter(citizen=citizen, status__in=[PayslipStatus.APPROVED, PayslipStatus.PAID])
        .order_by("-period_end")
        .first()
    )
    if last is not None and last.hours:
        wage = (last.gross_wage / last.hours).quantize(Decimal("0.01"))
        notes.append(f"Timelønnen er taget fra den seneste godkendte lønseddel ({last.period_end:%m.%Y}).")
    else:
        wage = DEFAULT_WAGE
        notes.append(f"Timelønnen er et skøn ({wage} kr.); ret den til den rigtige.")
    spouse = spouse_of(citizen)
    spouse_benefit = benefit_on(spouse, month) if spouse is not None else None
    single = recorded.single if recorded.single is not None else citizen.marital_status == "single"
    initial = {
        "birth_date": citizen.birth_date.isoformat(),
        "age_group": "30+",
        "children": recorded.children or 0,
        "single": _yes_no(single),
        "lives_with_parent": _yes_no(recorded.lives_with_parent),
        "full_time_work_years_last_10": recorded.full_time_work_years_last_10,
        "residence_requirement_met": _yes_no(recorded.residence_requirement_met in (None, True)),
        "benefit": kind,
        "rate": "lower" if benefit is not None and benefit.rate == "lower" else "full",
        "married": "ja" if citizen.marital_status == "married" else "nej",
        "spouse_on_help": "ja"
        if spouse_benefit is not None
        and spouse_benefit.benefit_type in covered_benefits(month)
        and citizen.marital_status == "married"
        else "nej",
        "hourly_wage": wage,
        "hours_per_week": 8,
        "month": month,
        "benefit_amount": benefit.monthly_amount if benefit is not None else None,
        "covered_one_year": "ja",
        "hours_last_12_months": 0,
    }
    return initial, notes, recorded.activity_ready


@login_required
@renders_errors
@never_cache
def citizen_calculator(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    """Pre-filled from the citizen's case; compares up to three scenarios side by side."""
    user = request.user
    if user.role in (Role.EMPLOYER, Role.ANALYST):
        raise NotFound(permissions.CITIZEN_NOT_FOUND)
    citizen = access.get_citizen(user, citizen_id, purpose="beregner")
    today = timezone.localdate()
    month = calculator.first_of(today)
    initial, notes, activity_ready = _prefill(citizen, month)
    if request.method == "POST":
        form = CalculatorForm(request.POST)
        scenario_form = ScenarioForm(request.POST)
    else:
        form = CalculatorForm(data={k: _as_text(v) for k, v in initial.items()})
        scenario_form = ScenarioForm(data={"hours_1": "4", "hours_2": "8", "hours_3": "12"})
    form.activity_ready = activity_ready
    scenarios: list[dict[str, Any]] = []
    if form.is_valid() and scenario_form.is_valid():
        data = form.to_input()
        first = month_index(data.month) - 36
        case, _by_month = case_for_rules(
            citizen, first=date(first // 12, first % 12 + 1, 1), last=calculator.first_of(data.month)
        )
        try:
            results = calculator.compare(replace(data, history=case), scenario_form.hours())
            scenarios = [_scenario_context(s) for s in results]
        except SmaajobError as error:
            attach_error(form, error)
    context = {
        "form": form,
        "scenario_form": scenario_form,
        "scenarios": scenarios,
        "citizen": citizen,
        "notes": notes,
        "public": False,
    }
    return render(request, "money/compare.html", context)


def _as_text(value: Any) -> str:
    if isinstance(value, date):
        return f"{value:%Y-%m}"
    if isinstance(value, Decimal):
        return format_decimal(value, grouping=False)
    return "" if value is None else str(value)


@login_required
def my_calculator(request: AuthenticatedRequest) -> HttpResponse:
    citizen = Citizen.objects.filter(user=request.user).first()
    if citizen is None:
        return redirect("money:calculator")
    return redirect("money:citizen_calculator", citizen_id=citizen.pk)


# ------------------------------------------------------------------------------------------------ payslips


def _payslip_form_page(
    request: AuthenticatedRequest, citizen: Citizen, *, template: str, extra: dict[str, Any]
) -> HttpResponse:
    placements = list(permissions.placements_open_to(request.user, citizen).select_related("company"))
    if request.method == "POST":
        form = PayslipForm(request.POST, request.FILES, placements=placements)
    else:
        form = PayslipForm(placements=placements)
    return form_page(
        request,
        form,
        save=lambda d: services.submit_payslip(
            actor=request.user,
            citizen=citizen,
            placement=form.placements.get(d["placement"] or ""),
            employer_name=d["employer_name"],
            period_start=d["period_start"],
            period_end=d["period_end"],
            hours=d["hours"],
            gross_wage=d["gross_wage"],
            attachment=request.FILES.get("attachment"),
            urgent_requested=d["urgent_requested"],
            urgent_note=d["urgent_note"],
        ),
        done="",  # the payslip's page says it was received (?modtaget=1)
        then=lambda payslip: reverse("money:payslip", args=[payslip.pk]) + "?modtaget=1",
        template=template,
        context={"citizen": citizen, **extra},
    )


@login_required
@renders_errors
def my_payslips(request: AuthenticatedRequest) -> HttpResponse:
    own = access.citizens_for(request.user).filter(user=request.user).values_list("pk", flat=True).first()
    if request.user.role != Role.CITIZEN or own is None:
        raise NotFound(permissions.CITIZEN_NOT_FOUND)
    # The citizen's own payslips (wages, hours, employers) are personal data: an audited read.
    citizen = access.get_citizen(request.user, own, purpose="egne lønsedler")
    payslips = selectors.payslips_of(permissions.payslips_for(request.user), citizen)
    reminders = selectors.reminders_for(request.user)
    return _payslip_form_page(
        request, citizen, template="money/my_payslips.html", extra={"payslips": payslips, "reminders": reminders}
    )


@login_required
@renders_errors
def submit_for(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    """Staff and employers register a payslip for a citizen they may act for."""
    user = request.user
    if user.role == Role.CITIZEN:
        return redirect("money:my_payslips")
    # An employer reaches only citizens placed with it now or within the grace period, and is
    # told only their consented facts (the heading names the citizen only with consent).
    citizen = access.get_citizen(user, citizen_id, purpose="lønseddel")
    return _payslip_form_page(
        request, citizen, template="money/submit.html", extra={"heading": _citizen_heading(user, citizen)}
    )


def _citizen_heading(user: Any, citizen: Citizen) -> str:
    """The citizen as a page may name them to ``user``: an employer only with consent to the name."""
    if user.role != Role.EMPLOYER:
        return citizen.full_name
    return access.employer_facts(citizen, on=timezone.localdate()).name or "en borger hos jer"


@login_required
@renders_errors
def employer_payslips(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if user.role != Role.EMPLOYER:
        raise NotFound(permissions.CITIZEN_NOT_FOUND)
    today = timezone.localdate()
    placements = (
        access.placements_for(user, on=today)
        .filter(kind__in=permissions.PAID_KINDS)
        .select_related("course__citizen")
        .order_by("-planned_start")
    )
    rows = [{"placement": p, "heading": _citizen_heading(user, p.course.citizen)} for p in placements]
    payslips = permissions.payslips_for(user).select_related("citizen").order_by("-received_at")[:50]
    reminders = selectors.reminders_for(user)
    access.log_list_read(user, sorted({p.course.citizen_id for p in placements}), purpose="lønsedler: virksomhed")
    return render(request, "money/employer.html", {"rows": rows, "payslips": payslips, "reminders": reminders})


@login_required
@renders_errors
def worklist(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not permissions.may_handle(user):
        raise NotFound(permissions.NOT_FOUND)
    status = request.GET.get("status") or ""
    if status and status not in PayslipStatus.values:
        status = ""
    today = timezone.localdate()
    rows = selectors.worklist(
        permissions.payslips_for(user).filter(citizen__in=permissions.citizens_with_payslip_work(user)),
        today=today,
        status=status or None,
    )
    access.log_list_read(user, sorted({r.payslip.citizen_id for r in rows}), purpose="lønsedler: arbejdsliste")
    context = {
        "rows": rows,
        "status": status,
        "statuses": PayslipStatus.choices,
        "today": today,
        "reminders": selectors.reminders_for(user),
    }
    template = "money/_worklist_table.html" if getattr(request, "htmx", False) else "money/worklist.html"
    return render(request, template, context)


def _detail_context(request: AuthenticatedRequest, payslip: Payslip) -> dict[str, Any]:
    today = timezone.localdate()
    from smaajob.money import deadlines

    done = payslip.status in (PayslipStatus.APPROVED, PayslipStatus.PAID)
    benefit = permissions.sees_benefit(request.user)
    may_reconcile = done and permissions.may_reconcile(request.user) and payslip.placement_id is not None
    return {
        "payslip": payslip,
        "heading": _citizen_heading(request.user, payslip.citizen),
        "sees_benefit": benefit,
        "urgency": deadlines.urgency(
            deadline=payslip.deadline, done=done, requested=payslip.urgent_requested, today=today
        ),
        "calculation": payslip.calculation if benefit else None,
        "may_handle": permissions.may_handle(request.user),
        "calculate_form": CalculateForm(),
        "reject_form": ReasonForm(),
        "overlap_form": ReasonForm(prefix="overlap"),
        "paid_form": PaidForm(initial={"paid_on": today}),
        "transitions": payslip.transitions.select_related("actor"),
        "overlapping": Payslip.objects.filter(pk__in=payslip.overlaps_with) if benefit else Payslip.objects.none(),
        "received": request.GET.get("modtaget") == "1",
        "ledger": selectors.difference_for(payslip) if may_reconcile else None,
        "keep_form": ReasonForm(prefix="behold"),
        "four_eyes": settings.FOUR_EYES_APPROVAL,
        # Who calculated and approved is the staff's history; citizens and employers see the steps.
        "show_actors": request.user.role in STAFF_ROLES,
    }


@login_required
@renders_errors
def payslip_detail(request: AuthenticatedRequest, payslip_id: int) -> HttpResponse:
    payslip = permissions.get_payslip(request.user, payslip_id, purpose="lønseddel")
    return render(request, "money/payslip.html", _detail_context(request, payslip))


@login_required
@renders_errors
@require_POST
def payslip_action(request: AuthenticatedRequest, payslip_id: int, action: str) -> HttpResponse:
    user = request.user
    payslip = permissions.get_payslip(user, payslip_id, purpose=f"lønseddel: {action}")
    context = _detail_context(request, payslip)
    try:
        if action == "beregn":
            form: CalculateForm | ReasonForm | PaidForm = CalculateForm(request.POST)
            context["calculate_form"] = form
            form.is_valid()
            services.calculate(
                actor=user,
                payslip=payslip,
                benefit_amount=form.cleaned_data.get("benefit_amount"),
                manual_amount=form.cleaned_data.get("manual_amount"),
                manual_reason=form.cleaned_data.get("manual_reason", ""),
            )
        elif action == "godkend":
            services.approve(actor=user, payslip=payslip)
        elif action == "overfoer":
            weeks = selectors.period_weeks(payslip.period_start, payslip.period_end)
            services.transfer_to_weeks(
                actor=user,
                payslip=payslip,
                hours_by_week={w: request.POST.get(f"uge-{w.isoformat()}", "") for w in weeks},
            )
        elif action == "behold-ugerne":
            form = ReasonForm(request.POST, prefix="behold")
            context["keep_form"] = form
            services.keep_weeks(actor=user, payslip=payslip, reason=request.POST.get("behold-reason", ""))
        elif action == "udbetalt":
            form = PaidForm(request.POST)
            context["paid_form"] = form
            if not form.is_valid():
                return render(request, "money/payslip.html", context, status=400)
            services.mark_paid(actor=user, payslip=payslip, paid_on=form.cleaned_data["paid_on"])
        elif action == "afvis":
            form = ReasonForm(request.POST)
            context["reject_form"] = form
            services.reject(actor=user, payslip=payslip, reason=request.POST.get("reason", ""))
        elif action == "bekraeft-overlap":
            form = ReasonForm(request.POST, prefix="overlap")
            context["overlap_form"] = form
            services.confirm_overlap(actor=user, payslip=payslip, note=request.POST.get("overlap-reason", ""))
        else:
            raise NotFound(permissions.NOT_FOUND)
    except NotFound:
        raise
    except SmaajobError as error:
        context["action_error"] = error
        context["action"] = action
        return render(request, "money/payslip.html", context, status=error.http_status)
    return redirect("money:payslip", payslip_id=payslip.pk)


@login_required
@renders_errors
def payslip_file(request: AuthenticatedRequest, payslip_id: int) -> FileResponse:
    payslip = permissions.get_payslip(request.user, payslip_id, purpose="lønseddel: fil")
    response = FileResponse(
        payslip.attachment.open("rb"), content_type=CONTENT_TYPES[AttachmentType(payslip.attachment_type)]
    )
    extension = EXTENSIONS[AttachmentType(payslip.attachment_type)]
    response["Content-Disposition"] = f'inline; filename="loenseddel-{payslip.pk}.{extension}"'
    # An uploaded file is never trusted: no scripts, no plugins, no navigation from it.
    response["Content-Security-Policy"] = (
        "sandbox; default-src 'none'; img-src 'self'; object-src 'self'; frame-ancestors 'none'"
    )
    response["Cache-Control"] = "private, no-store"
    return response
