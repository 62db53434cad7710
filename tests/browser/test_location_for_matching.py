# SPDX-License-Identifier: MPL-2.0
"""Location for matching in a real browser on the small demo (issue 18, item 5): a newly
visited citizen is matched from the postcode, and one without a postcode is told how to fix it."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import DEMO_PASSWORD, log_in

expect.set_options(timeout=20_000)


def _visit(page, cpr: str, last_name: str, postcode: str = "") -> None:
    page.get_by_role("link", name="Visitér en borger").click()
    page.get_by_label("CPR-nummer").fill(cpr)
    page.get_by_label("Fornavn").fill("Frida")
    page.get_by_label("Efternavn").fill(last_name)
    page.get_by_label("Projekt").select_option(label="VTA")
    if postcode:
        page.get_by_label("Postnummer").fill(postcode)
    page.get_by_role("button", name="Visitér").click()
    expect(page.get_by_role("heading", name=re.compile("Ressourceafdækning"))).to_be_visible()
    page.get_by_role("link", name=re.compile(f"Frida {last_name}")).first.click()


def test_a_citizen_visited_with_postcode_5000_gets_suggestions_and_one_without_is_told_how_to_fix_it(page, demo):
    log_in(page, "raadgiver", DEMO_PASSWORD)
    _visit(page, "030390-1234", "Postnummer", postcode="5000")
    expect(page.get_by_text("fra postnummeret 5000")).to_be_visible()
    page.get_by_role("link", name="Find jobåbninger").click()
    expect(page.get_by_text(re.compile(r"\d+ af \d+ åbne opgaver passer"))).to_be_visible()
    expect(page.locator("ol.suggestions li.card").first).to_be_visible()

    page.goto("/")
    _visit(page, "040490-1234", "Udenadresse")
    page.get_by_role("link", name="Find jobåbninger").click()
    expect(page.get_by_text(re.compile("Borgeren har ingen placering: angiv postnummer"))).to_be_visible()
    assert page.locator("ol.suggestions li.card").count() == 0
    page.get_by_role("link", name="Angiv adresse og placering").click()
    page.get_by_label("Postnummer").fill("5000")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Adresse og placering er gemt.")).to_be_visible()
    page.get_by_role("link", name="Find jobåbninger").click()
    expect(page.locator("ol.suggestions li.card").first).to_be_visible()
