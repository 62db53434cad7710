# SPDX-License-Identifier: MPL-2.0
"""The 20th-of-the-month rule, urgency, and the split of a payslip's hours over ISO weeks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from smaajob.courses.allocation import split_over_months, split_over_weeks
from smaajob.money.deadlines import benefit_month, deadline_for, payout_day, urgency


def test_a_payslip_is_due_on_the_20th_of_the_month_after_its_period_ends():
    assert deadline_for(date(2022, 1, 31)) == date(2022, 2, 20)
    assert deadline_for(date(2022, 12, 15)) == date(2023, 1, 20)
    assert benefit_month(date(2022, 12, 15)) == date(2022, 12, 1)


def test_the_citizen_needs_the_money_on_the_first_after_the_deadline():
    assert payout_day(date(2022, 6, 20)) == date(2022, 7, 1)


def test_a_payslip_becomes_urgent_a_week_before_the_payout_until_it_is_approved():
    deadline = date(2022, 6, 20)
    assert not urgency(deadline=deadline, done=False, requested=False, today=date(2022, 6, 10)).urgent
    late = urgency(deadline=deadline, done=False, requested=False, today=date(2022, 6, 24))
    assert (
        late.urgent and any("overskredet" in r for r in late.reasons) and any("Udbetaling" in r for r in late.reasons)
    )
    assert not urgency(deadline=deadline, done=True, requested=True, today=date(2022, 6, 24)).urgent


def test_a_citizen_who_says_the_money_is_missing_is_urgent_at_once():
    result = urgency(deadline=date(2022, 6, 20), done=False, requested=True, today=date(2022, 6, 1))
    assert result.urgent and result.reasons == ("Borgeren har sagt, at pengene mangler",)


def test_a_months_hours_are_split_over_iso_weeks_by_working_days_skipping_danish_holidays():
    # May 2022: 1 May is a Sunday; Store Bededag (13th) and Kristi Himmelfart (26th) are holidays:
    # 20 working days in weeks of 5, 4, 5, 4 and 2 days.
    parts = split_over_weeks(date(2022, 5, 1), date(2022, 5, 31), Decimal("26"))
    assert parts == [
        (date(2022, 5, 2), Decimal("6.50")),
        (date(2022, 5, 9), Decimal("5.20")),
        (date(2022, 5, 16), Decimal("6.50")),
        (date(2022, 5, 23), Decimal("5.20")),
        (date(2022, 5, 30), Decimal("2.60")),
    ]


def test_the_parts_always_add_up_to_the_payslips_hours():
    parts = split_over_weeks(date(2022, 3, 1), date(2022, 3, 31), Decimal("10"))
    assert sum(h for _w, h in parts) == Decimal("10")
    assert all(h >= 0 for _w, h in parts)


def test_a_weekend_only_period_falls_back_to_calendar_days():
    assert split_over_weeks(date(2022, 5, 7), date(2022, 5, 8), Decimal("8")) == [(date(2022, 5, 2), Decimal("8"))]


def test_a_ledger_week_across_two_months_is_split_by_its_working_days():
    # Monday 28 Feb – Sunday 6 Mar 2022: one working day in February, four in March.
    assert split_over_months(date(2022, 2, 28), date(2022, 3, 6), Decimal("10")) == [
        (date(2022, 2, 1), Decimal("2.00")),
        (date(2022, 3, 1), Decimal("8.00")),
    ]
