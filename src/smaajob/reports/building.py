# SPDX-License-Identifier: MPL-2.0
"""Building a report for a user: read the request's choices, load the tables, count, label.

The one function every output calls (dashboard, drill-down, CSV, Excel, PDF, API), so a number
on the page, in the spreadsheet and in the PDF is the same number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings

from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidInput, InvalidPeriod
from smaajob.organisation.models import Project, Role, User
from smaajob.replica import report_reads
from smaajob.reports.counting.funnel import STEPS
from smaajob.reports.counting.groups import DIMENSIONS
from smaajob.reports.counting.measure import TOTAL
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.published import PublishedRow, total_problems
from smaajob.reports.counting.report import Report, full_report
from smaajob.reports.counting.suppression import suppress
from smaajob.reports.models import FigureKind, ReferenceFigure
from smaajob.reports.selectors import company_names, group_labels, load_tables

REPORT_ROLES = frozenset({Role.COORDINATOR, Role.ANALYST, Role.ADMINISTRATOR})
# Analysts see aggregates only (DOMAIN §2): their reports withhold small cells. Coordinators
# and administrators may open the citizens behind the numbers anyway, so they see exact counts.
SUPPRESSED_ROLES = frozenset({Role.ANALYST})


@dataclass(frozen=True)
class Choices:
    """What the reader asked for: period, observation date, grouping, project."""

    period: Period
    dimension: str = "maalgruppe"
    project_id: int | None = None

    def query(self) -> dict[str, str]:
        q = {
            "fra": self.period.start.isoformat(),
            "til": self.period.end.isoformat(),
            "opgjort": self.period.observed.isoformat(),
            "gruppe": self.dimension,
        }
        if self.project_id is not None:
            q["projekt"] = str(self.project_id)
        return q


def _date(raw: str | None, field: str, default: date) -> date:
    if not raw:
        return default
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidPeriod(
            f"Datoen »{raw}« kan ikke læses; skriv den som ÅÅÅÅ-MM-DD, fx 2024-01-31.", field=field
        ) from None


def parse_choices(params: Any, *, today: date | None = None) -> Choices:
    """From query parameters (fra, til, opgjort, gruppe, projekt); defaults: this year so far."""
    today = today or date.today()
    start = _date(params.get("fra"), "fra", date(today.year, 1, 1))
    end = _date(params.get("til"), "til", today)
    if end < start:
        raise InvalidPeriod(
            f"Perioden slutter ({format_date(end)}) før den begynder ({format_date(start)}).", field="til"
        )
    observed = _date(params.get("opgjort"), "opgjort", max(end, today))
    if observed < end:
        raise InvalidPeriod("Opgørelsesdatoen skal ligge på eller efter periodens slutning.", field="opgjort")
    dimension = params.get("gruppe") or "maalgruppe"
    if dimension not in DIMENSIONS:
        raise InvalidInput(f"Ukendt gruppering »{dimension}«. Vælg en af: {', '.join(DIMENSIONS)}.", field="gruppe")
    project_raw = params.get("projekt") or None
    project_id = None
    if project_raw is not None:
        try:
            project_id = int(project_raw)
        except ValueError:
            raise InvalidInput("Projektet skal angives med sit nummer.", field="projekt") from None
    return Choices(Period(start, end, observed), dimension, project_id)


@dataclass
class BuiltReport:
    """A counted report with everything needed to show it: labels, targets, published checks."""

    choices: Choices
    report: Report
    labels: dict[str, str]
    project: Project | None
    targets: dict[tuple[str, str], int] = field(default_factory=dict)  # (step, group) → target
    published: list[PublishedRow] = field(default_factory=list)
    published_notes: list[str] = field(default_factory=list)
    companies: dict[int, str] = field(default_factory=dict)
    staff: dict[str, str] = field(default_factory=dict)
    min_cell: int | None = None  # small cells under this are withheld (None: exact counts)

    def label(self, group: str) -> str:
        return self.labels.get(group, group)

    @property
    def funnel_rows(self) -> list[tuple[str, Any]]:
        """(label, FunnelRow) with the total last."""
        rows = [(self.label(g), r) for g, r in self.report.funnel.items() if g != TOTAL]
        rows.sort(key=lambda x: x[0])
        if TOTAL in self.report.funnel:
            rows.append((self.label(TOTAL), self.report.funnel[TOTAL]))
        return rows


def small_cell_threshold(user: User) -> int | None:
    """The smallest count the user is shown (``REPORT_MIN_CELL``), or None for exact counts."""
    return int(settings.REPORT_MIN_CELL) if user.role in SUPPRESSED_ROLES else None


def check_may_see_reports(user: User) -> int:
    """The user's municipality, whose reports the user may see; ``NotFound`` otherwise."""
    from smaajob.errors import NotFound

    if not user.is_authenticated or user.role not in REPORT_ROLES or user.municipality_id is None:
        raise NotFound("Siden findes ikke, eller du har ikke adgang til rapporterne.")
    return user.municipality_id


def build(user: User, choices: Choices) -> BuiltReport:
    municipality_id = check_may_see_reports(user)
    municipalities = [municipality_id]
    project = None
    if choices.project_id is not None:
        project = Project.objects.filter(pk=choices.project_id, municipality_id=municipality_id).first()
        if project is None:
            raise InvalidInput("Projektet findes ikke i din kommune.", field="projekt")
    with report_reads():  # from the read replica, when one is configured
        tables = load_tables(
            municipality_ids=municipalities, project_id=choices.project_id, facts_on=choices.period.end
        )
        report = full_report(tables, choices.period, choices.dimension)
        min_cell = small_cell_threshold(user)
        if min_cell is not None:
            report = suppress(report, min_cell)
        labels = group_labels(choices.dimension, municipalities)
        built = BuiltReport(choices, report, labels, project, min_cell=min_cell)
        built.companies = company_names(c.company_id for c in report.conversions)
        built.staff = group_labels("konsulent", municipalities)
        if project is not None:
            _attach_reference_figures(built, project)
    return built


def _attach_reference_figures(built: BuiltReport, project: Project) -> None:
    figures = ReferenceFigure.objects.filter(project=project).select_related("target_group")
    names = {key: name for key, name, _rule in STEPS}
    published: dict[str, PublishedRow] = {}
    for f in figures:
        group = str(f.target_group_id) if f.target_group_id else TOTAL
        if f.kind == FigureKind.TARGET:
            built.targets[(f.step, group)] = f.value
            continue
        row = published.setdefault(f.step, PublishedRow(f.step, names.get(f.step, f.step), {}, None, {}))
        if f.target_group is not None:
            row.achieved[f.target_group.name] = f.value
        else:
            published[f.step] = PublishedRow(row.step, row.label_da, row.achieved, f.value, row.targets)
    built.published = [published[k] for k, _n, _r in STEPS if k in published]
    built.published_notes = total_problems(built.published)
