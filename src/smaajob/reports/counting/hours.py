# SPDX-License-Identifier: MPL-2.0
"""Weekly paid hours: the distribution over brackets, and one citizen's trajectory.

VTA's Figur 6 (003 §2.5.1) shows how many hours the visited can manage (87 % ≤ 20 h) and
notes that about 20–25 paid hours a week are needed to leave public support. We count the
hours actually paid, from the ledger.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from smaajob.reports.counting.measure import TOTAL, Measure
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.tables import HYBRID, PAID, EventTables

SOURCE = "VTA-evalueringen (Absalon 2023), afsnit 2.5.1, figur 6"
# Upper bounds (inclusive) of the brackets; the last one is open.
BRACKETS: list[tuple[str, float]] = [
    ("højst 20 timer", 20.0),
    ("over 20 til 25 timer", 25.0),
    ("over 25 til 30 timer", 30.0),
    ("over 30 timer (op mod fuld tid)", float("inf")),
]
RULE = (
    "Borgere med ordinære løntimer (småjob eller hybrid; ikke løntilskud) i perioden. For hver borger "
    "beregnes gennemsnittet af løntimer pr. uge over de uger i perioden, hvor borgeren havde løntimer "
    "(timer fra flere placeringer samme uge lægges sammen). Hver borger tælles i ét interval."
)


def mean_paid_hours(tables: EventTables, period: Period) -> pl.DataFrame:
    ordinary = tables.placements.filter(pl.col("kind").is_in([PAID, HYBRID])).select("placement_id")
    weeks = tables.weeks.filter((pl.col("paid") > 0) & pl.col("week_start").is_between(period.start, period.end)).join(
        ordinary, on="placement_id", how="semi"
    )
    per_week = weeks.group_by("citizen_id", "week_start").agg(pl.col("paid").sum())
    return per_week.group_by("citizen_id").agg(pl.col("paid").mean().alias("mean_paid"))


def paid_hours_distribution(tables: EventTables, period: Period) -> list[Measure]:
    means = mean_paid_hours(tables, period)
    ids = means["citizen_id"].to_numpy()
    values = means["mean_paid"].to_numpy()
    total = int(ids.size)
    result = []
    lower = 0.0
    for label, upper in BRACKETS:
        mask = (values > lower) & (values <= upper)
        hit = np.sort(ids[mask])
        result.append(
            Measure(
                "hours.bracket",
                label,
                hit.size / total if total else None,
                period,
                RULE,
                SOURCE,
                "andel",
                label,
                numerator_ids=hit,
                base=total,
                base_ids=np.sort(ids),
            )
        )
        lower = upper
    result.append(
        Measure(
            "hours.with_paid",
            "Borgere med løntimer",
            total,
            period,
            RULE,
            SOURCE,
            "personer",
            TOTAL,
            numerator_ids=np.sort(ids),
        )
    )
    return result


# One citizen's ledger for the progression report, every week (paid or not) with its three
# kinds of hours; not an event table (the reports' ``weeks`` hold the paid weeks only).
TRAJECTORY_WEEKS: dict[str, pl.DataType] = {
    "placement_id": pl.Int64(),
    "citizen_id": pl.Int64(),
    "week_start": pl.Date(),
    "present": pl.Float64(),
    "paid": pl.Float64(),
    "effective": pl.Float64(),
}


def trajectory(weeks: pl.DataFrame, citizen_id: int) -> pl.DataFrame:
    """Per week: hours present, paid and effective for one citizen, summed over placements
    (``weeks`` in ``TRAJECTORY_WEEKS`` columns)."""
    return (
        weeks.filter(pl.col("citizen_id") == citizen_id)
        .group_by("week_start")
        .agg(pl.col("present").sum(), pl.col("paid").sum(), pl.col("effective").sum())
        .sort("week_start")
    )
