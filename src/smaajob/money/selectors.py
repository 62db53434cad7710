# SPDX-License-Identifier: MPL-2.0
"""Reads for the payslip flow and the calculator: the benefit office's worklist, missing
payslips before the 20th, an approved payslip compared with the recorded weeks, and a
citizen's history in the shape the rules engine takes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q, QuerySet

from smaajob.citizens.models import Assignment, Citizen
from smaajob.courses.allocation import monday_of, share_within, split_over_months, split_over_weeks
from smaajob.courses.models import Placement, WeeklyHours
from smaajob.money import deadlines
from smaajob.money.models import Payslip, PayslipStatus, PayslipWeek, Reconciliation, Reminder
from smaajob.organisation.models import User
from smaajob.rules.months import month_index

LIVE = (PayslipStatus.RECEIVED, PayslipStatus.CALCULATED, PayslipStatus.APPROVED)


@dataclass(frozen=True)
class WorklistRow:
    payslip: Payslip
    urgency: deadlines.Urgency

    @property
    def overlap(self) -> bool:
        return self.payslip.unresolved_overlap


def worklist(payslips: QuerySet[Payslip], *, today: date, status: str | None = None) -> list[WorklistRow]:
    """Open payslips, most urgent first, then by deadline and arrival (the benefit office's list)."""
    rows = payslips.select_related("citizen", "placement__company", "calculation")
    rows = rows.filter(status=status) if status else rows.filter(status__in=LIVE)
    result = [
        WorklistRow(
            p,
            deadlines.urgency(
                deadline=p.deadline,
                done=p.status in (PayslipStatus.APPROVED, PayslipStatus.PAID),
                requested=p.urgent_requested,
                today=today,
            ),
        )
        for p in rows
    ]
    result.sort(key=lambda r: (not r.urgency.urgent, not r.overlap, r.payslip.deadline, r.payslip.received_at))
    return result


def awaiting_action(*, on: date) -> QuerySet[Payslip]:
    """Payslips the benefit office has not yet approved."""
    return Payslip.objects.filter(status__in=(PayslipStatus.RECEIVED, PayslipStatus.CALCULATED)).select_related(
        "citizen"
    )


@dataclass(frozen=True)
class MissingPayslip:
    citizen: Citizen
    placement: Placement
    month: date
    deadline: date
    consultant: User | None


# What a list of missing payslips shows (``recipients=False``): names, the month, the place.
_LISTED_FIELDS = (
    "kind",
    "actual_start",
    "actual_end",
    "course__citizen__first_name",
    "course__citizen__last_name",
    "company__name",
)


def missing_payslips(
    *,
    on: date,
    within_days: int | None = None,
    municipality_id: int | None = None,
    citizens: QuerySet[Citizen] | None = None,
    recipients: bool = True,
) -> list[MissingPayslip]:
    """Paid placements running in last month with no payslip yet, while the 20th has not passed.

    ``within_days``: only when the deadline is at most that many days away (for reminders).
    ``citizens``: only these citizens (a worklist asks for the caseload it may see).
    ``recipients=False``: for a list that shows the missing payslips, not for reminding anyone:
    the citizen's name and the company's name only, and no consultant (``consultant`` is None).
    Whole rows decrypt every citizen's CPR number and read the user and the company's address.
    """
    month = deadlines.first_of_month(on - timedelta(days=on.day))  # last month
    deadline = deadlines.deadline_for_month(month)
    if on > deadline or (within_days is not None and (deadline - on).days > within_days):
        return []
    month_end = deadlines.next_month(month) - timedelta(days=1)
    placements = Placement.objects.filter(
        kind__in=["paid", "hybrid", "wage_subsidy"], actual_start__lte=month_end
    ).filter(Q(actual_end__isnull=True) | Q(actual_end__gte=month))
    if recipients:
        placements = placements.select_related("course__citizen__user", "company")
    else:
        placements = placements.select_related("course__citizen", "company").only(*_LISTED_FIELDS)
    if municipality_id is not None:
        placements = placements.filter(course__citizen__municipality_id=municipality_id)
    if citizens is not None:
        placements = placements.filter(course__citizen__in=citizens)
    have = set(
        Payslip.objects.filter(benefit_month=month, placement__in=placements)
        .exclude(status=PayslipStatus.REJECTED)
        .values_list("placement_id", flat=True)
    )
    missing = [p for p in placements if p.pk not in have]
    if not missing:
        return []
    if not recipients:
        return [MissingPayslip(p.course.citizen, p, month, deadline, None) for p in missing]
    # The consultant holding each citizen now: the latest consultant assignment not ended
    # before ``on``, read for all citizens in one query.
    consultants: dict[int, User] = {}
    for assignment in (
        Assignment.objects.filter(citizen__in=placements.values("course__citizen_id"), staff_role="consultant")
        .exclude(valid_to__lt=on)
        .order_by("citizen_id", "valid_from", "pk")
        .select_related("staff")
    ):
        consultants[assignment.citizen_id] = assignment.staff
    return [MissingPayslip(p.course.citizen, p, month, deadline, consultants.get(p.course.citizen_id)) for p in missing]


def reminders_for(user: User) -> QuerySet[Reminder]:
    return Reminder.objects.filter(recipient=user, seen_at__isnull=True).select_related("citizen")


def payslips_of(payslips: QuerySet[Payslip], citizen: Citizen) -> QuerySet[Payslip]:
    return (
        payslips.filter(citizen=citizen)
        .select_related("placement__company", "calculation")
        .order_by("-period_end", "-pk")
    )


# ------------------------------------------------------------------ payslips next to the ledger

APPROVED = (PayslipStatus.APPROVED, PayslipStatus.PAID)
_SIX_DAYS = timedelta(days=6)


def period_weeks(start: date, end: date) -> list[date]:
    """The Mondays of the ISO weeks a payslip period touches."""
    weeks = [monday_of(start)]
    while weeks[-1] + timedelta(days=7) <= end:
        weeks.append(weeks[-1] + timedelta(days=7))
    return weeks


@dataclass(frozen=True)
class WeekComparison:
    week_start: date
    recorded_paid: Decimal | None  # the week's paid hours in the ledger; None: no row
    in_period: Decimal  # the part of them inside the payslip's period (by working days)
    proposed: Decimal  # the payslip's hours for the week, split by working days

    @property
    def number(self) -> int:
        return self.week_start.isocalendar().week


@dataclass(frozen=True)
class LedgerDifference:
    """An approved payslip next to the recorded weeks of its period."""

    payslip: Payslip
    weeks: tuple[WeekComparison, ...]
    recorded_hours: Decimal

    @property
    def difference(self) -> Decimal:
        """The payslip's hours minus the weeks' paid hours in its period (positive: weeks lack hours)."""
        return self.payslip.hours - self.recorded_hours

    @property
    def open(self) -> bool:
        """Shown to resolve: the weeks differ, and no person accepted this very difference."""
        p = self.payslip
        if p.status not in APPROVED or p.placement_id is None or not self.difference:
            return False
        return not (p.reconciliation == Reconciliation.WEEKS_KEPT and p.reconciled_difference == self.difference)


def differences(payslips: list[Payslip]) -> list[LedgerDifference]:
    """Each payslip with a placement compared with that placement's weeks, in two queries.

    A week wholly inside the period counts with all its paid hours. A week at the period's
    edge counts with what this payslip transferred to it, if a person transferred hours;
    otherwise with its working-day share of the hours no other payslip transferred to it.
    """
    tied = [(p, p.placement_id) for p in payslips if p.placement_id is not None]
    if not tied:
        return []
    first = min(monday_of(p.period_start) for p, _ in tied)
    last = max(p.period_end for p, _ in tied)
    placements = {placement_id for _, placement_id in tied}
    ledger: dict[tuple[int, date], Decimal] = {
        (placement_id, week_start): paid
        for placement_id, week_start, paid in WeeklyHours.objects.filter(
            placement_id__in=placements, week_start__gte=first, week_start__lte=last
        ).values_list("placement_id", "week_start", "hours_paid")
    }
    transferred: dict[tuple[int, date], dict[int, Decimal]] = defaultdict(dict)
    for payslip_id, placement_id, week_start, hours in PayslipWeek.objects.filter(
        placement_id__in=placements, week_start__gte=first, week_start__lte=last, payslip__status__in=APPROVED
    ).values_list("payslip_id", "placement_id", "week_start", "hours"):
        transferred[(placement_id, week_start)][payslip_id] = hours
    result = []
    for p, placement_id in tied:
        proposed = dict(split_over_weeks(p.period_start, p.period_end, p.hours))
        weeks = []
        for week_start in period_weeks(p.period_start, p.period_end):
            key = (placement_id, week_start)
            paid = ledger.get(key)
            if paid is None:
                inside = Decimal(0)
            elif p.period_start <= week_start and week_start + _SIX_DAYS <= p.period_end:
                inside = paid
            else:
                by_payslip = transferred.get(key, {})
                rest = max(Decimal(0), paid - sum((h for i, h in by_payslip.items() if i != p.pk), Decimal(0)))
                own = by_payslip.get(p.pk)
                inside = (
                    min(own, rest)
                    if own is not None
                    else share_within(week_start, week_start + _SIX_DAYS, rest, p.period_start, p.period_end)
                )
            weeks.append(WeekComparison(week_start, paid, inside, proposed.get(week_start, Decimal(0))))
        result.append(LedgerDifference(p, tuple(weeks), sum((w.in_period for w in weeks), Decimal(0))))
    return result


def difference_for(payslip: Payslip) -> LedgerDifference:
    found = differences([payslip])
    if not found:
        return LedgerDifference(payslip, (), payslip.hours)
    return found[0]


def open_differences(payslips: QuerySet[Payslip]) -> list[LedgerDifference]:
    """Approved payslips whose hours differ from the recorded weeks and wait for a person."""
    rows = list(
        payslips.filter(status__in=APPROVED, placement__isnull=False)
        .select_related("citizen", "placement__company")
        .order_by("period_start", "pk")
    )
    return [d for d in differences(rows) if d.open]


def payslip_hours_by_month(citizen_ids: list[int]) -> dict[int, dict[int, float]]:
    """Ordinary hours per citizen and month index that approved payslips add to the ledger's.

    The rule (read by the one 225-hour case builder, ``smaajob.cases``):

    * The ledger is the source for the weeks it holds. For a placement and month where the
      ledger records paid hours, an approved payslip adds nothing (a difference between them
      is shown to be resolved, not counted twice).
    * A payslip-only month — a placement and month with no paid hours in the ledger — counts
      the approved payslip's hours that fall in it (split by working days).
    * A payslip for a job outside Småjob (no placement) always counts: it has no weeks.

    Payslips for løntilskud or praktik placements never count (DOMAIN.md §7.1).
    """
    result: dict[int, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    # The columns the sums are made of (``only``): a payslip row holds much more.
    payslips = list(
        Payslip.objects.filter(citizen_id__in=citizen_ids, status__in=APPROVED)
        .filter(Q(placement__isnull=True) | Q(placement__kind__in=("paid", "hybrid")))
        .only("citizen_id", "placement_id", "period_start", "period_end", "hours")
    )
    ledger_months: set[tuple[int, int]] = set()
    tied = {p.placement_id for p in payslips if p.placement_id is not None}
    for placement_id, week_start, paid in WeeklyHours.objects.filter(
        placement_id__in=tied, hours_paid__gt=0
    ).values_list("placement_id", "week_start", "hours_paid"):
        for month, share in split_over_months(week_start, week_start + _SIX_DAYS, paid):
            if share:
                ledger_months.add((placement_id, month_index(month)))
    for payslip in payslips:
        for month, hours in split_over_months(payslip.period_start, payslip.period_end, payslip.hours):
            index = month_index(month)
            if payslip.placement_id is None or (payslip.placement_id, index) not in ledger_months:
                result[payslip.citizen_id][index] += hours
    return {cid: {m: float(h) for m, h in months.items()} for cid, months in result.items()}
