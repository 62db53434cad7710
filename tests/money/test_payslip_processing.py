# SPDX-License-Identifier: MPL-2.0
"""The benefit office's work: calculate (with the rules engine), approve (a second person),
mark as paid; overlaps that need a person's decision; reminders before the 20th. The payslip
next to the ledger is in test_payslip_reconciliation.py."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from smaajob import cases
from smaajob.errors import DecisionRequired, IllegalTransition, InvalidInput, NotFound, UnknownValue
from smaajob.money import selectors, services
from smaajob.money.models import Payslip, Reminder
from smaajob.rules import offset_benefit
from tests.money.conftest import TODAY


def test_the_supplementary_benefit_is_the_rules_engines_offset_of_the_months_payslips(
    submit, benefit_officer, on_kontanthjaelp
):
    payslip = submit()
    calculation = services.calculate(actor=benefit_officer, payslip=payslip)
    expected = offset_benefit(date(2022, 5, 31), benefit=11000.0, wage=3380.0, hours=26.0)
    assert calculation.benefit_after == Decimal(str(round(expected.benefit_after, 2)))
    assert calculation.benefit_before == Decimal("11000.00") and calculation.hours == Decimal("26.00")
    payslip.refresh_from_db()
    assert payslip.status == "calculated" and payslip.calculation == calculation
    assert "28,66 kr. pr. time" in calculation.explanation_text
    assert "forslag" in calculation.explanation_text
    assert calculation.explanation["parameters"][0]["reference"]


def test_two_payslips_in_one_month_are_offset_together_and_the_change_is_shown(
    submit, benefit_officer, on_kontanthjaelp
):
    first = submit(placement=None, employer_name="Bageriet", hours="10", gross_wage="1300")
    services.calculate(actor=benefit_officer, payslip=first)
    second = submit()
    calculation = services.calculate(actor=benefit_officer, payslip=second)
    assert calculation.hours == Decimal("36.00") and calculation.wage == Decimal("4680.00")
    assert calculation.previous_benefit_after is not None
    assert "Tidligere beregnet" in calculation.explanation_text


def test_without_a_recorded_amount_the_benefit_office_is_asked_for_it(submit, benefit_officer):
    with pytest.raises(InvalidInput) as caught:
        services.calculate(actor=benefit_officer, payslip=submit())
    assert caught.value.field == "benefit_amount"
    calculation = services.calculate(actor=benefit_officer, payslip=Payslip.objects.get(), benefit_amount="11.000,00")
    assert calculation.benefit_before == Decimal("11000.00")


def test_a_year_the_sources_lack_is_a_clear_error_and_a_manual_amount_can_be_recorded(
    submit, benefit_officer, on_kontanthjaelp, paid_placement
):
    # The hourly disregard for January – June 2025 is not in our sources: the engine refuses to guess.
    payslip = submit(period_start=date(2025, 5, 1), period_end=date(2025, 5, 31), today=date(2025, 6, 5))
    with pytest.raises(UnknownValue):
        services.calculate(actor=benefit_officer, payslip=payslip)
    with pytest.raises(InvalidInput, match="hvorfor"):
        services.calculate(actor=benefit_officer, payslip=payslip, manual_amount="8500")
    calculation = services.calculate(
        actor=benefit_officer,
        payslip=payslip,
        manual_amount="8500",
        manual_reason="Beregnet i KMD efter satsvejledningen 2025",
    )
    assert calculation.manual and calculation.benefit_after == Decimal("8500.00")
    assert "ikke beregnet af regelmotoren" in calculation.explanation_text


def test_only_the_benefit_office_calculates(submit, consultant, on_kontanthjaelp):
    with pytest.raises(NotFound):
        services.calculate(actor=consultant, payslip=submit())


def test_overlapping_payslips_wait_for_a_persons_decision(submit, benefit_officer, on_kontanthjaelp):
    first = submit(period_start=date(2022, 5, 1), period_end=date(2022, 5, 20), hours="18", gross_wage="2340")
    second = submit(period_start=date(2022, 5, 16), period_end=date(2022, 5, 31), hours="10", gross_wage="1300")
    with pytest.raises(DecisionRequired) as caught:
        services.calculate(actor=benefit_officer, payslip=second)
    assert str(first.pk) in caught.value.message
    services.reject(actor=benefit_officer, payslip=second, reason="Dobbelt indberetning")
    first.refresh_from_db()
    assert first.overlaps_with == []
    services.calculate(actor=benefit_officer, payslip=first)


def test_the_benefit_office_can_confirm_that_an_overlap_is_genuine(submit, benefit_officer, on_kontanthjaelp):
    submit(period_start=date(2022, 5, 1), period_end=date(2022, 5, 20), hours="18", gross_wage="2340")
    second = submit(period_start=date(2022, 5, 16), period_end=date(2022, 5, 31), hours="10", gross_wage="1300")
    with pytest.raises(InvalidInput):
        services.confirm_overlap(actor=benefit_officer, payslip=second, note="")
    services.confirm_overlap(actor=benefit_officer, payslip=second, note="Rettelse af timer for uge 20")
    assert services.calculate(actor=benefit_officer, payslip=second).hours == Decimal("28.00")


def test_the_status_moves_received_calculated_approved_paid_and_never_skips(
    submit, benefit_officer, second_officer, on_kontanthjaelp
):
    payslip = submit()
    with pytest.raises(IllegalTransition):
        services.approve(actor=second_officer, payslip=payslip)
    with pytest.raises(IllegalTransition):
        services.mark_paid(actor=benefit_officer, payslip=payslip, paid_on=TODAY)
    services.calculate(actor=benefit_officer, payslip=payslip)
    services.approve(actor=second_officer, payslip=payslip)
    services.mark_paid(actor=benefit_officer, payslip=payslip, paid_on=TODAY)
    payslip.refresh_from_db()
    assert [t.to_status for t in payslip.transitions.all()] == ["received", "calculated", "approved", "paid"]
    assert all(t.actor_id for t in payslip.transitions.all()) and payslip.paid_on == TODAY
    with pytest.raises(IllegalTransition):
        services.reject(actor=benefit_officer, payslip=payslip, reason="for sent")


def test_approved_hours_count_towards_the_225_hours(
    submit, benefit_officer, second_officer, on_kontanthjaelp, citizen
):
    payslip = submit()
    services.calculate(actor=benefit_officer, payslip=payslip)
    services.approve(actor=second_officer, payslip=payslip)
    case, _ = cases.case_for_rules(citizen, first=date(2022, 1, 1), last=date(2022, 6, 1))
    assert case.record(2022 * 12 + 4).ordinary_hours == pytest.approx(26.0)


def test_the_worklist_puts_urgent_payslips_first(submit, benefit_officer):
    calm = submit(period_start=date(2022, 5, 1), period_end=date(2022, 5, 10), hours="6", gross_wage="780")
    pressed = submit(
        placement=None,
        employer_name="Bageriet",
        hours="8",
        gross_wage="1040",
        urgent_requested=True,
        urgent_note="Huslejen skal betales den 1.",
    )
    rows = selectors.worklist(Payslip.objects.all(), today=TODAY)
    assert [r.payslip.pk for r in rows] == [pressed.pk, calm.pk]
    assert rows[0].urgency.urgent and not rows[1].urgency.urgent


def test_reminders_go_to_citizen_employer_and_consultant_before_the_20th_once(
    citizen_user, employer_user, consultant, paid_placement
):
    made = services.create_due_reminders(today=date(2022, 6, 16))
    assert {r.recipient for r in made} == {citizen_user, employer_user, consultant}
    assert all(r.kind == "missing_payslip" and r.due_on == date(2022, 6, 20) for r in made)
    assert services.create_due_reminders(today=date(2022, 6, 17)) == []
    assert services.create_due_reminders(today=date(2022, 6, 21)) == []


def test_no_reminder_when_the_payslip_has_arrived(submit, paid_placement):
    submit(today=date(2022, 6, 16))
    assert not [r for r in services.create_due_reminders(today=date(2022, 6, 16)) if r.kind == "missing_payslip"]


def test_the_benefit_office_is_reminded_of_payslips_not_approved_a_week_before_the_payout(submit, benefit_officer):
    payslip = submit()
    services.create_due_reminders(today=date(2022, 6, 10))
    assert not Reminder.objects.filter(recipient=benefit_officer).exists()
    services.create_due_reminders(today=date(2022, 6, 25))
    reminder = Reminder.objects.get(recipient=benefit_officer)
    assert reminder.payslip == payslip and reminder.due_on == date(2022, 7, 1)


def test_the_citizen_page_and_the_calculator_count_the_same_225_hours_from_a_payslip(
    submit, benefit_officer, second_officer, on_kontanthjaelp, citizen
):
    # One builder for every page: the worklist/citizen page figure equals the payslip flow's.
    from smaajob.cases import hours_requirement_case

    payslip = submit()
    services.calculate(actor=benefit_officer, payslip=payslip)
    services.approve(actor=second_officer, payslip=payslip)
    page_case = hours_requirement_case(citizen, date(2022, 6, 30))
    money_case, _ = cases.case_for_rules(citizen, first=date(2022, 1, 1), last=date(2022, 6, 1))
    for month in (2022 * 12 + 4, 2022 * 12 + 5):
        assert page_case.record(month).ordinary_hours == money_case.record(month).ordinary_hours
    assert page_case.record(2022 * 12 + 4).ordinary_hours == pytest.approx(26.0)
    assert page_case.record(2022 * 12 + 5).ordinary_hours == pytest.approx(0.0)
