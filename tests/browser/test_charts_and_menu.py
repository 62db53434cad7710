# SPDX-License-Identifier: MPL-2.0
"""The step-up chart beside its numbers, DKFDS's accordion and DKFDS's mobile menu in Chromium
(issue 15, items 1 and 4): with JavaScript as DKFDS draws them, without it still readable."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from smaajob.web import design_system
from tests.browser.conftest import DEMO_PASSWORD, axe_violations, consultants_placed_course, log_in

pytestmark = pytest.mark.skipif(not design_system.available(), reason="DKFDS is not fetched (scripts/fetch-dkfds)")

NARROW = {"width": 375, "height": 812}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
NUMBERS = "Optrapning uge for uge: planlagte og registrerede timer"


def _placement_path() -> str:
    from smaajob.courses.models import Placement

    placement = Placement.objects.filter(course=consultants_placed_course()).order_by("-pk").first()
    assert placement is not None
    return f"/placeringer/{placement.pk}/"


def test_the_placement_page_draws_the_step_up_with_its_numbers_in_an_accordion(page, demo):
    from playwright.sync_api import expect

    log_in(page, "konsulent", DEMO_PASSWORD)
    page.goto(_placement_path())
    chart = page.get_by_role("img", name="Optrapning: planlagte og registrerede timer pr. uge")
    expect(chart).to_be_visible()
    button = page.get_by_role("button", name="Vis tallene")
    expect(button).to_have_attribute("aria-expanded", "false")
    table = page.get_by_role("table", name=NUMBERS)
    expect(table).to_be_hidden()
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(table).to_be_visible()
    first_row = table.locator("tbody tr").first.inner_text()
    assert re.match(r"Uge \d+ \(\d{1,2}\.\d{1,2}\.\d{4}\)", first_row), first_row
    assert not axe_violations(page)


def test_at_375_pixels_the_grouped_menu_opens_from_the_menu_button(browser, live_server, demo):
    from playwright.sync_api import expect

    context = browser.new_context(base_url=live_server.url, locale="da-DK", viewport=NARROW)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        log_in(page, "konsulent", DEMO_PASSWORD)
        page.goto(_placement_path())
        expect(page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Forside")).to_be_hidden()
        page.get_by_role("button", name="Menu", exact=True).click()
        drawer = page.get_by_role("navigation", name="Mobilmenu")
        expect(drawer).to_be_visible()
        expect(drawer.get_by_role("button", name="Log ud")).to_be_visible()
        assert not axe_violations(page)
        if os.environ.get("SMAAJOB_SCREENSHOTS") == "1":  # docs/working-tool.md shows it
            page.wait_for_timeout(400)  # DKFDS slides the drawer in
            page.screenshot(path=str(SCREENSHOTS / "mobilmenu.png"))
        drawer.get_by_role("button", name="Tal og overblik", exact=True).click()
        drawer.get_by_role("link", name="Overblik", exact=True).click()
        page.wait_for_url("**/overblik/**")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Overblik")
        expect(page.get_by_role("img", name="Åbne forløb pr. trin")).to_be_visible()
    finally:
        context.close()


def test_without_javascript_the_menu_and_the_numbers_are_on_the_page(browser, live_server, demo):
    from playwright.sync_api import expect

    context = browser.new_context(base_url=live_server.url, locale="da-DK", viewport=NARROW, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        log_in(page, "konsulent", DEMO_PASSWORD)
        page.goto(_placement_path())
        expect(page.get_by_role("table", name=NUMBERS)).to_be_visible()
        menu = page.get_by_role("navigation", name="Hovedmenu")
        expect(menu.get_by_role("link", name="Forside")).to_be_visible()
        expect(menu.get_by_role("link", name="Overblik", exact=True)).to_be_visible()  # inside a group
        expect(page.get_by_role("button", name="Menu", exact=True)).to_be_hidden()
        expect(page.get_by_role("button", name="Log ud")).to_be_visible()
    finally:
        context.close()
