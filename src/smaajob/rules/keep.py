# SPDX-License-Identifier: MPL-2.0
"""What the citizen keeps: wage, benefit after offset, job premium, and the change in income.

"What do I have left?" is the question that makes citizens refuse paid hours (seed 000, 001).
For a month with N hours a week at wage W this module answers it, explains every krone, finds
the break-even (the hours at which the benefit reaches zero) and draws the curve over
0–37 hours a week. Tax, housing support and the benefit ceiling are *not* modelled; the
result says so rather than guessing.

With ``facts`` (a ``BenefitFacts``) the benefit without work, the rate, the supplements, the
free amount and the krone-for-krone threshold all follow from the citizen's recorded facts;
nobody needs to type a benefit amount where our parameters hold the rates. A typed
``benefit_amount`` still wins over the rate table, but the free amount then still follows the
rate the facts give (a citizen on forhøjet sats has 2,500 kr., not 5,000 kr.).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from smaajob.errors import InvalidHours, InvalidInput
from smaajob.rules.benefit_rate import (
    FREE_AMOUNT_KIND,
    RATE_LABELS,
    RATE_PARAMETER,
    BenefitFacts,
    RateCode,
    decide_rate,
    new_system,
    supplements_for,
)
from smaajob.rules.benefit_rate import (
    NOT_MODELLED as RATE_NOT_MODELLED,
)
from smaajob.rules.case import BenefitKind, Rate
from smaajob.rules.errors import ValueNotKnown
from smaajob.rules.job_premium import job_premium
from smaajob.rules.offset import (
    FREE_AMOUNT_PARAMETER,
    FULL_OFFSET_SHARE_PARAMETER,
    HOURLY,
    FreeAmountKind,
    free_amount_kind,
    offset_benefit,
    offset_regime,
)
from smaajob.rules.parameters import ParameterSet, default_parameters
from smaajob.rules.trace import Trace, format_kr, format_number

# Weeks to months as the a-kasser do: 37 h/week = 160.33 h/month (ca.dk, "Hvor længe kan du
# få dagpenge"). A month's hours are therefore hours per week × 52 / 12.
WEEKS_PER_MONTH = 52 / 12
FULL_TIME_HOURS_PER_WEEK = 37

NOT_MODELLED = (
    "Indkomstskat er ikke regnet med: beløbene er efter arbejdsmarkedsbidrag, men før skat.",
    "Boligstøtte og særlig støtte (§ 34) er ikke regnet med (og før 1. juli 2025 heller ikke "
    "kontanthjælpsloftet); arbejde kan give mere boligstøtte.",
    "Egne ATP- og pensionsbidrag, som trækkes fra lønnen før modregning, er kun regnet med, "
    "hvis de er oplyst.",
    "En ægtefælles indtægt, feriepenge og udgifter til transport er ikke regnet med.",
    "225-timersreglen regnes for sig (se timekravet); her er hjælpen uden nedsættelse.",
)


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
    rate: str | None = None                     # a RateCode value when derived from facts
    supplements: tuple[tuple[str, str, float], ...] = ()
    free_amount_kind: str | None = None         # a FreeAmountKind value

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
            "rate": self.rate,
            "supplements": [{"code": c, "label": label, "amount": round(a, 2)}
                            for c, label, a in self.supplements],
            "free_amount_kind": self.free_amount_kind,
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
    if new_system(params, day):
        # A ValueNotKnown naming the rate, so callers that ask for the amount keep working.
        raise ValueNotKnown(
            "kontanthjaelp_rate", day,
            "fra 1. juli 2025 afhænger kontanthjælpens sats af borgerens forhold: oplys alder "
            "(og evt. børn, samliv, bopæl hos forældre, arbejdshistorik, opholdskrav) eller "
            "hjælpens beløb pr. måned")
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


@dataclass(frozen=True)
class _Derived:
    benefit: float
    rate: RateCode
    supplements: tuple[tuple[str, str, float], ...]
    kind: FreeAmountKind


def benefit_from_facts(day: dt.date, facts: BenefitFacts, *, benefit_amount: float | None,
                       params: ParameterSet, trace: Trace) -> _Derived:
    """Rate, supplements and free amount from the facts; the typed amount, if any, as the help."""
    code = decide_rate(day, facts, params, trace)
    kind = FREE_AMOUNT_KIND[code]
    if benefit_amount is not None:
        if not benefit_amount >= 0:
            raise InvalidInput("hjælpens beløb skal være 0 kr. eller mere", field="benefit_amount")
        trace.input("benefit_amount", "Hjælp pr. måned uden arbejde (oplyst)",
                    format_kr(benefit_amount))
        trace.step(f"Din sats er {RATE_LABELS[code]}; hjælpen uden arbejde er det oplyste beløb "
                   f"{format_kr(benefit_amount)}.", benefit_amount)
        return _Derived(benefit_amount, code, (), kind)
    base = trace.number(params, RATE_PARAMETER[code], day)
    trace.step(f"{RATE_LABELS[code][0].upper()}{RATE_LABELS[code][1:]}: {format_kr(base)} "
               "pr. måned.", base)
    supplements = supplements_for(day, facts, code, params, trace)
    total = base + sum(amount for _, _, amount in supplements)
    trace.step(f"Kontanthjælp uden arbejde: {format_kr(total)} pr. måned.", total)
    return _Derived(total, code, supplements, kind)


def compute_keep(day: dt.date, *, hours_per_week: float, hourly_wage: float,
                 benefit: BenefitKind | str = BenefitKind.KONTANTHJAELP,
                 rate: Rate | str = Rate.FULL, provider: bool = False,
                 benefit_amount: float | None = None, raised_rate: bool = False,
                 premium_eligible: bool = False, premium_months_used: int = 0,
                 facts: BenefitFacts | None = None, own_contributions: float = 0.0,
                 fixed_hours: bool = True,
                 params: ParameterSet | None = None) -> KeepResult:
    """What a citizen keeps in the month of ``day`` working ``hours_per_week`` at ``hourly_wage``.

    With ``facts`` the rate, supplements and free amount follow from them, and ``rate``,
    ``provider`` and ``raised_rate`` are not used; ``benefit`` must then be kontanthjælp.
    ``own_contributions`` (own ATP and pension per month) and ``fixed_hours`` go to the offset.
    """
    params = params or default_parameters()
    benefit, rate = BenefitKind(benefit), Rate(rate)
    if facts is not None and benefit is not BenefitKind.KONTANTHJAELP:
        raise InvalidInput("borgerens oplysninger bruges kun til kontanthjælp", field="benefit")
    if not 0 <= hours_per_week <= 168:
        raise InvalidHours("timer pr. uge skal være mellem 0 og 168", field="hours_per_week")
    if not 0 <= hourly_wage <= 10_000:
        raise InvalidInput("timelønnen skal være mellem 0 og 10.000 kr.", field="hourly_wage")
    trace = Trace(f"Hvad får du ud af at arbejde {format_number(hours_per_week)} timer om ugen?")
    trace.input("date", "Dato", day)
    trace.input("hours_per_week", "Timer pr. uge", hours_per_week)
    trace.input("hourly_wage", "Timeløn før skat", format_kr(hourly_wage))
    trace.input("benefit", "Ydelse", benefit.value)
    if facts is None:
        trace.input("provider", "Forsørger", provider)
    hours = hours_per_week * WEEKS_PER_MONTH
    wage = hours * hourly_wage
    trace.step(f"Timer pr. måned: {format_number(hours_per_week)} × 52 / 12 = "
               f"{format_number(hours)} timer.", hours)
    trace.step(f"Løn pr. måned: {format_number(hours)} × {format_kr(hourly_wage)} = "
               f"{format_kr(wage)}.", wage)
    code: RateCode | None = None
    supplements: tuple[tuple[str, str, float], ...] = ()
    if facts is not None:
        derived = benefit_from_facts(day, facts, benefit_amount=benefit_amount, params=params,
                                     trace=trace)
        without, code, supplements, kind = (derived.benefit, derived.rate, derived.supplements,
                                            derived.kind)
    else:
        without = benefit_rate(day, benefit=benefit, rate=rate, provider=provider,
                               benefit_amount=benefit_amount, params=params, trace=trace)
        kind = free_amount_kind(raised_rate, None)
    if offset_regime(params, day) == HOURLY:
        kind = FreeAmountKind.HOURLY_DISREGARD
    offset = offset_benefit(day, benefit=without, wage=wage, hours=hours, kind=kind,
                            own_contributions=own_contributions, fixed_hours=fixed_hours,
                            params=params, trace=trace)
    premium = job_premium(day, wage=wage, eligible=premium_eligible,
                          months_used=premium_months_used, params=params, trace=trace)
    # AM-bidrag is paid by the citizen, so income is compared after it and before income tax.
    contribution = max(0.0, wage - offset.income_base - own_contributions)
    with_work = offset.income_base + offset.benefit_after + premium.premium
    change = with_work - without
    per_hour = change / hours if hours else 0.0
    trace.step(f"I alt med arbejde: løn efter arbejdsmarkedsbidrag "
               f"{format_kr(offset.income_base)} + hjælp {format_kr(offset.benefit_after)} + "
               f"jobpræmie {format_kr(premium.premium)} = {format_kr(with_work)}.", with_work)
    trace.step(f"Du får {format_kr(change)} mere om måneden (før skat) end uden arbejde"
               + (f" – {format_kr(per_hour)} pr. time." if hours else "."), change)
    even = break_even_hours_per_week(day, hourly_wage=hourly_wage, benefit=without,
                                     kind=kind, own_contributions=own_contributions,
                                     fixed_hours=fixed_hours, params=params)
    if even is not None:
        trace.step(f"Ved ca. {format_number(even, 1)} timer om ugen er hjælpen helt modregnet; "
                   "derfra er hver krone, du tjener, din egen.", even)
    notes: tuple[str, ...] = NOT_MODELLED
    if facts is not None and new_system(params, day):
        notes = (*NOT_MODELLED, *RATE_NOT_MODELLED)
    for note in notes:
        trace.note(note)
    return KeepResult(day, hours_per_week, hours, hourly_wage, wage, contribution, without,
                      offset.benefit_after,
                      offset.deducted, premium.premium, without, with_work, change, per_hour,
                      even, offset.regime, trace, notes, None if code is None else code.value,
                      supplements, kind.value)


def break_even_hours_per_week(day: dt.date, *, hourly_wage: float, benefit: float,
                              raised_rate: bool = False, kind: FreeAmountKind | str | None = None,
                              own_contributions: float = 0.0, fixed_hours: bool = True,
                              params: ParameterSet | None = None) -> float | None:
    """Hours a week at which the benefit is fully offset; ``None`` if never reached.

    From 1 July 2025 that is where 65 % of the earnings above the free amount, or the
    krone-for-krone rule above the threshold, has used the benefit up (whichever comes first),
    and never before the earnings equal the benefit.
    """
    params = params or default_parameters()
    net = hourly_wage * (1 - params.number("labour_market_contribution_rate", day))
    if net <= 0:
        return None
    # Own ATP and pension come off the wage first: the benefit is used up that much later.
    target = benefit + own_contributions
    if offset_regime(params, day) == HOURLY:
        per_hour = params.number("earnings_disregard_per_hour", day)
        cap = params.number("earnings_disregard_max_hours_per_month", day)
        if not fixed_hours:
            # Hours from income (LAS § 31, stk. 3): per hour worked, wage / rate hours count.
            ratio = hourly_wage / params.number("earnings_hours_conversion_rate", day)
            if ratio <= 0:
                return None
            per_hour, cap = per_hour * ratio, cap / ratio
        if net > per_hour and target / (net - per_hour) <= cap:
            monthly = target / (net - per_hour)
        else:
            monthly = (target + per_hour * cap) / net
    else:
        chosen = free_amount_kind(raised_rate, kind)
        if chosen is FreeAmountKind.HOURLY_DISREGARD:
            chosen = FreeAmountKind.STANDARD
        free = params.number(FREE_AMOUNT_PARAMETER[chosen], day)
        share = params.number("earnings_excess_deduction_rate", day)
        threshold = (params.number(FULL_OFFSET_SHARE_PARAMETER[chosen], day)
                     * params.number("dagpenge_max_per_month", day))
        monthly = (max(benefit, min(benefit / share + free, threshold)) + own_contributions) / net
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
