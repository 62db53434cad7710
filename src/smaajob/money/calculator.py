# SPDX-License-Identifier: MPL-2.0
""" "Hvad får jeg ud af det?": one or more scenarios computed by the rules engine.

Everything legal comes from ``smaajob.rules`` (``compute_keep``, ``keep_curve``,
``hours_requirement_status``); this module only gathers the inputs, lays out the 225-hour
outlook for a scenario, and says plainly what the engine does *not* know. Nothing here stores
or logs what a visitor types.

Two choices are ours and labelled as such on the page:

* The visitor answers plain questions (born when, children, living alone, living with a
  parent, work history, residence); from them the rules engine finds the kontanthjælp rate
  (since 1 July 2025 one benefit with four rates) and, where our sources hold it, its amount.
  Only where the sources lack the amount (or for uddannelseshjælp and integrationsydelse before
  July 2025) must the visitor type their monthly benefit; we ask rather than guess, and the
  rate the answers give still chooses the free amount.
* Without a case history, "hours in the last 12 months" is spread evenly over those months,
  and the chosen hours a week are assumed from the chosen month on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidInput, UnknownValue
from smaajob.rules import (
    BenefitFacts,
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
    new_system_from,
)
from smaajob.rules.keep import WEEKS_PER_MONTH
from smaajob.rules.months import danish_month, month_end, month_index, month_start

# From this day one benefit, kontanthjælp, replaces uddannelseshjælp and integrationsydelse
# (lov nr. 1655 af 30/12/2024) and its rate follows from the facts.
NEW_SYSTEM_FROM = new_system_from()
# The age groups the rate depends on (the rules' parameters kontanthjaelp_young_rate_max_age
# = 30 and kontanthjaelp_raised_rate_young_min_age = 25), each with an age that stands for it.
AGE_GROUPS = {"30+": (30, "30 år eller ældre"), "25-29": (27, "25–29 år"), "18-24": (20, "18–24 år")}
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
    # The facts the kontanthjælp rate follows from; with a birth date the rules find the rate.
    birth_date: dt.date | None = None
    # Without a birth date: an age standing for the visitor's age group (see AGE_GROUPS).
    age_years: int | None = None
    children: int = 0
    single: bool = True
    lives_with_parent: bool = False
    full_time_work_years_last_10: float | None = None
    residence_requirement_met: bool = True
    activity_ready: bool = False

    @property
    def new_system(self) -> bool:
        return self.month >= NEW_SYSTEM_FROM

    @property
    def age(self) -> int | None:
        """Age at the end of the month (the day month-level values are taken)."""
        if self.birth_date is None:
            return self.age_years
        if self.birth_date > self.day:
            raise InvalidInput(
                f"Fødselsdatoen ({format_date(self.birth_date)}) ligger efter den måned, der regnes for. "
                "Skriv den dato, du er født, fx 14.03.1990.",
                field="birth_date",
            )
        b, d = self.birth_date, self.day
        return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

    @property
    def benefit_kind(self) -> BenefitKind:
        """From 1 July 2025 everyone in the system is on kontanthjælp."""
        return BenefitKind.KONTANTHJAELP if self.new_system else self.benefit

    def facts(self) -> BenefitFacts | None:
        """The engine's facts, or None where they do not choose the rate (no birth date; before
        July 2025 on uddannelseshjælp or integrationsydelse, whose old tables we do not hold)."""
        age = self.age
        if age is None or self.benefit_kind is not BenefitKind.KONTANTHJAELP:
            return None
        return BenefitFacts(
            age=age,
            children=self.children,
            single=self.single,
            lives_with_parent=self.lives_with_parent,
            full_time_work_years_last_10=self.full_time_work_years_last_10,
            residence_requirement_met=self.residence_requirement_met,
            activity_ready=self.activity_ready,
        )

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
    if data.married and data.single:
        raise InvalidInput(
            "Du har svaret, at du er gift; så bor du ikke alene som enlig. Ret et af svarene.", field="single"
        )
    if not dt.date(2000, 1, 1) <= data.month <= dt.date(2100, 12, 31):
        raise InvalidInput("Vælg en måned mellem år 2000 og 2100.", field="month")


def _options(data: CalculatorInput) -> dict[str, object]:
    """The keep calculation's options: the facts when they choose the rate, else the typed rate."""
    facts = data.facts()
    common: dict[str, object] = {
        "benefit_amount": data.benefit_amount,
        "premium_eligible": data.premium_eligible,
        "benefit": data.benefit_kind,
    }
    if facts is not None:
        return {**common, "facts": facts}
    return {**common, "rate": data.rate, "provider": data.provider}


def _keep(data: CalculatorInput, hours_per_week: float) -> KeepResult:
    return compute_keep(data.day, hours_per_week=hours_per_week, hourly_wage=data.hourly_wage, **_options(data))  # type: ignore[arg-type]


def _needs_amount(data: CalculatorInput) -> str | None:
    """Why the benefit amount must be typed in, or None when the engine's rate table applies."""
    if data.benefit_amount is not None or data.facts() is not None:
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


def _rate_label(parameter: str) -> str:
    """The Danish name of the rate whose amount ``parameter`` is (empty if it is not one)."""
    from smaajob.rules.benefit_rate import RATE_LABELS, RATE_PARAMETER

    return next((RATE_LABELS[code] for code, name in RATE_PARAMETER.items() if name == parameter), "")


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
            data.day, hourly_wage=data.hourly_wage, max_hours_per_week=CURVE_MAX_HOURS, step=1.0, **_options(data)
        )
    except ValueNotKnown as error:
        month_text = danish_month(month_index(data.month))
        if data.benefit_amount is None and (_is_rate(error.parameter) or "angiv hjælpens beløb" in error.explanation):
            rate = _rate_label(error.parameter)
            if rate:
                found = f"Ud fra dine svar får du {rate}. " if data.facts() is not None else ""
                why = (
                    f"{found}Vi kender ikke beløbet for {rate} for kontanthjælp i {month_text}: "
                    "det står ikke i vores kilder endnu."
                )
            elif _is_rate(error.parameter):
                why = f"Vi kender ikke satsen for {BENEFIT_LABELS[data.benefit_kind]} i {month_text}."
            else:
                why = f"Vi kender ikke satsen i {month_text}: {error.explanation.split(';')[0]}."
            # The birth date only helps when the answers did not settle the rate (an age group
            # alone can leave it open); once the rate is found, only its amount is missing.
            hint = (
                " Skriv din fødselsdato, så finder vi din sats."
                if data.birth_date is None and data.new_system and data.facts() is None
                else ""
            )
            raise UnknownValue(
                f"{why} Skriv hvor meget du får i hjælp om måneden før skat (det står i dit brev fra kommunen).{hint}",
                field="benefit_amount",
            ) from error
        # Another legal amount (e.g. the hourly disregard in 2016) is missing from our sources:
        # say which, and let the visitor pick another month rather than guess.
        raise UnknownValue(
            f"Regnereglerne for {month_text} kan ikke bruges, fordi et beløb mangler i vores kilder "
            f"({error.label}): {error.explanation}. Vælg en anden måned.",
            field="month",
        ) from error
    ours = []
    if data.benefit_amount is not None:
        ours.append("Hjælpen uden arbejde er det beløb, der er skrevet ind – ikke en sats fra regelmotoren.")
    if data.married:
        ours.append("En ægtefælles indtægt og hjælp indgår ikke i beregningen af, hvad du beholder.")
    if data.birth_date is None and data.age_years is not None:
        group = next((label for age, label in AGE_GROUPS.values() if age == data.age_years), f"{data.age_years} år")
        ours.append(f"Alderen er regnet som »{group}«; skriv din fødselsdato for den præcise alder.")
    if data.new_system and data.benefit is not BenefitKind.KONTANTHJAELP:
        ours.append(
            f"Fra 1. juli 2025 er {BENEFIT_LABELS[data.benefit]} erstattet af kontanthjælp; "
            "der er regnet med kontanthjælp."
        )
    return Scenario(data, keep, curve, hours_outlook(data), tuple(ours))


def compare(data: CalculatorInput, hours: list[float]) -> list[Scenario]:
    """Two or three scenarios side by side (e.g. 4, 8 and 12 hours a week)."""
    if not 1 <= len(hours) <= MAX_SCENARIOS:
        raise InvalidInput(f"Sammenlign 1 til {MAX_SCENARIOS} antal timer ad gangen.", field="scenarios")
    return [compute(data.with_hours(h)) for h in hours]


def first_of(day: dt.date) -> dt.date:
    return month_start(month_index(day))
