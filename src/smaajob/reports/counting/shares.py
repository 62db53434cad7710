# SPDX-License-Identifier: MPL-2.0
"""The STV success criteria (004 §1): of the target group — aktivitetsparate
kontanthjælpsmodtagere (AK) and citizens in ressourceforløb (RF) — the share in company-based
activity, and the share with ordinary paid hours.

004 names the criteria but publishes no values; the definitions of "in the target group",
"in company-based activity" and "ordinary hours" below are ours and stated in the rule text.
"""

from __future__ import annotations

import polars as pl

from smaajob.reports.counting.grouping import count_citizens
from smaajob.reports.counting.measure import Measure
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.tables import HYBRID, PAID, EventTables

SOURCE = "STV-evalueringen (DISCUS 2019), afsnit 1 (succeskriterier)"
AK_BENEFITS = ("kontanthjaelp", "uddannelseshjaelp")
AK_CATEGORIES = ("aktivitetsparat", "aktivitetsparat_uh")
RF_BENEFIT = "ressourceforloebsydelse"

BASE_RULE = (
    "Målgruppen er borgere, der på mindst én dag i perioden både modtog kontanthjælp eller "
    "uddannelseshjælp og var visiteret aktivitetsparate (AK), eller som modtog ressourceforløbsydelse (RF). "
    "Hver borger tælles én gang."
)


def target_population(tables: EventTables, period: Period) -> pl.DataFrame:
    """citizen_id of AK + RF citizens on at least one day of the period."""
    in_period = (pl.col("valid_from") <= period.end) & (
        pl.col("valid_to").is_null() | (pl.col("valid_to") >= period.start)
    )
    benefits = tables.benefits.filter(in_period)
    rf = benefits.filter(pl.col("benefit_type") == RF_BENEFIT).select("citizen_id")
    ak_benefit = benefits.filter(pl.col("benefit_type").is_in(AK_BENEFITS))
    ak_readiness = tables.readiness.filter(in_period & pl.col("category").is_in(AK_CATEGORIES))
    # AK needs the benefit and the category on the same day, inside the period.
    big = pl.lit(period.end)
    ak = (
        ak_benefit.join(ak_readiness, on="citizen_id", suffix="_r")
        .filter(
            pl.max_horizontal("valid_from", "valid_from_r", pl.lit(period.start))
            <= pl.min_horizontal(pl.coalesce("valid_to", big), pl.coalesce("valid_to_r", big), big)
        )
        .select("citizen_id")
    )
    return pl.concat([rf, ak]).unique()


def citizen_flags(tables: EventTables, period: Period) -> pl.DataFrame:
    base = target_population(tables, period)
    active = (
        tables.placements.filter(
            pl.col("start").is_not_null()
            & (pl.col("start") <= period.end)
            & (pl.col("end").is_null() | (pl.col("end") >= period.start))
        )
        .select("citizen_id")
        .unique()
    )
    ordinary = tables.placements.filter(pl.col("kind").is_in([PAID, HYBRID])).select("placement_id")
    paid = (
        tables.weeks.filter(
            (pl.col("paid") > 0)
            & (pl.col("week_start") <= period.end)
            & (pl.col("week_start").dt.offset_by("6d") >= period.start)
        )
        .join(ordinary, on="placement_id", how="semi")
        .select("citizen_id")
        .unique()
    )
    return base.with_columns(
        pl.lit(True).alias("base"),
        pl.col("citizen_id").is_in(active["citizen_id"].implode()).alias("company_based"),
        pl.col("citizen_id").is_in(paid["citizen_id"].implode()).alias("ordinary_hours"),
    )


def stv_shares(tables: EventTables, period: Period, groups: pl.DataFrame) -> dict[str, list[Measure]]:
    """Per group (citizen-level groups from ``groups.citizen_groups``) the two shares."""
    flags = citizen_flags(tables, period)
    counted = count_citizens(flags, groups, ["base", "company_based", "ordinary_hours"], on="citizen_id")
    rules = {
        "company_based": (
            "Andel i virksomhedsrettet indsats",
            BASE_RULE + " Tæller: borgere i målgruppen med en placering i en virksomhed (praktik, småjob, "
            "hybrid eller løntilskud), der har kørt mindst én dag i perioden.",
        ),
        "ordinary_hours": (
            "Andel med ordinære løntimer",
            BASE_RULE + " Tæller: borgere i målgruppen med løntimer i timeregnskabet for en uge i perioden "
            "i et småjob eller en hybridpraktik. Løntilskud og praktik er ikke ordinære timer.",
        ),
    }
    result: dict[str, list[Measure]] = {}
    for group, counts in counted.items():
        base_ids = counts.ids["base"]
        measures = [
            Measure(
                key="stv.base",
                name_da="Borgere i målgruppen (AK + RF)",
                value=int(base_ids.size),
                period=period,
                rule_da=BASE_RULE,
                source=SOURCE,
                group=group,
                numerator_ids=base_ids,
            )
        ]
        for key, (name, rule) in rules.items():
            hit = counts.ids[key]
            measures.append(
                Measure(
                    key=f"stv.{key}",
                    name_da=name,
                    value=(hit.size / base_ids.size) if base_ids.size else None,
                    period=period,
                    rule_da=rule,
                    source=SOURCE,
                    unit="andel",
                    group=group,
                    numerator_ids=hit,
                    base=int(base_ids.size),
                    base_ids=base_ids,
                )
            )
        result[group] = measures
    return result
