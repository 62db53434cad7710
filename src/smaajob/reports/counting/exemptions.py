# SPDX-License-Identifier: MPL-2.0
"""Exemption rate under the 225-hour rule, on a date.

000 reports 58 % exempt nationally (January 2017) and 93 % of the aktivitetsparate in Aalborg:
shares of those *covered* by the rule. Covered (LAS § 13 f, stk. 10-11) is a recipient of
kontanthjælp, uddannelseshjælp or integrationsydelse on the day who has received such help in
at least 12 of the 36 calendar months before the day's month, while the rule is in force
(1 April 2016 - 30 June 2025); the same month count as ``smaajob.rules.hours_requirement``.
An exemption is a caseworker's recorded decision.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from smaajob.reports.counting.grouping import count_citizens
from smaajob.reports.counting.measure import Measure
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.tables import EventTables
from smaajob.rules.coverage import covered_benefits

SOURCE = "000 §1 (58 % i jan. 2017; 93 % af de aktivitetsparate i Aalborg); LAS § 13 f, stk. 9-11"
COVERED_BENEFITS = tuple(sorted(covered_benefits()))
# LAS § 13 f, stk. 10-11: help for at least one year within three years (as whole months, like
# the rules engine's parameters hours_requirement_coverage_months / _lookback_months).
COVERAGE_MONTHS = 12
LOOKBACK_MONTHS = 36
RULE_IN_FORCE = (date(2016, 4, 1), date(2025, 6, 30))
RULE = (
    "Andelen af de borgere, der er omfattet af 225-timersreglen på opgørelsesdagen (periodens sidste dag), "
    "som har en gældende afgørelse om fritagelse den dag. Grundlaget er de omfattede: på kontanthjælp, "
    "uddannelseshjælp eller integrationsydelse den dag og med hjælp i mindst 12 af de 36 kalendermåneder "
    "før måneden (LAS § 13 f, stk. 10-11), mens reglen gjaldt (1. april 2016 - 30. juni 2025)."
)


def _on(frame: pl.DataFrame, day: date) -> pl.DataFrame:
    return frame.filter((pl.col("valid_from") <= day) & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= day)))


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month_of(column: pl.Expr) -> pl.Expr:
    return column.dt.year().cast(pl.Int64) * 12 + column.dt.month().cast(pl.Int64) - 1


def _months_of_help(benefits: pl.DataFrame, day: date) -> pl.DataFrame:
    """citizen_id, months: calendar months with covered help among the 36 before ``day``'s month."""
    last = _month(day) - 1
    first = last - LOOKBACK_MONTHS + 1
    frame = benefits.filter(pl.col("benefit_type").is_in(COVERED_BENEFITS)).with_columns(
        start=pl.max_horizontal(pl.lit(first), _month_of(pl.col("valid_from"))),
        end=pl.min_horizontal(pl.lit(last), _month_of(pl.col("valid_to").fill_null(day))),
    ).filter(pl.col("start") <= pl.col("end"))
    months = frame.select("citizen_id", pl.int_ranges("start", pl.col("end") + 1).alias("month")).explode("month")
    return months.unique().group_by("citizen_id").agg(pl.len().alias("months"))


def exemption_flags(tables: EventTables, day: date) -> pl.DataFrame:
    on_help = _on(tables.benefits, day).filter(pl.col("benefit_type").is_in(COVERED_BENEFITS)).select("citizen_id")
    if not RULE_IN_FORCE[0] <= day <= RULE_IN_FORCE[1]:
        on_help = on_help.clear()
    enough = _months_of_help(tables.benefits, day).filter(pl.col("months") >= COVERAGE_MONTHS)
    covered = on_help.unique().filter(pl.col("citizen_id").is_in(enough["citizen_id"].implode()))
    exempt = _on(tables.exemptions, day).select("citizen_id").unique()
    return covered.with_columns(
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
