# SPDX-License-Identifier: MPL-2.0
"""The offers report: seed 002 Tabel 3.1's counting rule, the share completed, what happened
within 3 months after a competence lift, and the orders' actual cost per citizen and småjob."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import Client

from smaajob.offers import services
from smaajob.offers.counting import Spell, count_offers_and_persons
from smaajob.offers.models import Order
from smaajob.offers.selectors import after_competence_lift, completion, offers_and_persons, order_costs

# SFI 2012 (seed 002 L1427–1442), Tabel 3.1, 2011: courses and activated persons per match group.
TABLE_3_1 = {
    "Match 1: Jobklar": (149_365, 64_845),
    "Match 2: Indsatsklar": (140_526, 70_174),
    "Match 3: Midlertidig passiv": (7_068, 6_109),
    "Øvrige indsatsklar eller midlertidig passiv": (3_620, 2_058),
    "Uoplyst": (9, 8),
}
TABLE_3_1_TOTAL = (300_588, 134_026)

YEAR = (date(2011, 1, 1), date(2011, 12, 31))


def test_the_published_table_adds_up_courses_but_counts_a_person_once_in_the_total():
    courses = sum(c for c, _p in TABLE_3_1.values())
    persons_by_group = sum(p for _c, p in TABLE_3_1.values())
    assert courses == TABLE_3_1_TOTAL[0]
    # 143,194 persons in the rows but 134,026 in the total: some are in more than one group.
    assert persons_by_group == 143_194 > TABLE_3_1_TOTAL[1]


def test_an_offer_counts_if_active_one_day_in_the_period_and_a_person_once_in_the_total():
    start, end = YEAR
    spells = [
        # Person 1: two offers in match 1 and one in match 2 (moved group during the year).
        Spell(1, "Match 1", date(2010, 11, 1), date(2011, 1, 1)),  # one day inside: counts
        Spell(1, "Match 1", date(2011, 3, 1), date(2011, 4, 30)),
        Spell(1, "Match 2", date(2011, 9, 1), date(2012, 2, 28)),
        # Person 2: one offer in match 2, one that ended before the year (does not count).
        Spell(2, "Match 2", date(2011, 12, 31), date(2012, 3, 31)),  # starts on the last day: counts
        Spell(2, "Match 2", date(2010, 1, 1), date(2010, 12, 31)),
        # Person 3: match 3 only; an offer starting after the year does not count.
        Spell(3, "Match 3", date(2011, 6, 1), date(2011, 6, 1)),
        Spell(3, "Match 3", date(2012, 1, 1), date(2012, 1, 31)),
    ]
    result = count_offers_and_persons(spells, start=start, end=end)
    assert [(r.group, r.offers, r.persons) for r in result.rows] == [
        ("Match 1", 2, 1),
        ("Match 2", 2, 2),
        ("Match 3", 1, 1),
    ]
    assert result.total_offers == 5  # the offers add up, as Tabel 3.1's 300,588
    assert result.total_persons == 3  # 1 + 2 + 1 = 4 in the rows, 3 in the total, as 143,194 vs 134,026
    assert "én dag" in result.rule_da


@pytest.mark.django_db
def test_the_report_counts_started_orders_by_kind_and_the_share_completed(
    consultant, citizen, course, forklift, hygiene, language_lift
):
    today = date.today()
    lift = services.order_offer(actor=consultant, citizen=citizen, offer=forklift, purpose="Truck", starts_on=today)
    course_order = services.order_offer(
        actor=consultant, citizen=citizen, offer=hygiene, purpose="Hygiejne", starts_on=today
    )
    services.order_offer(actor=consultant, citizen=citizen, offer=language_lift, purpose="Dansk", starts_on=today)
    for state in ("accepted", "started", "completed"):
        services.change_order_state(actor=consultant, order=lift, to_state=state, on=today)
    services.change_order_state(actor=consultant, order=course_order, to_state="interrupted", reason="Syg", on=today)
    orders = Order.objects.all()
    counts = offers_and_persons(orders, start=today, end=today + timedelta(days=30))
    # The language lift is only ordered: not yet an activity, so not counted.
    assert [(r.group, r.offers, r.persons) for r in counts.rows] == [("Kompetenceløft", 1, 1)]
    done = completion(orders, start=today, end=today)
    assert (done.ended, done.completed, done.interrupted, done.share_completed) == (2, 1, 1, 0.5)


@pytest.mark.django_db
def test_after_a_competence_lift_placements_and_paid_hours_within_3_months_are_counted(
    consultant, citizen, course, forklift, company
):
    from smaajob.courses.services import record_week, register_placement

    start = date(2026, 1, 5)
    lift = services.order_offer(actor=consultant, citizen=citizen, offer=forklift, purpose="Truck", starts_on=start)
    for state in ("accepted", "started", "completed"):
        services.change_order_state(actor=consultant, order=lift, to_state=state, on=lift.ends_on)
    placed = register_placement(
        actor=consultant,
        course=course,
        company=company,
        kind="paid",
        step_up="6",
        planned_start=lift.ends_on + timedelta(days=15),
        planned_end=lift.ends_on + timedelta(days=120),
    )
    monday = placed.planned_start - timedelta(days=placed.planned_start.weekday()) + timedelta(days=7)
    record_week(actor=consultant, placement=placed, week=monday, hours_present=6, hours_paid=6)
    record_week(actor=consultant, placement=placed, week=monday + timedelta(days=100), hours_present=9, hours_paid=9)
    after = after_competence_lift(Order.objects.all(), start=date(2026, 1, 1), end=date(2026, 12, 31))
    # The second week begins after the 91 days and is not counted.
    assert (after.lifts, after.with_placement, after.with_paid_hours, after.paid_hours) == (1, 1, 1, Decimal(6))


@pytest.mark.django_db
def test_the_cost_uses_the_orders_actual_prices_per_citizen_and_per_smaajob_reached(
    consultant, citizen, course, forklift, hygiene, company
):
    from smaajob.courses.services import record_week, register_placement

    start = date(2026, 1, 5)
    for offer in (forklift, hygiene):
        order = services.order_offer(actor=consultant, citizen=citizen, offer=offer, purpose="Løft", starts_on=start)
        services.change_order_state(actor=consultant, order=order, to_state="accepted", on=start)
        services.change_order_state(actor=consultant, order=order, to_state="started", on=start)
    costs = order_costs(Order.objects.all(), start=date(2026, 1, 1), end=date(2026, 6, 30))
    assert costs.total is not None
    assert costs.total.cost_kr == Decimal("24500.00")  # 9,500 kr + 25 h × 600 kr
    assert (costs.total.citizens, costs.total.per_citizen, costs.total.per_smaajob) == (1, Decimal(24500), None)
    placed = register_placement(
        actor=consultant,
        course=course,
        company=company,
        kind="paid",
        step_up="6",
        planned_start=date(2026, 2, 2),
        planned_end=date(2026, 5, 1),
    )
    record_week(actor=consultant, placement=placed, week=date(2026, 2, 2), hours_present=4, hours_paid=4)
    costs = order_costs(Order.objects.all(), start=date(2026, 1, 1), end=date(2026, 6, 30))
    total = costs.total
    assert total is not None
    assert total.reached_smaajob == 1 and total.per_smaajob == Decimal(24500)
    assert total.still_after_6_months == 0
    assert [line.label for line in costs.lines] == ["VTA"]
    assert "tæller med deres aftalte pris" in costs.rule_da


@pytest.mark.django_db
def test_the_report_page_states_its_period_and_counting_rule(make_user, order):
    client = Client()
    client.force_login(make_user("coordinator", username="leder"))
    page = client.get("/tilbud/rapport/?start=2026-01-01&end=2026-12-31").content.decode()
    assert "1. januar 2026" in page
    assert "mindst én dag i perioden" in page
    assert "tæller med deres aftalte pris" in page


@pytest.mark.django_db
def test_the_cost_page_shows_the_recorded_orders_prices_for_the_period(make_user, consultant, order):
    services.change_order_state(actor=consultant, order=order, to_state="accepted", on=order.starts_on)
    services.change_order_state(actor=consultant, order=order, to_state="started", on=order.starts_on)
    client = Client()
    client.force_login(make_user("coordinator", username="leder"))
    year = order.starts_on.year
    page = client.get(f"/rapporter/omkostninger/?fra={year}-01-01&til={year}-12-31").content.decode()
    assert "Faktiske priser fra bestilte tilbud" in page
    assert "9.500 kr." in page
    refused = client.get("/rapporter/omkostninger/?fra=2026-13-01")
    assert refused.status_code == 400
    assert "skriv fx 2026-01-01" in refused.content.decode()
