# SPDX-License-Identifier: MPL-2.0
"""The payslip deadline, the payout day and when a payslip is urgent.

The rule (seed 000 L1673–1674, from the Business Aalborg consultant, bilag 2: 9): "lønsedlen
… skal vaere ydelseskontoret i haende til d. 20, og ellers sa kan de tilbageholde hele
kontanthjaelpen"; seed 001 L562 on why slow payouts matter; DOMAIN.md §7.3. A payslip belongs
to the benefit month in which its period ends, and is due on the 20th of the following month.
The seeds do not move the 20th for weekends or holidays, so neither do we; reminders go out
days before instead.

Urgent (the citizen is at risk of "no money on the 1st", 001 L562): the submitter said so, the
deadline has passed, or the payout day (the 1st after the deadline) is less than a week away
while the benefit office has not yet approved the supplement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from smaajob.danish_numbers import format_date

DEADLINE_DAY = 20
# A week before the payout the benefit office still has time to calculate, approve and pay.
URGENT_DAYS_BEFORE_PAYOUT = 7
# Reminders to submit go out this many days before the 20th.
REMINDER_DAYS_BEFORE_DEADLINE = 5


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def benefit_month(period_end: date) -> date:
    """The month whose benefit the payslip affects: the month its period ends in."""
    return first_of_month(period_end)


def deadline_for(period_end: date) -> date:
    """The 20th of the month after the period ends."""
    return next_month(period_end).replace(day=DEADLINE_DAY)


def deadline_for_month(month: date) -> date:
    return next_month(month).replace(day=DEADLINE_DAY)


def payout_day(deadline: date) -> date:
    """The day the citizen needs the money: the 1st after the deadline (001 L562)."""
    return next_month(deadline)


@dataclass(frozen=True)
class Urgency:
    urgent: bool
    reasons: tuple[str, ...]
    days_to_deadline: int
    payout_on: date


def urgency(*, deadline: date, done: bool, requested: bool, today: date) -> Urgency:
    """Why a payslip is urgent today. ``done``: the supplement is approved or paid."""
    payout = payout_day(deadline)
    reasons: list[str] = []
    if not done:
        if requested:
            reasons.append("Borgeren har sagt, at pengene mangler")
        if today > deadline:
            reasons.append(f"Fristen den {format_date(deadline)} er overskredet")
        if today >= payout - timedelta(days=URGENT_DAYS_BEFORE_PAYOUT):
            reasons.append(f"Udbetaling den {format_date(payout)} – under en uge")
    return Urgency(bool(reasons), tuple(reasons), (deadline - today).days, payout)
