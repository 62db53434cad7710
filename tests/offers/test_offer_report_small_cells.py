# SPDX-License-Identifier: MPL-2.0
"""An analyst sees the offers report and the cost page with small cells withheld, as every other
report (DOMAIN §2: analysts see aggregates only); a coordinator sees exact figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from smaajob.offers import services
from smaajob.offers.counting import GroupCount, OffersAndPersons
from smaajob.offers.selectors import AfterLift, Completion, CostLine, OrderCosts
from smaajob.reports import offer_figures

PERIOD = (date(2026, 1, 1), date(2026, 12, 31))


def _line(label: str, citizens: int, *, orders: int | None = None, reached: int = 0) -> CostLine:
    return CostLine(
        label=label,
        orders=orders if orders is not None else citizens,
        hours=Decimal(10 * citizens),
        cost_kr=Decimal(9_500 * citizens),
        citizens=citizens,
        reached_smaajob=reached,
        still_after_6_months=0,
    )


def test_a_group_of_two_persons_reads_less_than_five_for_an_analyst_and_two_for_a_coordinator():
    counts = OffersAndPersons(
        *PERIOD, rows=(GroupCount("Kursus", 2, 2), GroupCount("Sprog", 30, 25)), total_offers=32, total_persons=27
    )
    analyst = offer_figures.offer_counts(counts, 5)
    assert analyst.rows[0].cells[1] == "< 5"
    # The offers column adds up to its total: the lone small cell would follow from 32 − 30.
    assert analyst.rows[0].cells[0] == "< 5" and analyst.rows[1].cells[0] == "skjult"
    assert analyst.total is not None and analyst.total.cells == ("32", "27")
    assert analyst.withheld
    exact = offer_figures.offer_counts(counts, None)
    assert [row.cells for row in exact.rows] == [("2", "2"), ("30", "25")]
    assert not exact.withheld


def test_a_project_of_one_citizen_is_withheld_whole_with_its_price_and_one_more_project_with_it():
    costs = OrderCosts(
        *PERIOD,
        lines=(_line("Lille", 1), _line("Stor", 12, reached=6), _line("Mellem", 8, reached=3)),
        total=_line("I alt", 21, reached=9),
    )
    shown = offer_figures.order_costs(costs, 5)
    small, big, middle = shown.rows
    assert small.cells[3] == "< 5"
    assert "9.500 kr." not in small.cells and "skjult" in small.cells  # the price is the citizen's
    # The total counts 21 citizens: 21 − 12 − 8 would give the small project, so the smallest
    # shown project is withheld too.
    assert middle.cells[3] == "skjult" and "76.000 kr." not in middle.cells
    assert big.cells[3] == "12" and big.cells[2] == "114.000 kr."
    assert shown.total is not None and shown.total.cells[3] == "21"


def test_a_share_of_persons_is_withheld_when_the_rest_is_small():
    # 38 of 40 completed: the 2 who did not are as telling as 2 who did.
    assert offer_figures.completion(Completion(40, 38, 2), 5).completed == "< 5"
    assert offer_figures.completion(Completion(40, 38, 2), None).percent == "95"
    after = offer_figures.after_lift(AfterLift(20, 18, 10, Decimal("120.5")), 5)
    assert after.with_placement == "< 5" and after.with_paid_hours == "10" and after.paid_hours == "120,5"
    few = offer_figures.after_lift(AfterLift(3, 1, 1, Decimal("4")), 5)
    assert (few.lifts, few.paid_hours) == ("< 5", "skjult")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/tilbud/rapport/?start=2026-01-01&end=2026-12-31", "/rapporter/omkostninger/?fra=2026-01-01&til=2026-12-31"],
)
def test_the_analyst_does_not_see_one_citizens_order_price_where_the_coordinator_does(
    make_user, consultant, order, url
):
    services.change_order_state(actor=consultant, order=order, to_state="accepted", on=order.starts_on)
    services.change_order_state(actor=consultant, order=order, to_state="started", on=order.starts_on)
    url = url.replace("2026", str(order.starts_on.year))
    coordinator, analyst = Client(), Client()
    coordinator.force_login(make_user("coordinator", username="leder"))
    analyst.force_login(make_user("analyst", username="analytiker"))
    exact = coordinator.get(url).content.decode()
    assert "9.500 kr." in exact and "Små tal er skjult" not in exact
    withheld = analyst.get(url)
    assert withheld.status_code == 200
    page = withheld.content.decode()
    assert "9.500 kr." not in page
    assert "&lt; 5" in page and "Små tal er skjult" in page
