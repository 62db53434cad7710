# SPDX-License-Identifier: MPL-2.0
"""Benefit rules as code: dated legal parameters and the formulas that use them (pure Python).

No Django here (an import-linter contract enforces it). Inputs are plain dataclasses or numpy
arrays; every single-case result carries a ``trace`` that renders as Danish text
(``render_text()``) and JSON (``to_dict()``), listing each parameter with value, effective date
and legal reference. Legal amounts live in ``parameters/*.yaml``, never in code.

Stable API (other parts of Småjob import only these names)::

    # The citizen's kontanthjælp from recorded facts (rates from 1 July 2025, old table before)
    facts = BenefitFacts(age=35, children=0, single=True, lives_with_parent=False,
                         full_time_work_years_last_10=None, residence_requirement_met=True,
                         activity_ready=False)
    kontanthjaelp_rate(day, facts) -> RateResult   # .rate .base_amount .supplements
                                                   # .monthly_amount .free_amount_kind .trace
    work_duty(day, facts, ordinary_hours_per_week=0) -> WorkDutyResult   # arbejdspligt

    # What the citizen keeps (one month, N hours/week at wage W)
    compute_keep(day, hours_per_week=5, hourly_wage=130, facts=None, benefit="kontanthjaelp",
                 rate="full", provider=False, benefit_amount=None, raised_rate=False,
                 premium_eligible=False, premium_months_used=0, own_contributions=0,
                 fixed_hours=True) -> KeepResult
    keep_curve(day, hourly_wage=130, max_hours_per_week=37, step=1, **same) -> KeepCurve
    break_even_hours_per_week(day, hourly_wage=..., benefit=..., kind=None) -> float | None

    # The 225-hour rule (1 Apr 2016 - 30 Jun 2025; the married couples' rule of 2011), one citizen
    case = CitizenCase((MonthRecord(month_index(date(2017, 1, 1)), ordinary_hours=10,
                                    on_covered_benefit=True, rate=Rate.FULL,
                                    benefit_kind=BenefitKind.KONTANTHJAELP), ...),
                       exemptions=(Period(start, end, reason, ground=ExemptionGround.X),),
                       reduction_decisions=(Period(start),), married=False,
                       spouse_support=None, provider=None, full_child_benefit_from=None)
    hours_requirement_status(case, month) -> HoursRequirementResult
        # .status .reason .amount; proposals: .lapse_date .warning_by .hearing_by (varsling)
    hours_requirement_statuses(case, first=None, last=None) -> list[HoursRequirementResult]

    # The same, vectorised for a nightly recompute (persons × months numpy arrays)
    population = Population.from_cases(cases, first_month, months)   # or build arrays directly
    hours_requirement_population(population) -> PopulationHoursResult
    offset_population(first_month, wage=..., hours=..., benefit=...,
                      free_amount_kind=None) -> PopulationOffsetResult   # FREE_AMOUNT_CODES

    # Smaller rules
    offset_benefit(day, benefit=..., wage=..., hours=..., kind=None) -> OffsetResult
    job_premium(day, wage=..., eligible=True, months_used=0) -> JobPremiumResult
    dagpenge_hour_bank(day, monthly_hours) -> HourBankResult
    activation_deadlines(first_contact, age=...) -> ActivationDeadlines
    refund_rate(day, activity) / refund_rate(day, weeks_on_benefit=N) (from 4 Jan 2016) -> RefundResult

    # Parameters
    default_parameters() -> ParameterSet ; load_parameters(directory) -> ParameterSet
    read_hours_csv(text) -> list[MonthRecord]   # raises ImportRejected listing bad cells

A reduction under the 225-hour rule is a *proposal* (``Status.REDUCTION_PROPOSED``): nothing is
decided here that the law gives a caseworker to decide. A value our sources do not give raises
``ValueNotKnown`` (a ``smaajob.errors.UnknownValue``) rather than being guessed. Facts that
cannot all be true raise ``ImpossibleFacts``; a fact the rate needs but nobody recorded raises
``FactMissing`` (both ``smaajob.errors.InvalidInput``, with a Danish message and the field). See
``docs/rules.md`` for the rules in words, every parameter's source and the known gaps.
"""

from __future__ import annotations

from smaajob.rules.activation import (
    ActivationDeadlines,
    RefundResult,
    activation_deadlines,
    refund_rate,
    wage_subsidy_check,
)
from smaajob.rules.benefit_rate import BenefitFacts, RateCode, RateResult, kontanthjaelp_rate, new_system_from
from smaajob.rules.case import (
    LAS_HELP_KINDS,
    BenefitKind,
    CitizenCase,
    ExemptionGround,
    MonthRecord,
    Period,
    Rate,
    SpouseSupport,
)
from smaajob.rules.errors import (
    FactMissing,
    ImpossibleFacts,
    ParameterFileInvalid,
    RuleNotInForce,
    ValueNotKnown,
)
from smaajob.rules.hour_bank import HourBankResult, dagpenge_hour_bank
from smaajob.rules.hours_csv import read_hours_csv
from smaajob.rules.hours_requirement import (
    HoursRequirementResult,
    Reason,
    Status,
    hours_requirement_status,
    hours_requirement_statuses,
)
from smaajob.rules.job_premium import JobPremiumResult, job_premium
from smaajob.rules.keep import (
    KeepCurve,
    KeepPoint,
    KeepResult,
    break_even_hours_per_week,
    compute_keep,
    keep_curve,
)
from smaajob.rules.months import format_month, month_index, parse_month
from smaajob.rules.offset import FreeAmountKind, OffsetResult, offset_benefit
from smaajob.rules.parameters import ParameterSet, default_parameters, load_parameters
from smaajob.rules.population import (
    FREE_AMOUNT_CODES,
    Population,
    PopulationHoursResult,
    PopulationOffsetResult,
    hours_requirement_population,
    offset_population,
)
from smaajob.rules.population_slices import PopulationSlice, persons_of, population_slices
from smaajob.rules.trace import Trace
from smaajob.rules.work_duty import WorkDutyResult, work_duty

__all__ = [
    "FREE_AMOUNT_CODES",
    "LAS_HELP_KINDS",
    "ActivationDeadlines",
    "BenefitFacts",
    "BenefitKind",
    "CitizenCase",
    "ExemptionGround",
    "FactMissing",
    "FreeAmountKind",
    "HourBankResult",
    "HoursRequirementResult",
    "ImpossibleFacts",
    "JobPremiumResult",
    "KeepCurve",
    "KeepPoint",
    "KeepResult",
    "MonthRecord",
    "OffsetResult",
    "ParameterFileInvalid",
    "ParameterSet",
    "Period",
    "Population",
    "PopulationHoursResult",
    "PopulationOffsetResult",
    "PopulationSlice",
    "Rate",
    "RateCode",
    "RateResult",
    "Reason",
    "RefundResult",
    "RuleNotInForce",
    "SpouseSupport",
    "Status",
    "Trace",
    "ValueNotKnown",
    "WorkDutyResult",
    "activation_deadlines",
    "break_even_hours_per_week",
    "compute_keep",
    "dagpenge_hour_bank",
    "default_parameters",
    "format_month",
    "hours_requirement_population",
    "hours_requirement_status",
    "hours_requirement_statuses",
    "job_premium",
    "keep_curve",
    "kontanthjaelp_rate",
    "new_system_from",
    "load_parameters",
    "month_index",
    "offset_benefit",
    "offset_population",
    "parse_month",
    "persons_of",
    "population_slices",
    "read_hours_csv",
    "refund_rate",
    "wage_subsidy_check",
    "work_duty",
]
