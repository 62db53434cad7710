# SPDX-License-Identifier: MPL-2.0
"""The calculator in a real browser: a visitor on a desktop and on a phone, and a consultant
comparing scenarios for a citizen; each page passes axe-core without serious or critical issues."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.today.conftest import rates_known  # noqa: F401  (the fixture)

PHONE = {"width": 390, "height": 844}


def answer_the_questions(page) -> None:
    page.goto("/beregner/")
    page.get_by_label("Hvilken hjælp får du?").select_option("kontanthjaelp")
    page.get_by_label("Hvornår er du født? (frivilligt)").fill("1980-05-14")
    page.get_by_label("Hvor mange børn under 18 år forsørger du?").fill("1")
    page.get_by_label("Hvad får du i timeløn før skat (kr.)?").fill("120")
    page.get_by_label("Hvor mange timer om ugen?").fill("6")
    page.get_by_label("Hvilken måned?").fill("2017-06")
    page.get_by_label("Jeg har fået brev om, at jeg kan få jobpræmie").check()
    page.get_by_role("button", name="Regn ud").click()
    page.wait_for_selector("#resultat h2")


def test_a_visitor_answers_plain_questions_and_reads_why(page):
    answer_the_questions(page)
    result = page.locator("#resultat")
    assert "994,50 kr. mere" in result.inner_text()
    assert page.locator("#resultat svg[role=img]").count() == 1
    page.get_by_text("Hvorfor? Sådan er hver krone regnet ud").click()
    assert page.get_by_text("Der ses bort fra 26,25 kr. pr. time").is_visible()
    assert page.locator("details.why[open] .source").first.is_visible()
    page.screenshot(path="test-artifacts/calculator-desktop.png", full_page=True)
    assert axe_violations(page) == []


def test_the_calculator_works_on_a_phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="da-DK", viewport=PHONE, is_mobile=True, has_touch=True
    )
    phone = context.new_page()
    try:
        answer_the_questions(phone)
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert "994,50 kr. mere" in phone.locator("#resultat").inner_text()
        phone.screenshot(path="test-artifacts/calculator-phone.png", full_page=True)
        assert axe_violations(phone) == []
    finally:
        context.close()


def test_errors_are_listed_and_shown_next_to_the_field(page):
    page.goto("/beregner/")
    page.get_by_label("Hvor mange timer om ugen?").fill("-3")
    page.get_by_role("button", name="Regn ud").click()
    summary = page.get_by_role("alert")
    assert "Ret venligst" in summary.inner_text()
    assert page.locator("#id_hours_per_week_error").is_visible()
    assert axe_violations(page) == []


def test_a_consultant_compares_four_eight_and_twelve_hours_for_a_citizen(page, consultant, citizen, caseworker):
    from smaajob.citizens.services import set_benefit

    set_benefit(
        actor=caseworker,
        citizen=citizen,
        benefit_type="kontanthjaelp",
        valid_from=date(2024, 1, 1),
        monthly_amount=Decimal("12326"),
    )
    log_in(page, consultant.username, PASSWORD)
    page.goto(f"/beregner/borger/{citizen.pk}/")
    # The comparison's table (the keep curve's table below it is named »… ved … kr. i timen«).
    table = page.get_by_role("table", name=re.compile(r"^Om måneden før skat i "))
    assert table.is_visible()
    headers = table.locator("thead th").all_inner_texts()
    assert headers[1:] == ["4 timer/uge", "8 timer/uge", "12 timer/uge"]
    assert axe_violations(page) == []


def test_a_visitor_gets_todays_answer_without_typing_a_benefit_amount(page, rates_known):  # noqa: F811
    """For this month the plain answers give the rate: the default form computes (amounts: the
    fixture's, see tests/today/conftest.py), and the explanation names the rate and free amount."""
    page.goto("/beregner/")
    page.locator("#id_age_group_1").check()  # 25–29 år
    page.get_by_label("Hvor mange år har du haft fuldtidsarbejde de seneste 10 år?").fill("3")
    page.get_by_role("button", name="Regn ud").click()
    page.wait_for_selector("#resultat h2")
    assert page.get_by_role("alert").count() == 0
    page.get_by_text("Hvorfor? Sådan er hver krone regnet ud").click()
    why = page.locator("#resultat").inner_text()
    assert "forhøjet sats (LAS § 16)" in why and "Fribeløb på forhøjet sats: 2.500 kr." in why
    assert axe_violations(page) == []
