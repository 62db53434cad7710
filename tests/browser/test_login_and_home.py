# SPDX-License-Identifier: MPL-2.0
"""A caseworker logs in through a real browser and reaches the citizen page."""

import re

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD


def test_a_caseworker_logs_in_sees_own_citizens_and_opens_the_timeline(page, caseworker, citizen, course):
    log_in(page, caseworker.username, PASSWORD)
    assert page.get_by_role("heading", name="Mine borgere").is_visible()
    page.get_by_role("link", name="Omar Hansen", exact=True).click()
    page.wait_for_url(re.compile(r"/borgere/\d+/$"))
    assert page.get_by_role("heading", name="Tidslinje").is_visible()
    assert "0101901234" not in page.url and "0101901234" not in page.content()


def test_a_wrong_password_shows_the_error_next_to_the_form(page, caseworker):
    page.goto("/log-ind/")
    page.get_by_label("Brugernavn").fill(caseworker.username)
    page.get_by_label("Adgangskode").fill("forkert-kode")
    page.get_by_role("button", name="Log ind").click()
    assert page.get_by_role("alert").inner_text().startswith("Forkert brugernavn eller adgangskode")


def test_the_skip_link_is_the_first_thing_a_keyboard_user_reaches(page, caseworker):
    log_in(page, caseworker.username, PASSWORD)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Spring til indhold"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "indhold"
