# SPDX-License-Identifier: MPL-2.0
"""Issue 12 in a real browser: a consultant orders an offer for a citizen from the citizen page
in at most six interactions, and the provider accepts it, registers the start and reports.

Counting rule (as ``test_working_tool``): every click, fill, select and tick after log-in
counts as one; reading does not."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.sync_api import expect

from tests.browser.conftest import Interactions, log_in
from tests.conftest import PASSWORD

ORDER_BUDGET = 6


def _catalogue(municipality):
    from smaajob.offers.services import create_offer, create_provider

    amu = create_provider(municipality=municipality, name="AMU Fyn", kind="amu")
    create_offer(
        provider=amu,
        title="Hygiejnekursus (fødevarer)",
        kind="course",
        duration_weeks=1,
        hours_per_week=25,
        price_kr=600,
        price_unit="hour",
        certificate="hygiejnebevis",
        legal_basis="lab2019_91",
    )
    forklift = create_offer(
        provider=amu,
        title="Truckcertifikat (A)",
        kind="competence_lift",
        duration_weeks=2,
        hours_per_week=30,
        price_kr=9500,
        price_unit="course",
        certificate="truck",
        legal_basis="lab2019_91",
        start_dates=[date.today() + timedelta(days=7)],
    )
    return amu, forklift


def test_a_consultant_orders_an_offer_from_the_citizen_page_in_at_most_six_interactions(
    transactional_db, page, consultant, citizen, course
):
    from smaajob.offers.models import Order

    _amu, forklift = _catalogue(citizen.municipality)
    log_in(page, consultant.username, PASSWORD)
    me = Interactions(page)
    me.click(page.get_by_role("link", name=citizen.full_name, exact=True))
    me.click(page.get_by_role("link", name="Bestil tilbud"))
    me.select(page.get_by_label("Tilbud"), str(forklift.pk))
    me.fill(page.get_by_label("Formål"), "Truckcertifikat til lagerjobbet")
    me.click(page.get_by_role("button", name="Bestil", exact=True))
    expect(page.get_by_text("er bestilt hos AMU Fyn")).to_be_visible()
    print(f"\nINTERACTIONS order={me.count}")
    assert me.count <= ORDER_BUDGET
    order = Order.objects.get()
    assert (order.offer_id, order.state, order.price_kr) == (forklift.pk, "ordered", forklift.price_kr)
    assert order.starts_on == date.today() + timedelta(days=7)


def test_the_provider_accepts_starts_and_reports_and_the_report_is_on_the_order(
    transactional_db, page, consultant, citizen, course, make_user
):
    from smaajob.offers.services import change_order_state, order_offer

    amu, forklift = _catalogue(citizen.municipality)
    order = order_offer(actor=consultant, citizen=citizen, offer=forklift, purpose="Truck", starts_on=date.today())
    make_user("provider", username="amu", provider=amu, team=None)
    log_in(page, "amu", PASSWORD)
    expect(page.get_by_text("Ny bestilling: Truckcertifikat (A)")).to_be_visible()
    page.get_by_role("link", name="Acceptér bestillingen").first.click()
    page.get_by_role("button", name="Acceptér bestillingen").click()
    expect(page.get_by_text("Bestillingen er nu: accepteret.")).to_be_visible()
    page.get_by_role("button", name="Forløbet er startet").click()
    expect(page.get_by_text("Bestillingen er nu: i gang.")).to_be_visible()
    page.get_by_label("Fremmøde").select_option("mostly")
    page.get_by_label("Timer deltaget i perioden").fill("24")
    page.get_by_label("Progression i forhold til formålet").fill("Teoriprøven er bestået")
    page.get_by_label("Anbefalet næste skridt").fill("Praktisk prøve i uge 2")
    page.get_by_role("button", name="Send statusrapport").click()
    expect(page.get_by_text("Statusrapporten er modtaget.")).to_be_visible()
    expect(page.get_by_text("Teoriprøven er bestået")).to_be_visible()
    # The citizen's name was not shared with the provider.
    assert citizen.first_name not in page.content()
    order.refresh_from_db()
    assert order.state == "started" and order.reports.count() == 1
    change_order_state(actor=consultant, order=order, to_state="completed")
