# SPDX-License-Identifier: MPL-2.0
"""Weekly hours and a follow-up with the keyboard only (issue 15, item 2): Tab reaches the
fields in reading order, Enter saves the week (Ctrl+Enter the follow-up's note), and the
success message is read from the status region while focus stays where it was."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import DEMO_PASSWORD, consultants_placed_course, log_in

# A keyboard user should reach the first field of the form within this many Tab presses
# from the top of the page (skip link, header, menu, search and breadcrumbs come first).
TAB_BUDGET = 40


def _focused(page: Page) -> str:
    focused = page.evaluate("() => { const e = document.activeElement; return e ? (e.id || e.name || '') : ''; }")
    assert isinstance(focused, str), focused
    return focused


def _tab_to(page: Page, wanted: re.Pattern[str]) -> int:
    for presses in range(1, TAB_BUDGET + 1):
        page.keyboard.press("Tab")
        if wanted.search(_focused(page)):
            return presses
    raise AssertionError(f"Tab did not reach {wanted.pattern} in {TAB_BUDGET} presses (at {_focused(page)!r})")


def test_the_weekly_hours_are_entered_and_saved_with_the_keyboard_and_focus_stays_in_the_field(page, demo):
    from smaajob.courses.models import WeeklyHours

    before = WeeklyHours.objects.count()
    log_in(page, "konsulent", DEMO_PASSWORD)
    page.goto("/timer/")
    presses = _tab_to(page, re.compile(r"-hours_present$"))
    first = _focused(page)
    # The row's fields follow each other in the order of the columns.
    page.keyboard.type("40")
    page.keyboard.press("Tab")
    assert _focused(page) == first.replace("hours_present", "hours_paid") or _focused(page).endswith("hours_effective")
    page.keyboard.press("Shift+Tab")
    assert _focused(page) == first
    page.keyboard.press("Enter")
    status = page.get_by_role("status")
    expect(status).to_contain_text(re.compile(r"Timer for 1 placering\(er\) i uge \d+ er gemt"))
    assert _focused(page) == first, "saving must not move focus away from the field"
    assert page.locator(f"#{first}").input_value() == "40"
    assert WeeklyHours.objects.count() >= before
    print(f"\nKEYBOARD weekly_hours tabs_to_first_field={presses}")


def test_a_follow_up_is_registered_with_the_keyboard_only(page, demo):
    course = consultants_placed_course()
    log_in(page, "konsulent", DEMO_PASSWORD)
    page.goto(f"/forloeb/{course.pk}/opfoelgning/")
    presses = _tab_to(page, re.compile(r"effectiveness$"))
    page.keyboard.press("8")  # a <select> picks the option that starts with what is typed
    assert page.locator("#id_effectiveness").input_value() == "8"
    _tab_to(page, re.compile(r"notes$"))
    page.keyboard.type("Går godt med tastaturet.")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("status")).to_contain_text("Opfølgningen for")
    expect(page.locator("ol.timeline")).to_contain_text("effektivitet 8/10")
    print(f"\nKEYBOARD follow_up tabs_to_first_field={presses}")
