# SPDX-License-Identifier: MPL-2.0
"""The payslip flow for a month under the kontanthjælp system since 1 July 2025: the benefit
without work and the free amount follow from the citizen's recorded facts; nobody types an amount."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from smaajob.errors import InvalidInput
from smaajob.money import services
from tests.money.conftest import pdf
from tests.today.conftest import rates_known  # noqa: F401  (the fixture)

LAST_MONTH_END = date.today().replace(day=1) - timedelta(days=1)
LAST_MONTH_START = LAST_MONTH_END.replace(day=1)


@pytest.fixture
def on_todays_kontanthjaelp(citizen, caseworker):
    from smaajob.citizens.services import record_rate_facts, set_benefit

    set_benefit(actor=caseworker, citizen=citizen, benefit_type="kontanthjaelp", valid_from=date(2025, 7, 1))
    record_rate_facts(
        actor=caseworker,
        citizen=citizen,
        valid_from=date(2025, 7, 1),
        children=0,
        single=True,
        lives_with_parent=False,
        full_time_work_years_last_10=None,
        residence_requirement_met=True,
    )
    return citizen


@pytest.fixture
def last_months_payslip(citizen_user, citizen, paid_placement):
    return services.submit_payslip(
        actor=citizen_user,
        citizen=citizen,
        placement=paid_placement,
        period_start=LAST_MONTH_START,
        period_end=LAST_MONTH_END,
        hours="26",
        gross_wage="3380",
        attachment=pdf(),
        today=date.today(),
    )


def test_the_benefit_office_calculates_last_month_from_the_facts_without_an_amount(
    benefit_officer,
    on_todays_kontanthjaelp,
    last_months_payslip,
    rates_known,  # noqa: F811
):
    calculation = services.calculate(actor=benefit_officer, payslip=last_months_payslip)
    # Forhøjet sats 12.064 + tillæg til enlige ikke-forsørgere 1.092 (fixture amounts); 3.380 kr.
    # less 8 % AM-bidrag is 3.109,60 kr.; 65 % of what exceeds the 2.500 kr. free amount is deducted.
    assert calculation.benefit_before == Decimal("13156.00")
    assert calculation.deducted == Decimal("396.24") and calculation.benefit_after == Decimal("12759.76")
    assert "Sats (udledt af oplysningerne): forhøjet sats" in calculation.explanation_text


def test_without_the_facts_the_office_is_told_what_is_missing(
    benefit_officer, citizen, caseworker, last_months_payslip
):
    from smaajob.citizens.services import set_benefit

    set_benefit(actor=caseworker, citizen=citizen, benefit_type="kontanthjaelp", valid_from=date(2025, 7, 1))
    with pytest.raises(InvalidInput) as refused:
        services.calculate(actor=benefit_officer, payslip=last_months_payslip)
    assert refused.value.field == "benefit_amount"
    assert "oplysningerne til satsen mangler: antal børn under 18" in refused.value.message
