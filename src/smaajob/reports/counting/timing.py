# SPDX-License-Identifier: MPL-2.0
"""Time from visitation to the first company placement and to the first ordinary paid hour.

A cohort measure like the funnel: the courses visited in the period, followed up to the
observation date. The value is the median number of days among those who got there; the
ones who have not (yet) are reported beside it, because a median of the quick ones alone
flatters the effort.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from smaajob.reports.counting.funnel import course_flags
from smaajob.reports.counting.grouping import with_total
from smaajob.reports.counting.measure import Measure
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.tables import HYBRID, PAID, EventTables

SOURCE = "Småjobs tællingsregel: tid fra visitation"
RULES = {
    "to_placement": (
        "Dage fra visitation til første placering",
        "Median antal dage fra forløbets visitationsdato til første dag i den første placering i en "
        "virksomhed (alle typer), for forløb visiteret i perioden. Borgere med flere forløb indgår med "
        "det hurtigste. Borgere uden placering på opgørelsesdatoen indgår ikke i medianen, men tælles "
        "som »endnu ikke«.",
    ),
    "to_paid_hour": (
        "Dage fra visitation til første løntime",
        "Median antal dage fra visitationsdato til mandagen i den første uge med ordinære løntimer "
        "(småjob eller hybrid; ikke løntilskud) i timeregnskabet — dog tidligst placeringens start. "
        "Borgere uden løntimer på opgørelsesdatoen tælles som »endnu ikke«.",
    ),
}


def course_days(tables: EventTables, period: Period) -> pl.DataFrame:
    flags = course_flags(tables, period).select("course_id", "citizen_id", "placed_on")
    started = tables.courses.select("course_id", "started_on")
    ordinary = tables.placements.filter(pl.col("kind").is_in([PAID, HYBRID]) & pl.col("start").is_not_null())
    first_paid = (
        tables.weeks.filter((pl.col("paid") > 0) & (pl.col("week_start") <= period.observed))
        .join(ordinary.select("placement_id", "course_id", "start"), on="placement_id")
        .group_by("course_id")
        .agg(pl.max_horizontal("week_start", "start").min().alias("paid_on"))
    )
    return (
        flags.join(started, on="course_id")
        .join(first_paid, on="course_id", how="left")
        .select(
            "course_id",
            "citizen_id",
            (pl.col("placed_on") - pl.col("started_on")).dt.total_days().alias("to_placement"),
            (pl.col("paid_on") - pl.col("started_on")).dt.total_days().alias("to_paid_hour"),
        )
    )


def time_to(tables: EventTables, period: Period, groups: pl.DataFrame) -> dict[str, list[Measure]]:
    days = course_days(tables, period)
    joined = with_total(groups).join(days.drop("citizen_id"), on="course_id", how="inner")
    per_citizen = joined.group_by("group", "citizen_id").agg(pl.col("to_placement").min(), pl.col("to_paid_hour").min())
    result: dict[str, list[Measure]] = {}
    for (group,), frame in per_citizen.group_by("group"):
        measures = []
        for key, (name, rule) in RULES.items():
            got = frame.filter(pl.col(key).is_not_null())
            waiting = frame.height - got.height
            median = float(np.median(got[key].to_numpy())) if got.height else None
            measures.append(
                Measure(
                    key=f"timing.{key}",
                    name_da=name,
                    value=median,
                    period=period,
                    rule_da=rule,
                    source=SOURCE,
                    unit="dage (median)",
                    group=str(group),
                    numerator_ids=np.sort(got["citizen_id"].to_numpy()),
                    base=frame.height,
                    base_ids=np.sort(frame["citizen_id"].to_numpy()),
                    note_da=f"{got.height} nået, {waiting} endnu ikke." if frame.height else "",
                )
            )
        result[str(group)] = measures
    return result
