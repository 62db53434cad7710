# SPDX-License-Identifier: MPL-2.0
"""Loading the event tables for the counting engine: one query per table, into polars.

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
from django.db.models import FloatField, Q
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
from smaajob.reports.counting.groups import NO_GROUP
from smaajob.reports.counting.measure import TOTAL
from smaajob.reports.counting.tables import SCHEMAS, EventTables
from smaajob.rules.coverage import covered_benefits


def _frame(name: str, rows: Iterable[tuple[Any, ...]]) -> pl.DataFrame:
    schema = SCHEMAS[name]
    return pl.DataFrame(list(rows), schema=schema, orient="row")


def _coverage(citizen_ids: list[int], on: date) -> Iterable[tuple[Any, ...]]:
    for pk, facts in coverage_inputs(citizen_ids, on).items():
        support = facts.spouse_support.value if facts.spouse_support is not None else None
        yield pk, facts.married, support, facts.provider, facts.full_child_benefit_from


def load_tables(
    *, municipality_ids: list[int] | None = None, project_id: int | None = None, facts_on: date | None = None
) -> EventTables:
    """The event tables for some municipalities (None: all), courses optionally for one project.

    ``facts_on`` is the day whose who-is-covered facts (``coverage``) are loaded, the report's
    count day (default today): they are the case builder's facts on that day, not a history.
    """

    def scope(path: str) -> Q:
        return Q(**{f"{path}__in": municipality_ids}) if municipality_ids is not None else Q()

    courses = Course.objects.filter(scope("citizen__municipality_id"))
    placements = Placement.objects.filter(scope("course__citizen__municipality_id"))
    weeks = WeeklyHours.objects.filter(scope("placement__course__citizen__municipality_id"))
    if project_id is not None:
        courses = courses.filter(project_id=project_id)
        placements = placements.filter(course__project_id=project_id)
        weeks = weeks.filter(placement__course__project_id=project_id)
    citizen_scope = scope("citizen__municipality_id")
    citizens = list(Citizen.objects.filter(scope("municipality_id")).values_list("id", "municipality_id"))
    on_help = list(
        Benefit.objects.filter(citizen_scope, benefit_type__in=covered_benefits())
        .values_list("citizen_id", flat=True)
        .distinct()
    )
    return EventTables.build(
        citizens=_frame("citizens", citizens),
        courses=_frame(
            "courses",
            courses.values_list(
                "id",
                "citizen_id",
                "project_id",
                "citizen__municipality_id",
                "started_on",
                "ended_on",
                "exit_outcome",
                "stop_reason",
            ),
        ),
        placements=_frame(
            "placements",
            placements.values_list(
                "id",
                "course_id",
                "course__citizen_id",
                "company_id",
                "kind",
                "actual_start",
                "actual_end",
                "previous_id",
            ),
        ),
        weeks=_frame(
            "weeks",
            weeks.values_list(
                "placement_id",
                "placement__course__citizen_id",
                "week_start",
                Cast("hours_present", FloatField()),
                Cast("hours_paid", FloatField()),
                Cast("hours_effective", FloatField()),
            ),
        ),
        memberships=_frame(
            "memberships",
            ProjectMembership.objects.filter(citizen_scope).values_list(
                "citizen_id", "project_id", "target_group_id", "valid_from", "valid_to"
            ),
        ),
        assignments=_frame(
            "assignments",
            Assignment.objects.filter(citizen_scope).values_list(
                "citizen_id", "staff_id", "staff_role", "staff__team_id", "valid_from", "valid_to"
            ),
        ),
        benefits=_frame(
            "benefits",
            Benefit.objects.filter(citizen_scope).values_list("citizen_id", "benefit_type", "valid_from", "valid_to"),
        ),
        readiness=_frame(
            "readiness",
            Readiness.objects.filter(citizen_scope).values_list("citizen_id", "category", "valid_from", "valid_to"),
        ),
        exemptions=_frame(
            "exemptions",
            ExemptionDecision.objects.filter(citizen_scope).values_list("citizen_id", "valid_from", "valid_to"),
        ),
        coverage=_frame("coverage", _coverage(on_help, facts_on or timezone.localdate())),
        work_duties=_frame(
            "work_duties",
            WorkDuty.objects.filter(citizen_scope).values_list("citizen_id", "valid_from", "valid_to"),
        ),
    )


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
