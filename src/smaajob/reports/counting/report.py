# SPDX-License-Identifier: MPL-2.0
"""All measures for one period and one grouping, computed once and shared by every output.

The dashboard page, the CSV/Excel exports, the PDF evaluation report and the API all render a
``Report``; none of them counts anything itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from smaajob.reports.counting import groups as groups_module
from smaajob.reports.counting.activity import ActivityRow, courses_and_persons
from smaajob.reports.counting.caseload import Caseload, caseloads
from smaajob.reports.counting.conversion import CompanyConversion, conversions
from smaajob.reports.counting.exemptions import exemption_rates, readiness_groups
from smaajob.reports.counting.funnel import FunnelRow, funnel
from smaajob.reports.counting.hours import paid_hours_distribution
from smaajob.reports.counting.measure import Measure
from smaajob.reports.counting.outcomes import OutcomeRow, outcomes
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.shares import stv_shares
from smaajob.reports.counting.tables import EventTables
from smaajob.reports.counting.timing import time_to
from smaajob.reports.counting.work_duty import work_duty_measures


@dataclass(frozen=True)
class Report:
    period: Period
    dimension: str
    funnel: dict[str, FunnelRow]
    stv: dict[str, list[Measure]]
    timing: dict[str, list[Measure]]
    activity: list[ActivityRow]
    caseloads: list[Caseload]
    conversions: list[CompanyConversion]
    hours: list[Measure]
    exemptions: dict[str, Measure]
    outcomes: list[OutcomeRow]
    work_duty: list[Measure]

    def measures(self) -> Iterator[tuple[str, Measure]]:
        """Every measure with its section name, in reading order (for exports and drill-down)."""
        for row in self.funnel.values():
            for m in row.steps.values():
                yield "Tragt (VTA)", m
        for ms in self.stv.values():
            for m in ms:
                yield "Succeskriterier (STV)", m
        for ms in self.timing.values():
            for m in ms:
                yield "Tid til placering og løn", m
        for a in self.activity:
            yield "Forløb og personer", a.courses
            yield "Forløb og personer", a.persons
        for c in self.caseloads:
            yield "Sagsstammer", c.measure
        for conv in self.conversions:
            for m in (conv.praktik, conv.to_paid, conv.to_wage_subsidy):
                yield "Fra praktik til løn", m
        for m in self.hours:
            yield "Ugentlige løntimer", m
        for m in self.exemptions.values():
            yield "Fritagelse fra 225-timersreglen", m
        for o in self.outcomes:
            yield "Afslutninger", o.courses
        for m in self.work_duty:
            yield "Arbejdspligt", m

    def find(self, key: str, group: str) -> Measure | None:
        for _section, m in self.measures():
            if m.key == key and m.group == group:
                return m
        return None


def full_report(tables: EventTables, period: Period, dimension: str = "projekt") -> Report:
    if dimension not in groups_module.DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    _label, course_groups = groups_module.DIMENSIONS[dimension]
    by_course = course_groups(tables, period.observed)
    by_citizen = groups_module.citizen_groups(dimension, tables, period.start, period.end)
    return Report(
        period=period,
        dimension=dimension,
        funnel=funnel(tables, period, by_course),
        stv=stv_shares(tables, period, by_citizen),
        timing=time_to(tables, period, by_course),
        activity=courses_and_persons(tables, period),
        caseloads=caseloads(tables, period),
        conversions=conversions(tables, period),
        hours=paid_hours_distribution(tables, period),
        exemptions=exemption_rates(tables, period, readiness_groups(tables, period.end)),
        outcomes=outcomes(tables, period),
        work_duty=work_duty_measures(tables, period),
    )
