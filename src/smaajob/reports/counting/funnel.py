# SPDX-License-Identifier: MPL-2.0
"""The VTA funnel: visited → company placement → in småjob/job → still there after 6 months.

Defined by 003 §2.5.1, Tabel 5 ("Antal visiterede", "Virksomhedsplaceringer", "Kandidater i
småjob/job", "Stadig i småjob/job efter 6 måneder"; footnote **: løntilskud is counted among
"småjob/job"). The funnel is a cohort: the citizens visited in the period, followed up to the
observation date. Each step counts citizens, not courses or placements.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from smaajob.reports.counting.grouping import GroupCounts, count_citizens
from smaajob.reports.counting.measure import TOTAL, Measure
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.tables import HYBRID, JOB_KINDS, PAID, WAGE_SUBSIDY, EventTables

SOURCE = "VTA-evalueringen (Absalon 2023), afsnit 2.5.1, tabel 5"
ORDINARY_EXITS = ("ordinary_job", "flexjob", "smaajob_6m")
JOB_EXITS = (*ORDINARY_EXITS, "wage_subsidy")

STEPS: list[tuple[str, str, str]] = [
    (
        "visited",
        "Visiterede",
        "Borgere med et forløb, der er visiteret (startet) i perioden. Hver borger tælles én gang, "
        "også med flere forløb.",
    ),
    (
        "placed",
        "Virksomhedsplaceringer",
        "Heraf borgere, der har startet mindst én placering i en virksomhed (praktik, småjob, hybrid "
        "eller løntilskud) i det forløb, senest på opgørelsesdatoen.",
    ),
    (
        "job",
        "Kandidater i småjob/job",
        "Heraf borgere, der har fået job: en placering som småjob eller løntilskud er startet, en "
        "hybridpraktik har registreret løntimer, eller forløbet er afsluttet til ordinært job, fleksjob "
        "eller løntilskud — senest på opgørelsesdatoen. Løntilskud tælles med, som i Tabel 5 (note **).",
    ),
    (
        "wage_subsidy_only",
        "heraf kun løntilskud",
        "Af borgerne i småjob/job dem, hvis eneste job er løntilskud (ingen ordinære løntimer, intet "
        "ordinært job eller fleksjob). Løntilskud er ikke ordinære timer.",
    ),
    (
        "lasting",
        "Stadig i småjob/job efter 6 måneder",
        "Af borgerne i småjob/job dem, der 6 kalendermåneder efter første jobdag stadig har en løbende "
        "placering som småjob, hybrid eller løntilskud, eller hvis forløb er afsluttet med »stadig i "
        "småjob efter 6 måneder«. Kan kun måles for dem, hvis 6-måneders-dato ligger senest på "
        "opgørelsesdatoen; de øvrige står som »endnu ikke målbar«.",
    ),
    (
        "measurable",
        "heraf målbare efter 6 måneder",
        "Af borgerne i småjob/job dem, hvis 6-måneders-dato ligger senest på opgørelsesdatoen.",
    ),
]
FLAGS = [key for key, _, _ in STEPS]


def course_flags(tables: EventTables, period: Period) -> pl.DataFrame:
    """One row per course visited in the period, with the funnel flags and dates."""
    observed = period.observed
    cohort = tables.courses.filter(pl.col("started_on").is_between(period.start, period.end)).select(
        "course_id", "citizen_id", "ended_on", "exit_outcome"
    )
    started = tables.placements.filter(pl.col("start").is_not_null() & (pl.col("start") <= observed)).join(
        cohort.select("course_id"), on="course_id", how="semi"
    )
    placed = started.group_by("course_id").agg(pl.col("start").min().alias("placed_on"))

    # Job routes. Småjob and løntilskud start on their first day; a hybrid becomes a job in the
    # first week with paid hours (no earlier than the placement's start).
    direct = started.filter(pl.col("kind").is_in([PAID, WAGE_SUBSIDY])).select(
        "course_id", pl.col("start").alias("job_on"), (pl.col("kind") == PAID).alias("ordinary")
    )
    hybrid_weeks = (
        tables.weeks.filter((pl.col("paid") > 0) & (pl.col("week_start") <= observed))
        .join(started.filter(pl.col("kind") == HYBRID).select("placement_id", "course_id", "start"), on="placement_id")
        .select("course_id", pl.max_horizontal("week_start", "start").alias("job_on"), pl.lit(True).alias("ordinary"))
    )
    exits = cohort.filter(
        pl.col("exit_outcome").is_in(list(JOB_EXITS))
        & pl.col("ended_on").is_not_null()
        & (pl.col("ended_on") <= observed)
    ).select(
        "course_id",
        pl.col("ended_on").alias("job_on"),
        pl.col("exit_outcome").is_in(list(ORDINARY_EXITS)).alias("ordinary"),
    )
    routes = pl.concat([direct, hybrid_weeks, exits])
    jobs = routes.group_by("course_id").agg(pl.col("job_on").min(), pl.col("ordinary").any())

    flags = (
        cohort.join(placed, on="course_id", how="left")
        .join(jobs, on="course_id", how="left")
        .with_columns(pl.col("job_on").dt.offset_by("6mo").alias("six_months_on"))
    )
    # Still in a job on the six-month date: a job placement of the course runs on that day.
    running = (
        started.filter(pl.col("kind").is_in(list(JOB_KINDS)))
        .join(flags.select("course_id", "six_months_on"), on="course_id")
        .filter(
            (pl.col("start") <= pl.col("six_months_on"))
            & (pl.col("end").is_null() | (pl.col("end") >= pl.col("six_months_on")))
        )
        .select("course_id")
        .unique()
        .with_columns(pl.lit(True).alias("running_at_six"))
    )
    flags = flags.join(running, on="course_id", how="left")
    job = pl.col("job_on").is_not_null()
    measurable = job & (pl.col("six_months_on") <= observed)
    return flags.select(
        "course_id",
        "citizen_id",
        "placed_on",
        "job_on",
        "six_months_on",
        pl.lit(True).alias("visited"),
        pl.col("placed_on").is_not_null().alias("placed"),
        job.alias("job"),
        (job & ~pl.col("ordinary").fill_null(False)).alias("wage_subsidy_only"),
        measurable.alias("measurable"),
        (measurable & (pl.col("running_at_six").fill_null(False) | (pl.col("exit_outcome") == "smaajob_6m"))).alias(
            "lasting"
        ),
    )


@dataclass(frozen=True)
class FunnelRow:
    group: str
    steps: dict[str, Measure]

    def value(self, key: str) -> int | None:
        v = self.steps[key].value
        return None if v is None else int(v)


def funnel(tables: EventTables, period: Period, groups: pl.DataFrame) -> dict[str, FunnelRow]:
    """The funnel per group and in total (key ``TOTAL``), each step a Measure with its ids.

    A citizen counts in a step for a group if any of their cohort courses in that group reached
    it. "Løntilskud only" means: in a job, but no course of theirs in the group had an ordinary
    job route. "Still after 6 months" is ``None`` (shown as –) when nobody is measurable yet.
    """
    flags = course_flags(tables, period)
    # Citizen-level "ordinary job" must be an any() across courses, so count it as a flag and
    # derive "løntilskud only" afterwards.
    flags = flags.with_columns((pl.col("job") & ~pl.col("wage_subsidy_only")).alias("ordinary_job"))
    counted = count_citizens(flags, groups, [*FLAGS, "ordinary_job"])
    return {group: _row(counts, period) for group, counts in counted.items()}


def _row(counts: GroupCounts, period: Period) -> FunnelRow:
    ids = dict(counts.ids)
    ids["wage_subsidy_only"] = np.setdiff1d(ids["job"], ids["ordinary_job"], assume_unique=True)
    measures: dict[str, Measure] = {}
    bases = {
        "visited": None,
        "placed": "visited",
        "job": "visited",
        "wage_subsidy_only": "job",
        "lasting": "measurable",
        "measurable": "job",
    }
    for key, name, rule in STEPS:
        base_key = bases[key]
        value: int | None = int(ids[key].size)
        note = ""
        if key == "lasting":
            waiting = int(ids["job"].size - ids["measurable"].size)
            if ids["measurable"].size == 0:
                value = None
                note = "Endnu ikke målbar: ingen har haft job i 6 måneder på opgørelsesdatoen."
            elif waiting:
                note = f"{waiting} i job kan endnu ikke måles (under 6 måneder siden første jobdag)."
        measures[key] = Measure(
            key=f"funnel.{key}",
            name_da=name,
            value=value,
            period=period,
            rule_da=rule,
            source=SOURCE,
            group=counts.group,
            numerator_ids=ids[key],
            base=None if base_key is None else int(ids[base_key].size),
            base_ids=None if base_key is None else ids[base_key],
            note_da=note,
        )
    return FunnelRow(counts.group, measures)


__all__ = ["FLAGS", "STEPS", "TOTAL", "FunnelRow", "course_flags", "funnel"]
