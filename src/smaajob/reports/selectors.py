# SPDX-License-Identifier: MPL-2.0
"""Loading the event tables for the counting engine: one query per table, into polars columns.

Everything the dashboards, exports, PDFs, API and benchmark count comes through
``load_tables``; the counting itself happens in ``smaajob.reports.counting``. Names of
projects, target groups, teams and staff for row labels come from ``group_labels``.
No citizen name or CPR number is ever loaded here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import polars as pl
from django.db.models import FloatField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from smaajob.cases import coverage_inputs
from smaajob.citizens.models import (
    Assignment,
    Benefit,
    Citizen,
    ExemptionDecision,
    ProjectMembership,
    Readiness,
    WorkDuty,
)
from smaajob.courses.models import Course, Placement, WeeklyHours
from smaajob.network.models import Company
from smaajob.organisation.models import Municipality, Project, TargetGroup, Team, User
from smaajob.reports.columns import column_reader
from smaajob.reports.counting.groups import NO_GROUP
from smaajob.reports.counting.measure import TOTAL
from smaajob.reports.counting.tables import SCHEMAS, EventTables
from smaajob.rules.coverage import covered_benefits

# The paid weeks' own columns; ``citizen_id`` is joined from the placements frame (``_paid_weeks``).
PAID_WEEK_COLUMNS: dict[str, pl.DataType] = {
    "placement_id": pl.Int64(),
    "week_start": pl.Date(),
    "paid": pl.Float64(),
}


def paid_week_rows(weeks: QuerySet[WeeklyHours]) -> QuerySet[Any]:
    """The ledger's weeks with paid hours, in ``PAID_WEEK_COLUMNS`` order: what every count reads.

    Weeks with no paid hours (a praktik's, a sick week's) are never loaded: every count of the
    ``weeks`` table only looks at weeks with ``paid > 0`` or sums ``paid`` (to which such a week
    adds nothing); at national size they are 45 % of the ledger's 9.8 M rows. The join to the
    course for the citizen is left to polars (``_paid_weeks``): in SQL it costs more than the
    rows themselves.
    """
    return weeks.filter(hours_paid__gt=0).values_list("placement_id", "week_start", Cast("hours_paid", FloatField()))


def _paid_weeks(weeks: pl.DataFrame, placements: pl.DataFrame) -> pl.DataFrame:
    """The ``weeks`` table: each paid week with its placement's citizen (the placements frame has
    the same scope, so every week finds its placement)."""
    return weeks.join(placements.select("placement_id", "citizen_id"), on="placement_id", how="inner")


def table_querysets(
    *, municipality_ids: list[int] | None = None, project_id: int | None = None
) -> dict[str, QuerySet[Any]]:
    """One ``values_list`` queryset per event table, its columns in the table's schema order
    (``weeks``: ``PAID_WEEK_COLUMNS``, see ``paid_week_rows``): some municipalities (None: all),
    courses optionally for one project."""

    def scope(path: str) -> Q:
        return Q(**{f"{path}__in": municipality_ids}) if municipality_ids is not None else Q()

    courses = Course.objects.filter(scope("citizen__municipality_id"))
    placements = Placement.objects.filter(scope("course__citizen__municipality_id"))
    if project_id is not None:
        courses = courses.filter(project_id=project_id)
        placements = placements.filter(course__project_id=project_id)
    weeks = WeeklyHours.objects.all()
    if municipality_ids is not None or project_id is not None:  # nationally: no join at all
        weeks = weeks.filter(placement__in=placements.values("id"))
    citizen_scope = scope("citizen__municipality_id")
    tables: dict[str, QuerySet[Any]] = {
        "citizens": Citizen.objects.filter(scope("municipality_id")).values_list("id", "municipality_id"),
        "courses": courses.values_list(
            "id",
            "citizen_id",
            "project_id",
            "citizen__municipality_id",
            "started_on",
            "ended_on",
            "exit_outcome",
            "stop_reason",
        ),
        "placements": placements.values_list(
            "id",
            "course_id",
            "course__citizen_id",
            "company_id",
            "kind",
            "actual_start",
            "actual_end",
            "previous_id",
        ),
        "weeks": paid_week_rows(weeks),
        "memberships": ProjectMembership.objects.filter(citizen_scope).values_list(
            "citizen_id", "project_id", "target_group_id", "valid_from", "valid_to"
        ),
        "assignments": Assignment.objects.filter(citizen_scope).values_list(
            "citizen_id", "staff_id", "staff_role", "staff__team_id", "valid_from", "valid_to"
        ),
        "benefits": Benefit.objects.filter(citizen_scope).values_list(
            "citizen_id", "benefit_type", "valid_from", "valid_to"
        ),
        "readiness": Readiness.objects.filter(citizen_scope).values_list(
            "citizen_id", "category", "valid_from", "valid_to"
        ),
        "exemptions": ExemptionDecision.objects.filter(citizen_scope).values_list(
            "citizen_id", "valid_from", "valid_to"
        ),
        "work_duties": WorkDuty.objects.filter(citizen_scope).values_list("citizen_id", "valid_from", "valid_to"),
    }
    # No ORDER BY: the counts do not depend on the rows' order, and sorting the models' default
    # orders cost PostgreSQL more than reading the 5 M paid weeks.
    return {name: qs.order_by() for name, qs in tables.items()}


def _coverage(citizen_ids: QuerySet[Any], on: date) -> Iterable[tuple[Any, ...]]:
    for pk, facts in coverage_inputs(citizen_ids, on).items():
        support = facts.spouse_support.value if facts.spouse_support is not None else None
        yield pk, facts.married, support, facts.provider, facts.full_child_benefit_from


def coverage_frame(*, municipality_ids: list[int] | None = None, facts_on: date | None = None) -> pl.DataFrame:
    """Who-is-covered facts (the 225-hour rule) of everyone on a covered benefit: the case builder's
    facts on ``facts_on`` (default today), not a history. The citizens go to the case builder as
    a subquery, not as a list of ids: nationally 62,000 ids in six ``IN (…)`` lists took seconds
    to send and parse."""
    scope = Q(citizen__municipality_id__in=municipality_ids) if municipality_ids is not None else Q()
    on_help = (
        Benefit.objects.filter(scope, benefit_type__in=covered_benefits())
        .order_by()
        .values_list("citizen_id", flat=True)
        .distinct()
    )
    return pl.DataFrame(
        list(_coverage(on_help, facts_on or timezone.localdate())), schema=SCHEMAS["coverage"], orient="row"
    )


def load_tables(
    *,
    municipality_ids: list[int] | None = None,
    project_id: int | None = None,
    facts_on: date | None = None,
    columnar: bool = True,
) -> EventTables:
    """The event tables for some municipalities (None: all), courses optionally for one project.

    Read as columns (``smaajob.reports.columns``) on the database the router names for the
    reads, the big tables on two connections at once while the who-is-covered facts are read
    through Django; ``columnar=False`` reads the same querysets through Django's rows instead
    (the baseline the benchmark and the tests compare with). ``facts_on`` is the day whose
    who-is-covered facts (``coverage``) are loaded, the report's count day (default today).
    The ``weeks`` table holds the paid weeks only (``paid_week_rows``).
    """
    querysets = table_querysets(municipality_ids=municipality_ids, project_id=project_id)
    columns = {name: PAID_WEEK_COLUMNS if name == "weeks" else SCHEMAS[name] for name in querysets}
    if not columnar:
        frames = {name: pl.DataFrame(list(qs), schema=columns[name], orient="row") for name, qs in querysets.items()}
        coverage = coverage_frame(municipality_ids=municipality_ids, facts_on=facts_on)
    else:
        with column_reader(workers=2) as reader:
            # The ledger first: it is most of the rows, the other tables fit beside it.
            pending = {name: reader.submit(querysets[name], columns[name])
                       for name in sorted(querysets, key=lambda n: n != "weeks")}
            coverage = coverage_frame(municipality_ids=municipality_ids, facts_on=facts_on)
            frames = {name: future.result() for name, future in pending.items()}
    frames["weeks"] = _paid_weeks(frames["weeks"], frames["placements"])
    return EventTables.build(coverage=coverage, **frames)


def group_labels(dimension: str, municipality_ids: list[int] | None = None) -> dict[str, str]:
    """Display names for the group keys of a dimension (see ``counting.groups.DIMENSIONS``)."""
    labels: dict[str, str] = {TOTAL: "I alt (hver person én gang)", NO_GROUP: "Uden gruppe", "alle": "Alle"}
    ms = Q(municipality_id__in=municipality_ids) if municipality_ids is not None else Q()
    if dimension == "kommune":
        qs = Municipality.objects.filter(Q(id__in=municipality_ids) if municipality_ids is not None else Q())
        labels.update({str(m.pk): m.name for m in qs})
    elif dimension == "projekt":
        labels.update({str(p.pk): p.name for p in Project.objects.filter(ms)})
    elif dimension == "maalgruppe":
        tg_scope = Q(project__municipality_id__in=municipality_ids) if municipality_ids is not None else Q()
        labels.update({str(t.pk): t.name for t in TargetGroup.objects.filter(tg_scope)})
    elif dimension == "team":
        labels.update({str(t.pk): t.name for t in Team.objects.filter(ms)})
    elif dimension in ("konsulent", "raadgiver"):
        labels.update({str(u.pk): u.get_full_name() or u.username for u in User.objects.filter(ms)})
    return labels


def company_names(company_ids: Iterable[int]) -> dict[int, str]:
    return dict(Company.objects.filter(pk__in=list(company_ids)).values_list("id", "name"))
