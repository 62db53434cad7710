# SPDX-License-Identifier: MPL-2.0
"""Caseload per caseworker and company consultant on a date.

004 reports caseloads of 35–65 (sagsbehandlere) and 30–35 (virksomhedskonsulenter) in the
STV jobcentres; 002 70–95, up to about 200. Our count: the citizens a staff member is
assigned to on the date (an assignment in force that day), each citizen once per staff member.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import polars as pl

from smaajob.reports.counting.measure import Measure
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.tables import EventTables

SOURCE = (
    "STV-evalueringen (DISCUS 2019): sagsstammer S 35–65, VK 30–35; "
    "SFI-rapporten om aktivering af ikke-arbejdsmarkedsparate (2012): 70–95"
)
RULE = (
    "Antal borgere, medarbejderen er tilknyttet som rådgiver eller virksomhedskonsulent på "
    "opgørelsesdagen (periodens sidste dag). Hver borger tælles én gang pr. medarbejder."
)


@dataclass(frozen=True)
class Caseload:
    staff_id: int
    staff_role: str
    team_id: int | None
    measure: Measure


def caseloads(tables: EventTables, period: Period, on: date | None = None) -> list[Caseload]:
    day = on or period.end
    current = tables.assignments.filter(
        (pl.col("valid_from") <= day) & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= day))
    )
    per_staff = (
        current.group_by("staff_id", "staff_role")
        .agg(pl.col("team_id").first(), pl.col("citizen_id").unique().sort().alias("citizens"))
        .sort("staff_role", "staff_id")
    )
    result = []
    for row in per_staff.iter_rows(named=True):
        citizens = np.asarray(row["citizens"], dtype=np.int64)
        result.append(
            Caseload(
                row["staff_id"],
                row["staff_role"],
                row["team_id"],
                Measure(
                    "caseload",
                    "Sagsstamme",
                    int(citizens.size),
                    period,
                    RULE,
                    SOURCE,
                    "borgere",
                    str(row["staff_id"]),
                    numerator_ids=citizens,
                ),
            )
        )
    return result
