# SPDX-License-Identifier: MPL-2.0
"""Reads for the payslip flow and the calculator: the benefit office's worklist, missing
payslips before the 20th, and a citizen's history in the shape the rules engine takes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q, QuerySet

from smaajob.citizens.models import Assignment, Benefit, Citizen
from smaajob.courses.allocation import split_over_months
from smaajob.courses.models import Placement
from smaajob.courses.rules_case import benefit_in_force
from smaajob.courses.selectors import hours_requirement_case
from smaajob.money import deadlines
from smaajob.money.models import Payslip, PayslipStatus, Reminder
from smaajob.organisation.models import User
from smaajob.rules import CitizenCase
from smaajob.rules.months import month_end as last_day_of_month
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


def missing_payslips(
    *,
    on: date,
    within_days: int | None = None,
    municipality_id: int | None = None,
    citizens: QuerySet[Citizen] | None = None,
) -> list[MissingPayslip]:
    """Paid placements running in last month with no payslip yet, while the 20th has not passed.

    ``within_days``: only when the deadline is at most that many days away (for reminders).
    ``citizens``: only these citizens (a worklist asks for the caseload it may see).
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


def payslip_hours_by_month(citizen_ids: list[int]) -> dict[int, dict[int, float]]:
    """Ordinary hours per citizen and month index from approved payslips.

    A payslip's own period says which month its hours belong to, so its hours are split over
    months directly (by working days, as over weeks); registered with the 225-hour case builder
    (``smaajob.courses.rules_case``), they replace the payslip-fed ledger weeks there. Payslips
    for løntilskud or praktik placements never count (DOMAIN.md §7.1).
    """
    result: dict[int, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    payslips = Payslip.objects.filter(
        citizen_id__in=citizen_ids, status__in=(PayslipStatus.APPROVED, PayslipStatus.PAID)
    ).filter(Q(placement__isnull=True) | Q(placement__kind__in=("paid", "hybrid")))
    for payslip in payslips:
        for month, hours in split_over_months(payslip.period_start, payslip.period_end, payslip.hours):
            result[payslip.citizen_id][month_index(month)] += hours
    return {cid: {m: float(h) for m, h in months.items()} for cid, months in result.items()}


def case_for_rules(citizen: Citizen, *, first: date, last: date) -> tuple[CitizenCase, dict[int, Benefit | None]]:
    """The citizen's months ``first``..``last`` as the rules engine's ``CitizenCase``, built by the
    one builder every page uses (``smaajob.courses.selectors.hours_requirement_case``), plus the
    benefit in force at the end of each month."""
    case = hours_requirement_case(citizen, last, first=first)
    benefits = list(Benefit.objects.filter(citizen=citizen))
    by_month = {
        index: benefit_in_force(benefits, last_day_of_month(index))
        for index in range(month_index(first), month_index(last) + 1)
    }
    return case, by_month
