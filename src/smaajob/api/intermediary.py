# SPDX-License-Identifier: MPL-2.0
"""API: the intermediary employer under ``/api/v1/mellemled/`` — contracts, employing a placement
through a contract, monthly runs, invoices, wage statements and the report — through the same
access rules as the pages (``smaajob.access.intermediary``): an intermediary sees its own records
only; another intermediary's run, invoice or wage statement answers as a missing one."""

# No ``from __future__ import annotations`` (django-ninja reads the annotations).

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ninja import Router, Schema, Status

from smaajob import access
from smaajob.access import intermediary as acc
from smaajob.access.employer_weeks import month_start
from smaajob.access.requests import AuthenticatedRequest
from smaajob.api.types import Id, Text
from smaajob.errors import InvalidInput, NotFound
from smaajob.intermediary import payslips, selectors, services
from smaajob.intermediary.documents import invoice_lines
from smaajob.intermediary.models import Contract, Invoice, MonthlyRun, WageStatement

PREFIX = "/mellemled"
TAG = "mellemled"
router = Router()


class ContractOut(Schema):
    id: int
    intermediary_id: int
    intermediary: str
    company_id: int
    company: str
    hourly_price: Decimal
    hourly_wage: Decimal
    employment_basis: str
    employment_basis_label: str
    basis_reference: str
    valid_from: date
    valid_to: date | None


class ContractIn(Schema):
    intermediary_id: Id
    company_id: Id
    hourly_price: Text
    hourly_wage: Text
    basis_reference: Text
    valid_from: date
    valid_to: date | None = None
    employment_basis: Text = "ordinary"


class EmploymentIn(Schema):
    placement_id: Id
    contract_id: Id


class EmploymentOut(Schema):
    id: int
    placement_id: int
    contract_id: int


class RunIn(Schema):
    month: Text  # "2026-11"


class InvoiceSummaryOut(Schema):
    id: int
    number: str
    company_id: int
    company: str
    hours: Decimal
    amount: Decimal


class WageStatementOut(Schema):
    id: int
    citizen_id: int
    placement_id: int
    period_start: date
    period_end: date
    hours: Decimal
    hourly_wage: Decimal
    gross_wage: Decimal
    payslip_id: int | None


class RunOut(Schema):
    id: int
    intermediary_id: int
    month: date
    times_run: int
    last_run_at: datetime
    hours: Decimal
    amount: Decimal
    invoices: list[InvoiceSummaryOut]
    wage_statements: list[WageStatementOut]


class RunResultOut(Schema):
    run: RunOut
    payslips_registered: list[int]
    payslips_unchanged: int
    problems: list[str]


class InvoiceLineOut(Schema):
    number: int
    name: str
    week_start: date
    week: int
    hours: Decimal
    hourly_price: Decimal
    amount: Decimal


class InvoiceOut(InvoiceSummaryOut):
    month: date
    intermediary: str
    rounding: str
    lines: list[InvoiceLineOut]


class ReportRowOut(Schema):
    intermediary: str
    company: str
    month: date
    hours: Decimal
    amount: Decimal


class ReportOut(Schema):
    start: date
    end: date
    counting_rule: str
    rows: list[ReportRowOut]
    hours: Decimal
    amount: Decimal


ROUNDING = "Hver linje: timer × timepris afrundet til hele øre (halvt op); totalen er summen af linjerne."
COUNTING = "Hver faktura tælles én gang, i den måned den gælder; bekræftede løntimer; kroner uden moms."


def _contract(c: Contract) -> ContractOut:
    return ContractOut(
        id=c.pk,
        intermediary_id=c.intermediary_id,
        intermediary=c.intermediary.name,
        company_id=c.company_id,
        company=c.company.name,
        hourly_price=c.hourly_price,
        hourly_wage=c.hourly_wage,
        employment_basis=c.employment_basis,
        employment_basis_label=str(c.get_employment_basis_display()),
        basis_reference=c.basis_reference,
        valid_from=c.valid_from,
        valid_to=c.valid_to,
    )


def _summary(i: Invoice) -> InvoiceSummaryOut:
    return InvoiceSummaryOut(
        id=i.pk, number=i.number, company_id=i.company_id, company=i.company.name, hours=i.hours, amount=i.amount
    )


def _statement(s: WageStatement) -> WageStatementOut:
    return WageStatementOut(
        id=s.pk,
        citizen_id=s.citizen_id,
        placement_id=s.placement_id,
        period_start=s.period_start,
        period_end=s.period_end,
        hours=s.hours,
        hourly_wage=s.hourly_wage,
        gross_wage=s.gross_wage,
        payslip_id=s.payslip_id,
    )


def _run(request: AuthenticatedRequest, run: MonthlyRun) -> RunOut:
    invoices = list(acc.invoices_for(request.user).filter(run=run).select_related("company"))
    statements = list(acc.wage_statements_for(request.user).filter(run=run))
    access.log_list_read(request.user, sorted({s.citizen_id for s in statements}), purpose="mellemled: kørsel")
    return RunOut(
        id=run.pk,
        intermediary_id=run.intermediary_id,
        month=run.month,
        times_run=run.times_run,
        last_run_at=run.last_run_at,
        hours=sum((i.hours for i in invoices), Decimal(0)),
        amount=sum((i.amount for i in invoices), Decimal(0)),
        invoices=[_summary(i) for i in invoices],
        wage_statements=[_statement(s) for s in statements],
    )


@router.get("/kontrakter", response=list[ContractOut], summary="Mellemleddets kontrakter med virksomheder")
def list_contracts(request: AuthenticatedRequest) -> list[ContractOut]:
    return [_contract(c) for c in acc.contracts_for(request.user).select_related("intermediary", "company")]


@router.post("/kontrakter", response={201: ContractOut}, summary="Opret en kontrakt (timepris, timeløn, grundlag)")
def create_contract(request: AuthenticatedRequest, payload: ContractIn) -> Status[Any]:
    acc.require_contract_editor(request.user)
    intermediary = access.get_visible(
        acc.intermediaries_for(request.user), payload.intermediary_id, not_found=acc.NOT_FOUND
    )
    company = access.get_company(request.user, payload.company_id)
    data = payload.dict()
    data.pop("intermediary_id")
    data.pop("company_id")
    contract = services.create_contract(actor=request.user, intermediary=intermediary, company=company, **data)
    return Status(201, _contract(contract))


@router.post("/ansaettelser", response={201: EmploymentOut}, summary="Ansæt en placering gennem et mellemled")
def employ(request: AuthenticatedRequest, payload: EmploymentIn) -> Status[Any]:
    acc.require_contract_editor(request.user)
    placement = access.get_placement(request.user, payload.placement_id, purpose="ansættelse gennem mellemled")
    contract = acc.get_contract(request.user, payload.contract_id)
    employment = services.employ_through(actor=request.user, placement=placement, contract=contract)
    return Status(201, EmploymentOut(id=employment.pk, placement_id=placement.pk, contract_id=contract.pk))


@router.get("/koersler", response=list[RunOut], summary="Månedskørsler (nyeste først)")
def list_runs(request: AuthenticatedRequest) -> list[RunOut]:
    return [_run(request, r) for r in acc.runs_for(request.user).order_by("-month")[:24]]


@router.post("/koersler", response=RunResultOut, summary="Kør en måned: fakturaer, lønopgørelser og lønsedler")
def run_month(request: AuthenticatedRequest, payload: RunIn) -> RunResultOut:
    acc.require_run_maker(request.user)
    result = payslips.run_month(actor=request.user, month=month_start(payload.month))
    return RunResultOut(
        run=_run(request, result.run),
        payslips_registered=[p.pk for p in result.payslips_registered],
        payslips_unchanged=result.payslips_kept,
        problems=result.problems,
    )


@router.get("/koersler/{run_id}", response=RunOut, summary="En månedskørsel")
def run_detail(request: AuthenticatedRequest, run_id: Id) -> RunOut:
    return _run(request, acc.get_run(request.user, run_id))


@router.get("/fakturaer/{invoice_id}", response=InvoiceOut, summary="En faktura med linjer pr. medarbejder og uge")
def invoice_detail(request: AuthenticatedRequest, invoice_id: Id) -> InvoiceOut:
    invoice = acc.get_invoice(request.user, invoice_id)
    access.log_list_read(
        request.user, sorted(set(invoice.lines.values_list("citizen_id", flat=True))), purpose="faktura"
    )
    return InvoiceOut(
        **_summary(invoice).dict(),
        month=invoice.run.month,
        intermediary=invoice.run.intermediary.name,
        rounding=ROUNDING,
        lines=[InvoiceLineOut(**line) for line in invoice_lines(invoice)],
    )


@router.get("/loenopgoerelser/{statement_id}", response=WageStatementOut, summary="En lønopgørelse")
def statement_detail(request: AuthenticatedRequest, statement_id: Id) -> WageStatementOut:
    return _statement(acc.get_wage_statement(request.user, statement_id))


@router.get("/rapport", response=ReportOut, summary="Fakturerede timer og beløb pr. mellemled, virksomhed og måned")
def report(request: AuthenticatedRequest, start: Text, end: Text) -> ReportOut:
    first, last = month_start(start), month_start(end)
    if last < first:
        raise InvalidInput(
            "Perioden slutter før den begynder; »end« skal være samme måned som »start« eller senere.", field="end"
        )
    if not (acc.intermediary_of(request.user) or acc.may_edit_contracts(request.user)):
        raise NotFound(acc.NOT_FOUND)
    r = selectors.invoiced_report(acc.invoices_for(request.user), start=first, end=last)
    return ReportOut(
        start=r.start,
        end=r.end,
        counting_rule=COUNTING,
        rows=[ReportRowOut(**row.__dict__) for row in r.rows],
        hours=r.hours,
        amount=r.amount,
    )
