# SPDX-License-Identifier: MPL-2.0
"""Small builders for event tables, so a counting-rule test states only what matters to it."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from smaajob.reports.counting.hours import TRAJECTORY_WEEKS
from smaajob.reports.counting.tables import EventTables


class History:
    """Collects rows per table; ``tables()`` returns conformed EventTables."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self._ids = 0

    def _next(self) -> int:
        self._ids += 1
        return self._ids

    def add(self, table: str, **row: Any) -> dict[str, Any]:
        self.rows.setdefault(table, []).append(row)
        return row

    def citizen(self, municipality: int = 1) -> int:
        cid = self._next()
        self.add("citizens", citizen_id=cid, municipality_id=municipality)
        return cid

    def course(
        self,
        citizen: int,
        started: date,
        *,
        project: int = 1,
        municipality: int = 1,
        ended: date | None = None,
        outcome: str = "",
        stop: str = "",
    ) -> int:
        course_id = self._next()
        self.add(
            "courses",
            course_id=course_id,
            citizen_id=citizen,
            project_id=project,
            municipality_id=municipality,
            started_on=started,
            ended_on=ended,
            exit_outcome=outcome,
            stop_reason=stop,
        )
        return course_id

    def placement(
        self,
        course: int,
        citizen: int,
        kind: str,
        start: date | None,
        end: date | None = None,
        *,
        company: int = 1,
        previous: int | None = None,
    ) -> int:
        pid = self._next()
        self.add(
            "placements",
            placement_id=pid,
            course_id=course,
            citizen_id=citizen,
            company_id=company,
            kind=kind,
            start=start,
            end=end,
            previous_id=previous,
        )
        return pid

    def week(
        self,
        placement: int,
        citizen: int,
        monday: date,
        present: float,
        paid: float = 0.0,
        effective: float | None = None,
    ) -> None:
        self.add(
            "weeks",
            placement_id=placement,
            citizen_id=citizen,
            week_start=monday,
            present=present,
            paid=paid,
            effective=paid if effective is None else effective,
        )

    def ledger(self) -> pl.DataFrame:
        """Every week added, paid or not, with its three kinds of hours (one citizen's
        progression reads these; the event tables' ``weeks`` keep the paid hours only)."""
        return pl.DataFrame(self.rows.get("weeks", []), schema=TRAJECTORY_WEEKS)

    def tables(self) -> EventTables:
        frames = {}
        for name, rows in self.rows.items():
            frames[name] = pl.DataFrame(rows, infer_schema_length=None)
        return EventTables.build(**frames)
