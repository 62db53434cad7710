# SPDX-License-Identifier: MPL-2.0
"""The event tables the counting engine reads, with their column schemas.

One frame per kind of recorded event. Dates are ``pl.Date``; an open period has a null end.
``smaajob.reports.selectors`` builds these from the database (one query per table); the
benchmark builds them directly with numpy.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import polars as pl

SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    # Every citizen, so that shares can have citizens without a course in their base.
    "citizens": {"citizen_id": pl.Int64(), "municipality_id": pl.Int64()},
    # One row per course (forløb). started_on is the visitation date.
    "courses": {
        "course_id": pl.Int64(),
        "citizen_id": pl.Int64(),
        "project_id": pl.Int64(),
        "municipality_id": pl.Int64(),
        "started_on": pl.Date(),
        "ended_on": pl.Date(),
        "exit_outcome": pl.String(),
        "stop_reason": pl.String(),
    },
    # One row per placement at a company; start is the actual start (null: never started).
    "placements": {
        "placement_id": pl.Int64(),
        "course_id": pl.Int64(),
        "citizen_id": pl.Int64(),
        "company_id": pl.Int64(),
        "kind": pl.String(),
        "start": pl.Date(),
        "end": pl.Date(),
        "previous_id": pl.Int64(),
    },
    # The hours ledger's paid weeks: one row per placement and ISO week (week_start is a Monday)
    # with paid hours. Every count reads only weeks with ``paid > 0`` or sums ``paid``, so the
    # database loader leaves weeks without paid hours out (``selectors.paid_week_rows``), and
    # hours present and effective are not loaded (one citizen's progression reads those:
    # ``hours.TRAJECTORY_WEEKS``). A table given with such weeks counts the same.
    "weeks": {
        "placement_id": pl.Int64(),
        "citizen_id": pl.Int64(),
        "week_start": pl.Date(),
        "paid": pl.Float64(),
    },
    "memberships": {
        "citizen_id": pl.Int64(),
        "project_id": pl.Int64(),
        "target_group_id": pl.Int64(),
        "valid_from": pl.Date(),
        "valid_to": pl.Date(),
    },
    "assignments": {
        "citizen_id": pl.Int64(),
        "staff_id": pl.Int64(),
        "staff_role": pl.String(),
        "team_id": pl.Int64(),
        "valid_from": pl.Date(),
        "valid_to": pl.Date(),
    },
    "benefits": {
        "citizen_id": pl.Int64(),
        "benefit_type": pl.String(),
        "valid_from": pl.Date(),
        "valid_to": pl.Date(),
    },
    "readiness": {
        "citizen_id": pl.Int64(),
        "category": pl.String(),
        "valid_from": pl.Date(),
        "valid_to": pl.Date(),
    },
    "exemptions": {
        "citizen_id": pl.Int64(),
        "valid_from": pl.Date(),
        "valid_to": pl.Date(),
    },
    # Who is covered by the 225-hour rule beyond the benefit itself (LAS § 13 f stk. 3-7), one
    # row per citizen, as ``smaajob.cases.coverage_inputs`` finds the facts on the count day:
    # married (cohabitants count as unmarried), what the spouse lives on
    # (``rules.SpouseSupport`` values, null: not known), whether the couple provides for
    # children (null: not known) and from when it is entitled to full child benefit.
    "coverage": {
        "citizen_id": pl.Int64(),
        "married": pl.Boolean(),
        "spouse_support": pl.String(),
        "provider": pl.Boolean(),
        "full_child_benefit_from": pl.Date(),
    },
    # The recorded decisions that a citizen is under the work duty (arbejdspligt).
    "work_duties": {
        "citizen_id": pl.Int64(),
        "valid_from": pl.Date(),
        "valid_to": pl.Date(),
    },
}

# Placement kinds (smaajob.network.models.OpeningKind values, repeated here because this
# package may not import Django models).
PRAKTIK = "placement"
PAID = "paid"
HYBRID = "hybrid"
WAGE_SUBSIDY = "wage_subsidy"
JOB_KINDS = (PAID, HYBRID, WAGE_SUBSIDY)


def empty(name: str) -> pl.DataFrame:
    return pl.DataFrame(schema=SCHEMAS[name])


def conform(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Select and cast the table's columns in schema order; a missing column is an error."""
    schema = SCHEMAS[name]
    missing = [c for c in schema if c not in frame.columns]
    if missing:
        raise ValueError(f"table {name!r} lacks column(s): {', '.join(missing)}")
    return frame.select([pl.col(c).cast(t) for c, t in schema.items()])


@dataclass(frozen=True)
class EventTables:
    citizens: pl.DataFrame
    courses: pl.DataFrame
    placements: pl.DataFrame
    weeks: pl.DataFrame
    memberships: pl.DataFrame
    assignments: pl.DataFrame
    benefits: pl.DataFrame
    readiness: pl.DataFrame
    exemptions: pl.DataFrame
    coverage: pl.DataFrame
    work_duties: pl.DataFrame

    @classmethod
    def build(cls, **frames: pl.DataFrame) -> EventTables:
        """Conform the given frames to their schemas; tables not given are empty."""
        unknown = set(frames) - set(SCHEMAS)
        if unknown:
            raise ValueError(f"unknown table(s): {', '.join(sorted(unknown))}")
        return cls(
            **{f.name: conform(f.name, frames[f.name]) if f.name in frames else empty(f.name) for f in fields(cls)}
        )

    def only_citizens(self, citizen_ids: pl.Series | list[int]) -> EventTables:
        """The same tables restricted to some citizens (e.g. one municipality)."""
        ids = pl.Series("citizen_id", citizen_ids, dtype=pl.Int64)
        return EventTables(
            **{f.name: getattr(self, f.name).filter(pl.col("citizen_id").is_in(ids.implode())) for f in fields(self)}
        )
