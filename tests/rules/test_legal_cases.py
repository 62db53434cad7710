# SPDX-License-Identifier: MPL-2.0
"""The legal expert's cases in ``cases/*.yaml``, each checked against the rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from smaajob.errors import InvalidInput, SmaajobError
from smaajob.rules import (
    BenefitFacts,
    BenefitKind,
    CitizenCase,
    ExemptionGround,
    MonthRecord,
    Period,
    Rate,
    SpouseSupport,
    compute_keep,
    dagpenge_hour_bank,
    format_month,
    hours_requirement_status,
    job_premium,
    kontanthjaelp_rate,
    parse_month,
    refund_rate,
)
from smaajob.rules.benefit_rate import FREE_AMOUNT_KIND, decide_rate, supplements_for
from smaajob.rules.parameters import default_parameters
from smaajob.rules.trace import Trace
from tests.rules.conftest import load_cases


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [c["name"] for c in cases]


KEEP = load_cases("keep.yaml")
HOURS = load_cases("hours_requirement.yaml")
PREMIUM = load_cases("job_premium.yaml")
RATES = load_cases("benefit_rate.yaml")
REFUNDS = load_cases("refund.yaml")
HOUR_BANK = load_cases("hour_bank.yaml")


@pytest.mark.parametrize("case", KEEP, ids=_ids(KEEP))
def test_what_the_citizen_keeps_matches_the_source(case: dict[str, Any]) -> None:
    expect = case["expect"]
    options: dict[str, Any] = dict(hours_per_week=case["hours_per_week"],
                                   hourly_wage=case["hourly_wage"],
                                   benefit_amount=case.get("benefit_amount"))
    if "facts" in case:
        options["facts"] = BenefitFacts(**case["facts"])
    for key in ("own_contributions", "fixed_hours"):
        if key in case:
            options[key] = case[key]
    if "error" in expect:
        with pytest.raises(SmaajobError) as caught:
            compute_keep(case["date"], **options)
        assert caught.value.code == expect["error"]
        return
    result = compute_keep(case["date"], **options)
    for key, value in expect.items():
        if key == "disregarded_hours_capped_at":
            capped = [p for p in result.trace.parameters
                      if p.name == "earnings_disregard_max_hours_per_month"]
            assert capped and capped[0].value == value
            continue
        if isinstance(value, str):
            assert getattr(result, key) == value, key
            continue
        assert getattr(result, key) == pytest.approx(value, abs=0.005), key


def _build_case(case: dict[str, Any]) -> CitizenCase:
    first = parse_month(case["first_month"])
    target = parse_month(case["month"])
    hours = [case["hours_per_week"] * 52 / 12] if "hours_per_week" in case else case["hours"]
    benefit_from = parse_month(case.get("on_benefit_from", case["first_month"]))
    sick = {parse_month(k): v for k, v in case.get("sick_days", {}).items()}
    other = {parse_month(k): v for k, v in case.get("extension_days", {}).items()}
    records = []
    for month in range(first, target + 1):
        position = month - first
        value = hours[position] if position < len(hours) else (hours[-1] if len(hours) == 1 else 0)
        records.append(MonthRecord(
            month, ordinary_hours=value, on_covered_benefit=month >= benefit_from,
            rate=Rate(case.get("rate", "full")), benefit_amount=case.get("benefit_amount"),
            sick_days=sick.get(month, 0), other_extension_days=other.get(month, 0),
            benefit_kind=BenefitKind(case["benefit_kind"]) if "benefit_kind" in case else None))
    ground = ExemptionGround(case["exemption_ground"]) if "exemption_ground" in case else None
    exemptions = (Period(case["exempt_from"], ground=ground),) if "exempt_from" in case else ()
    reductions = (Period(case["reduced_since"]),) if "reduced_since" in case else ()
    return CitizenCase(tuple(records), exemptions=exemptions, reduction_decisions=reductions,
                       married_both_on_help=case.get("married_both_on_help", False),
                       first_applied_on=case.get("first_applied_on"),
                       married=case.get("married", False),
                       spouse_support=SpouseSupport(case["spouse_support"])
                       if "spouse_support" in case else None,
                       provider=case.get("provider"),
                       full_child_benefit_from=case.get("full_child_benefit_from"))


@pytest.mark.parametrize("case", HOURS, ids=_ids(HOURS))
def test_the_225_hour_rule_matches_the_source(case: dict[str, Any]) -> None:
    if "error" in case["expect"]:
        with pytest.raises(InvalidInput) as caught:
            hours_requirement_status(_build_case(case), parse_month(case["month"]))
        assert caught.value.code == case["expect"]["error"]
        assert caught.value.field == case["expect"]["field"]
        return
    result = hours_requirement_status(_build_case(case), parse_month(case["month"]))
    for key, value in case["expect"].items():
        actual = getattr(result, key)
        actual = getattr(actual, "value", actual)
        if key == "window_start":
            actual = format_month(actual)
        assert actual == (pytest.approx(value) if isinstance(value, float | int) and
                          not isinstance(value, bool) else value), key


@pytest.mark.parametrize("case", PREMIUM, ids=_ids(PREMIUM))
def test_the_job_premium_matches_the_source(case: dict[str, Any]) -> None:
    day: dt.date = case["date"]
    result = job_premium(day, wage=case["wage"], eligible=True,
                         months_used=case.get("months_used", 0))
    assert result.premium == pytest.approx(case["expect"]["premium"], abs=0.005)
    if "in_force" in case["expect"]:
        assert result.in_force is case["expect"]["in_force"]


@pytest.mark.parametrize("case", RATES, ids=_ids(RATES))
def test_the_rate_and_supplements_follow_from_the_facts_as_the_source_says(
        case: dict[str, Any]) -> None:
    day: dt.date = case["date"]
    facts = BenefitFacts(**case["facts"])
    expect = case["expect"]
    params = default_parameters()
    if "rate" not in expect:
        with pytest.raises(SmaajobError) as caught:
            kontanthjaelp_rate(day, facts)
        assert caught.value.code == expect["error"]
        return
    code = decide_rate(day, facts, params, Trace("sats"))
    assert code.value == expect["rate"]
    if "free_amount_kind" in expect:
        assert FREE_AMOUNT_KIND[code].value == expect["free_amount_kind"]
    if "supplements" in expect:
        found = supplements_for(day, facts, code, params, Trace("tillæg"))
        assert {c: a for c, _, a in found} == pytest.approx(expect["supplements"])
    if "monthly_amount" not in expect:
        # The amount of the rate (or of a supplement) is not in our sources: a clear refusal.
        with pytest.raises(SmaajobError) as caught:
            kontanthjaelp_rate(day, facts)
        assert caught.value.code == expect.get("error", "unknown_value")
        return
    result = kontanthjaelp_rate(day, facts)
    assert result.rate == expect["rate"]
    assert result.free_amount_kind == FREE_AMOUNT_KIND[code].value
    assert result.monthly_amount == pytest.approx(expect["monthly_amount"])


@pytest.mark.parametrize("case", REFUNDS, ids=_ids(REFUNDS))
def test_the_state_refund_matches_the_source(case: dict[str, Any]) -> None:
    expect = case["expect"]
    call = dict(weeks_on_benefit=case.get("weeks"))
    if "error" in expect:
        with pytest.raises(SmaajobError) as caught:
            refund_rate(case["date"], case.get("activity"), **call)
        assert caught.value.code == expect["error"]
        assert caught.value.field == expect["field"]
        return
    assert refund_rate(case["date"], case.get("activity"), **call).rate == pytest.approx(expect["rate"])


@pytest.mark.parametrize("case", HOUR_BANK, ids=_ids(HOUR_BANK))
def test_the_dagpenge_hour_bank_matches_the_source(case: dict[str, Any]) -> None:
    result = dagpenge_hour_bank(case["date"], [float(h) for h in case["hours"]],
                                hours_on_account=case.get("hours_on_account", True))
    for key, value in case["expect"].items():
        actual = getattr(result, key)
        if isinstance(value, bool | str):
            assert actual == value, key
        else:
            assert actual == pytest.approx(value), key
