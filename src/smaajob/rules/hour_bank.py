# SPDX-License-Identifier: MPL-2.0
"""Dagpenge hour bank (*timebank*, from 2 January 2017): paid hours extend the benefit period.

Each ordinary paid hour puts 2 hours into the bank; the period can be extended by at most
1,924 hours (one year), to be used within 18 months. 1,924 paid hours within 3 years instead
earn a new 2-year period (*genoptjening*); the member chooses which to use with the a-kasse.
From 1 July 2017 a member without hours on the employment account (*beskæftigelseskontoen*)
requalifies by income instead (the income requirement). Seed 000 L233-236 states the rule in
one sentence; the a-kasser's pages give the details cited in the parameter files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from smaajob.errors import InvalidHours
from smaajob.rules.parameters import ParameterSet, default_parameters
from smaajob.rules.trace import Trace, format_number

FULL_TIME_HOURS_PER_WEEK = 37


@dataclass(frozen=True)
class HourBankResult:
    hours_worked: float
    bank_hours: float
    extension_hours: float
    extension_weeks: float
    new_period_earned: bool
    hours_missing_for_new_period: float
    trace: Trace
    use_within_months: float | None = None
    requalification_by: str = "hours"          # "hours" or "income"
    income_requirement: float | None = None

    def to_dict(self) -> dict[str, object]:
        values = {k: v for k, v in self.__dict__.items() if k != "trace"}
        return {**values, "trace": self.trace.to_dict()}

    def render_text(self) -> str:
        return self.trace.render_text()


def dagpenge_hour_bank(day: dt.date, monthly_hours: Sequence[float],
                       params: ParameterSet | None = None, *,
                       hours_on_account: bool = True) -> HourBankResult:
    """``monthly_hours``: ordinary paid hours per month, oldest first, ending the month of ``day``.

    Only the months inside the look-back (36) count; wage subsidy, placement, senior jobs and
    job rotation are not ordinary hours and must not be included (ca.dk).
    """
    params = params or default_parameters()
    if any(not h >= 0 for h in monthly_hours):
        raise InvalidHours("timer skal være 0 eller mere", field="monthly_hours")
    trace = Trace("Timebank for dagpenge")
    multiplier = trace.number(params, "dagpenge_hour_bank_multiplier", day)
    cap = trace.number(params, "dagpenge_hour_bank_max_extension_hours", day)
    needed = trace.number(params, "dagpenge_requalification_hours", day)
    lookback = int(trace.number(params, "dagpenge_requalification_lookback_months", day))
    hours = float(sum(monthly_hours[-lookback:]))
    trace.input("hours_worked", f"Løntimer de seneste {lookback} måneder", hours)
    bank = multiplier * hours
    extension = min(bank, cap)
    trace.step(f"{format_number(hours)} løntimer × {format_number(multiplier)} = "
               f"{format_number(bank)} timer i timebanken.", bank)
    trace.step(f"Dagpengeperioden kan forlænges med {format_number(extension)} timer "
               f"(højst {format_number(cap)}), ca. {format_number(extension / 37, 1)} uger.",
               extension)
    use_within = trace.number(params, "dagpenge_hour_bank_use_window_months", day)
    trace.step(f"Forlængelsen skal bruges inden for {format_number(use_within)} måneder.",
               use_within)
    income_entry = params.entry("dagpenge_requalification_income", day)
    if not hours_on_account and income_entry.status != "not_in_force":
        income = trace.number(params, "dagpenge_requalification_income", day)
        trace.step("Uden timer på beskæftigelseskontoen genoptjenes en ny dagpengeret efter "
                   f"indkomstkravet: mindst {format_number(income)} kr. i løn inden for de "
                   "seneste 3 år.", income)
        trace.note("Valget mellem forlængelse og genoptjening træffes sammen med a-kassen.")
        return HourBankResult(hours, bank, extension, extension / FULL_TIME_HOURS_PER_WEEK,
                              False, 0.0, trace, use_within, "income", income)
    earned = hours >= needed
    missing = max(0.0, needed - hours)
    if earned:
        trace.step(f"Med mindst {format_number(needed)} løntimer er en ny 2-årig dagpengeret "
                   "genoptjent.")
    else:
        trace.step(f"Der mangler {format_number(missing)} løntimer for at genoptjene en ny "
                   "dagpengeret.", missing)
    trace.note("Valget mellem forlængelse og genoptjening træffes sammen med a-kassen.")
    return HourBankResult(hours, bank, extension, extension / FULL_TIME_HOURS_PER_WEEK,
                          earned, missing, trace, use_within)
