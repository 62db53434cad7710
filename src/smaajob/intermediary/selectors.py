# SPDX-License-Identifier: MPL-2.0
"""Reads for the intermediary: the month's plan from the confirmed weeks, the weeks still
missing confirmation, the month to run, and the invoiced hours and amounts per month.

The month's plan is a pure function of the confirmed ledger weeks (``WeeklyHours`` with
``confirmed_by_employer``, not annulled), so the run computes the same figures every time:

* a week belongs to the month of its Monday, as in the employer's monthly confirmation
  (``access.employer_weeks``);
* only the **paid** hours the company has **confirmed** are invoiced and paid ("du betaler kun for
  de fremmødte timer", seed 000 L2947–2948); a week not yet confirmed is neither invoiced nor paid;
* an invoice line is one citizen's week: hours × the contract's price per hour, rounded to the
  øre (half up) on its own; the invoice total is the sum of its lines;
* a wage statement is one citizen's month: the month's hours × the wage per hour, rounded to the
  øre once; its period is the calendar month, cut to the employment's first and last day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet, Sum

from smaajob.citizens.models import Citizen
from smaajob.courses.models import Placement, WeeklyHours
from smaajob.intermediary.models import Contract, Employment, Intermediary, Invoice, MonthlyRun
from smaajob.money.deadlines import deadline_for_month, next_month
from smaajob.network.models import Company

ORE = Decimal("0.01")


def to_ore(amount: Decimal) -> Decimal:
    """Kroner rounded to the øre, half up (as on a printed invoice)."""
    return amount.quantize(ORE, rounding=ROUND_HALF_UP)


def month_end(month: date) -> date:
    return next_month(month) - timedelta(days=1)


def mondays_in(month: date) -> list[date]:
    first = month + timedelta(days=(7 - month.weekday()) % 7)
    last = month_end(month)
    return [first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]


@dataclass(frozen=True)
class PlannedLine:
    placement_id: int
    citizen_id: int
    week_start: date
    hours: Decimal
    hourly_price: Decimal
    amount: Decimal


@dataclass
class PlannedInvoice:
    company: Company
    contract: Contract
    lines: list[PlannedLine] = field(default_factory=list)

    @property
    def hours(self) -> Decimal:
        return sum((line.hours for line in self.lines), Decimal(0))

    @property
    def amount(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))


@dataclass(frozen=True)
class PlannedStatement:
    placement: Placement
    citizen: Citizen
    period_start: date
    period_end: date
    hours: Decimal
    hourly_wage: Decimal
    gross_wage: Decimal
    weeks: tuple[tuple[str, str], ...]  # (Monday ISO date, hours) for the wage statement


@dataclass
class MonthPlan:
    month: date
    invoices: list[PlannedInvoice]
    statements: list[PlannedStatement]

    @property
    def hours(self) -> Decimal:
        return sum((i.hours for i in self.invoices), Decimal(0))

    @property
    def amount(self) -> Decimal:
        return sum((i.amount for i in self.invoices), Decimal(0))


def employments_of(intermediary: Intermediary) -> QuerySet[Employment]:
    return Employment.objects.filter(contract__intermediary=intermediary)


def employed_in_month(intermediary: Intermediary, month: date) -> QuerySet[Employment]:
    """Employments whose placement overlaps the month (started by its end, not ended before it)."""
    last = month_end(month)
    return (
        employments_of(intermediary)
        .filter(placement__planned_start__lte=last)
        .exclude(placement__actual_end__lt=month)
        .exclude(placement__annulled_at__isnull=False)
        .select_related("contract__company", "placement__course__citizen", "placement__company")
        .order_by("placement__course__citizen__last_name", "placement__course__citizen__first_name", "pk")
    )


def confirmed_weeks(intermediary: Intermediary, month: date) -> QuerySet[WeeklyHours]:
    return WeeklyHours.objects.filter(
        placement__intermediary_employment__contract__intermediary=intermediary,
        confirmed_by_employer=True,
        annulled_at__isnull=True,
        week_start__gte=month,
        week_start__lte=month_end(month),
    )


def plan_month(intermediary: Intermediary, month: date) -> MonthPlan:
    """The month's invoices and wage statements, computed from the confirmed weeks only."""
    weeks_by_placement: dict[int, list[WeeklyHours]] = defaultdict(list)
    for week in confirmed_weeks(intermediary, month).order_by("week_start", "pk"):
        if week.hours_paid > 0:
            weeks_by_placement[week.placement_id].append(week)
    invoices: dict[int, PlannedInvoice] = {}
    statements: list[PlannedStatement] = []
    last = month_end(month)
    for employment in employed_in_month(intermediary, month):
        placement = employment.placement
        weeks = weeks_by_placement.get(placement.pk, [])
        if not weeks:
            continue
        contract = employment.contract
        invoice = invoices.setdefault(contract.company_id, PlannedInvoice(company=contract.company, contract=contract))
        citizen = placement.course.citizen
        for week in weeks:
            invoice.lines.append(
                PlannedLine(
                    placement_id=placement.pk,
                    citizen_id=citizen.pk,
                    week_start=week.week_start,
                    hours=week.hours_paid,
                    hourly_price=contract.hourly_price,
                    amount=to_ore(week.hours_paid * contract.hourly_price),
                )
            )
        hours = sum((w.hours_paid for w in weeks), Decimal(0))
        start = max(month, placement.actual_start or placement.planned_start)
        end = min(last, placement.actual_end or last)
        statements.append(
            PlannedStatement(
                placement=placement,
                citizen=citizen,
                period_start=start,
                period_end=max(end, start),
                hours=hours,
                hourly_wage=contract.hourly_wage,
                gross_wage=to_ore(hours * contract.hourly_wage),
                weeks=tuple((w.week_start.isoformat(), str(w.hours_paid)) for w in weeks),
            )
        )
    ordered = sorted(invoices.values(), key=lambda i: (i.company.name, i.company.pk))
    return MonthPlan(month=month, invoices=ordered, statements=statements)


@dataclass(frozen=True)
class MissingWeek:
    citizen: Citizen
    company: Company
    week_start: date
    recorded: bool  # recorded in the ledger but not yet confirmed by the company


def missing_weeks(intermediary: Intermediary, month: date, *, today: date) -> list[MissingWeek]:
    """Weeks of the month (by Monday) within an employment without confirmed hours: recorded but
    not confirmed, or not recorded although the week is over. They are not invoiced or paid until
    the company confirms them."""
    employments = list(employed_in_month(intermediary, month))
    placement_ids = [e.placement_id for e in employments]
    rows = WeeklyHours.objects.filter(
        placement_id__in=placement_ids,
        annulled_at__isnull=True,
        week_start__gte=month,
        week_start__lte=month_end(month),
    ).values_list("placement_id", "week_start", "confirmed_by_employer")
    state: dict[tuple[int, date], bool] = {(p, w): c for p, w, c in rows}
    missing: list[MissingWeek] = []
    for employment in employments:
        placement = employment.placement
        start = placement.actual_start or placement.planned_start
        end = placement.actual_end
        for monday in mondays_in(month):
            sunday = monday + timedelta(days=6)
            if sunday < start or (end is not None and monday > end):
                continue
            confirmed = state.get((placement.pk, monday))
            # A week recorded and not confirmed is listed at once; one not recorded once it is over.
            if confirmed or (confirmed is None and sunday >= today):
                continue
            missing.append(
                MissingWeek(
                    citizen=placement.course.citizen,
                    company=placement.company,
                    week_start=monday,
                    recorded=confirmed is not None,
                )
            )
    return missing


def run_is_current(run: MonthlyRun) -> bool:
    """Whether the stored run still equals what the confirmed weeks give (a late confirmation
    makes it stale: run the month again)."""
    plan = plan_month(run.intermediary, run.month)
    stored = run.invoices.aggregate(hours=Sum("hours"), amount=Sum("amount"))
    return (stored["hours"] or Decimal(0), stored["amount"] or Decimal(0)) == (plan.hours, plan.amount) and (
        run.wage_statements.filter(hours__gt=0).count() == len(plan.statements)
    )


@dataclass(frozen=True)
class MonthToRun:
    month: date
    deadline: date
    run: MonthlyRun | None
    current: bool
    missing: list[MissingWeek]


def month_to_run(intermediary: Intermediary, *, today: date) -> MonthToRun:
    """The last month that has ended: its payslips are due on the 20th of this month."""
    month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    run = MonthlyRun.objects.filter(intermediary=intermediary, month=month).first()
    return MonthToRun(
        month=month,
        deadline=deadline_for_month(month),
        run=run,
        current=run is not None and run_is_current(run),
        missing=missing_weeks(intermediary, month, today=today),
    )


@dataclass(frozen=True)
class ReportRow:
    intermediary: str
    company: str
    month: date
    hours: Decimal
    amount: Decimal


@dataclass(frozen=True)
class InvoicedReport:
    start: date
    end: date
    rows: list[ReportRow]
    hours: Decimal
    amount: Decimal


def invoiced_report(invoices: QuerySet[Invoice], *, start: date, end: date) -> InvoicedReport:
    """Invoiced hours and amounts per intermediary, company and month (months from ``start``
    to ``end``, both first days). Each invoice is counted once, in the month it is for."""
    rows = (
        invoices.filter(run__month__gte=start, run__month__lte=end)
        .values("run__intermediary__name", "company__name", "run__month")
        .annotate(hours=Sum("hours"), amount=Sum("amount"))
        .order_by("run__month", "run__intermediary__name", "company__name")
    )
    out = [
        ReportRow(
            r["run__intermediary__name"], r["company__name"], r["run__month"], to_ore(r["hours"]), to_ore(r["amount"])
        )
        for r in rows
    ]
    return InvoicedReport(
        start=start,
        end=end,
        rows=out,
        hours=sum((r.hours for r in out), Decimal(0)),
        amount=sum((r.amount for r in out), Decimal(0)),
    )
