# SPDX-License-Identifier: MPL-2.0
"""People under the work duty (arbejdspligt) and the småjob hours they worked.

From 1 January 2025 recipients in the kontanthjælp system who do not meet the opholds- og
beskæftigelseskrav are subject to a work duty of up to 37 hours a week; ordinary paid hours (a
småjob) count towards it (star.dk, "Om arbejdspligt"). The subject and the date are the
caseworker's recorded decision (``WorkDuty``).
"""

from __future__ import annotations

import polars as pl

from smaajob.reports.counting.measure import Measure, ids
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.tables import HYBRID, PAID, EventTables

SOURCE = "Arbejdspligt fra 1. januar 2025 (star.dk, »Om arbejdspligt«); løntimer tæller med"
RULE_PERSONS = (
    "Borgere med en registreret afgørelse om arbejdspligt, der gælder på opgørelsesdagen (periodens "
    "sidste dag). Hver borger tælles én gang."
)
RULE_HOURS = (
    "Summen af løntimer i småjob og hybridplaceringer (ikke praktik eller løntilskud) i de uger i perioden, "
    "hvor borgeren var omfattet af arbejdspligt (ugen tæller, når arbejdspligten gælder på ugens mandag), "
    "for de borgere, der er talt med under »omfattet af arbejdspligt« i perioden."
)


def work_duty_measures(tables: EventTables, period: Period) -> list[Measure]:
    duties = tables.work_duties
    on_day = duties.filter(
        (pl.col("valid_from") <= period.end) & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= period.end))
    )
    persons = ids(on_day["citizen_id"])
    ordinary = tables.placements.filter(pl.col("kind").is_in([PAID, HYBRID])).select("placement_id")
    weeks = tables.weeks.filter(pl.col("week_start").is_between(period.start, period.end)).join(
        ordinary, on="placement_id", how="semi"
    )
    under_duty = weeks.join(duties, on="citizen_id", how="inner").filter(
        (pl.col("valid_from") <= pl.col("week_start"))
        & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= pl.col("week_start")))
    )
    # A week counts once even if two duty rows touch it.
    per_week = under_duty.unique(subset=["placement_id", "week_start"])
    hours = float(per_week["paid"].sum()) if per_week.height else 0.0
    with_hours = ids(per_week.filter(pl.col("paid") > 0)["citizen_id"])
    return [
        Measure(
            "work_duty.persons",
            "Omfattet af arbejdspligt",
            int(persons.size),
            period,
            RULE_PERSONS,
            SOURCE,
            numerator_ids=persons,
        ),
        Measure(
            "work_duty.smaajob_hours",
            "Løntimer i småjob under arbejdspligt",
            round(hours, 2),
            period,
            RULE_HOURS,
            SOURCE,
            unit="timer",
            numerator_ids=with_hours,
        ),
    ]


__all__ = ["work_duty_measures"]
