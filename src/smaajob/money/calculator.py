# SPDX-License-Identifier: MPL-2.0
""" "Hvad får jeg ud af det?": one or more scenarios computed by the rules engine.

Everything legal comes from ``smaajob.rules`` (``compute_keep``, ``keep_curve``,
``hours_requirement_status``); this module only gathers the inputs, lays out the 225-hour
outlook for a scenario, and says plainly what the engine does *not* know. Nothing here stores
or logs what a visitor types.

Two choices are ours and labelled as such on the page:

* The rules engine has rate tables only for kontanthjælp to people aged 30 or more. For anyone
  else (under 30, uddannelseshjælp, integrationsydelse, or a month our sources lack) the
  visitor must type their monthly benefit; we ask rather than guess.
* Without a case history, "hours in the last 12 months" is spread evenly over those months,
  and the chosen hours a week are assumed from the chosen month on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from smaajob.errors import InvalidInput, UnknownValue
from smaajob.rules import (
    BenefitKind,
    CitizenCase,
    HoursRequirementResult,
    KeepCurve,
    KeepResult,
    MonthRecord,
    Rate,
    Reason,
    Status,
    ValueNotKnown,
    compute_keep,
    hours_requirement_status,
    keep_curve,
)
from smaajob.rules.keep import WEEKS_PER_MONTH
from smaajob.rules.months import danish_month, month_end, month_index, month_start

MAX_SCENARIOS = 3
MAX_HOURS_PER_WEEK = 80
CURVE_MAX_HOURS = 37
# How far ahead we look for the month in which the 225 hours are reached.
OUTLOOK_MONTHS = 13
BENEFIT_LABELS = {
    BenefitKind.KONTANTHJAELP: "kontanthjælp",
    BenefitKind.UDDANNELSESHJAELP: "uddannelseshjælp",
    BenefitKind.INTEGRATIONSYDELSE: "integrationsydelse (selvforsørgelses- og hjemrejseydelse)",
}


@dataclass(frozen=True)
class CalculatorInput:
    month: dt.date
    hours_per_week: float
    hourly_wage: float
    benefit: BenefitKind = BenefitKind.KONTANTHJAELP
    rate: Rate = Rate.FULL
    provider: bool = False
    age_30_or_over: bool = True
    married: bool = False
    spouse_on_help: bool = False
    benefit_amount: float | None = None
    premium_eligible: bool = False
    covered_one_year: bool = True
    hours_last_12_months: float = 0.0
    # From the citizen's case (logged-in use): the months before ``month`` as the rules see them.
    history: CitizenCase | None = None

    @property
    def day(self) -> dt.date:
        # Month-level values are those in force on the month's last day, as in the 225-hour rule.
        return month_end(month_index(self.month))

    def with_hours(self, hours_per_week: float) -> CalculatorInput:
        return replace(self, hours_per_week=hours_per_week)


@dataclass(frozen=True)
class HoursOutlook:
    """The 225-hour rule for a scenario: counted, missing, by when, and when it would be met."""

    applies: bool
    status: str
    status_text: str
    hours_counted: float
    hours_required: float | None
    hours_missing: float
    avoid_by: dt.date | None
    next_month_hours_missing: float
    met_from: str | None
    reduction: float | None
    result: HoursRequirementResult | None
    assumptions: tuple[str, ...] = ()
    problem: str = ""


@dataclass(frozen=True)
class Scenario:
    input: CalculatorInput
    keep: KeepResult
    curve: KeepCurve
    hours: HoursOutlook
    ours: tuple[str, ...] = field(default=())

    @property
    def month_label(self) -> str:
        return danish_month(month_index(self.input.month))


def _check(data: CalculatorInput) -> None:
    if not 0 <= data.hours_per_week <= MAX_HOURS_PER_WEEK:
        raise InvalidInput(f"Timer om ugen skal være mellem 0 og {MAX_HOURS_PER_WEEK}.", field="hours_per_week")
    if not 0 <= data.hourly_wage <= 10_000:
        raise InvalidInput("Timelønnen skal være mellem 0 og 10.000 kr.", field="hourly_wage")
    if data.benefit_amount is not None and not 0 <= data.benefit_amount <= 100_000:
        raise InvalidInput("Hjælpen pr. måned skal være mellem 0 og 100.000 kr.", field="benefit_amount")
    if not 0 <= data.hours_last_12_months <= 12 * 744:
        raise InvalidInput("Timer de seneste 12 måneder skal være 0 eller mere.", field="hours_last_12_months")
    if data.spouse_on_help and not data.married:
        raise InvalidInput("»Ægtefællen får også hjælp« kræver, at du er gift.", field="spouse_on_help")
    if not dt.date(2000, 1, 1) <= data.month <= dt.date(2100, 12, 31):
        raise InvalidInput("Vælg en måned mellem år 2000 og 2100.", field="month")


def _keep(data: CalculatorInput, hours_per_week: float) -> KeepResult:
    return compute_keep(
        data.day,
        hours_per_week=hours_per_week,
        hourly_wage=data.hourly_wage,
        benefit=data.benefit,
        rate=data.rate,
        provider=data.provider,
        benefit_amount=data.benefit_amount,
        premium_eligible=data.premium_eligible,
    )


def _needs_amount(data: CalculatorInput) -> str | None:
    """Why the benefit amount must be typed in, or None when the engine's rate table applies."""
    if data.benefit_amount is not None:
        return None
    if not data.age_30_or_over:
        return "Regelmotoren har kun satserne for kontanthjælp til personer på 30 år eller mere."
    return None


def _hours_case(data: CalculatorInput) -> tuple[CitizenCase, tuple[str, ...]]:
    """The case the 225-hour rule sees: the past (history or an even spread) and the chosen hours ahead."""
    month = month_index(data.month)
    monthly = data.hours_per_week * WEEKS_PER_MONTH
    future = [
        MonthRecord(
            m, ordinary_hours=monthly, on_covered_benefit=True, rate=data.rate, benefit_amount=data.benefit_amount
        )
        for m in range(month, month + OUTLOOK_MONTHS + 1)
    ]
    married = data.married and data.spouse_on_help
    if data.history is not None:
        past = [r for r in data.history.months if r.month < month]
        case = CitizenCase(
            tuple(past + future),
            exemptions=data.history.exemptions,
            reduction_decisions=data.history.reduction_decisions,
            married_both_on_help=married,
        )
        return case, ("Timer og ydelse før måneden er hentet fra sagen; derefter regnes med de valgte timer.",)
    spread = data.hours_last_12_months / 12
    helped = 36 if data.covered_one_year else 6
    past = [
        MonthRecord(
            m,
            ordinary_hours=spread if m >= month - 12 else 0.0,
            on_covered_benefit=m >= month - helped,
            rate=data.rate,
            benefit_amount=data.benefit_amount,
        )
        for m in range(month - 36, month)
    ]
    notes = (
        "Timerne de seneste 12 måneder er fordelt ligeligt over månederne (vi kender ikke fordelingen).",
        "Fra den valgte måned regnes med de valgte timer hver måned.",
    )
    return CitizenCase(tuple(past + future), married_both_on_help=married), notes


def hours_outlook(data: CalculatorInput) -> HoursOutlook:
    month = month_index(data.month)
    try:
        case, notes = _hours_case(data)
        result = hours_requirement_status(case, month)
        met_from = None
        if result.status in (Status.REDUCTION_PROPOSED, Status.AT_RISK):
            for later in range(month + 1, month + OUTLOOK_MONTHS + 1):
                ahead = hours_requirement_status(case, later)
                if ahead.status is Status.MET or ahead.reason is Reason.RULE_NOT_IN_FORCE:
                    met_from = danish_month(later) if ahead.status is Status.MET else None
                    break
    except (ValueNotKnown, UnknownValue) as error:
        return HoursOutlook(
            True, "unknown", "Kan ikke beregnes", 0.0, None, 0.0, None, 0.0, None, None, None, problem=error.message
        )
    body = result.to_dict()
    applies = result.reason not in (Reason.RULE_NOT_IN_FORCE, Reason.NO_COVERED_BENEFIT)
    return HoursOutlook(
        applies=applies,
        status=result.status.value,
        status_text=str(body["status_text"]),
        hours_counted=result.hours_counted,
        hours_required=body["hours_required"],  # type: ignore[arg-type]
        hours_missing=result.hours_missing,
        avoid_by=result.avoid_by,
        next_month_hours_missing=result.next_month_hours_missing,
        met_from=met_from,
        reduction=result.amount,
        result=result,
        assumptions=notes,
    )


def _is_rate(parameter: str) -> bool:
    """Is the missing value the monthly benefit rate (which the visitor can type in)?"""
    return parameter.startswith("kontanthjaelp_rate") or parameter.startswith("sats for")


def compute(data: CalculatorInput) -> Scenario:
    """One scenario. Raises ``InvalidInput``/``UnknownValue`` with ``field`` set for the form."""
    _check(data)
    why = _needs_amount(data)
    if why:
        raise UnknownValue(f"{why} Skriv hvor meget du får i hjælp om måneden før skat.", field="benefit_amount")
    try:
        keep = _keep(data, data.hours_per_week)
        curve = keep_curve(
            data.day,
            hourly_wage=data.hourly_wage,
            max_hours_per_week=CURVE_MAX_HOURS,
            step=1.0,
            benefit=data.benefit,
            rate=data.rate,
            provider=data.provider,
            benefit_amount=data.benefit_amount,
            premium_eligible=data.premium_eligible,
        )
    except ValueNotKnown as error:
        month_text = danish_month(month_index(data.month))
        if data.benefit_amount is None and _is_rate(error.parameter):
            raise UnknownValue(
                f"Vi kender ikke satsen for {BENEFIT_LABELS[data.benefit]} i {month_text}. "
                "Skriv hvor meget du får i hjælp om måneden før skat.",
                field="benefit_amount",
            ) from error
        # Another legal amount (e.g. the hourly disregard in 2016) is missing from our sources:
        # say which, and let the visitor pick another month rather than guess.
        raise UnknownValue(
            f"Regnereglerne for {month_text} kan ikke bruges, fordi et beløb mangler i vores kilder "
            f"({error.parameter}): {error.explanation}. Vælg en anden måned.",
            field="month",
        ) from error
    ours = []
    if data.benefit_amount is not None:
        ours.append("Hjælpen uden arbejde er det beløb, der er skrevet ind – ikke en sats fra regelmotoren.")
    if data.married:
        ours.append("En ægtefælles indtægt og hjælp indgår ikke i beregningen af, hvad du beholder.")
    return Scenario(data, keep, curve, hours_outlook(data), tuple(ours))


def compare(data: CalculatorInput, hours: list[float]) -> list[Scenario]:
    """Two or three scenarios side by side (e.g. 4, 8 and 12 hours a week)."""
    if not 1 <= len(hours) <= MAX_SCENARIOS:
        raise InvalidInput(f"Sammenlign 1 til {MAX_SCENARIOS} antal timer ad gangen.", field="scenarios")
    return [compute(data.with_hours(h)) for h in hours]


def first_of(day: dt.date) -> dt.date:
    return month_start(month_index(day))
