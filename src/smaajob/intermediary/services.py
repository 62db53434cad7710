# SPDX-License-Identifier: MPL-2.0
"""Writes for intermediary employers: the organisation and its users, contracts with companies,
placements employed through a contract, and the month's invoices and wage statements
(``compute_month``, one transaction).

Registering the wage statements' payslips in the payslip flow is an entry point beside
``smaajob.money.services`` (``smaajob.intermediary.payslips.run_month`` = ``compute_month`` +
``file_payslips``). Running the month again computes the same figures (``selectors.plan_month``)
and changes nothing that has not changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from smaajob.access.intermediary import require_contract_editor, require_run_maker
from smaajob.audit.models import AuditAction
from smaajob.audit.services import record as audit
from smaajob.courses.models import Placement
from smaajob.danish_numbers import NotANumber, format_date, read_decimal
from smaajob.errors import InvalidInput, InvalidPeriod
from smaajob.intermediary import selectors
from smaajob.intermediary.models import (
    Contract,
    Employment,
    EmploymentBasis,
    Intermediary,
    Invoice,
    InvoiceLine,
    Membership,
    MonthlyRun,
    WageStatement,
)
from smaajob.money.models import Payslip
from smaajob.network.models import Company
from smaajob.organisation.models import Municipality, Role, User
from smaajob.validators import check_period, normalise_cvr

# A price or wage per hour above this is a typing error (an extra digit), not a contract.
MAX_PER_HOUR = Decimal(2000)
# Kinds of placement whose hours are ordinary paid hours (wage subsidy is not, DOMAIN.md §7.1).
EMPLOYABLE_KINDS = ("paid", "hybrid")


def _per_hour(value: Any, *, field: str, what: str) -> Decimal:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InvalidInput(f"Angiv {what} i kroner pr. time, fx 185,50.", field=field)
    try:
        amount = read_decimal(value)
    except NotANumber:
        raise InvalidInput(f"»{value}« er ikke et beløb; skriv {what} fx som 185,50.", field=field) from None
    if amount <= 0:
        raise InvalidInput(f"{what.capitalize()} skal være større end 0 kr. (fik {amount}).", field=field)
    if amount > MAX_PER_HOUR:
        raise InvalidInput(
            f"{what.capitalize()} på {amount} kr. pr. time er mere end {MAX_PER_HOUR} kr.; tjek beløbet.", field=field
        )
    if amount != amount.quantize(selectors.ORE):
        raise InvalidInput(f"{what.capitalize()} angives i hele øre, fx 185,50 (fik {amount}).", field=field)
    return amount.quantize(selectors.ORE)


def _log(
    actor: User | None, action: str, object_type: str, pk: int, detail: str, citizen_id: int | None = None
) -> None:
    audit(
        actor=actor,
        action=action,
        channel=None,
        object_type=object_type,
        object_id=pk,
        citizen_id=citizen_id,
        detail=detail,
    )


@transaction.atomic
def create_intermediary(
    *,
    actor: User | None,
    municipality: Municipality,
    name: str,
    cvr: str,
    invoice_prefix: str = "ML",
    is_synthetic: bool = False,
) -> Intermediary:
    """An intermediary employer in the municipality's network (staff who edit the network)."""
    if actor is not None:
        require_contract_editor(actor)
    name = (name or "").strip()
    if not name:
        raise InvalidInput("Angiv mellemleddets navn, fx Job Fokus.", field="name")
    number = normalise_cvr(cvr)
    if Intermediary.objects.filter(municipality=municipality, cvr=number).exists():
        raise InvalidInput(f"Mellemleddet med CVR {number} findes allerede.", field="cvr")
    prefix = (invoice_prefix or "").strip().upper()
    if not (1 <= len(prefix) <= 10 and prefix.isalnum()):
        raise InvalidInput("Fakturapræfikset er 1–10 bogstaver eller cifre, fx JF.", field="invoice_prefix")
    intermediary = Intermediary.objects.create(
        municipality=municipality, name=name[:200], cvr=number, invoice_prefix=prefix, is_synthetic=is_synthetic
    )
    _log(actor, AuditAction.CREATE, "intermediary", intermediary.pk, name)
    return intermediary


@transaction.atomic
def add_member(*, intermediary: Intermediary, user: User) -> Membership:
    """Link a log-in with the intermediary role to its intermediary."""
    if user.role != Role.INTERMEDIARY:
        raise InvalidInput("Kun en bruger med rollen mellemled kan knyttes til et mellemled.", field="user")
    membership, _ = Membership.objects.update_or_create(user=user, defaults={"intermediary": intermediary})
    return membership


@transaction.atomic
def create_contract(
    *,
    actor: User,
    intermediary: Intermediary,
    company: Company,
    hourly_price: Any,
    hourly_wage: Any,
    basis_reference: str,
    valid_from: date | None,
    valid_to: date | None = None,
    employment_basis: str = EmploymentBasis.ORDINARY,
) -> Contract:
    """The intermediary's contract with a company: price per hour invoiced, wage per hour paid,
    and the legal character of the employment with the agreement it rests on."""
    require_contract_editor(actor)
    if company.municipality_id != intermediary.municipality_id:
        raise InvalidInput("Virksomheden hører til en anden kommunes netværk.", field="company")
    price = _per_hour(hourly_price, field="hourly_price", what="timeprisen")
    wage = _per_hour(hourly_wage, field="hourly_wage", what="timelønnen")
    if employment_basis not in EmploymentBasis.values:
        raise InvalidInput(
            "Ansættelsen gennem et mellemled er en ordinær, ustøttet ansættelse (»ordinary«).",
            field="employment_basis",
        )
    reference = (basis_reference or "").strip()
    if not reference:
        raise InvalidInput(
            "Angiv grundlaget for ansættelsen, fx »Samarbejdsaftale Små job med mening 2026, overenskomst …«.",
            field="basis_reference",
        )
    if valid_from is None:
        raise InvalidPeriod("Angiv den dag kontrakten gælder fra.", field="valid_from")
    check_period(valid_from, valid_to, field="valid_to")
    if Contract.objects.filter(intermediary=intermediary, company=company, valid_from=valid_from).exists():
        raise InvalidInput(
            f"Der er allerede en kontrakt med {company.name} fra {format_date(valid_from)}.", field="valid_from"
        )
    contract = Contract.objects.create(
        intermediary=intermediary,
        company=company,
        hourly_price=price,
        hourly_wage=wage,
        employment_basis=employment_basis,
        basis_reference=reference,
        valid_from=valid_from,
        valid_to=valid_to,
        created_by=actor,
    )
    _log(actor, AuditAction.CREATE, "intermediary_contract", contract.pk, f"{intermediary.name} – {company.name}")
    return contract


@transaction.atomic
def employ_through(*, actor: User, placement: Placement, contract: Contract) -> Employment:
    """The placement's employer of record becomes the intermediary (the workplace stays the company)."""
    require_contract_editor(actor)
    if placement.company_id != contract.company_id:
        raise InvalidInput(
            f"Kontrakten gælder {contract.company.name}, men placeringen er hos {placement.company.name}.",
            field="contract",
        )
    if placement.kind not in EMPLOYABLE_KINDS:
        raise InvalidInput(
            "Kun ordinære løntimer (småjob eller hybrid) kan ligge hos et mellemled; praktik er ulønnet, og "
            "løntilskud er ikke ordinære timer.",
            field="placement",
        )
    start = placement.actual_start or placement.planned_start
    if start < contract.valid_from or (contract.valid_to is not None and start > contract.valid_to):
        raise InvalidPeriod(
            f"Placeringen begynder {format_date(start)}, uden for kontraktens periode.", field="contract"
        )
    if Employment.objects.filter(placement=placement).exists():
        raise InvalidInput("Placeringen er allerede ansat gennem et mellemled.", field="placement")
    employment = Employment.objects.create(placement=placement, contract=contract, created_by=actor)
    _log(
        actor,
        AuditAction.CREATE,
        "intermediary_employment",
        employment.pk,
        f"ansat gennem {contract.intermediary.name}",
        citizen_id=placement.course.citizen_id,
    )
    return employment


@dataclass
class RunResult:
    run: MonthlyRun
    invoices_changed: int = 0
    payslips_registered: list[Payslip] = field(default_factory=list)
    payslips_kept: int = 0
    problems: list[str] = field(default_factory=list)


def _invoice_number(intermediary: Intermediary, month: date, company: Company) -> str:
    return f"{intermediary.invoice_prefix}-{month:%Y%m}-{company.pk}"


def _line_key(line: InvoiceLine | selectors.PlannedLine) -> tuple[Any, ...]:
    return (line.placement_id, line.week_start, line.hours, line.hourly_price, line.amount)


@transaction.atomic
def _store(*, actor: User, intermediary: Intermediary, month: date, plan: selectors.MonthPlan) -> RunResult:
    now = timezone.now()
    run, created = MonthlyRun.objects.select_for_update().get_or_create(
        intermediary=intermediary, month=month, defaults={"last_run_by": actor, "first_run_at": now, "last_run_at": now}
    )
    if not created:
        run.times_run += 1
        run.last_run_at, run.last_run_by = now, actor
        run.save(update_fields=["times_run", "last_run_at", "last_run_by"])
    result = RunResult(run=run)
    wanted = {planned.company.pk: planned for planned in plan.invoices}
    # An invoice whose company no longer has confirmed hours this month is withdrawn.
    run.invoices.exclude(company_id__in=wanted).delete()
    for company_id, planned in wanted.items():
        invoice, _ = Invoice.objects.get_or_create(
            run=run,
            company_id=company_id,
            defaults={
                "contract": planned.contract,
                "number": _invoice_number(intermediary, month, planned.company),
                "hours": planned.hours,
                "amount": planned.amount,
            },
        )
        if sorted(map(_line_key, invoice.lines.all())) == sorted(map(_line_key, planned.lines)):
            continue
        invoice.lines.all().delete()
        InvoiceLine.objects.bulk_create(
            [
                InvoiceLine(
                    invoice=invoice,
                    placement_id=line.placement_id,
                    citizen_id=line.citizen_id,
                    week_start=line.week_start,
                    hours=line.hours,
                    hourly_price=line.hourly_price,
                    amount=line.amount,
                )
                for line in planned.lines
            ]
        )
        invoice.hours, invoice.amount, invoice.contract = planned.hours, planned.amount, planned.contract
        invoice.save(update_fields=["hours", "amount", "contract"])
        result.invoices_changed += 1
    planned_ids = {s.placement.pk for s in plan.statements}
    # A statement without a payslip may simply go; one whose payslip was sent stays, at zero hours.
    run.wage_statements.exclude(placement_id__in=planned_ids).filter(payslip__isnull=True).delete()
    run.wage_statements.exclude(placement_id__in=planned_ids).update(hours=0, gross_wage=0, weeks=[])
    for s in plan.statements:
        WageStatement.objects.update_or_create(
            run=run,
            placement=s.placement,
            defaults={
                "citizen": s.citizen,
                "period_start": s.period_start,
                "period_end": s.period_end,
                "hours": s.hours,
                "hourly_wage": s.hourly_wage,
                "gross_wage": s.gross_wage,
                "weeks": [list(w) for w in s.weeks],
            },
        )
    _log(
        actor,
        AuditAction.CREATE if created else AuditAction.UPDATE,
        "intermediary_run",
        run.pk,
        f"månedskørsel {month:%Y-%m}: {len(plan.invoices)} fakturaer, {len(plan.statements)} lønopgørelser",
    )
    return result


def compute_month(*, actor: User, month: date, today: date | None = None) -> RunResult:
    """The intermediary's month from the confirmed weeks: invoices per company, wage statements
    per citizen. Refuses a month that has not ended (its weeks can still be confirmed)."""
    intermediary = require_run_maker(actor)
    today = today or timezone.localdate()
    month = month.replace(day=1)
    if selectors.month_end(month) >= today:
        raise InvalidPeriod(f"{month:%m.%Y} er ikke slut endnu; kør måneden fra den 1. i måneden efter.", field="month")
    return _store(actor=actor, intermediary=intermediary, month=month, plan=selectors.plan_month(intermediary, month))
