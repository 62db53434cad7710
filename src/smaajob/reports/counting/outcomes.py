# SPDX-License-Identifier: MPL-2.0
"""Outcomes by reason: how courses ended in the period (DOMAIN §4 step 8)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from smaajob.reports.counting.measure import TOTAL, Measure
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.tables import EventTables

SOURCE = "Småjobs tællingsregel: forløb afsluttet med resultat og årsag"
RULE = (
    "Forløb afsluttet i perioden (afslutningsdato i perioden), fordelt på resultat og — for stoppede "
    "forløb — årsag. Tallet er antal forløb; de bagvedliggende borgere kan åbnes. En borger med to "
    "afsluttede forløb tæller to gange her, men én gang i »borgere i alt«."
)


@dataclass(frozen=True)
class OutcomeRow:
    outcome: str
    stop_reason: str
    courses: Measure


def outcomes(tables: EventTables, period: Period) -> list[OutcomeRow]:
    ended = tables.courses.filter(
        pl.col("ended_on").is_between(period.start, period.end) & (pl.col("exit_outcome") != "")
    )
    per = (
        ended.group_by("exit_outcome", "stop_reason")
        .agg(pl.len().alias("n"), pl.col("citizen_id").unique().sort().alias("ids"))
        .sort("exit_outcome", "stop_reason")
    )
    rows = [
        OutcomeRow(
            r["exit_outcome"],
            r["stop_reason"] or "",
            Measure(
                "outcomes.courses",
                "Afsluttede forløb",
                int(r["n"]),
                period,
                RULE,
                SOURCE,
                "forløb",
                f"{r['exit_outcome']}/{r['stop_reason'] or ''}",
                numerator_ids=np.asarray(r["ids"], dtype=np.int64),
            ),
        )
        for r in per.iter_rows(named=True)
    ]
    everyone = np.unique(ended["citizen_id"].to_numpy())
    rows.append(
        OutcomeRow(
            TOTAL,
            "",
            Measure(
                "outcomes.persons",
                "Borgere i alt",
                int(everyone.size),
                period,
                RULE,
                SOURCE,
                "personer",
                TOTAL,
                numerator_ids=everyone,
            ),
        )
    )
    return rows
