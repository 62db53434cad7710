# SPDX-License-Identifier: MPL-2.0
"""Exemption rate under the 225-hour rule, on a date.

000 reports 58 % of recipients exempt nationally (January 2017) and 93 % of the
aktivitetsparate in Aalborg. The rule (LAS § 13 f) covers recipients of kontanthjælp,
uddannelseshjælp and integrationsydelse; an exemption is a caseworker's recorded decision.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from smaajob.reports.counting.grouping import count_citizens
from smaajob.reports.counting.measure import Measure
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.tables import EventTables

SOURCE = "000 §1 (58 % i jan. 2017; 93 % af de aktivitetsparate i Aalborg); LAS § 13 f, stk. 9"
COVERED_BENEFITS = ("kontanthjaelp", "uddannelseshjaelp", "integrationsydelse")
RULE = (
    "Andelen af borgere på kontanthjælp, uddannelseshjælp eller integrationsydelse på opgørelsesdagen "
    "(periodens sidste dag), som har en gældende afgørelse om fritagelse fra 225-timersreglen den dag. "
    "Grundlaget er alle på de tre ydelser; om den enkelte har været på ydelse i ét år inden for tre år "
    "(betingelsen for at være omfattet) er ikke afprøvet her."
)


def _on(frame: pl.DataFrame, day: date) -> pl.DataFrame:
    return frame.filter((pl.col("valid_from") <= day) & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= day)))


def exemption_flags(tables: EventTables, day: date) -> pl.DataFrame:
    covered = _on(tables.benefits, day).filter(pl.col("benefit_type").is_in(COVERED_BENEFITS)).select("citizen_id")
    exempt = _on(tables.exemptions, day).select("citizen_id").unique()
    return covered.unique().with_columns(
        pl.lit(True).alias("covered"), pl.col("citizen_id").is_in(exempt["citizen_id"].implode()).alias("exempt")
    )


def exemption_rates(
    tables: EventTables, period: Period, groups: pl.DataFrame, on: date | None = None
) -> dict[str, Measure]:
    """Per citizen-level group (e.g. readiness category or municipality) and in total."""
    day = on or period.end
    counted = count_citizens(exemption_flags(tables, day), groups, ["covered", "exempt"], on="citizen_id")
    result = {}
    for group, counts in counted.items():
        base = counts.ids["covered"]
        hit = counts.ids["exempt"]
        result[group] = Measure(
            "exemptions.rate",
            "Andel fritaget fra 225-timersreglen",
            hit.size / base.size if base.size else None,
            period,
            RULE,
            SOURCE,
            "andel",
            group,
            numerator_ids=hit,
            base=int(base.size),
            base_ids=base,
        )
    return result


def readiness_groups(tables: EventTables, day: date) -> pl.DataFrame:
    """citizen_id, group = readiness category on the day (e.g. Aalborg's 93 % of aktivitetsparate)."""
    return _on(tables.readiness, day).select("citizen_id", pl.col("category").alias("group")).unique()


__all__ = ["exemption_rates", "readiness_groups"]
