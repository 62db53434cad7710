# SPDX-License-Identifier: MPL-2.0
"""Activation deadlines, offer limits and state refund for kontanthjælp (seed 002 Kap. 2).

These are the rules as the SFI report (October 2012) describes them, citing BEK nr. 710 of
23/06/2011 and the refund reform of 1 January 2011. We hold no source for 2013-2015: asking
for such a date raises ``ValueNotKnown``. From 4 January 2016 the refund depends on the time
on public benefit (80 / 40 / 30 / 20 %), not on the activity (the 2016 refund reform).
Deadlines are computed, never enforced: the caseworker plans the conversations and offers.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidInput
from smaajob.rules.parameters import ParameterSet, default_parameters
from smaajob.rules.trace import Trace, format_number


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later; the 31st becomes the month's last day when needed."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ActivationDeadlines:
    first_conversation_by: dt.date
    contact_every_months: int
    first_offer_by: dt.date
    repeat_offer_every_months: int
    placement_max_weeks_not_job_ready: int
    trace: Trace

    def to_dict(self) -> dict[str, object]:
        return {
            "first_conversation_by": self.first_conversation_by.isoformat(),
            "contact_every_months": self.contact_every_months,
            "first_offer_by": self.first_offer_by.isoformat(),
            "repeat_offer_every_months": self.repeat_offer_every_months,
            "placement_max_weeks_not_job_ready": self.placement_max_weeks_not_job_ready,
            "trace": self.trace.to_dict(),
        }


def activation_deadlines(first_contact: dt.date, *, age: int,
                         unemployed_since: dt.date | None = None,
                         params: ParameterSet | None = None) -> ActivationDeadlines:
    """Deadlines from the first request for help (``first_contact``).

    ``unemployed_since`` is the start of cumulative unemployment; if not given, the first
    contact is used. Cumulative periods with breaks must be summed by the caller.
    """
    params = params or default_parameters()
    if not 15 <= age <= 100:
        raise InvalidInput("alder skal være 15-100 år", field="age")
    trace = Trace("Frister i kontaktforløbet")
    trace.input("first_contact", "Første henvendelse om hjælp", first_contact)
    trace.input("age", "Alder", age)
    day = first_contact
    young = age < 30
    if young:
        months = int(trace.number(params, "activation_first_conversation_months_under_30", day))
    else:
        months = int(trace.number(params, "activation_first_conversation_months_30_plus", day))
    conversation = add_months(first_contact, months)
    trace.step(f"Første samtale senest {months} måned(er) efter henvendelsen: "
               f"{format_date(conversation)}.")
    interval = int(trace.number(params, "activation_contact_interval_months", day))
    trace.step(f"Derefter en samtale mindst hver {interval}. måned.")
    start = unemployed_since or first_contact
    if young:
        weeks = int(trace.number(params, "activation_offer_after_weeks_under_30", day))
        offer = start + dt.timedelta(weeks=weeks)
        trace.step(f"Ret og pligt til tilbud senest efter {weeks} ugers ledighed: "
                   f"{format_date(offer)}.")
    else:
        offer_months = int(trace.number(params, "activation_offer_after_months_30_plus", day))
        offer = add_months(start, offer_months)
        trace.step(f"Ret og pligt til tilbud senest efter {offer_months} måneders ledighed: "
                   f"{format_date(offer)}.")
    repeat = int(trace.number(params, "activation_repeat_offer_months", day))
    trace.step(f"Derefter et nyt tilbud hver {repeat}. måned.")
    placement = int(trace.number(params, "activation_placement_max_weeks_not_job_ready", day))
    trace.step(f"Virksomhedspraktik for ikke-arbejdsmarkedsparate højst {placement} uger.")
    trace.note("Ledighed skal lægges sammen over afbrydelser; det gør beregningen ikke selv.")
    return ActivationDeadlines(conversation, interval, offer, repeat, placement, trace)


@dataclass(frozen=True)
class WageSubsidyCheck:
    allowed: bool
    max_months: int
    trace: Trace


def wage_subsidy_check(day: dt.date, *, months_on_benefit: float, planned_months: float,
                       params: ParameterSet | None = None) -> WageSubsidyCheck:
    """Whether wage subsidy (løntilskud) meets the conditions: > 6 months on help, ≤ 1 year."""
    params = params or default_parameters()
    trace = Trace("Betingelser for løntilskud")
    minimum = trace.number(params, "activation_wage_subsidy_min_months_on_benefit", day)
    maximum = int(trace.number(params, "activation_wage_subsidy_max_months", day))
    trace.input("months_on_benefit", "Måneder med kontanthjælp (sammenlagt)", months_on_benefit)
    trace.input("planned_months", "Planlagt varighed (måneder)", planned_months)
    enough = months_on_benefit > minimum
    short_enough = planned_months <= maximum
    trace.step(f"Kontanthjælp i mere end {format_number(minimum)} måneder: "
               f"{'ja' if enough else 'nej'}.")
    trace.step(f"Varighed højst {maximum} måneder: {'ja' if short_enough else 'nej'}.")
    return WageSubsidyCheck(enough and short_enough, maximum, trace)


class Activity(StrEnum):
    COMPANY_OFFER = "company_offer"   # løntilskud or virksomhedspraktik
    ORDINARY_EDUCATION = "ordinary_education"
    OTHER_OFFER = "other_offer"       # vejledning og opkvalificering, 6 ugers selvvalgt udd.
    PASSIVE = "passive"


@dataclass(frozen=True)
class RefundResult:
    rate: float
    trace: Trace


# Refund steps from 4 January 2016: (last week of the step, parameter); the last step is open.
REFUND_STEPS = ((4, "refund_rate_by_duration_weeks_1_4"), (26, "refund_rate_by_duration_weeks_5_26"),
                (52, "refund_rate_by_duration_weeks_27_52"),
                (None, "refund_rate_by_duration_weeks_53_plus"))


def refund_rate(day: dt.date, activity: Activity | str | None = None,
                params: ParameterSet | None = None, *,
                weeks_on_benefit: int | None = None) -> RefundResult:
    """The state's refund share of kontanthjælp on ``day``.

    Until 3 January 2016 by the period's ``activity``; from 4 January 2016 by the citizen's
    ``weeks_on_benefit`` (the week of public benefit the day falls in, counted as the reform
    counts it), whatever the activity.
    """
    params = params or default_parameters()
    trace = Trace("Statsrefusion af kontanthjælp")
    if params.entry(REFUND_STEPS[0][1], day).status != "not_in_force":
        if weeks_on_benefit is None or weeks_on_benefit < 1:
            raise InvalidInput("fra 4. januar 2016 afhænger refusionen af, hvor mange uger borgeren "
                               "har modtaget offentlig forsørgelse; angiv ugen (1 eller mere)",
                               field="weeks_on_benefit")
        trace.input("weeks_on_benefit", "Uge med offentlig forsørgelse", weeks_on_benefit)
        name = next(n for last, n in REFUND_STEPS if last is None or weeks_on_benefit <= last)
        rate = trace.number(params, name, day)
        trace.step(f"Refusion i uge {weeks_on_benefit}: {format_number(rate * 100)} % "
                   "(refusionstrappen fra 4. januar 2016).", rate)
        return RefundResult(rate, trace)
    if activity is None:
        raise InvalidInput("før 4. januar 2016 afhænger refusionen af aktiviteten; angiv den",
                           field="activity")
    activity = Activity(activity)
    trace.input("activity", "Aktivitet", activity.value)
    # From 2011 ordinary education earns the high, company-based refund (seed 002 L1305-1308).
    name = {
        Activity.COMPANY_OFFER: "refund_rate_company_offer",
        Activity.ORDINARY_EDUCATION: "refund_rate_company_offer",
        Activity.OTHER_OFFER: "refund_rate_other_offer",
        Activity.PASSIVE: "refund_rate_passive",
    }[activity]
    rate = trace.number(params, name, day)
    trace.step(f"Refusion: {format_number(rate * 100)} %.", rate)
    trace.note("Kommunen mister refusion, hvis frister for samtaler og tilbud ikke holdes.")
    return RefundResult(rate, trace)
