# SPDX-License-Identifier: MPL-2.0
"""The proof: a course history encoding VTA's original target group yields 138 / 85 / 34 / 18
through the same code the dashboards use, and the report flags the published total of 80."""

from __future__ import annotations

from smaajob.reports.building import Choices, build
from smaajob.reports.counting.measure import TOTAL
from tests.reports.vta_history import PERIOD

STEPS = ("visited", "placed", "job", "lasting")


def funnel_values(built, group: str) -> tuple:
    row = built.report.funnel[group]
    return tuple(row.value(step) for step in STEPS)


def test_the_vta_history_yields_table_5_through_the_dashboard_code(vta):
    built = build(vta.analyst, Choices(PERIOD, "maalgruppe", vta.history.project.pk))
    assert funnel_values(built, str(vta.history.original.pk)) == (138, 85, 34, 18)
    assert funnel_values(built, str(vta.history.ukrainian.pk)) == (90, 59, 44, None)
    assert built.report.funnel[str(vta.history.ukrainian.pk)].value("wage_subsidy_only") == 31


def test_the_total_counts_each_person_once_and_is_78_not_the_published_80(vta):
    built = build(vta.analyst, Choices(PERIOD, "maalgruppe", vta.history.project.pk))
    assert funnel_values(built, TOTAL)[:3] == (228, 144, 78)
    [note] = built.published_notes
    assert "80" in note and "34 + 44 = 78" in note


def test_the_targets_are_shown_alongside_the_counted_numbers(vta):
    built = build(vta.analyst, Choices(PERIOD, "maalgruppe", vta.history.project.pk))
    group = str(vta.history.original.pk)
    assert [built.targets[(step, group)] for step in STEPS] == [120, 70, 48, 36]


def test_the_six_month_step_for_the_ukrainians_says_why_it_is_not_measurable(vta):
    built = build(vta.analyst, Choices(PERIOD, "maalgruppe", vta.history.project.pk))
    lasting = built.report.funnel[str(vta.history.ukrainian.pk)].steps["lasting"]
    assert lasting.display_da == "–" and "ikke målbar" in lasting.note_da
