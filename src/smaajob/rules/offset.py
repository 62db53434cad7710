# SPDX-License-Identifier: MPL-2.0
"""Earnings offset (*modregning*): how much of a month's wage is deducted from kontanthjælp.

Until 30 June 2025 (LAS § 31, stk. 1): a fixed amount per hour worked (at most 160 hours a
month) is disregarded; the rest of the income *after labour-market contribution* is deducted
krone for krone. From 1 July 2025 (lov nr. 1655 af 30/12/2024): a monthly free amount that
depends on the rate (5,000 kr. on grundsats and mindstesats, 2,500 kr. on forhøjet sats, none
on the rate for hjemmeboende), 65 % of the excess deducted, and krone for krone once wage plus
benefit reach a share of the highest dagpenge (85 %, on forhøjet sats 100 %). The amounts are
the agreement's, as the sources give them (unverified). Which regime applies is chosen by date
from the parameters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from smaajob.errors import InvalidHours, InvalidInput
from smaajob.rules.parameters import ParameterSet, default_parameters
from smaajob.rules.trace import Trace, format_kr, format_number

HOURLY = "hourly_disregard"
FREE_AMOUNT = "free_amount"


class FreeAmountKind(StrEnum):
    """Which free amount applies from 1 July 2025 (before: the hourly disregard)."""

    STANDARD = "standard"          # grundsats and mindstesats: 5,000 kr.
    RAISED_RATE = "raised_rate"    # forhøjet sats: 2,500 kr.
    HOME_RATE = "home_rate"        # sats for hjemmeboende: no free amount
    HOURLY_DISREGARD = "hourly_disregard"   # before 1 July 2025


FREE_AMOUNT_PARAMETER = {
    FreeAmountKind.STANDARD: "earnings_free_amount_per_month",
    FreeAmountKind.RAISED_RATE: "earnings_free_amount_per_month_raised_rate",
    FreeAmountKind.HOME_RATE: "earnings_free_amount_per_month_home_rate",
}
FULL_OFFSET_SHARE_PARAMETER = {
    FreeAmountKind.STANDARD: "earnings_full_offset_share_of_max_dagpenge",
    FreeAmountKind.RAISED_RATE: "earnings_full_offset_share_of_max_dagpenge_raised_rate",
    FreeAmountKind.HOME_RATE: "earnings_full_offset_share_of_max_dagpenge",
}
KIND_WORDS = {
    FreeAmountKind.STANDARD: "grundsats eller mindstesats",
    FreeAmountKind.RAISED_RATE: "forhøjet sats",
    FreeAmountKind.HOME_RATE: "sats for hjemmeboende",
}


@dataclass(frozen=True, slots=True)
class OffsetResult:
    regime: str
    benefit_before: float
    wage: float
    income_base: float
    disregarded: float
    deducted: float
    benefit_after: float


def offset_regime(params: ParameterSet, day: dt.date) -> str:
    entry = params.entry("earnings_free_amount_per_month", day)
    return HOURLY if entry.status == "not_in_force" else FREE_AMOUNT


def free_amount_kind(raised_rate: bool, kind: FreeAmountKind | str | None) -> FreeAmountKind:
    """The kind asked for; without one, the ``raised_rate`` flag chooses (older callers)."""
    if kind is None:
        return FreeAmountKind.RAISED_RATE if raised_rate else FreeAmountKind.STANDARD
    return FreeAmountKind(kind)


def full_offset_deduction(base: float, benefit: float, *, free: float, share: float,
                          threshold: float) -> tuple[float, float]:
    """The deduction from 1 July 2025 and the tapered part of it (the formula, for both the
    single case and the population engine's checks): ``share`` of the earnings above ``free``,
    but krone for krone where earnings plus benefit would exceed ``threshold``; never more than
    the earnings themselves."""
    tapered = share * max(0.0, base - free)
    return min(base, max(tapered, base + benefit - threshold)), tapered


def offset_benefit(day: dt.date, *, benefit: float, wage: float, hours: float,
                   raised_rate: bool = False, kind: FreeAmountKind | str | None = None,
                   own_contributions: float = 0.0, fixed_hours: bool = True,
                   params: ParameterSet | None = None,
                   trace: Trace | None = None) -> OffsetResult:
    """Benefit left after offsetting ``wage`` earned in ``hours`` in the month of ``day``.

    From 1 July 2025 ``kind`` (or, for older callers, ``raised_rate``) chooses the free amount
    and the krone-for-krone threshold; before, the hourly disregard applies and both are ignored.
    ``own_contributions`` are the citizen's own ATP and pension contributions for the month,
    deducted from the wage before the offset (the income offset is the taxable personal income).
    Without ``fixed_hours`` the hours for the disregard are the income divided by the
    conversion rate (LAS § 31, stk. 3), not ``hours``.
    """
    params = params or default_parameters()
    trace = trace or Trace("Modregning")
    if not hours >= 0 or not wage >= 0:
        raise InvalidHours("timer og løn skal være 0 eller mere", field="hours")
    if not benefit >= 0:
        raise InvalidInput("hjælpen skal være 0 kr. eller mere", field="benefit")
    if not 0 <= own_contributions <= max(wage, 0.0):
        raise InvalidInput("egne ATP- og pensionsbidrag skal være mellem 0 kr. og lønnen",
                           field="own_contributions")
    am_rate = trace.number(params, "labour_market_contribution_rate", day)
    # The income deducted is the wage after AM-bidrag (familieadvokaten.dk, LAS § 30).
    base = wage * (1 - am_rate)
    trace.step(f"Løn efter arbejdsmarkedsbidrag: {format_kr(wage)} − "
               f"{format_number(am_rate * 100)} % = {format_kr(base)}.", base)
    if own_contributions:
        # "Indtægten der fratrækkes, er den skattepligtige personlige indkomst. Det vil sige
        # efter arbejdsmarkedsbidrag, atp, indbetaling til kollektiv pensionsordning"
        # (familieadvokaten.dk, brev 900-559).
        base = max(0.0, base - own_contributions)
        trace.step(f"Egne ATP- og pensionsbidrag trækkes fra lønnen før modregning: "
                   f"{format_kr(own_contributions)}; tilbage {format_kr(base)}.", base)
    regime = offset_regime(params, day)
    if regime == HOURLY and not fixed_hours:
        conversion = trace.number(params, "earnings_hours_conversion_rate", day)
        hours = wage / conversion
        trace.step(f"Uden fastsat arbejdstid regnes timetallet af indtægten: {format_kr(wage)} / "
                   f"{format_kr(conversion)} = {format_number(hours)} timer (LAS § 31, stk. 3).",
                   hours)
    if regime == HOURLY:
        per_hour = trace.number(params, "earnings_disregard_per_hour", day)
        cap = trace.number(params, "earnings_disregard_max_hours_per_month", day)
        hours_used = min(hours, cap)
        disregarded = per_hour * hours_used
        capped = f" (højst {format_number(cap)} timer)" if hours > cap else ""
        trace.step(f"Der ses bort fra {format_kr(per_hour)} pr. time × "
                   f"{format_number(hours_used)} timer{capped} = {format_kr(disregarded)}.",
                   disregarded)
        deducted = max(0.0, base - disregarded)
        trace.step(f"Resten trækkes fra krone for krone: {format_kr(deducted)}.", deducted)
    else:
        chosen = free_amount_kind(raised_rate, kind)
        if chosen is FreeAmountKind.HOURLY_DISREGARD:
            chosen = FreeAmountKind.STANDARD
        free = trace.number(params, FREE_AMOUNT_PARAMETER[chosen], day)
        share = trace.number(params, "earnings_excess_deduction_rate", day)
        cut_share = trace.number(params, FULL_OFFSET_SHARE_PARAMETER[chosen], day)
        max_dagpenge = trace.number(params, "dagpenge_max_per_month", day)
        threshold = cut_share * max_dagpenge
        deducted, tapered = full_offset_deduction(base, benefit, free=free, share=share,
                                                  threshold=threshold)
        disregarded = min(base, free)
        if free > 0:
            trace.step(f"Fribeløb på {KIND_WORDS[chosen]}: {format_kr(free)} pr. måned; "
                       f"{format_number(share * 100)} % af indtægten derover trækkes fra: "
                       f"{format_kr(tapered)}.", tapered)
        else:
            trace.step(f"Intet fribeløb på {KIND_WORDS[chosen]}: "
                       f"{format_number(share * 100)} % af indtægten trækkes fra: "
                       f"{format_kr(tapered)}.", tapered)
        if deducted > tapered:
            trace.step(f"Løn og hjælp må tilsammen højst være {format_number(cut_share * 100)} % "
                       f"af højeste dagpenge ({format_kr(max_dagpenge)}) = {format_kr(threshold)}; "
                       f"derover trækkes lønnen fra krone for krone: i alt {format_kr(deducted)} "
                       "trækkes fra.", deducted)
        trace.note("Reglerne fra 1. juli 2025 er på aftaleniveau og ikke bekræftet i lovteksten; "
                   "vi regner fribeløbet af lønnen efter arbejdsmarkedsbidrag (antagelse).")
    after = max(0.0, benefit - deducted)
    trace.step(f"Hjælp efter modregning: {format_kr(benefit)} − {format_kr(deducted)} = "
               f"{format_kr(after)}.", after)
    return OffsetResult(regime, benefit, wage, base, disregarded, deducted, after)
