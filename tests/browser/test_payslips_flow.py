# SPDX-License-Identifier: MPL-2.0
"""The payslip flow in a real browser: a citizen uploads a phone photo or PDF of the payslip on a
phone; the benefit office finds it first in the worklist, calculates, approves and pays; a file
that is not a PDF is refused next to the field. Every page passes axe-core (no serious/critical)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD

PHONE = {"width": 390, "height": 844}
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def last_month() -> tuple[date, date]:
    end = date.today().replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


@pytest.fixture
def working_citizen(make_user, citizen, course, company, consultant, caseworker):
    from smaajob.citizens.services import set_benefit
    from smaajob.courses.services import create_placement, start_placement

    start = last_month()[0] - timedelta(days=60)
    placement = create_placement(
        actor=consultant, course=course, company=company, kind="paid", planned_start=start, steps=[(start, 6)]
    )
    start_placement(actor=consultant, placement=placement, on=start)
    set_benefit(
        actor=caseworker,
        citizen=citizen,
        benefit_type="kontanthjaelp",
        valid_from=date(2024, 1, 1),
        monthly_amount=Decimal("12326"),
    )
    user = make_user("citizen", username="omar", first_name="Omar", last_name="Hansen")
    citizen.user = user
    citizen.save(update_fields=["user"])
    return user


def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="da-DK", viewport=PHONE, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def fill_payslip(page, tmp_path, *, content: bytes = PDF_BYTES, name: str = "loenseddel.pdf") -> None:
    first, last = last_month()
    file = tmp_path / name
    file.write_bytes(content)
    page.get_by_label("Lønperiode fra").fill(first.isoformat())
    page.get_by_label("Lønperiode til og med").fill(last.isoformat())
    page.get_by_label("Antal timer på lønsedlen").fill("26")
    page.get_by_label("Bruttoløn (før skat) i kr.").fill("3.380,00")
    page.get_by_label("Lønsedlen (PDF eller billede)").set_input_files(str(file))


def test_a_citizen_sends_a_payslip_from_a_phone_and_the_benefit_office_pays_it(
    browser, live_server, page, working_citizen, tmp_path, make_user
):
    context, phone = phone_page(browser, live_server)
    try:
        log_in(phone, "omar", PASSWORD)
        phone.goto("/loensedler/mine/")
        assert "senest den 20." in phone.locator("main").inner_text()
        assert axe_violations(phone) == []
        fill_payslip(phone, tmp_path)
        phone.get_by_label("Jeg mangler pengene – det haster").check()
        phone.get_by_role("button", name="Send lønsedlen").click()
        phone.wait_for_url("**/loensedler/*/?modtaget=1")
        assert "lønsedlen er modtaget" in phone.get_by_role("status").inner_text()
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        phone.screenshot(path="test-artifacts/payslip-receipt-phone.png", full_page=True)
        assert axe_violations(phone) == []
    finally:
        context.close()

    make_user("benefit_office", username="ydelse", first_name="Yrsa", last_name="Ydelse")
    log_in(page, "ydelse", PASSWORD)
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Lønsedler").click()
    first_row = page.locator("table.worklist tbody tr").first
    assert "Haster" in first_row.inner_text() and "Omar Hansen" in first_row.inner_text()
    page.screenshot(path="test-artifacts/payslip-worklist.png", full_page=True)
    assert axe_violations(page) == []
    first_row.get_by_role("link", name="Omar Hansen").click()
    page.get_by_role("button", name="Beregn").click()
    assert page.get_by_role("heading", name="Supplerende hjælp for").is_visible()
    page.get_by_text("Hvorfor?").click()
    assert "Beregningen er et forslag" in page.locator("pre.explanation").inner_text()
    page.screenshot(path="test-artifacts/payslip-calculated.png", full_page=True)
    assert axe_violations(page) == []
    # Four eyes: a second person in the benefit office approves what the first calculated.
    payslip_url = page.url
    page.get_by_role("button", name="Godkend").click()
    expect(page.get_by_role("alert")).to_contain_text("fire øjne")
    make_user("benefit_office", username="ydelse2", first_name="Yvonne", last_name="Ydelse")
    page.context.clear_cookies()
    log_in(page, "ydelse2", PASSWORD)
    page.goto(payslip_url)
    page.get_by_role("button", name="Godkend").click()
    page.get_by_role("button", name="Udbetalt").click()
    page.wait_for_selector("dd .state-paid")
    history = page.locator("ol.timeline").inner_text()
    assert all(word in history for word in ("Modtaget", "Beregnet", "Godkendt", "Udbetalt"))
    assert "Beregnet af Yrsa Ydelse" in history and "Godkendt af Yvonne Ydelse" in history


def test_a_file_that_is_not_a_pdf_is_refused_next_to_the_field(browser, live_server, working_citizen, tmp_path):
    context, phone = phone_page(browser, live_server)
    try:
        log_in(phone, "omar", PASSWORD)
        phone.goto("/loensedler/mine/")
        fill_payslip(phone, tmp_path, content=b"<html>phishing</html>", name="loenseddel.pdf")
        phone.get_by_role("button", name="Send lønsedlen").click()
        error = phone.locator("#id_attachment_error")
        assert "ikke en PDF" in error.inner_text()
        assert "Ret venligst" in phone.get_by_role("alert").first.inner_text()
        assert phone.locator("table tbody").inner_text().strip() == "Ingen lønsedler endnu."
        assert axe_violations(phone) == []
    finally:
        context.close()


def test_an_employer_sends_the_payslip_for_a_citizen_placed_with_them(
    page, working_citizen, make_user, company, tmp_path
):
    make_user("employer", username="netto", company=company, team=None)
    log_in(page, "netto", PASSWORD)
    page.get_by_role("link", name="Indsend lønseddel").click()
    assert axe_violations(page) == []
    # Omar has not consented to share his name with the employer.
    page.get_by_role("link", name="Lønseddel for en borger hos jer").click()
    fill_payslip(page, tmp_path)
    page.get_by_role("button", name="Send lønsedlen").click()
    page.wait_for_url("**/loensedler/*/?modtaget=1")
    assert "Virksomheden" in page.locator("dl.facts").inner_text()
