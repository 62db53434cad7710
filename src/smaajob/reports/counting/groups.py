# SPDX-License-Identifier: MPL-2.0
"""Which groups a course belongs to: project, target group, team, consultant, municipality.

Each function returns a frame ``course_id, citizen_id, group`` (group as text). The rule is
the same for every dated dimension: **a course belongs to every group it was in on at least
one day of its life** (from visitation to its end, or to the observation date if still open).
A citizen who changed consultant, or moved between target groups, is therefore counted in
each of them — and still once in a total, because totals count distinct citizens
(``measure.TOTAL``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import polars as pl

from smaajob.reports.counting.tables import EventTables

NO_GROUP = "ingen"

GroupFn = Callable[[EventTables, date], pl.DataFrame]


def _course_span(courses: pl.DataFrame, until: date) -> pl.DataFrame:
    return courses.select(
        "course_id",
        "citizen_id",
        "project_id",
        "started_on",
        pl.coalesce(pl.col("ended_on"), pl.lit(until)).alias("course_end"),
    )


def everyone(tables: EventTables, until: date) -> pl.DataFrame:
    return tables.courses.select("course_id", "citizen_id", pl.lit("alle").alias("group"))


def by_municipality(tables: EventTables, until: date) -> pl.DataFrame:
    return tables.courses.select("course_id", "citizen_id", pl.col("municipality_id").cast(pl.String).alias("group"))


def by_project(tables: EventTables, until: date) -> pl.DataFrame:
    return tables.courses.select("course_id", "citizen_id", pl.col("project_id").cast(pl.String).alias("group"))


def _dated(spans: pl.DataFrame, facts: pl.DataFrame, on: list[str], key: str) -> pl.DataFrame:
    joined = spans.join(facts, on=on, how="inner").filter(
        (pl.col("valid_from") <= pl.col("course_end"))
        & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= pl.col("started_on")))
    )
    found = joined.select("course_id", "citizen_id", pl.col(key).cast(pl.String).alias("group")).unique()
    # Courses with no fact at all are kept, in the group "ingen", so the groups add up.
    missing = spans.join(found.select("course_id").unique(), on="course_id", how="anti").select(
        "course_id", "citizen_id", pl.lit(NO_GROUP).alias("group")
    )
    return pl.concat([found, missing]).drop_nulls("group")


def by_target_group(tables: EventTables, until: date) -> pl.DataFrame:
    spans = _course_span(tables.courses, until)
    facts = tables.memberships.filter(pl.col("target_group_id").is_not_null())
    return _dated(spans, facts, ["citizen_id", "project_id"], "target_group_id")


def _by_staff(role: str | None, key: str) -> GroupFn:
    def group(tables: EventTables, until: date) -> pl.DataFrame:
        spans = _course_span(tables.courses, until)
        facts = tables.assignments
        if role is not None:
            facts = facts.filter(pl.col("staff_role") == role)
        facts = facts.filter(pl.col(key).is_not_null())
        return _dated(spans, facts, ["citizen_id"], key)

    return group


by_consultant = _by_staff("consultant", "staff_id")
by_caseworker = _by_staff("caseworker", "staff_id")
by_team = _by_staff(None, "team_id")

DIMENSIONS: dict[str, tuple[str, GroupFn]] = {
    "alle": ("Alle", everyone),
    "kommune": ("Kommune", by_municipality),
    "projekt": ("Projekt", by_project),
    "maalgruppe": ("Målgruppe", by_target_group),
    "team": ("Team", by_team),
    "konsulent": ("Virksomhedskonsulent", by_consultant),
    "raadgiver": ("Rådgiver", by_caseworker),
}


# Citizen-level groups, for measures whose base is a population rather than a course cohort
# (the STV shares, the exemption rate): a citizen belongs to every group they were in on at
# least one day of the period.
def _citizen_dated(facts: pl.DataFrame, key: str, start: date, end: date) -> pl.DataFrame:
    return (
        facts.filter(
            pl.col(key).is_not_null()
            & (pl.col("valid_from") <= end)
            & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= start))
        )
        .select("citizen_id", pl.col(key).cast(pl.String).alias("group"))
        .unique()
    )


def citizen_groups(dimension: str, tables: EventTables, start: date, end: date) -> pl.DataFrame:
    """Frame ``citizen_id, group`` for a dimension key of ``DIMENSIONS``."""
    if dimension == "alle":
        return tables.citizens.select("citizen_id", pl.lit("alle").alias("group"))
    if dimension == "kommune":
        return tables.citizens.select("citizen_id", pl.col("municipality_id").cast(pl.String).alias("group"))
    if dimension == "projekt":
        return _citizen_dated(tables.memberships, "project_id", start, end)
    if dimension == "maalgruppe":
        return _citizen_dated(tables.memberships, "target_group_id", start, end)
    if dimension == "team":
        return _citizen_dated(tables.assignments, "team_id", start, end)
    if dimension in ("konsulent", "raadgiver"):
        role = "consultant" if dimension == "konsulent" else "caseworker"
        return _citizen_dated(tables.assignments.filter(pl.col("staff_role") == role), "staff_id", start, end)
    raise ValueError(f"unknown dimension {dimension!r}; choose one of {', '.join(DIMENSIONS)}")
