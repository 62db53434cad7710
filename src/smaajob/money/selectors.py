# SPDX-License-Identifier: MPL-2.0
"""Reads for the payslip flow and the calculator: the benefit office's worklist, missing
payslips before the 20th, and a citizen's history in the shape the rules engine takes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q, QuerySet

from smaajob.citizens.models import Assignment, Benefit, Citizen, ExemptionDecision, SickLeave
from smaajob.citizens.selectors import spouse_of
from smaajob.courses.models import Placement, WeeklyHours
from smaajob.money import deadlines
from smaajob.money.allocation import days_between, split_over_months
from smaajob.money.models import Payslip, PayslipStatus, Reminder
from smaajob.organisation.models import User
from smaajob.rules import CitizenCase, MonthRecord, Period, Rate
from smaajob.rules.months import month_index

LIVE = (PayslipStatus.RECEIVED, PayslipStatus.CALCULATED, PayslipStatus.APPROVED)
# Benefits the 225-hour rule covers (LAS § 13 f; DOMAIN.md §7.2).
COVERED_BENEFITS = frozenset({"kontanthjaelp", "uddannelseshjaelp", "integrationsydelse"})
# Paid hours that count as ordinary, unsubsidised work; løntilskud and praktik do not (§7.1).
ORDINARY_KINDS = ("paid", "hybrid")


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


def missing_payslips(
    *, on: date, within_days: int | None = None, municipality_id: int | None = None
) -> list[MissingPayslip]:
    """Paid placements running in last month with no payslip yet, while the 20th has not passed.

    ``within_days``: only when the deadline is at most that many days away (for reminders).
    """
    month = deadlines.first_of_month(on - timedelta(days=on.day))  # last month
    deadline = deadlines.deadline_for_month(month)
    if on > deadline or (within_days is not None and (deadline - on).days > within_days):
        return []
    month_end = deadlines.next_month(month) - timedelta(days=1)
    placements = (
        Placement.objects.filter(kind__in=["paid", "hybrid", "wage_subsidy"], actual_start__lte=month_end)
        .filter(Q(actual_end__isnull=True) | Q(actual_end__gte=month))
        .select_related("course__citizen__user", "company")
    )
    if municipality_id is not None:
        placements = placements.filter(course__citizen__municipality_id=municipality_id)
    have = set(
        Payslip.objects.filter(benefit_month=month, placement__in=placements)
        .exclude(status=PayslipStatus.REJECTED)
        .values_list("placement_id", flat=True)
    )
    result = []
    for placement in placements:
        if placement.pk in have:
            continue
        citizen = placement.course.citizen
        assignment = (
            # The consultant holding the citizen now (the latest assignment not ended before ``on``).
            Assignment.objects.filter(citizen=citizen, staff_role="consultant")
            .exclude(valid_to__lt=on)
            .order_by("-valid_from")
            .select_related("staff")
            .first()
        )
        result.append(MissingPayslip(citizen, placement, month, deadline, assignment.staff if assignment else None))
    return result


def reminders_for(user: User) -> QuerySet[Reminder]:
    return Reminder.objects.filter(recipient=user, seen_at__isnull=True).select_related("citizen")


def payslips_of(payslips: QuerySet[Payslip], citizen: Citizen) -> QuerySet[Payslip]:
    return (
        payslips.filter(citizen=citizen)
        .select_related("placement__company", "calculation")
        .order_by("-period_end", "-pk")
    )


def ordinary_hours_by_month(citizen: Citizen) -> dict[int, float]:
    """Ordinary paid hours per month (month index): approved payslips first, then the ledger.

    A payslip's own period says which month its hours belong to, so approved payslips are
    split over months directly (by working days, as over weeks). Ledger weeks of småjob and
    hybrid placements that did *not* come from a payslip (employer or consultant reports) are
    split over months the same way. Løntilskud and praktik never count (DOMAIN.md §7.1).
    """
    months: dict[int, Decimal] = defaultdict(Decimal)
    payslips = Payslip.objects.filter(citizen=citizen, status__in=(PayslipStatus.APPROVED, PayslipStatus.PAID)).filter(
        Q(placement__isnull=True) | Q(placement__kind__in=ORDINARY_KINDS)
    )
    for payslip in payslips:
        for month, hours in split_over_months(payslip.period_start, payslip.period_end, payslip.hours):
            months[month_index(month)] += hours
    weeks = WeeklyHours.objects.filter(
        placement__course__citizen=citizen, placement__kind__in=ORDINARY_KINDS, hours_paid__gt=0
    ).exclude(source="payslip")
    for week in weeks:
        for month, hours in split_over_months(week.week_start, week.week_start + timedelta(days=6), week.hours_paid):
            months[month_index(month)] += hours
    return {m: float(h) for m, h in months.items()}


def case_for_rules(citizen: Citizen, *, first: date, last: date) -> tuple[CitizenCase, dict[int, Benefit | None]]:
    """The citizen's months ``first``..``last`` as the rules engine's ``CitizenCase``.

    Benefit per month is the one in force on the month's last day; exemptions and sick leave
    come from the caseworker's records. The spouse counts as "on help" when the spouse's
    benefit is a covered one on the last day.
    """
    hours = ordinary_hours_by_month(citizen)
    benefits = list(Benefit.objects.filter(citizen=citizen))
    sick = list(SickLeave.objects.filter(citizen=citizen))
    records: list[MonthRecord] = []
    by_month: dict[int, Benefit | None] = {}
    for index in range(month_index(first), month_index(last) + 1):
        start = date(index // 12, index % 12 + 1, 1)
        end = deadlines.next_month(start) - timedelta(days=1)
        benefit = next((b for b in benefits if b.valid_from <= end and (b.valid_to is None or b.valid_to >= end)), None)
        by_month[index] = benefit
        covered = benefit is not None and benefit.benefit_type in COVERED_BENEFITS
        sick_days = (
            sum(1 for s in sick for d in days_between(max(s.starts_on, start), min(s.ends_on, end))) if sick else 0
        )
        records.append(
            MonthRecord(
                index,
                ordinary_hours=hours.get(index, 0.0),
                on_covered_benefit=covered,
                rate=Rate.LOWER if benefit is not None and benefit.rate == "lower" else Rate.FULL,
                benefit_amount=float(benefit.monthly_amount)
                if benefit and benefit.monthly_amount is not None
                else None,
                sick_days=min(31, sick_days),
            )
        )
    exemptions = tuple(
        Period(e.valid_from, e.valid_to, e.reason[:80]) for e in ExemptionDecision.objects.filter(citizen=citizen)
    )
    spouse = spouse_of(citizen)
    spouse_on_help = False
    if spouse is not None:
        spouse_benefit = Benefit.objects.filter(citizen=spouse, valid_from__lte=last).exclude(valid_to__lt=last).first()
        spouse_on_help = spouse_benefit is not None and spouse_benefit.benefit_type in COVERED_BENEFITS
    return CitizenCase(tuple(records), exemptions=exemptions, married_both_on_help=spouse_on_help), by_month
