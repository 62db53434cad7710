# SPDX-License-Identifier: MPL-2.0
"""Job premium (*jobpræmie*): a tax-free premium on earnings for some long-term recipients.

Three schemes are modelled, chosen by date: 1 January 2011 – 31 December 2012 for single
providers (lov nr. 1593 af 22/12 2010; 4 %, at most 600 kr. a month), 1 June 2012 – 31 May
2014 for long-term kontanthjælp recipients (4 %, at most 600 kr. a month; the two overlap in
the second half of 2012 with the same rate and cap) and 1 April 2017 – 31 March 2019 (10 %, at
most 2,500 kr. a month, at most 18 months).
Who is eligible was fixed on a cut-off date by Udbetaling Danmark; the caller says whether the
citizen is. The premium does not reduce kontanthjælp (it is not income for the offset).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from smaajob.rules.parameters import ParameterSet, default_parameters
from smaajob.rules.trace import Trace, format_kr, format_number


@dataclass(frozen=True, slots=True)
class JobPremiumResult:
    in_force: bool
    premium: float
    months_left: float | None


def job_premium(day: dt.date, *, wage: float, eligible: bool, months_used: int = 0,
                params: ParameterSet | None = None, trace: Trace | None = None) -> JobPremiumResult:
    params = params or default_parameters()
    trace = trace or Trace("Jobpræmie")
    entry = params.entry("job_premium_rate", day)
    if entry.status == "not_in_force":
        trace.step("Der var ingen jobpræmieordning på datoen.")
        return JobPremiumResult(False, 0.0, None)
    rate = trace.number(params, "job_premium_rate", day)
    cap = trace.number(params, "job_premium_max_per_month", day)
    max_months = trace.number(params, "job_premium_max_months", day)
    if not eligible:
        trace.step("Jobpræmie kræver, at borgeren var i målgruppen på skæringsdatoen; det er "
                   "ikke oplyst, så der regnes ikke med præmie.")
        trace.note("Spørg borgeren eller Udbetaling Danmark, om borgeren er i målgruppen for "
                   "jobpræmien.")
        return JobPremiumResult(True, 0.0, max_months - months_used)
    if months_used >= max_months:
        trace.step(f"Jobpræmien er allerede udbetalt i {months_used} måneder (højst "
                   f"{format_number(max_months)}).")
        return JobPremiumResult(True, 0.0, 0.0)
    premium = min(rate * wage, cap)
    trace.step(f"Jobpræmie: {format_number(rate * 100)} % af {format_kr(wage)}, højst "
               f"{format_kr(cap)} = {format_kr(premium)} (skattefri).", premium)
    return JobPremiumResult(True, premium, max_months - months_used)
