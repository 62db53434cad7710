# SPDX-License-Identifier: MPL-2.0
"""The VTA funnel's counting rules, one at a time, on small hand-made histories."""

from __future__ import annotations

from datetime import date

import pytest

from smaajob.reports.counting import groups
from smaajob.reports.counting.funnel import funnel
from smaajob.reports.counting.measure import TOTAL
from smaajob.reports.counting.period import Period
from tests.reports.frames import History

YEAR = Period(date(2021, 1, 1), date(2021, 12, 31))
LATER = Period(date(2021, 1, 1), date(2021, 12, 31), observed_until=date(2022, 12, 31))


def total(history: History, period: Period = YEAR, dimension=groups.by_project):
    tables = history.tables()
    return funnel(tables, period, dimension(tables, period.observed))


def values(history: History, period: Period = YEAR, group: str = TOTAL) -> dict[str, int | None]:
    row = total(history, period)[group]
    return {key: m.value for key, m in row.steps.items()}


def test_a_citizen_with_two_courses_is_one_visited_citizen():
    h = History()
    c = h.citizen()
    h.course(c, date(2021, 2, 1), ended=date(2021, 3, 1), outcome="returned")
    h.course(c, date(2021, 6, 1), project=2)
    assert values(h)["visited"] == 1


def test_a_citizen_visited_before_the_period_is_not_in_the_cohort():
    h = History()
    c = h.citizen()
    course = h.course(c, date(2020, 12, 31))
    h.placement(course, c, "paid", date(2021, 2, 1))
    assert values(h)["visited"] == 0 and values(h)["job"] == 0


def test_a_citizen_visited_on_the_last_day_of_the_period_is_in_the_cohort():
    h = History()
    h.course(h.citizen(), date(2021, 12, 31))
    assert values(h)["visited"] == 1


def test_a_placement_that_is_planned_but_never_started_is_not_a_company_placement():
    h = History()
    c = h.citizen()
    h.placement(h.course(c, date(2021, 2, 1)), c, "placement", None)
    assert values(h)["placed"] == 0


def test_a_placement_started_after_the_observation_date_does_not_count_yet():
    h = History()
    c = h.citizen()
    h.placement(h.course(c, date(2021, 11, 1)), c, "placement", date(2022, 1, 10))
    assert values(h)["placed"] == 0
    assert values(h, LATER)["placed"] == 1


def test_a_hybrid_placement_becomes_a_job_in_its_first_week_with_paid_hours():
    h = History()
    c = h.citizen()
    course = h.course(c, date(2021, 1, 4))
    hybrid = h.placement(course, c, "hybrid", date(2021, 2, 1))
    h.week(hybrid, c, date(2021, 2, 1), present=10, paid=0)
    assert values(h)["job"] == 0
    h.week(hybrid, c, date(2021, 3, 1), present=10, paid=2)
    rows = total(h)
    assert rows[TOTAL].value("job") == 1


def test_wage_subsidy_counts_as_a_job_as_in_table_5_but_is_shown_as_wage_subsidy_only():
    h = History()
    a, b = h.citizen(), h.citizen()
    h.placement(h.course(a, date(2021, 2, 1)), a, "wage_subsidy", date(2021, 3, 1))
    h.placement(h.course(b, date(2021, 2, 1)), b, "paid", date(2021, 3, 1))
    v = values(h)
    assert v["job"] == 2 and v["wage_subsidy_only"] == 1


def test_a_citizen_with_both_wage_subsidy_and_ordinary_pay_is_not_wage_subsidy_only():
    h = History()
    c = h.citizen()
    course = h.course(c, date(2021, 2, 1))
    h.placement(course, c, "wage_subsidy", date(2021, 3, 1), date(2021, 5, 31))
    h.placement(course, c, "paid", date(2021, 6, 1), company=2)
    assert values(h)["wage_subsidy_only"] == 0


def test_an_exit_to_an_ordinary_job_counts_as_a_job_without_a_recorded_placement():
    h = History()
    h.course(h.citizen(), date(2021, 2, 1), ended=date(2021, 8, 1), outcome="ordinary_job")
    assert values(h)["job"] == 1


def test_an_exit_that_stopped_is_not_a_job():
    h = History()
    h.course(h.citizen(), date(2021, 2, 1), ended=date(2021, 8, 1), outcome="stopped", stop="health")
    assert values(h)["job"] == 0


def test_still_in_job_after_six_months_needs_a_job_placement_running_on_the_six_month_date():
    h = History()
    stays, leaves = h.citizen(), h.citizen()
    h.placement(h.course(stays, date(2021, 1, 4)), stays, "paid", date(2021, 2, 1))
    h.placement(h.course(leaves, date(2021, 1, 4)), leaves, "paid", date(2021, 2, 1), date(2021, 7, 31))
    v = values(h)
    assert v["job"] == 2 and v["measurable"] == 2 and v["lasting"] == 1


def test_a_job_ending_on_the_six_month_date_still_counts_as_lasting():
    h = History()
    c = h.citizen()
    h.placement(h.course(c, date(2021, 1, 4)), c, "paid", date(2021, 2, 1), date(2021, 8, 1))
    assert values(h)["lasting"] == 1


def test_a_praktik_converted_to_paid_hours_the_next_day_is_one_continuous_job():
    h = History()
    c = h.citizen()
    course = h.course(c, date(2021, 1, 4))
    praktik = h.placement(course, c, "placement", date(2021, 1, 11), date(2021, 2, 7))
    h.placement(course, c, "paid", date(2021, 2, 8), previous=praktik)
    v = values(h)
    assert v["placed"] == 1 and v["job"] == 1 and v["lasting"] == 1


def test_the_six_month_step_is_not_measurable_until_six_months_have_passed():
    h = History()
    c = h.citizen()
    h.placement(h.course(c, date(2021, 9, 1)), c, "paid", date(2021, 10, 1))
    row = total(h)[TOTAL]
    assert row.steps["lasting"].value is None
    assert row.steps["lasting"].display_da == "–"
    assert "Endnu ikke målbar" in row.steps["lasting"].note_da
    assert values(h, LATER)["lasting"] == 1


def test_an_exit_recorded_as_still_in_smaajob_after_six_months_counts_as_lasting():
    h = History()
    c = h.citizen()
    course = h.course(c, date(2021, 1, 4), ended=date(2021, 9, 1), outcome="smaajob_6m")
    h.placement(course, c, "paid", date(2021, 2, 1), date(2021, 7, 1))
    assert values(h)["lasting"] == 1


def test_a_person_in_two_projects_counts_in_each_project_and_once_in_the_total():
    h = History()
    both, one = h.citizen(), h.citizen()
    h.placement(h.course(both, date(2021, 2, 1), project=1), both, "paid", date(2021, 3, 1))
    h.course(both, date(2021, 4, 1), project=2)
    h.course(one, date(2021, 4, 1), project=2)
    rows = total(h)
    assert rows["1"].value("visited") == 1 and rows["2"].value("visited") == 2
    assert rows[TOTAL].value("visited") == 2
    assert rows["1"].value("job") == 1 and rows["2"].value("job") == 0 and rows[TOTAL].value("job") == 1


def test_a_person_who_changed_target_group_counts_in_both_groups_and_once_in_the_total():
    h = History()
    c = h.citizen()
    h.course(c, date(2021, 2, 1))
    h.add(
        "memberships",
        citizen_id=c,
        project_id=1,
        target_group_id=10,
        valid_from=date(2021, 1, 1),
        valid_to=date(2021, 5, 31),
    )
    h.add("memberships", citizen_id=c, project_id=1, target_group_id=11, valid_from=date(2021, 6, 1), valid_to=None)
    rows = total(h, dimension=groups.by_target_group)
    assert rows["10"].value("visited") == rows["11"].value("visited") == rows[TOTAL].value("visited") == 1


def test_a_course_without_a_target_group_is_counted_in_the_group_none():
    h = History()
    h.course(h.citizen(), date(2021, 2, 1))
    rows = total(h, dimension=groups.by_target_group)
    assert rows[groups.NO_GROUP].value("visited") == 1


def test_a_course_counts_for_every_consultant_who_held_it():
    h = History()
    c = h.citizen()
    h.course(c, date(2021, 2, 1), ended=date(2021, 10, 1), outcome="returned")
    h.add(
        "assignments",
        citizen_id=c,
        staff_id=7,
        staff_role="consultant",
        team_id=1,
        valid_from=date(2021, 1, 1),
        valid_to=date(2021, 3, 31),
    )
    h.add(
        "assignments",
        citizen_id=c,
        staff_id=8,
        staff_role="consultant",
        team_id=1,
        valid_from=date(2021, 4, 1),
        valid_to=None,
    )
    h.add(
        "assignments",
        citizen_id=c,
        staff_id=9,
        staff_role="consultant",
        team_id=2,
        valid_from=date(2021, 10, 2),
        valid_to=None,
    )  # after the course ended
    tables = h.tables()
    rows = funnel(tables, YEAR, groups.by_consultant(tables, YEAR.observed))
    assert set(rows) == {"7", "8", TOTAL}


@pytest.mark.parametrize("step", ["placed", "job", "lasting"])
def test_every_step_carries_its_rule_period_source_and_the_ids_behind_it(step):
    h = History()
    c = h.citizen()
    h.placement(h.course(c, date(2021, 1, 4)), c, "paid", date(2021, 2, 1))
    measure = total(h)[TOTAL].steps[step]
    assert measure.rule_da and measure.source.startswith("VTA-evalueringen") and measure.period == YEAR
    assert list(measure.numerator_ids) == [c]
    assert measure.base is not None and measure.base_ids is not None
