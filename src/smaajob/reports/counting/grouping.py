# SPDX-License-Identifier: MPL-2.0
"""Counting distinct citizens per group, with a total that counts each citizen once.

Every family of measures ends here: course-level (or citizen-level) flags are joined to the
group frame from ``groups``, reduced to one row per group and citizen, and counted. The
total is computed from the same flags with every row in one group, so a person who is in
two groups counts in both groups but once in the total (002 Table 3.1's rule).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from smaajob.reports.counting.measure import TOTAL


@dataclass(frozen=True)
class GroupCounts:
    """For one group: per flag, the sorted citizen ids that have it."""

    group: str
    ids: dict[str, np.ndarray]

    def count(self, flag: str) -> int:
        return int(self.ids[flag].size)


def with_total(groups: pl.DataFrame, on: str = "course_id") -> pl.DataFrame:
    """The group frame plus one TOTAL row per course (or citizen)."""
    keys = ["citizen_id"] if on == "citizen_id" else [on, "citizen_id"]
    total = groups.select(keys).unique().with_columns(pl.lit(TOTAL).alias("group"))
    return pl.concat([groups.select(*keys, "group"), total])


def count_citizens(
    flags: pl.DataFrame, groups: pl.DataFrame, flag_names: list[str], *, on: str = "course_id"
) -> dict[str, GroupCounts]:
    """Citizens per group having each flag (a citizen has a flag if any of their rows has it).

    ``flags`` has the key column ``on`` (``course_id``, or ``citizen_id`` for citizen-level
    measures) and boolean columns ``flag_names``; ``groups`` has ``on``, ``citizen_id`` and
    ``group``. Rows absent from ``flags`` are ignored.
    """
    right = flags if on == "citizen_id" else flags.drop("citizen_id", strict=False)
    joined = with_total(groups, on).join(right, on=on, how="inner")
    per_citizen = joined.group_by("group", "citizen_id").agg([pl.col(f).fill_null(False).any() for f in flag_names])
    lists = per_citizen.group_by("group").agg(
        [pl.col("citizen_id").filter(pl.col(f)).sort().alias(f) for f in flag_names]
    )
    result: dict[str, GroupCounts] = {}
    for row in lists.iter_rows(named=True):
        result[row["group"]] = GroupCounts(
            row["group"], {f: np.asarray(row[f] or [], dtype=np.int64) for f in flag_names}
        )
    if TOTAL not in result:
        result[TOTAL] = GroupCounts(TOTAL, {f: np.empty(0, dtype=np.int64) for f in flag_names})
    return result
