# SPDX-License-Identifier: MPL-2.0
"""Courses versus persons, counted the way 002 Tabel 3.1 counts them.

002 Tabel 3.1, note: "Et forløb tæller med, hvis det har været i gang én dag inden for den
viste periode. Antal aktiverede er personer, der har været aktiveret kortere eller længere tid
inden for den viste periode." The table's person total (134.026) is smaller than the sum of
its rows (143.194) because a person with courses in several categories counts in each
category but once in the total. We count the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from smaajob.reports.counting.measure import TOTAL, Measure
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.tables import EventTables

SOURCE = "SFI-rapporten om aktivering af ikke-arbejdsmarkedsparate (2012), tabel 3.1 (note)"
UNKNOWN = "uoplyst"
COURSE_RULE = (
    "Et forløb tæller med, hvis det har været i gang mindst én dag i perioden (visiteret senest "
    "periodens sidste dag og ikke afsluttet før periodens første dag). Forløbet tælles i den "
    "visitationskategori, borgeren havde på forløbets første dag i perioden."
)
PERSON_RULE = (
    "Personer med mindst ét forløb, der tæller med. En person tælles i hver kategori, hun har haft "
    "forløb i, men kun én gang i totalen — derfor kan totalen være mindre end summen af rækkerne."
)


@dataclass(frozen=True)
class ActivityRow:
    category: str
    courses: Measure
    persons: Measure


def active_courses(tables: EventTables, period: Period) -> pl.DataFrame:
    """Courses active at least one day in the period, with the category they count in."""
    courses = tables.courses.filter(
        (pl.col("started_on") <= period.end) & (pl.col("ended_on").is_null() | (pl.col("ended_on") >= period.start))
    ).with_columns(pl.max_horizontal("started_on", pl.lit(period.start)).alias("first_day"))
    categories = (
        courses.select("course_id", "citizen_id", "first_day")
        .join(tables.readiness, on="citizen_id", how="inner")
        .filter(
            (pl.col("valid_from") <= pl.col("first_day"))
            & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= pl.col("first_day")))
        )
        # Dated facts never overlap, but if imported data do, the latest start wins.
        .sort("valid_from")
        .group_by("course_id")
        .agg(pl.col("category").last())
    )
    return courses.join(categories, on="course_id", how="left").with_columns(pl.col("category").fill_null(UNKNOWN))


def courses_and_persons(tables: EventTables, period: Period) -> list[ActivityRow]:
    """One row per category, then the total row (group ``TOTAL``)."""
    active = active_courses(tables, period)
    rows: list[ActivityRow] = []
    per_category = (
        active.group_by("category")
        .agg(pl.len().alias("courses"), pl.col("citizen_id").unique().sort().alias("persons"))
        .sort("category")
    )
    for row in per_category.iter_rows(named=True):
        rows.append(_row(row["category"], int(row["courses"]), np.asarray(row["persons"], dtype=np.int64), period))
    rows.append(_row(TOTAL, active.height, np.unique(active["citizen_id"].to_numpy()), period))
    return rows


def _row(category: str, courses: int, persons: np.ndarray, period: Period) -> ActivityRow:
    return ActivityRow(
        category,
        Measure(
            "activity.courses",
            "Antal forløb",
            courses,
            period,
            COURSE_RULE,
            SOURCE,
            "forløb",
            category,
            numerator_ids=persons,
        ),
        Measure(
            "activity.persons",
            "Antal personer",
            int(persons.size),
            period,
            PERSON_RULE,
            SOURCE,
            "personer",
            category,
            numerator_ids=persons,
        ),
    )
