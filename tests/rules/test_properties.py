# SPDX-License-Identifier: MPL-2.0
"""Properties of the rules that must hold for any citizen, checked with hypothesis."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smaajob.rules import (
    FREE_AMOUNT_CODES,
    BenefitFacts,
    BenefitKind,
    CitizenCase,
    FactMissing,
    FreeAmountKind,
    MonthRecord,
    Period,
    Population,
    Rate,
    SpouseSupport,
    Status,
    ValueNotKnown,
    compute_keep,
    hours_requirement_population,
    hours_requirement_status,
    offset_population,
    parse_month,
)
from smaajob.rules.months import month_end, month_start
from smaajob.rules.offset import offset_benefit

FIRST = parse_month("2015-09")
MONTHS = 24
# Periods with their own rules: the start and the transitional rule (2016-17), the covid-19
# suspension and both extension periods (2020-21), and the end of the rule (2025); and 2011,
# the married couples' rule (450 hours in 24 months, then 225 in 12, ended with 2011).
FIRSTS = [parse_month(m) for m in ("2010-06", "2015-09", "2019-08", "2020-02", "2024-03")]
# 2011's rule for self-employment is not in our sources: both engines refuse such hours there.
NO_SELF_EMPLOYMENT_RULE = parse_month("2010-06")
# Quarter hours are exact in binary, so sums agree to the last bit in both engines.
HOURS = st.integers(min_value=0, max_value=160).map(lambda q: q / 4)


KINDS_OF_HELP = [None, None, *BenefitKind]
CHILD_BENEFIT_DAYS = [dt.date(2015, 1, 1), dt.date(2017, 2, 14), dt.date(2020, 6, 1),
                      dt.date(2024, 9, 30)]


@st.composite
def cases(draw: st.DrawFn, first: int = FIRST, facts_may_be_missing: bool = False,
          self_employment: bool = True) -> CitizenCase:
    """A citizen's case; the facts of who is covered (benefit kind, spouse, children) are drawn
    complete unless ``facts_may_be_missing``."""
    records = []
    for month in range(first, first + MONTHS):
        if draw(st.integers(0, 19)) == 0:
            continue  # an unrecorded month
        records.append(MonthRecord(
            month,
            ordinary_hours=draw(st.sampled_from([0.0, 0.0, 5.0])) or draw(HOURS),
            self_employment_hours=draw(st.sampled_from([0.0, 80.0])) if self_employment else 0.0,
            self_employment_weekly_hours=draw(st.sampled_from([0.0, 12.0, 25.0])),
            placement_hours=draw(st.sampled_from([0.0, 40.0])),
            on_covered_benefit=draw(st.booleans()) or draw(st.booleans()),
            rate=draw(st.sampled_from(list(Rate))),
            benefit_amount=draw(st.sampled_from([None, 400.0, 11000.0])),
            sick_days=draw(st.sampled_from([0, 0, 0, 3, 14, 17, 31])),
            other_extension_days=draw(st.sampled_from([0, 0, 0, 0, 10, 31])),
            benefit_kind=draw(st.sampled_from(KINDS_OF_HELP)),
        ))
    exemptions: tuple[Period, ...] = ()
    if draw(st.booleans()):
        start = first + draw(st.integers(0, MONTHS - 1))
        exemptions = (Period(month_start(start), month_end(start + draw(st.integers(0, 6)))),)
    reductions: tuple[Period, ...] = ()
    if draw(st.booleans()):
        reductions = (Period(month_start(first + draw(st.integers(0, MONTHS - 1)))),)
    applied = draw(st.sampled_from([None, None, dt.date(2020, 2, 3), dt.date(2020, 3, 9),
                                    dt.date(2020, 6, 15), dt.date(2020, 9, 8), dt.date(2020, 9, 9)]))
    maybe = [None] if facts_may_be_missing else []
    return CitizenCase(tuple(records), exemptions=exemptions, reduction_decisions=reductions,
                       married_both_on_help=draw(st.booleans()), first_applied_on=applied,
                       married=draw(st.booleans()),
                       spouse_support=draw(st.sampled_from([*maybe, *SpouseSupport])),
                       provider=draw(st.sampled_from([*maybe, True, False])),
                       full_child_benefit_from=draw(st.sampled_from([*maybe,
                                                                     *CHILD_BENEFIT_DAYS])))


def _with_more_hours(case: CitizenCase, month: int, extra: float) -> CitizenCase:
    record = case.record(month)
    changed = MonthRecord(**{**{f: getattr(record, f) for f in record.__slots__},
                             "ordinary_hours": record.ordinary_hours + extra})
    others = tuple(r for r in case.months if r.month != month)
    return dataclasses.replace(case, months=others + (changed,))


@settings(max_examples=150, deadline=None)
@given(cases(), st.integers(0, MONTHS - 1), st.integers(0, MONTHS - 1), HOURS)
def test_more_ordinary_hours_never_raise_a_reduction(
        case: CitizenCase, worked: int, asked: int, extra: float) -> None:
    month = FIRST + asked
    before = hours_requirement_status(case, month)
    after = hours_requirement_status(_with_more_hours(case, FIRST + worked, extra), month)
    was = before.amount or 0.0 if before.status is Status.REDUCTION_PROPOSED else 0.0
    now = after.amount or 0.0 if after.status is Status.REDUCTION_PROPOSED else 0.0
    assert now <= was
    if before.status is not Status.REDUCTION_PROPOSED:
        assert after.status is not Status.REDUCTION_PROPOSED
    assert after.hours_missing <= before.hours_missing


@settings(max_examples=150, deadline=None)
@given(cases(), st.integers(0, MONTHS - 1))
def test_a_reduction_never_exceeds_the_benefit(case: CitizenCase, asked: int) -> None:
    month = FIRST + asked
    result = hours_requirement_status(case, month)
    benefit = case.record(month).benefit_amount
    if result.amount is not None and benefit is not None:
        assert result.amount <= benefit


@st.composite
def populations(draw: st.DrawFn) -> tuple[int, list[CitizenCase]]:
    first = draw(st.sampled_from(FIRSTS))
    return first, draw(st.lists(cases(first, facts_may_be_missing=draw(st.booleans()),
                                      self_employment=first != NO_SELF_EMPLOYMENT_RULE),
                                min_size=1, max_size=6))


@settings(max_examples=120, deadline=None)
@given(populations())
def test_a_result_is_the_same_alone_or_in_a_population(
        drawn: tuple[int, list[CitizenCase]]) -> None:
    first, citizens = drawn

    def refused(case: CitizenCase, month: int) -> bool:
        try:
            hours_requirement_status(case, month)
        except FactMissing:
            return True
        return False

    try:
        population = Population.from_cases(citizens, first, MONTHS)
    except FactMissing:
        # A fact needed for who is covered is missing: the single case refuses too.
        assert any(refused(case, first + c) for case in citizens for c in range(MONTHS))
        return
    together = hours_requirement_population(population)
    for person, case in enumerate(citizens):
        for column in range(MONTHS):
            alone = hours_requirement_status(case, first + column)
            assert together.status_of(person, column) is alone.status
            assert together.reason_of(person, column) is alone.reason
            assert together.hours_counted[person, column] == alone.hours_counted
            assert together.hours_missing[person, column] == alone.hours_missing
            assert together.next_month_hours_missing[person, column] == \
                alone.next_month_hours_missing
            assert together.extension_months[person, column] == alone.extension_months
            expected_start = -1 if alone.window_start is None else alone.window_start
            assert together.window_start[person, column] == expected_start
            assert together.months_of_help[person, column] == alone.months_of_help
            amount = together.amount[person, column]
            assert (alone.amount is None) == math.isnan(amount)
            if alone.amount is not None:
                assert amount == alone.amount
            assert bool(together.amount_unknown[person, column]) == alone.amount_unknown


def test_self_employment_hours_in_2011_are_refused_by_both_engines_not_guessed() -> None:
    first = parse_month("2010-01")
    months = [MonthRecord(m, on_covered_benefit=True, self_employment_hours=80.0,
                          self_employment_weekly_hours=25.0) for m in range(first, first + 24)]
    case = CitizenCase(tuple(months), married=True)
    with pytest.raises(ValueNotKnown) as alone:
        hours_requirement_status(case, parse_month("2011-09"))
    assert alone.value.parameter == "hours_requirement_self_employment_min_weekly_hours"
    with pytest.raises(ValueNotKnown) as together:
        hours_requirement_population(Population.from_cases([case], first, 24))
    assert together.value.parameter == alone.value.parameter


KINDS = list(FREE_AMOUNT_CODES)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(HOURS, st.integers(0, 400), st.integers(0, 25000),
                          st.sampled_from(KINDS)), min_size=1, max_size=8),
       st.sampled_from(["2017-03", "2021-05", "2022-11", "2025-07", "2025-08", "2026-01",
                        "2026-12"]))
def test_the_offset_is_the_same_alone_or_in_a_population(
        rows: list[tuple[float, int, int, FreeAmountKind]], month_text: str) -> None:
    month = parse_month(month_text)
    hours = np.array([[h] for h, _, _, _ in rows])
    wage = np.array([[h * w] for h, w, _, _ in rows])
    benefit = np.array([[float(b)] for _, _, b, _ in rows])
    kinds = np.array([[FREE_AMOUNT_CODES[k]] for _, _, _, k in rows], dtype=np.int8)
    together = offset_population(month, wage=wage, hours=hours, benefit=benefit,
                                 free_amount_kind=kinds)
    for person, (h, w, b, k) in enumerate(rows):
        alone = offset_benefit(month_end(month), benefit=float(b), wage=h * w, hours=h, kind=k)
        assert together.benefit_after[person, 0] == alone.benefit_after
        assert together.deducted[person, 0] == alone.deducted


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(HOURS, st.integers(0, 400), st.integers(0, 20000), st.booleans()),
                min_size=1, max_size=6))
def test_the_raised_rate_flag_means_the_raised_free_amount_in_a_population(
        rows: list[tuple[float, int, int, bool]]) -> None:
    month = parse_month("2026-03")
    hours = np.array([[h] for h, _, _, _ in rows])
    wage = np.array([[h * w] for h, w, _, _ in rows])
    benefit = np.array([[float(b)] for _, _, b, _ in rows])
    raised = np.array([[r] for _, _, _, r in rows])
    together = offset_population(month, wage=wage, hours=hours, benefit=benefit,
                                 raised_rate=raised)
    for person, (h, w, b, r) in enumerate(rows):
        alone = offset_benefit(month_end(month), benefit=float(b), wage=h * w, hours=h,
                               raised_rate=r)
        assert together.benefit_after[person, 0] == alone.benefit_after


FACTS = st.builds(
    BenefitFacts,
    age=st.integers(18, 70),
    children=st.integers(0, 4),
    single=st.booleans(),
    lives_with_parent=st.booleans(),
    full_time_work_years_last_10=st.sampled_from([0.0, 1.0, 2.5, 5.0]),
    residence_requirement_met=st.booleans(),
    activity_ready=st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(FACTS, st.integers(0, 36), st.integers(0, 400), st.integers(0, 25000),
       st.sampled_from(["2025-07-01", "2025-11-30", "2026-06-15", "2026-12-02"]))
def test_under_the_2025_rules_one_more_hour_of_paid_work_never_lowers_what_the_citizen_keeps(
        facts: BenefitFacts, hours: int, wage: int, benefit: int, day_text: str) -> None:
    day = dt.date.fromisoformat(day_text)
    facts = dataclasses.replace(
        facts, full_time_work_years_last_10=min(facts.full_time_work_years_last_10 or 0.0,
                                                facts.age - 13))
    options = dict(hourly_wage=float(wage), facts=facts, benefit_amount=float(benefit))
    fewer = compute_keep(day, hours_per_week=hours, **options)  # type: ignore[arg-type]
    more = compute_keep(day, hours_per_week=hours + 1, **options)  # type: ignore[arg-type]
    # At the krone-for-krone ceiling the income is the same for both; float sums of different
    # wages may differ there in the last bit, so "never lower" is checked to a millionth of a krone.
    assert more.income_with_work >= fewer.income_with_work - 1e-6
    assert more.benefit_after_offset <= fewer.benefit_after_offset + 1e-6
