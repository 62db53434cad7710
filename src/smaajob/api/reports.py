# SPDX-License-Identifier: MPL-2.0
"""API: the report measures as JSON — counts, shares, periods and rules, never names or ids.

Safe for analysts: the same numbers as the dashboard (``smaajob.reports.building``), with
the citizens behind each number reduced to how many there are, and small cells withheld.
"""

from __future__ import annotations

from ninja import Query, Router, Schema

from smaajob.access.requests import AuthenticatedRequest
from smaajob.api.types import Text
from smaajob.reports.building import build, parse_choices
from smaajob.reports.presentation import measure_rows

PREFIX = "/rapporter"
TAG = "rapporter"
router = Router()


class MeasureOut(Schema):
    section: str
    key: str
    measure: str
    group_key: str
    group: str
    value: float | None
    display: str  # the value as shown: "12,5 %", "–" when not measurable, "< 5" when withheld
    hidden: bool  # withheld (small-cell suppression for analysts): value and base are then null
    unit: str
    base: int | None
    period: str
    rule: str
    source: str
    note: str


class ReportOut(Schema):
    period_start: str
    period_end: str
    observed_until: str
    grouping: str
    measures: list[MeasureOut]
    published_total_problems: list[str]


class ReportQuery(Schema):
    fra: Text | None = None
    til: Text | None = None
    opgjort: Text | None = None
    gruppe: Text | None = None
    projekt: Text | None = None


@router.get("/noegletal", response=ReportOut, summary="Alle nøgletal for en periode, med tællingsregler")
def key_figures(request: AuthenticatedRequest, params: Query[ReportQuery]) -> ReportOut:
    choices = parse_choices({k: v for k, v in params.dict().items() if v is not None})
    built = build(request.user, choices)
    rows = [
        MeasureOut(**{k: r[k] for k in MeasureOut.model_fields if k != "hidden"}, hidden=bool(r["hidden"]))
        for r in measure_rows(built)
    ]
    return ReportOut(
        period_start=choices.period.start.isoformat(),
        period_end=choices.period.end.isoformat(),
        observed_until=choices.period.observed.isoformat(),
        grouping=choices.dimension,
        measures=rows,
        published_total_problems=built.published_notes,
    )
