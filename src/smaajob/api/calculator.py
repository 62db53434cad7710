# SPDX-License-Identifier: MPL-2.0
"""API: "Hvad får jeg ud af det?" — the public calculation, the same as /beregner/.

No log-in, nothing stored, nothing logged. Bad input is refused by the schema with HTTP 400 and
the project's error body (``code``, ``message``, ``field``); a value the rules' sources lack for
the month (e.g. the kontanthjælp rate) is a 422 ``unknown_value`` naming ``benefit_amount``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema
from pydantic import field_validator, model_validator
from pydantic_core import PydanticCustomError

from smaajob.money import calculator
from smaajob.rules import BenefitKind, Rate

PREFIX = "/beregner"
TAG = "beregner"
router = Router()


def _problem(message: str) -> PydanticCustomError:
    return PydanticCustomError("invalid_input", message)


class CalculationIn(Schema):
    month: str = Field(..., description="Måneden, der regnes for: ÅÅÅÅ-MM", examples=["2017-06"])
    hours_per_week: float = Field(..., description="Timer om ugen (0-80)")
    hourly_wage: float = Field(..., description="Timeløn før skat i kr. (0-10.000)")
    benefit: Literal["kontanthjaelp", "uddannelseshjaelp", "integrationsydelse"] = "kontanthjaelp"
    rate: Literal["full", "lower"] = Field("full", description="Voksensats (full) eller lavere sats (lower)")
    age_30_or_over: bool = True
    provider: bool = Field(False, description="Forsørger børn")
    birth_date: dt.date | None = Field(
        None, description="Fødselsdato; med den (eller age) finder reglerne satsen ud fra oplysningerne nedenfor"
    )
    age: int | None = Field(None, description="Alder i hele år, hvis fødselsdatoen ikke gives")
    children: int | None = Field(None, description="Børn under 18, som borgeren forsørger (ellers: provider)")
    single: bool = Field(True, description="Enlig: hverken gift eller samlevende")
    lives_with_parent: bool = False
    full_time_work_years_last_10: float | None = Field(None, description="År med fuldtidsarbejde de seneste 10 år")
    residence_requirement_met: bool = Field(True, description="Opholds- og beskæftigelseskravet er opfyldt")
    married: bool = False
    spouse_on_help: bool = Field(False, description="Ægtefællen får også hjælp (kun når married)")
    benefit_amount: float | None = Field(None, description="Hjælp pr. måned før skat, hvis satsen ikke kendes")
    premium_eligible: bool = Field(False, description="I målgruppen for jobpræmie (2017-2019)")
    covered_one_year: bool = Field(True, description="Hjælp i mere end 1 år inden for 3 år (225-timersreglen)")
    hours_last_12_months: float = Field(0, description="Løntimer de seneste 12 måneder (225-timersreglen)")
    compare_hours: list[float] | None = Field(
        None, description="1-3 antal timer om ugen at sammenligne; ellers hours_per_week"
    )

    @field_validator("month")
    @classmethod
    def _month(cls, value: str) -> str:
        try:
            day = dt.date.fromisoformat(f"{value}-01")
        except ValueError:
            raise _problem("Skriv måneden som ÅÅÅÅ-MM, fx 2017-06.") from None
        if not dt.date(2000, 1, 1) <= day <= dt.date(2100, 12, 1):
            raise _problem("Vælg en måned mellem år 2000 og 2100.")
        return value

    @field_validator("hours_per_week")
    @classmethod
    def _hours(cls, value: float) -> float:
        if not 0 <= value <= calculator.MAX_HOURS_PER_WEEK:
            raise _problem(f"Timer om ugen skal være mellem 0 og {calculator.MAX_HOURS_PER_WEEK}.")
        return value

    @field_validator("hourly_wage")
    @classmethod
    def _wage(cls, value: float) -> float:
        if not 0 <= value <= 10_000:
            raise _problem("Timelønnen skal være mellem 0 og 10.000 kr.")
        return value

    @field_validator("benefit_amount")
    @classmethod
    def _amount(cls, value: float | None) -> float | None:
        if value is not None and not 0 <= value <= 100_000:
            raise _problem("Hjælpen pr. måned skal være mellem 0 og 100.000 kr.")
        return value

    @field_validator("hours_last_12_months")
    @classmethod
    def _past(cls, value: float) -> float:
        if not 0 <= value <= 12 * 744:
            raise _problem("Timer de seneste 12 måneder skal være 0 eller mere.")
        return value

    @field_validator("compare_hours")
    @classmethod
    def _compare(cls, value: list[float] | None) -> list[float] | None:
        if value is not None:
            if not 1 <= len(value) <= calculator.MAX_SCENARIOS:
                raise _problem(f"Sammenlign 1 til {calculator.MAX_SCENARIOS} antal timer ad gangen.")
            if any(not 0 <= h <= calculator.MAX_HOURS_PER_WEEK for h in value):
                raise _problem(f"Timer om ugen skal være mellem 0 og {calculator.MAX_HOURS_PER_WEEK}.")
        return value

    @model_validator(mode="after")
    def _spouse(self) -> CalculationIn:
        if self.spouse_on_help and not self.married:
            raise _problem("spouse_on_help kræver married.")
        return self

    def to_input(self) -> calculator.CalculatorInput:
        children = self.children if self.children is not None else (1 if self.provider else 0)
        return calculator.CalculatorInput(
            month=dt.date.fromisoformat(f"{self.month}-01"),
            hours_per_week=self.hours_per_week,
            hourly_wage=self.hourly_wage,
            benefit=BenefitKind(self.benefit),
            rate=Rate(self.rate),
            provider=children > 0,
            age_30_or_over=self.age_30_or_over if self.age is None else self.age >= 30,
            birth_date=self.birth_date,
            age_years=self.age,
            children=children,
            single=self.single and not self.married,
            lives_with_parent=self.lives_with_parent,
            full_time_work_years_last_10=self.full_time_work_years_last_10,
            residence_requirement_met=self.residence_requirement_met,
            married=self.married,
            spouse_on_help=self.spouse_on_help,
            benefit_amount=self.benefit_amount,
            premium_eligible=self.premium_eligible,
            covered_one_year=self.covered_one_year,
            hours_last_12_months=self.hours_last_12_months,
        )


class CurvePoint(Schema):
    hours_per_week: float
    wage: float
    benefit_after_offset: float
    job_premium: float
    income_with_work: float
    change_in_income: float


class HoursRequirementOut(Schema):
    applies: bool
    status: str
    status_text: str
    hours_counted: float
    hours_required: float | None
    hours_missing: float
    avoid_by: dt.date | None
    next_month_hours_missing: float
    met_from: str | None
    proposed_reduction: float | None = Field(None, description="Kun et forslag: kræver sagsbehandlers afgørelse")
    assumptions: list[str]
    problem: str
    explanation: dict[str, Any] | None


class ScenarioOut(Schema):
    rate: str | None = Field(None, description="Satsen, som oplysningerne giver (fx forhoejet), når de er givet")
    free_amount_kind: str | None = None
    hours_per_week: float
    hours_per_month: float
    wage: float
    labour_market_contribution: float
    benefit_without_work: float
    benefit_after_offset: float
    job_premium: float
    income_without_work: float
    income_with_work: float
    change_in_income: float
    kept_per_hour: float
    break_even_hours_per_week: float | None
    regime: str
    curve: list[CurvePoint]
    hours_requirement: HoursRequirementOut
    not_modelled: list[str]
    assumptions: list[str]
    explanation_text: str = Field(..., description="Forklaringen som dansk tekst")
    explanation: dict[str, Any] = Field(..., description="Forklaringen: parametre med kilde, input, trin, noter")


class CalculationOut(Schema):
    month: str
    scenarios: list[ScenarioOut]


def _scenario(s: calculator.Scenario) -> ScenarioOut:
    k = s.keep
    h = s.hours
    even = k.break_even_hours_per_week
    return ScenarioOut(
        rate=k.rate,
        free_amount_kind=k.free_amount_kind,
        hours_per_week=k.hours_per_week,
        hours_per_month=round(k.hours_per_month, 4),
        wage=round(k.wage, 2),
        labour_market_contribution=round(k.labour_market_contribution, 2),
        benefit_without_work=round(k.benefit_without_work, 2),
        benefit_after_offset=round(k.benefit_after_offset, 2),
        job_premium=round(k.job_premium, 2),
        income_without_work=round(k.income_without_work, 2),
        income_with_work=round(k.income_with_work, 2),
        change_in_income=round(k.change_in_income, 2),
        kept_per_hour=round(k.kept_per_hour, 2),
        break_even_hours_per_week=None if even is None else round(even, 2),
        regime=s.keep.regime,
        curve=[CurvePoint(**p.to_dict()) for p in s.curve.points],
        hours_requirement=HoursRequirementOut(
            applies=h.applies,
            status=h.status,
            status_text=h.status_text,
            hours_counted=h.hours_counted,
            hours_required=h.hours_required,
            hours_missing=h.hours_missing,
            avoid_by=h.avoid_by,
            next_month_hours_missing=h.next_month_hours_missing,
            met_from=h.met_from,
            proposed_reduction=h.reduction,
            assumptions=list(h.assumptions),
            problem=h.problem,
            explanation=h.result.trace.to_dict() if h.result else None,
        ),
        not_modelled=list(s.keep.not_modelled),
        assumptions=list(s.ours),
        explanation_text=s.keep.render_text(),
        explanation=s.keep.trace.to_dict(),
    )


@router.post(
    "/",
    auth=None,
    response=CalculationOut,
    summary="Hvad får borgeren ud af at arbejde? (offentlig, gemmer intet)",
    description=(
        "Løn, hjælp efter modregning, jobpræmie og forskel pr. måned, kurven over 0-37 timer med break-even, "
        "225-timersreglen og forklaringen med lovhenvisninger. Samme beregning som /beregner/."
    ),
)
def calculate(request: HttpRequest, payload: CalculationIn) -> CalculationOut:
    data = payload.to_input()
    hours = payload.compare_hours or [payload.hours_per_week]
    scenarios = calculator.compare(data, hours)
    return CalculationOut(month=payload.month, scenarios=[_scenario(s) for s in scenarios])
