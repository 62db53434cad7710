# SPDX-License-Identifier: MPL-2.0
"""What the citizen keeps: wage, benefit after offset, job premium, and the change in income.

"What do I have left?" is the question that makes citizens refuse paid hours (seed 000, 001).
For a month with N hours a week at wage W this module answers it, explains every krone, finds
the break-even (the hours at which the benefit reaches zero) and draws the curve over
0–37 hours a week. Tax, housing support and the benefit ceiling are *not* modelled; the
result says so rather than guessing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from smaajob.errors import InvalidHours, InvalidInput
from smaajob.rules.case import Rate
from smaajob.rules.errors import ValueNotKnown
from smaajob.rules.job_premium import job_premium
from smaajob.rules.offset import HOURLY, offset_benefit, offset_regime
from smaajob.rules.parameters import ParameterSet, default_parameters
from smaajob.rules.trace import Trace, format_kr, format_number

# Weeks to months as the a-kasser do: 37 h/week = 160.33 h/month (ca.dk, "Hvor længe kan du
# få dagpenge"). A month's hours are therefore hours per week × 52 / 12.
WEEKS_PER_MONTH = 52 / 12
FULL_TIME_HOURS_PER_WEEK = 37

NOT_MODELLED = (
    "Indkomstskat er ikke regnet med: beløbene er efter arbejdsmarkedsbidrag, men før skat.",
    "Boligstøtte, særlig støtte (§ 34) og kontanthjælpsloftet er ikke regnet med; arbejde kan "
    "give mere boligstøtte under loftet.",
    "ATP og egen pension, som også trækkes fra lønnen før modregning, er ikke regnet med.",
    "En ægtefælles indtægt, feriepenge og udgifter til transport er ikke regnet med.",
    "225-timersreglen regnes for sig (se timekravet); her er hjælpen uden nedsættelse.",
)


class BenefitKind(StrEnum):
    KONTANTHJAELP = "kontanthjaelp"
    UDDANNELSESHJAELP = "uddannelseshjaelp"
    INTEGRATIONSYDELSE = "integrationsydelse"


@dataclass(frozen=True)
class KeepResult:
    day: dt.date
    hours_per_week: float
    hours_per_month: float
    hourly_wage: float
    wage: float
    labour_market_contribution: float
    benefit_without_work: float
    benefit_after_offset: float
    deducted: float
    job_premium: float
    income_without_work: float
    income_with_work: float
    change_in_income: float
    kept_per_hour: float
    break_even_hours_per_week: float | None
    regime: str
    trace: Trace
    not_modelled: tuple[str, ...] = NOT_MODELLED

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "hours_per_week": self.hours_per_week,
            "hours_per_month": round(self.hours_per_month, 4),
            "hourly_wage": self.hourly_wage,
            "wage": round(self.wage, 2),
            "labour_market_contribution": round(self.labour_market_contribution, 2),
            "benefit_without_work": round(self.benefit_without_work, 2),
            "benefit_after_offset": round(self.benefit_after_offset, 2),
            "deducted": round(self.deducted, 2),
            "job_premium": round(self.job_premium, 2),
            "income_without_work": round(self.income_without_work, 2),
            "income_with_work": round(self.income_with_work, 2),
            "change_in_income": round(self.change_in_income, 2),
            "kept_per_hour": round(self.kept_per_hour, 2),
            "break_even_hours_per_week": None if self.break_even_hours_per_week is None
            else round(self.break_even_hours_per_week, 2),
            "regime": self.regime,
            "not_modelled": list(self.not_modelled),
            "trace": self.trace.to_dict(),
        }

    def render_text(self) -> str:
        return self.trace.render_text()


@dataclass(frozen=True)
class KeepPoint:
    hours_per_week: float
    wage: float
    benefit_after_offset: float
    job_premium: float
    income_with_work: float
    change_in_income: float

    def to_dict(self) -> dict[str, float]:
        return {k: round(v, 2) for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class KeepCurve:
    day: dt.date
    hourly_wage: float
    benefit_without_work: float
    break_even_hours_per_week: float | None
    points: tuple[KeepPoint, ...]
    trace: Trace = field(repr=False)

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "hourly_wage": self.hourly_wage,
            "benefit_without_work": self.benefit_without_work,
            "break_even_hours_per_week": self.break_even_hours_per_week,
            "points": [p.to_dict() for p in self.points],
            "trace": self.trace.to_dict(),
        }


def benefit_rate(day: dt.date, *, benefit: BenefitKind, rate: Rate, provider: bool,
                 benefit_amount: float | None, params: ParameterSet, trace: Trace) -> float:
    """The monthly benefit without work: the caller's amount, or the sourced rate table."""
    if benefit_amount is not None:
        if not benefit_amount >= 0:
            raise InvalidInput("hjælpens beløb skal være 0 kr. eller mere", field="benefit_amount")
        trace.input("benefit_amount", "Hjælp pr. måned uden arbejde (oplyst)",
                    format_kr(benefit_amount))
        return benefit_amount
    if benefit is not BenefitKind.KONTANTHJAELP or rate is not Rate.FULL:
        raise ValueNotKnown(
            f"sats for {benefit.value} ({rate.value})", day,
            "kun kontanthjælp på voksensats (fyldt 30 år) har en satstabel; angiv hjælpens "
            "beløb pr. måned",
        )
    name = "kontanthjaelp_rate_over30_provider" if provider else "kontanthjaelp_rate_over30_other"
    amount = trace.number(params, name, day)
    trace.step(f"Kontanthjælp uden arbejde: {format_kr(amount)} pr. måned.", amount)
    return amount


def compute_keep(day: dt.date, *, hours_per_week: float, hourly_wage: float,
                 benefit: BenefitKind | str = BenefitKind.KONTANTHJAELP,
                 rate: Rate | str = Rate.FULL, provider: bool = False,
                 benefit_amount: float | None = None, raised_rate: bool = False,
                 premium_eligible: bool = False, premium_months_used: int = 0,
                 params: ParameterSet | None = None) -> KeepResult:
    """What a citizen keeps in the month of ``day`` working ``hours_per_week`` at ``hourly_wage``."""
    params = params or default_parameters()
    benefit, rate = BenefitKind(benefit), Rate(rate)
    if not 0 <= hours_per_week <= 168:
        raise InvalidHours("timer pr. uge skal være mellem 0 og 168", field="hours_per_week")
    if not 0 <= hourly_wage <= 10_000:
        raise InvalidInput("timelønnen skal være mellem 0 og 10.000 kr.", field="hourly_wage")
    trace = Trace(f"Hvad får du ud af at arbejde {format_number(hours_per_week)} timer om ugen?")
    trace.input("date", "Dato", day)
    trace.input("hours_per_week", "Timer pr. uge", hours_per_week)
    trace.input("hourly_wage", "Timeløn før skat", format_kr(hourly_wage))
    trace.input("benefit", "Ydelse", benefit.value)
    trace.input("provider", "Forsørger", provider)
    hours = hours_per_week * WEEKS_PER_MONTH
    wage = hours * hourly_wage
    trace.step(f"Timer pr. måned: {format_number(hours_per_week)} × 52 / 12 = "
               f"{format_number(hours)} timer.", hours)
    trace.step(f"Løn pr. måned: {format_number(hours)} × {format_kr(hourly_wage)} = "
               f"{format_kr(wage)}.", wage)
    without = benefit_rate(day, benefit=benefit, rate=rate, provider=provider,
                           benefit_amount=benefit_amount, params=params, trace=trace)
    offset = offset_benefit(day, benefit=without, wage=wage, hours=hours,
                            raised_rate=raised_rate, params=params, trace=trace)
    premium = job_premium(day, wage=wage, eligible=premium_eligible,
                          months_used=premium_months_used, params=params, trace=trace)
    # AM-bidrag is paid by the citizen, so income is compared after it and before income tax.
    contribution = wage - offset.income_base
    with_work = offset.income_base + offset.benefit_after + premium.premium
    change = with_work - without
    per_hour = change / hours if hours else 0.0
    trace.step(f"I alt med arbejde: løn efter arbejdsmarkedsbidrag "
               f"{format_kr(offset.income_base)} + hjælp {format_kr(offset.benefit_after)} + "
               f"jobpræmie {format_kr(premium.premium)} = {format_kr(with_work)}.", with_work)
    trace.step(f"Du får {format_kr(change)} mere om måneden (før skat) end uden arbejde"
               + (f" – {format_kr(per_hour)} pr. time." if hours else "."), change)
    even = break_even_hours_per_week(day, hourly_wage=hourly_wage, benefit=without,
                                     raised_rate=raised_rate, params=params)
    if even is not None:
        trace.step(f"Ved ca. {format_number(even, 1)} timer om ugen er hjælpen helt modregnet; "
                   "derfra er hver krone, du tjener, din egen.", even)
    for note in NOT_MODELLED:
        trace.note(note)
    return KeepResult(day, hours_per_week, hours, hourly_wage, wage, contribution, without,
                      offset.benefit_after,
                      offset.deducted, premium.premium, without, with_work, change, per_hour,
                      even, offset.regime, trace)


def break_even_hours_per_week(day: dt.date, *, hourly_wage: float, benefit: float,
                              raised_rate: bool = False,
                              params: ParameterSet | None = None) -> float | None:
    """Hours a week at which the benefit is fully offset; ``None`` if never reached."""
    params = params or default_parameters()
    net = hourly_wage * (1 - params.number("labour_market_contribution_rate", day))
    if net <= 0:
        return None
    if offset_regime(params, day) == HOURLY:
        per_hour = params.number("earnings_disregard_per_hour", day)
        cap = params.number("earnings_disregard_max_hours_per_month", day)
        if net > per_hour and benefit / (net - per_hour) <= cap:
            monthly = benefit / (net - per_hour)
        else:
            monthly = (benefit + per_hour * cap) / net
    else:
        name = ("earnings_free_amount_per_month_raised_rate" if raised_rate
                else "earnings_free_amount_per_month")
        free = params.number(name, day)
        share = params.number("earnings_excess_deduction_rate", day)
        monthly = (benefit / share + free) / net
    weekly = monthly / WEEKS_PER_MONTH
    return weekly if weekly <= 168 else None


def keep_curve(day: dt.date, *, hourly_wage: float, max_hours_per_week: float = 37,
               step: float = 1.0, **options: object) -> KeepCurve:
    """The keep calculation at every ``step`` hours a week from 0 to ``max_hours_per_week``."""
    if not 0 < step <= max_hours_per_week:
        raise InvalidInput("trinnet skal være større end 0 og højst det største timetal",
                           field="step")
    points: list[KeepPoint] = []
    result: KeepResult | None = None
    count = int(max_hours_per_week / step + 1e-9)
    for i in range(count + 1):
        hours = round(i * step, 6)
        result = compute_keep(day, hours_per_week=hours, hourly_wage=hourly_wage,
                              **options)  # type: ignore[arg-type]
        points.append(KeepPoint(hours, result.wage, result.benefit_after_offset,
                                result.job_premium, result.income_with_work,
                                result.change_in_income))
    assert result is not None
    return KeepCurve(day, hourly_wage, result.benefit_without_work,
                     result.break_even_hours_per_week, tuple(points), result.trace)
