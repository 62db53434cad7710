# SPDX-License-Identifier: MPL-2.0
"""The reports load the ledger's paid weeks only; every count must equal the count from the
whole ledger, and the aggregating ORM baseline of the national benchmark must agree with the
engine (issue 16's benchmark, issue 22 item 3).

The world is the municipality demo at 1 % (praktik weeks without paid hours, hybrid weeks
with and without) and a citizen in Roskilde, committed, so that on PostgreSQL the tables come
through ADBC and on SQLite through the cursor. Both databases run this file (scripts/test).
"""

from __future__ import annotations

import dataclasses
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from smaajob.reports.counting.period import Period
from smaajob.reports.counting.report import Report, full_report
from smaajob.reports.counting.tables import HYBRID, SCHEMAS, EventTables
from smaajob.reports.selectors import load_tables
from tests.reports.test_columnar_loading import TODAY, add_roskilde

committed = pytest.mark.django_db(transaction=True)
DAY = timedelta(days=1)
PERIODS = (
    Period(date(2025, 1, 1), date(2025, 12, 31), observed_until=TODAY),
    Period(date(2025, 6, 2), date(2026, 2, 27)),
    Period(date(2024, 3, 1), date(2025, 8, 31), observed_until=date(2025, 12, 1)),
)


@pytest.fixture
def demo_world(other_municipality):
    from smaajob.demo.loader import load_demo
    from smaajob.organisation.models import Municipality

    load_demo("municipality", today=TODAY, scale=0.01)
    add_roskilde(other_municipality)
    return Municipality.objects.get(code="461")


def whole_ledger(tables: EventTables, municipality_ids: list[int] | None = None) -> EventTables:
    """The same tables with every week of the ledger, paid or not, read as the loader read them
    before (the citizen joined in SQL), for the comparison."""
    from django.db.models import FloatField
    from django.db.models.functions import Cast

    from smaajob.courses.models import WeeklyHours

    weeks = WeeklyHours.objects.all()
    if municipality_ids is not None:
        weeks = weeks.filter(placement__course__citizen__municipality_id__in=municipality_ids)
    rows = weeks.values_list("placement_id", "placement__course__citizen_id", "week_start",
                             Cast("hours_paid", FloatField()))
    return dataclasses.replace(tables, weeks=pl.DataFrame(list(rows), schema=SCHEMAS["weeks"], orient="row"))


def flat(report: Report) -> list[tuple[Any, ...]]:
    """Every measure with its value, base, note and the citizens behind it (groups in any order)."""
    return sorted(
        (
            (section, m.key, m.group, m.name_da, m.value, m.base, m.note_da, m.numerator_ids.tolist(),
             None if m.base_ids is None else m.base_ids.tolist())
            for section, m in report.measures()
        ),
        key=repr,
    )


@committed
def test_the_reports_from_the_paid_weeks_equal_the_reports_from_the_whole_ledger(demo_world):
    odense = demo_world
    for scope in (None, [odense.pk]):
        tables = load_tables(municipality_ids=scope)
        whole = whole_ledger(tables, scope)
        # The world has what the reduction leaves out, and what it must keep.
        unpaid = whole.weeks.filter(pl.col("paid") == 0)
        assert unpaid.height > 100 and tables.weeks.height == whole.weeks.height - unpaid.height
        hybrids = tables.placements.filter(pl.col("kind") == HYBRID).select("placement_id")
        hybrid_weeks = whole.weeks.join(hybrids, on="placement_id", how="semi")
        assert hybrid_weeks.filter(pl.col("paid") == 0).height > 0
        assert hybrid_weeks.filter(pl.col("paid") > 0).height > 0
        assert tables.weeks.sort(tables.weeks.columns).equals(
            whole.weeks.filter(pl.col("paid") > 0).sort(tables.weeks.columns)
        )
        for period in PERIODS:
            for dimension in ("kommune", "projekt", "maalgruppe", "konsulent"):
                reduced, full = full_report(tables, period, dimension), full_report(whole, period, dimension)
                assert flat(reduced) == flat(full), (scope, period, dimension)
        first = full_report(tables, PERIODS[0], "kommune")
        assert first.funnel[str(odense.pk)].value("job")  # the comparison counted something


@committed
def test_the_aggregating_orm_baseline_counts_as_the_engine(demo_world):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import funnel_orm
    import reports_funnel

    tables = load_tables()
    for period in PERIODS:
        reports_funnel.PERIOD = period  # the engine call of the benchmarks counts this period
        engine = reports_funnel.engine(tables)
        assert funnel_orm.orm_funnel(period) == engine, period
    reports_funnel.PERIOD = PERIODS[0]
    counted = reports_funnel.engine(tables)
    # Every column counted someone, so agreement is not agreement on zeros.
    assert all(sum(row[i] for row in counted.values()) > 0 for i in range(7)), counted


def test_no_count_of_the_engine_changes_when_the_weeks_without_paid_hours_are_left_out():
    """The rule the loader relies on, stated on the engine alone: a history whose unpaid weeks
    (praktik, a hybrid's training weeks, a sick week in a småjob) fall inside every period."""
    from smaajob.reports.counting.tables import PAID, PRAKTIK
    from tests.reports.frames import History

    h = History()
    for n in range(3):
        c = h.citizen()
        course = h.course(c, date(2025, 2, 3), project=1 + n % 2)
        praktik = h.placement(course, c, PRAKTIK, date(2025, 2, 10), date(2025, 3, 9))
        hybrid = h.placement(course, c, HYBRID, date(2025, 3, 10), previous=praktik)
        job = h.placement(course, c, PAID, date(2025, 9, 1))
        h.add("benefits", citizen_id=c, benefit_type="kontanthjaelp", valid_from=date(2024, 1, 1), valid_to=None)
        h.add("readiness", citizen_id=c, category="aktivitetsparat", valid_from=date(2024, 1, 1), valid_to=None)
        h.add("work_duties", citizen_id=c, valid_from=date(2025, 1, 1), valid_to=None)
        for week in range(4):
            h.week(praktik, c, date(2025, 2, 10) + 7 * week * DAY, present=10)
        for week in range(20):
            h.week(hybrid, c, date(2025, 3, 10) + 7 * week * DAY, present=8, paid=0 if week < 3 + n else 4)
        h.week(job, c, date(2025, 9, 1), present=0)  # sick
        h.week(job, c, date(2025, 9, 8), present=12, paid=12)
    whole = h.tables()
    paid_only = dataclasses.replace(whole, weeks=whole.weeks.filter(pl.col("paid") > 0))
    assert paid_only.weeks.height < whole.weeks.height
    for period in (Period(date(2025, 1, 1), date(2025, 12, 31)), Period(date(2025, 3, 1), date(2025, 4, 30),
                                                                         observed_until=date(2025, 12, 31))):
        for dimension in ("alle", "projekt", "kommune"):
            assert flat(full_report(paid_only, period, dimension)) == flat(full_report(whole, period, dimension))
    assert full_report(whole, PERIODS[0], "alle").funnel["alle"].value("job") == 3
