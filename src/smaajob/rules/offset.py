# SPDX-License-Identifier: MPL-2.0
"""Earnings offset (*modregning*): how much of a month's wage is deducted from kontanthjælp.

Until 30 June 2025 (LAS § 30, stk. 2): a fixed amount per hour worked (at most 160 hours a
month) is disregarded; the rest of the income *after labour-market contribution* is deducted
krone for krone. From 1 July 2025: a monthly free amount, and a share of the excess deducted
(agreement level, unverified). Which regime applies is chosen by date from the parameters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from smaajob.errors import InvalidHours, InvalidInput
from smaajob.rules.parameters import ParameterSet, default_parameters
from smaajob.rules.trace import Trace, format_kr, format_number

HOURLY = "hourly_disregard"
FREE_AMOUNT = "free_amount"


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


def offset_benefit(day: dt.date, *, benefit: float, wage: float, hours: float,
                   raised_rate: bool = False, params: ParameterSet | None = None,
                   trace: Trace | None = None) -> OffsetResult:
    """Benefit left after offsetting ``wage`` earned in ``hours`` in the month of ``day``."""
    params = params or default_parameters()
    trace = trace or Trace("Modregning")
    if not hours >= 0 or not wage >= 0:
        raise InvalidHours("timer og løn skal være 0 eller mere", field="hours")
    if not benefit >= 0:
        raise InvalidInput("hjælpen skal være 0 kr. eller mere", field="benefit")
    am_rate = trace.number(params, "labour_market_contribution_rate", day)
    # The income deducted is the wage after AM-bidrag (familieadvokaten.dk, LAS § 30).
    base = wage * (1 - am_rate)
    trace.step(f"Løn efter arbejdsmarkedsbidrag: {format_kr(wage)} − "
               f"{format_number(am_rate * 100)} % = {format_kr(base)}.", base)
    regime = offset_regime(params, day)
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
        name = ("earnings_free_amount_per_month_raised_rate" if raised_rate
                else "earnings_free_amount_per_month")
        free = trace.number(params, name, day)
        share = trace.number(params, "earnings_excess_deduction_rate", day)
        disregarded = min(base, free)
        deducted = share * max(0.0, base - free)
        trace.step(f"Fribeløb {format_kr(free)} pr. måned; {format_number(share * 100)} % af "
                   f"indtægten derover trækkes fra: {format_kr(deducted)}.", deducted)
        trace.note("Reglerne fra 1. juli 2025 er på aftaleniveau og ikke bekræftet i lovteksten; "
                   "vi regner fribeløbet af lønnen efter arbejdsmarkedsbidrag (antagelse).")
    after = max(0.0, benefit - deducted)
    trace.step(f"Hjælp efter modregning: {format_kr(benefit)} − {format_kr(deducted)} = "
               f"{format_kr(after)}.", after)
    return OffsetResult(regime, benefit, wage, base, disregarded, deducted, after)
