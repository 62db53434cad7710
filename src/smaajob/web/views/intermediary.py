# SPDX-License-Identifier: MPL-2.0
"""The intermediary employer's pages (issue 13): its overview, the month (what the confirmed
weeks give, the weeks still missing, the run), the invoice as PDF and CSV, the wage statement as
PDF, and the report of invoiced hours and amounts. Staff of the municipality read them."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from smaajob import access
from smaajob.access import intermediary as acc
from smaajob.access.employer_weeks import month_key, month_start
from smaajob.access.requests import AuthenticatedRequest
from smaajob.downloads import file_response
from smaajob.errors import InvalidInput, NotFound, SmaajobError
from smaajob.intermediary import documents, payslips, selectors, services
from smaajob.intermediary.models import Intermediary
from smaajob.money.deadlines import deadline_for_month
from smaajob.rules.months import danish_month, month_index
from smaajob.web.errors import form_error, renders_errors
from smaajob.web.forms.intermediary import ContractForm, EmploymentForm


def _months_back(today: date, count: int) -> list[date]:
    month = today.replace(day=1)
    out = []
    for _ in range(count):
        month = (month - date.resolution).replace(day=1)
        out.append(month)
    return out


@login_required
@renders_errors
def overview(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    today = date.today()
    month = request.GET.get("maaned")
    if month:
        return redirect("web:intermediary_month", month_key(month_start(month)))
    own = acc.intermediary_of(user)
    intermediaries = acc.intermediaries_for(user).order_by("name")
    context: dict[str, object] = {
        "own": own,
        "intermediaries": intermediaries,
        "contracts": acc.contracts_for(user).select_related("intermediary", "company"),
        "runs": acc.runs_for(user).select_related("intermediary")[:24],
        "months": [{"key": month_key(m), "name": danish_month(month_index(m))} for m in _months_back(today, 6)],
        "may_run": acc.may_run_month(user),
    }
    if own is not None:
        state = selectors.month_to_run(own, today=today)
        employments = (
            acc.employments_for(user, on=today)
            .select_related("placement__course__citizen", "placement__company", "contract")
            .order_by("placement__course__citizen__last_name")
        )
        access.log_list_read(
            user, [e.placement.course.citizen_id for e in employments], purpose="mellemled: medarbejdere"
        )
        context.update(
            {
                "state": state,
                "state_key": month_key(state.month),
                "state_label": danish_month(month_index(state.month)),
                "employments": employments,
            }
        )
    return render(request, "web/intermediary/overview.html", context)


def _intermediary_for_month(request: AuthenticatedRequest) -> Intermediary:
    own = acc.intermediary_of(request.user)
    if own is not None:
        return own
    wanted = request.GET.get("mellemled") or request.POST.get("mellemled")
    visible = acc.intermediaries_for(request.user)
    if wanted:
        return access.get_visible(visible, wanted, not_found=acc.NOT_FOUND)
    first = visible.order_by("name").first()
    if first is None:
        raise NotFound(acc.NOT_FOUND)
    return first


@login_required
@renders_errors
@require_http_methods(["GET", "POST"])
def month_page(request: AuthenticatedRequest, month: str) -> HttpResponse:
    first = month_start(month)
    today = date.today()
    intermediary = _intermediary_for_month(request)
    if request.method == "POST":
        result = payslips.run_month(actor=request.user, month=first, today=today)
        registered = len(result.payslips_registered)
        messages.success(
            request,
            f"{danish_month(month_index(first))} er kørt: {result.run.invoices.count()} fakturaer, "
            f"{registered} lønsedl{'er' if registered != 1 else 'e'} sendt til ydelseskontoret"
            + (f", {result.payslips_kept} uændrede" if result.payslips_kept else "")
            + ".",
        )
        for problem in result.problems:
            messages.error(request, problem)
        return redirect("web:intermediary_month", month_key(first))
    run = acc.runs_for(request.user).filter(intermediary=intermediary, month=first).first()
    plan = selectors.plan_month(intermediary, first)
    missing = selectors.missing_weeks(intermediary, first, today=today)
    invoices = acc.invoices_for(request.user).filter(run=run).select_related("company") if run else []
    statements = (
        acc.wage_statements_for(request.user).filter(run=run).select_related("citizen", "placement__company", "payslip")
        if run
        else []
    )
    named = sorted({s.citizen_id for s in statements} | {m.citizen.pk for m in missing})
    access.log_list_read(request.user, named, purpose=f"mellemled: måned {month_key(first)}")
    return render(
        request,
        "web/intermediary/month.html",
        {
            "intermediary": intermediary,
            "month": first,
            "month_key": month_key(first),
            "month_label": danish_month(month_index(first)),
            "deadline": deadline_for_month(first),
            "plan": plan,
            "run": run,
            "current": run is not None and selectors.run_is_current(run),
            "invoices": invoices,
            "statements": statements,
            "missing": missing,
            "may_run": acc.may_run_month(request.user) and selectors.month_end(first) < today,
            "ended": selectors.month_end(first) < today,
        },
    )


def _invoice(request: AuthenticatedRequest, invoice_id: int) -> object:
    invoice = acc.get_invoice(request.user, invoice_id)
    access.log_list_read(
        request.user,
        sorted(set(invoice.lines.values_list("citizen_id", flat=True))),
        purpose=f"faktura {invoice.number}",
    )
    return invoice


@login_required
@renders_errors
def invoice_pdf(request: AuthenticatedRequest, invoice_id: int) -> HttpResponse:
    invoice = _invoice(request, invoice_id)
    return file_response(
        documents.invoice_pdf(invoice),  # type: ignore[arg-type]
        f"faktura-{invoice.number}.pdf",  # type: ignore[attr-defined]
        attachment=False,
    )


@login_required
@renders_errors
def invoice_csv(request: AuthenticatedRequest, invoice_id: int) -> HttpResponse:
    invoice = _invoice(request, invoice_id)
    return file_response(
        documents.invoice_csv(invoice),  # type: ignore[arg-type]
        f"faktura-{invoice.number}.csv",  # type: ignore[attr-defined]
    )


@login_required
@renders_errors
def statement_pdf(request: AuthenticatedRequest, statement_id: int) -> HttpResponse:
    statement = acc.get_wage_statement(request.user, statement_id)
    return file_response(documents.wage_statement_pdf(statement), f"loenopgoerelse-{statement.pk}.pdf",
                         attachment=False)


def _month_param(value: str | None, default: date) -> date:
    return month_start(value) if value else default


@login_required
@renders_errors
def report(request: AuthenticatedRequest) -> HttpResponse:
    today = date.today()
    last = _months_back(today, 1)[0]
    start = _month_param(request.GET.get("fra"), last.replace(month=1))
    end = _month_param(request.GET.get("til"), last)
    if end < start:
        raise InvalidInput("Perioden slutter før den begynder; vælg en »til«-måned efter »fra«.", field="til")
    built = selectors.invoiced_report(acc.invoices_for(request.user), start=start, end=end)
    return render(
        request,
        "web/intermediary/report.html",
        {"report": built, "start_key": month_key(start), "end_key": month_key(end)},
    )


@login_required
@renders_errors
def contract_new(request: AuthenticatedRequest) -> HttpResponse:
    """A contract between an intermediary and a company (staff who edit the network)."""
    acc.require_contract_editor(request.user)
    form = ContractForm(
        request.POST or None,
        intermediaries=[(str(i.pk), i.name) for i in acc.intermediaries_for(request.user).order_by("name")],
        companies=[(str(c.pk), c.name) for c in access.companies_for(request.user).order_by("name")],
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contract = services.create_contract(
                actor=request.user,
                intermediary=access.get_visible(
                    acc.intermediaries_for(request.user), data["intermediary"], not_found=acc.NOT_FOUND
                ),
                company=access.get_company(request.user, data["company"]),
                hourly_price=data["hourly_price"],
                hourly_wage=data["hourly_wage"],
                basis_reference=data["basis_reference"],
                valid_from=data["valid_from"],
                valid_to=data["valid_to"],
            )
        except SmaajobError as error:
            form_error(form, error)
        else:
            messages.success(request, f"Kontrakten mellem {contract} er oprettet.")
            return redirect("web:intermediary")
    return render(
        request, "web/form_page.html", {"form": form, "title": "Ny kontrakt med et mellemled", "submit": "Opret"}
    )


@login_required
@renders_errors
def employment_new(request: AuthenticatedRequest) -> HttpResponse:
    """A citizen's paid placement employed through an intermediary's contract."""
    acc.require_contract_editor(request.user)
    placements = (
        access.placements_for(request.user)
        .filter(kind__in=services.EMPLOYABLE_KINDS, intermediary_employment__isnull=True, actual_end__isnull=True)
        .select_related("course__citizen", "company")
        .order_by("company__name", "pk")
    )
    access.log_list_read(
        request.user, sorted({p.course.citizen_id for p in placements}), purpose="ansættelse gennem mellemled"
    )
    form = EmploymentForm(
        request.POST or None,
        placements=[(str(p.pk), f"{p.course.citizen.full_name} hos {p.company.name}") for p in placements],
        contracts=[
            (str(c.pk), str(c)) for c in acc.contracts_for(request.user).select_related("intermediary", "company")
        ],
    )
    if request.method == "POST" and form.is_valid():
        try:
            placement = access.get_placement(
                request.user, form.cleaned_data["placement"], purpose="ansættelse gennem mellemled"
            )
            contract = acc.get_contract(request.user, form.cleaned_data["contract"])
            services.employ_through(actor=request.user, placement=placement, contract=contract)
        except SmaajobError as error:
            form_error(form, error)
        else:
            messages.success(
                request, f"{placement.course.citizen.full_name} er nu ansat gennem {contract.intermediary}."
            )
            return redirect("web:intermediary")
    return render(
        request,
        "web/form_page.html",
        {"form": form, "title": "Ansæt en placering gennem et mellemled", "submit": "Ansæt"},
    )
