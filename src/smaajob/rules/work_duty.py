# SPDX-License-Identifier: MPL-2.0
"""The work duty (*arbejdspligt*): who is subject, from when, and how many hours are left to plan.

From 1 January 2025 recipients in the kontanthjælp system who do not meet the opholds- og
beskæftigelseskrav are subject to a duty to take part in activities for up to 37 hours a week;
it was phased in for the former SHO group by 1 July 2025 and for the new group by 1 January
2026. Paid hours in ordinary work (a småjob) count towards the hours. The municipality always
assesses the content and the hours individually (health, treatment): the rules give the
ceiling and the count, never the decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from smaajob.errors import InvalidHours
from smaajob.rules.benefit_rate import BenefitFacts, check_facts
from smaajob.rules.parameters import ParameterSet, default_parameters
from smaajob.rules.trace import Trace, format_number

NOT_MODELLED = (
    "Kommunen vurderer altid arbejdspligtens indhold og timetal individuelt (helbred, "
    "behandling, sociale indsatser); det afgør sagsbehandleren, ikke reglerne her.",
    "Personer med opholdstilladelse efter særloven for fordrevne fra Ukraine er foreløbig ikke "
    "omfattet; det er ikke modelleret.",
)


@dataclass(frozen=True)
class WorkDutyResult:
    day: dt.date
    subject: bool
    max_hours_per_week: float | None
    ordinary_hours_per_week: float
    ordinary_hours_count: bool
    hours_left_to_plan: float | None
    trace: Trace

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "subject": self.subject,
            "max_hours_per_week": self.max_hours_per_week,
            "ordinary_hours_per_week": self.ordinary_hours_per_week,
            "ordinary_hours_count": self.ordinary_hours_count,
            "hours_left_to_plan": self.hours_left_to_plan,
            "not_modelled": list(NOT_MODELLED),
            "trace": self.trace.to_dict(),
        }

    def render_text(self) -> str:
        return self.trace.render_text()


def work_duty(day: dt.date, facts: BenefitFacts, *, ordinary_hours_per_week: float = 0.0,
              params: ParameterSet | None = None) -> WorkDutyResult:
    """Whether ``facts`` make the citizen subject to the work duty on ``day``, and the hours.

    ``ordinary_hours_per_week`` are paid hours in ordinary work (a småjob); they count towards
    the duty, so the hours left to plan are the ceiling minus those hours (never below 0).
    """
    params = params or default_parameters()
    check_facts(facts)
    if not 0 <= ordinary_hours_per_week <= 168:
        raise InvalidHours("timer pr. uge skal være mellem 0 og 168",
                           field="ordinary_hours_per_week")
    trace = Trace("Er du omfattet af arbejdspligten?")
    trace.input("date", "Dato", day)
    trace.input("residence_requirement_met", "Opholds- og beskæftigelseskravet er opfyldt",
                facts.residence_requirement_met)
    trace.input("ordinary_hours_per_week", "Lønnede timer pr. uge (fx småjob)",
                ordinary_hours_per_week)
    for note in NOT_MODELLED:
        trace.note(note)
    in_force = bool(trace.use(params, "work_duty_in_force", day))
    if not in_force:
        trace.step("Arbejdspligten gælder ikke på datoen (den gælder fra 1. januar 2025).")
        return WorkDutyResult(day, False, None, ordinary_hours_per_week, False, None, trace)
    if facts.residence_requirement_met:
        trace.step("Opholds- og beskæftigelseskravet er opfyldt: du er ikke omfattet af "
                   "arbejdspligten.")
        return WorkDutyResult(day, False, None, ordinary_hours_per_week, False, None, trace)
    ceiling = trace.number(params, "work_duty_max_hours_per_week", day)
    counts = bool(trace.use(params, "work_duty_ordinary_hours_count", day))
    trace.step("Opholds- og beskæftigelseskravet er ikke opfyldt: du er omfattet af "
               f"arbejdspligten, højst {format_number(ceiling)} timer om ugen.", ceiling)
    counted = ordinary_hours_per_week if counts else 0.0
    left = max(0.0, ceiling - counted)
    if counted:
        trace.step(f"Dine {format_number(counted)} lønnede timer tæller med: der er højst "
                   f"{format_number(left)} timer tilbage at planlægge.", left)
    return WorkDutyResult(day, True, ceiling, ordinary_hours_per_week, counts, left, trace)
