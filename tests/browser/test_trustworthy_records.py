# SPDX-License-Identifier: MPL-2.0
"""Trustworthy records in a real browser on the small demo: what a person types is exactly what
is saved (issue 18, item 1)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from tests.browser.conftest import DEMO_PASSWORD, log_in

expect.set_options(timeout=20_000)


def _this_monday() -> date:
    return date.today() - timedelta(days=date.today().weekday())


def test_filling_two_rows_of_the_weekly_hours_screen_saves_exactly_two(page, demo):
    from smaajob.courses.models import WeeklyHours

    week = _this_monday()
    before = {w.pk: (w.placement_id, w.recorded_at) for w in WeeklyHours.objects.filter(week_start=week)}
    log_in(page, "konsulent", DEMO_PASSWORD)
    page.goto(f"/timer/?uge={week.isoformat()}")
    expect(page.get_by_role("heading", name=re.compile("^Ugens timer"))).to_be_visible()
    present = page.locator("input[name$='-hours_present']")
    empty = [present.nth(i) for i in range(present.count()) if not present.nth(i).input_value()]
    print(f"\nROWS weekly_hours={present.count()} empty={len(empty)}")
    assert len(empty) >= 3, "this week the demo consultant's citizens in companies have no hours yet"
    filled = []
    for box in empty[:2]:
        key = (box.get_attribute("name") or "").removesuffix("-hours_present")
        box.fill("3")
        paid = page.locator(f"input[name='{key}-hours_paid']")
        if paid.is_enabled():
            paid.fill("2")
        filled.append(int(key.removeprefix("p")))
    page.get_by_role("button", name="Gem ugens timer").click()
    expect(page.get_by_text("Timer for 2 placering(er)")).to_be_visible()
    after = WeeklyHours.objects.filter(week_start=week)
    new = [w for w in after if w.pk not in before]
    assert sorted(w.placement_id for w in new) == sorted(filled)
    assert all(w.hours_present == 3 for w in new)
    assert {w.pk: (w.placement_id, w.recorded_at) for w in after if w.pk in before} == before
    # The rows nobody touched still show the plan as a suggestion only.
    expect(page.get_by_text("Forslag, ikke gemt").first).to_be_visible()
