# SPDX-License-Identifier: MPL-2.0
"""From praktik to paid hours, per company.

Which companies turn unpaid placements into pay? (DOMAIN §5: "history: placements → paid
hours conversions"; §6 prefers companies whose past placements converted.) VTA found that
many placements "did not become småjobs" (003 §2.5.1) — this measure shows where.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from smaajob.reports.counting.measure import Measure
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.tables import HYBRID, PAID, PRAKTIK, WAGE_SUBSIDY, EventTables

SOURCE = "VTA-evalueringen (Absalon 2023), afsnit 2.5.1"
RULE = (
    "Praktikforløb (virksomhedspraktik) startet i perioden hos virksomheden, talt som borgere. En "
    "praktik er omdannet til løn, hvis samme borger senere (senest på opgørelsesdatoen) har startet et "
    "småjob eller en hybridpraktik hos samme virksomhed. Overgang til løntilskud tælles for sig."
)


@dataclass(frozen=True)
class CompanyConversion:
    company_id: int
    praktik: Measure  # citizens who started praktik at the company in the period
    to_paid: Measure  # share of them who got paid hours (småjob/hybrid) there
    to_wage_subsidy: Measure  # share of them who got løntilskud there


def conversions(tables: EventTables, period: Period) -> list[CompanyConversion]:
    praktik = tables.placements.filter(
        (pl.col("kind") == PRAKTIK) & pl.col("start").is_between(period.start, period.end)
    ).select("citizen_id", "company_id", "start")
    later = tables.placements.filter(pl.col("start").is_not_null() & (pl.col("start") <= period.observed)).select(
        "citizen_id", "company_id", pl.col("start").alias("later_start"), "kind"
    )
    pairs = praktik.join(later, on=["citizen_id", "company_id"], how="left").with_columns(
        (pl.col("later_start") >= pl.col("start")).fill_null(False).alias("after")
    )
    per_citizen = pairs.group_by("company_id", "citizen_id").agg(
        (pl.col("after") & pl.col("kind").is_in([PAID, HYBRID])).any().alias("paid"),
        (pl.col("after") & (pl.col("kind") == WAGE_SUBSIDY)).any().alias("wage_subsidy"),
    )
    per_company = (
        per_citizen.group_by("company_id")
        .agg(
            pl.col("citizen_id").sort().alias("all"),
            pl.col("citizen_id").filter(pl.col("paid")).sort().alias("paid"),
            pl.col("citizen_id").filter(pl.col("wage_subsidy")).sort().alias("wage_subsidy"),
        )
        .sort("company_id")
    )
    result = []
    for row in per_company.iter_rows(named=True):
        base = np.asarray(row["all"], dtype=np.int64)
        paid = np.asarray(row["paid"], dtype=np.int64)
        ws = np.asarray(row["wage_subsidy"], dtype=np.int64)
        group = str(row["company_id"])

        def share(key: str, name: str, hit: np.ndarray, group: str = group, base: np.ndarray = base) -> Measure:
            return Measure(
                key,
                name,
                hit.size / base.size,
                period,
                RULE,
                SOURCE,
                "andel",
                group,
                numerator_ids=hit,
                base=int(base.size),
                base_ids=base,
            )

        result.append(
            CompanyConversion(
                row["company_id"],
                Measure(
                    "conversion.praktik",
                    "Borgere i praktik",
                    int(base.size),
                    period,
                    RULE,
                    SOURCE,
                    "personer",
                    group,
                    numerator_ids=base,
                ),
                share("conversion.to_paid", "Omdannet til løntimer", paid),
                share("conversion.to_wage_subsidy", "Overgået til løntilskud", ws),
            )
        )
    return result
