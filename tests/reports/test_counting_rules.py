# SPDX-License-Identifier: MPL-2.0
"""Counting rules beyond the funnel: courses vs persons (002), STV shares (004), caseload,
time to first placement and pay, conversion, paid-hours brackets, outcomes,
costs (003 §2.6), published totals, pseudonyms."""

from __future__ import annotations

from datetime import date

import pytest

from smaajob.reports.counting import groups
from smaajob.reports.counting.activity import UNKNOWN, courses_and_persons
from smaajob.reports.counting.caseload import caseloads
from smaajob.reports.counting.conversion import conversions
from smaajob.reports.counting.costs import DEFAULT_PRICES, effort_cost
from smaajob.reports.counting.hours import paid_hours_distribution, trajectory
from smaajob.reports.counting.measure import TOTAL
from smaajob.reports.counting.outcomes import outcomes
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.pseudonyms import fresh_key, pseudonym
from smaajob.reports.counting.published import VTA_TABLE_5, PublishedRow, total_problems
from smaajob.reports.counting.shares import stv_shares
from smaajob.reports.counting.timing import time_to
from tests.reports.frames import History

YEAR = Period(date(2011, 1, 1), date(2011, 12, 31))


def readiness(h: History, citizen: int, category: str, start: date, end: date | None = None) -> None:
    h.add("readiness", citizen_id=citizen, category=category, valid_from=start, valid_to=end)


def benefit(h: History, citizen: int, kind: str, start: date, end: date | None = None) -> None:
    h.add("benefits", citizen_id=citizen, benefit_type=kind, valid_from=start, valid_to=end)


def activity(h: History, period: Period = YEAR) -> dict[str, tuple[float | None, float | None]]:
    rows = courses_and_persons(h.tables(), period)
    return {r.category: (r.courses.value, r.persons.value) for r in rows}


# --- courses versus persons (002 Tabel 3.1) -------------------------------------------------


def test_a_course_that_ended_on_the_first_day_of_the_period_counts():
    h = History()
    h.course(h.citizen(), date(2010, 6, 1), ended=date(2011, 1, 1), outcome="returned")
    assert activity(h)[TOTAL] == (1, 1)


def test_a_course_that_ended_the_day_before_the_period_does_not_count():
    h = History()
    h.course(h.citizen(), date(2010, 6, 1), ended=date(2010, 12, 31), outcome="returned")
    assert activity(h)[TOTAL] == (0, 0)


def test_a_course_that_starts_on_the_last_day_counts_and_one_starting_the_day_after_does_not():
    h = History()
    h.course(h.citizen(), date(2011, 12, 31))
    h.course(h.citizen(), date(2012, 1, 1))
    assert activity(h)[TOTAL] == (1, 1)


def test_a_course_straddling_both_edges_of_the_period_counts_once():
    h = History()
    h.course(h.citizen(), date(2010, 1, 1), ended=date(2012, 6, 1), outcome="returned")
    assert activity(h)[TOTAL] == (1, 1)


def test_a_person_with_courses_in_two_categories_counts_in_both_and_once_in_the_total():
    h = History()
    c = h.citizen()
    readiness(h, c, "matchgruppe_1", date(2010, 1, 1), date(2011, 5, 31))
    readiness(h, c, "matchgruppe_2", date(2011, 6, 1))
    h.course(c, date(2011, 2, 1), ended=date(2011, 3, 1), outcome="returned")
    h.course(c, date(2011, 7, 1), project=2)
    h.course(c, date(2011, 8, 1), project=3)
    counts = activity(h)
    assert counts["matchgruppe_1"] == (1, 1) and counts["matchgruppe_2"] == (2, 1)
    # Courses add up across categories; persons do not (002: 300.588 courses, 134.026 persons).
    assert counts[TOTAL] == (3, 1)


def test_a_course_counts_in_the_category_in_force_on_its_first_day_inside_the_period():
    h = History()
    c = h.citizen()
    readiness(h, c, "matchgruppe_3", date(2009, 1, 1), date(2010, 12, 31))
    readiness(h, c, "matchgruppe_2", date(2011, 1, 1))
    h.course(c, date(2010, 3, 1))
    assert "matchgruppe_2" in activity(h) and "matchgruppe_3" not in activity(h)


def test_a_course_without_a_recorded_category_counts_as_unknown_like_the_tables_uoplyst():
    h = History()
    h.course(h.citizen(), date(2011, 3, 1))
    assert activity(h)[UNKNOWN] == (1, 1)


# --- STV success criteria (004 §1) -----------------------------------------------------------


def stv(h: History, period: Period = YEAR):
    tables = h.tables()
    return {
        m.key: m
        for m in stv_shares(tables, period, groups.citizen_groups("alle", tables, period.start, period.end))[TOTAL]
    }


def test_ak_means_kontanthjaelp_and_aktivitetsparat_on_the_same_day():
    h = History()
    same, apart = h.citizen(), h.citizen()
    benefit(h, same, "kontanthjaelp", date(2011, 1, 1))
    readiness(h, same, "aktivitetsparat", date(2011, 3, 1))
    benefit(h, apart, "kontanthjaelp", date(2011, 1, 1), date(2011, 3, 31))
    readiness(h, apart, "aktivitetsparat", date(2011, 4, 1))
    assert stv(h)["stv.base"].value == 1


def test_citizens_on_ressourceforloebsydelse_are_in_the_stv_target_group_whatever_their_category():
    h = History()
    benefit(h, h.citizen(), "ressourceforloebsydelse", date(2011, 5, 1))
    assert stv(h)["stv.base"].value == 1


def test_the_stv_base_includes_target_group_citizens_without_any_course():
    h = History()
    working, idle = h.citizen(), h.citizen()
    for c in (working, idle):
        benefit(h, c, "ressourceforloebsydelse", date(2011, 1, 1))
    course = h.course(working, date(2011, 2, 1))
    h.placement(course, working, "placement", date(2011, 3, 1), date(2011, 4, 1))
    m = stv(h)
    assert m["stv.company_based"].value == pytest.approx(0.5)
    assert m["stv.company_based"].base == 2


def test_wage_subsidy_hours_are_not_ordinary_hours_in_the_stv_share():
    h = History()
    subsidised, ordinary = h.citizen(), h.citizen()
    for c in (subsidised, ordinary):
        benefit(h, c, "ressourceforloebsydelse", date(2011, 1, 1))
    ws = h.placement(h.course(subsidised, date(2011, 2, 1)), subsidised, "wage_subsidy", date(2011, 3, 7))
    h.week(ws, subsidised, date(2011, 3, 7), present=20, paid=20)
    paid = h.placement(h.course(ordinary, date(2011, 2, 1)), ordinary, "paid", date(2011, 3, 7))
    h.week(paid, ordinary, date(2011, 3, 7), present=4, paid=4)
    m = stv(h)
    assert m["stv.company_based"].value == 1.0
    assert list(m["stv.ordinary_hours"].numerator_ids) == [ordinary]


def test_a_week_straddling_the_start_of_the_period_counts_for_ordinary_hours():
    h = History()
    c = h.citizen()
    benefit(h, c, "ressourceforloebsydelse", date(2010, 1, 1))
    p = h.placement(h.course(c, date(2010, 11, 1)), c, "paid", date(2010, 12, 1))
    h.week(p, c, date(2010, 12, 27), present=5, paid=5)  # Monday 27.12.2010 – Sunday 2.1.2011
    assert stv(h)["stv.ordinary_hours"].value == 1.0


# --- caseload, timing, conversion ------------------------------------------------------------


def test_caseload_counts_the_citizens_assigned_on_the_last_day_of_the_period():
    h = History()
    a, b, c = h.citizen(), h.citizen(), h.citizen()
    h.add(
        "assignments",
        citizen_id=a,
        staff_id=5,
        staff_role="consultant",
        team_id=1,
        valid_from=date(2011, 1, 1),
        valid_to=None,
    )
    h.add(
        "assignments",
        citizen_id=b,
        staff_id=5,
        staff_role="consultant",
        team_id=1,
        valid_from=date(2011, 1, 1),
        valid_to=date(2011, 6, 30),
    )
    h.add(
        "assignments",
        citizen_id=c,
        staff_id=5,
        staff_role="consultant",
        team_id=1,
        valid_from=date(2011, 12, 31),
        valid_to=None,
    )
    loads = caseloads(h.tables(), YEAR)
    assert [(x.staff_id, x.measure.value) for x in loads] == [(5, 2)]


def test_time_to_first_placement_is_the_median_of_those_placed_with_the_rest_reported_as_not_yet():
    h = History()
    for days in (10, 20, 60):
        c = h.citizen()
        course = h.course(c, date(2011, 1, 3))
        h.placement(course, c, "placement", date(2011, 1, 3).fromordinal(date(2011, 1, 3).toordinal() + days))
    h.course(h.citizen(), date(2011, 1, 3))
    tables = h.tables()
    m = {x.key: x for x in time_to(tables, YEAR, groups.everyone(tables, YEAR.end))[TOTAL]}
    assert m["timing.to_placement"].value == 20
    assert m["timing.to_placement"].base == 4 and "1 endnu ikke" in m["timing.to_placement"].note_da


def test_time_to_first_paid_hour_uses_the_first_week_with_ordinary_paid_hours():
    h = History()
    c = h.citizen()
    course = h.course(c, date(2011, 1, 3))
    hybrid = h.placement(course, c, "hybrid", date(2011, 1, 10))
    h.week(hybrid, c, date(2011, 1, 10), present=6, paid=0)
    h.week(hybrid, c, date(2011, 1, 24), present=6, paid=2)
    tables = h.tables()
    m = {x.key: x for x in time_to(tables, YEAR, groups.everyone(tables, YEAR.end))[TOTAL]}
    assert m["timing.to_placement"].value == 7 and m["timing.to_paid_hour"].value == 21


def test_praktik_converts_to_paid_only_at_the_same_company():
    h = History()
    here, elsewhere = h.citizen(), h.citizen()
    k1 = h.course(here, date(2011, 1, 3))
    p = h.placement(k1, here, "placement", date(2011, 2, 1), date(2011, 2, 28), company=100)
    h.placement(k1, here, "paid", date(2011, 3, 1), company=100, previous=p)
    k2 = h.course(elsewhere, date(2011, 1, 3))
    h.placement(k2, elsewhere, "placement", date(2011, 2, 1), date(2011, 2, 28), company=100)
    h.placement(k2, elsewhere, "paid", date(2011, 3, 1), company=200)
    [company] = conversions(h.tables(), YEAR)
    assert company.company_id == 100 and company.praktik.value == 2
    assert company.to_paid.value == pytest.approx(0.5) and list(company.to_paid.numerator_ids) == [here]


# --- paid hours, exemptions, outcomes --------------------------------------------------------


@pytest.mark.parametrize(
    ("weekly", "bracket"),
    [
        (20.0, "højst 20 timer"),
        (20.5, "over 20 til 25 timer"),
        (30.0, "over 25 til 30 timer"),
        (37.0, "over 30 timer (op mod fuld tid)"),
    ],
)
def test_a_citizen_falls_in_the_bracket_of_their_mean_weekly_paid_hours(weekly, bracket):
    h = History()
    c = h.citizen()
    p = h.placement(h.course(c, date(2011, 1, 3)), c, "paid", date(2011, 1, 3))
    h.week(p, c, date(2011, 1, 3), present=weekly, paid=weekly)
    hits = {m.group: m.value for m in paid_hours_distribution(h.tables(), YEAR) if m.key == "hours.bracket"}
    assert hits[bracket] == 1.0


def test_hours_from_two_placements_in_the_same_week_are_added_before_bracketing():
    h = History()
    c = h.citizen()
    course = h.course(c, date(2011, 1, 3))
    for company in (1, 2):
        p = h.placement(course, c, "paid", date(2011, 1, 3), company=company)
        h.week(p, c, date(2011, 1, 3), present=12, paid=12)
    hits = {m.group: m.value for m in paid_hours_distribution(h.tables(), YEAR) if m.key == "hours.bracket"}
    assert hits["over 20 til 25 timer"] == 1.0


def test_the_hours_trajectory_sums_present_paid_and_effective_per_week():
    h = History()
    c = h.citizen()
    p = h.placement(h.course(c, date(2011, 1, 3)), c, "hybrid", date(2011, 1, 3))
    h.week(p, c, date(2011, 1, 3), present=6, paid=6, effective=4)  # Omar: paid 6, effective 4 (001)
    frame = trajectory(h.ledger(), c)
    assert frame.row(0) == (date(2011, 1, 3), 6.0, 6.0, 4.0)


def test_outcomes_count_courses_by_reason_and_persons_once():
    h = History()
    c = h.citizen()
    h.course(c, date(2011, 1, 3), ended=date(2011, 3, 1), outcome="stopped", stop="health")
    h.course(c, date(2011, 4, 1), ended=date(2011, 9, 1), outcome="stopped", stop="health", project=2)
    h.course(h.citizen(), date(2011, 1, 3), ended=date(2011, 5, 1), outcome="flexjob")
    rows = {(r.outcome, r.stop_reason): r.courses.value for r in outcomes(h.tables(), YEAR)}
    assert rows[("stopped", "health")] == 2 and rows[("flexjob", "")] == 1 and rows[(TOTAL, "")] == 2


# --- costs, published totals, pseudonyms -----------------------------------------------------


def test_the_cost_of_an_effort_uses_the_unit_prices_of_003_section_2_6():
    estimate = effort_cost(DEFAULT_PRICES, {"food_hygiene": 1, "language_lift": 1})
    lines = {line.price.key: line for line in estimate.lines}
    assert lines["food_hygiene"].low_kr == lines["food_hygiene"].high_kr == 25 * 600
    assert (lines["language_lift"].low_kr, lines["language_lift"].high_kr) == (2800 * 10, 2800 * 12)
    assert (estimate.low_kr, estimate.high_kr) == (43_000, 48_600) and estimate.complete


def test_an_element_without_a_price_in_the_source_makes_the_total_incomplete_not_zero():
    estimate = effort_cost(DEFAULT_PRICES, {"buddy_training": 2})
    assert not estimate.complete
    assert [line.price.key for line in estimate.lines if line.missing_price] == ["buddy_training"]


def test_a_quantity_for_an_unknown_element_is_refused():
    with pytest.raises(ValueError, match="no unit price"):
        effort_cost(DEFAULT_PRICES, {"helicopter": 1})


def test_the_published_vta_total_of_80_is_flagged_as_not_34_plus_44():
    notes = total_problems(VTA_TABLE_5)
    assert len(notes) == 1
    assert "80" in notes[0] and "34 + 44 = 78" in notes[0] and "Kandidater i småjob/job" in notes[0]


def test_a_published_total_below_the_sum_is_explained_by_persons_in_several_groups():
    row = PublishedRow("visited", "Personer", {"a": 64_845, "b": 70_174}, 134_000, {})
    [note] = total_problems([row])
    assert "mindre end summen" in note and "flere grupper" in note


def test_pseudonyms_hold_within_one_export_and_differ_between_exports():
    key = fresh_key()
    assert pseudonym(42, key) == pseudonym(42, key) != pseudonym(43, key)
    assert pseudonym(42, key) != pseudonym(42, fresh_key())
    assert pseudonym(42, key).startswith("P-")
