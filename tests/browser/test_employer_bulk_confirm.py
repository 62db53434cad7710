# SPDX-License-Identifier: MPL-2.0
"""The employer confirms a whole month's weeks in one go, after seeing the totals (issue 21)."""

from __future__ import annotations

import re
from decimal import Decimal

from playwright.sync_api import expect

from tests.browser.conftest import DEMO_PASSWORD, axe_violations, log_in
from tests.text_search import found

expect.set_options(timeout=20_000)


def test_the_employer_sees_a_months_totals_and_confirms_all_its_weeks_with_one_click(page, demo):
    from smaajob.access import placements_for
    from smaajob.courses.models import WeeklyHours
    from smaajob.organisation.models import User

    employer = User.objects.get(username="virksomhed")
    assert employer.company_id is not None
    # Only weeks of placements the employer still sees (running, or ended within the grace period).
    waiting = WeeklyHours.objects.filter(placement__in=placements_for(employer), confirmed_by_employer=False)
    out_of_reach = set(
        WeeklyHours.objects.filter(placement__company_id=employer.company_id, confirmed_by_employer=False)
        .exclude(pk__in=waiting)
        .values_list("pk", flat=True)
    )
    assert waiting.exists(), "the demo has weeks for the employer to confirm"
    log_in(page, "virksomhed", DEMO_PASSWORD)
    month_links = page.locator("a.button[href^='/virksomhed/timer/']")
    first_month = month_links.first
    month_name = first_month.inner_text()
    href = first_month.get_attribute("href") or ""
    year, month = (int(n) for n in found(r"/maaned/(\d{4})-(\d{2})/", href).groups())
    in_month = waiting.filter(week_start__year=year, week_start__month=month)
    expected = list(in_month.values_list("pk", flat=True))
    other_months = waiting.count() - len(expected)
    first_month.click()

    expect(page.get_by_role("heading", name=f"Bekræft timer for {month_name}")).to_be_visible()
    table = page.get_by_role("table", name=re.compile("som I ikke har bekræftet endnu"))
    total = sum((w.hours_present for w in in_month), Decimal(0))
    expect(table.locator("#total-present")).to_have_text(f"{total.normalize():f}".replace(".", ","))
    assert axe_violations(page) == []
    page.get_by_role("button", name=f"Bekræft {len(expected)} uge" + ("r" if len(expected) != 1 else "")).click()

    expect(page.get_by_text(f"i {month_name} er bekræftet")).to_be_visible()
    confirmed = WeeklyHours.objects.filter(pk__in=expected, confirmed_by_employer=True)
    assert set(confirmed.values_list("pk", flat=True)) == set(expected)
    assert waiting.count() == other_months
    assert not WeeklyHours.objects.filter(pk__in=out_of_reach, confirmed_by_employer=True).exists()
    expect(page.locator(f"a.button[href='{href}']")).to_have_count(0)
