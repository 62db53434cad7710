# SPDX-License-Identifier: MPL-2.0
"""The rate from the citizen's facts, as other parts of Småjob call it."""

from __future__ import annotations

import datetime as dt

import pytest

from smaajob.rules import BenefitFacts, ImpossibleFacts, keep_curve, kontanthjaelp_rate


def test_the_curve_over_0_to_37_hours_uses_the_free_amount_of_the_rate_the_facts_give() -> None:
    curve = keep_curve(dt.date(2026, 12, 2), hourly_wage=140, facts=BenefitFacts(age=35),
                       benefit_amount=12000.0)
    assert [p.hours_per_week for p in curve.points] == list(range(38))
    incomes = [p.income_with_work for p in curve.points]
    assert incomes == sorted(incomes)
    # 4 h/week at 140 kr. is 2.233,07 kr. after AM-bidrag: under the 2.500 kr. free amount.
    assert curve.points[4].benefit_after_offset == 12000.0
    assert curve.points[5].benefit_after_offset < 12000.0


def test_a_rate_before_july_2025_is_explained_with_its_source() -> None:
    result = kontanthjaelp_rate(dt.date(2017, 6, 1), BenefitFacts(age=40, children=2))
    assert result.rate == "over30_provider"
    assert result.monthly_amount == 14808
    text = result.render_text()
    assert "forsørger børn: kontanthjælp som forsørger (LAS § 25, stk. 2, nr. 1)" in text
    assert "Kilde:" in text
    assert result.to_dict()["supplements"] == []


def test_an_age_that_is_not_a_whole_number_of_years_is_refused_in_danish() -> None:
    with pytest.raises(ImpossibleFacts, match="helt antal år"):
        kontanthjaelp_rate(dt.date(2025, 8, 1), BenefitFacts(age=-3))


def test_the_new_kontanthjaelp_system_starts_on_the_day_lov_1655_of_2024_came_into_force():
    # Lov nr. 1655 af 30/12/2024 (L 13, 2024-25) came into force on 1 July 2025. Every caller
    # (calculator, citizen page, demo) reads the day from the dated parameters, not a literal.
    import datetime as dt

    from smaajob.rules import new_system_from

    assert new_system_from() == dt.date(2025, 7, 1)


def test_the_reform_merged_every_kind_of_help_the_engine_knows_into_kontanthjaelp():
    from smaajob.rules import LAS_HELP_KINDS, BenefitKind

    assert {BenefitKind(kind) for kind in LAS_HELP_KINDS} == set(BenefitKind)
