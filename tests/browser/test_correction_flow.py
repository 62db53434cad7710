# SPDX-License-Identifier: MPL-2.0
"""Correcting a week of hours in a real browser on the small demo (issue 18, item 4): from the
placement page, through »Ret«, to the record's history with the old value and the reason."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import DEMO_PASSWORD, axe_violations, log_in

expect.set_options(timeout=20_000)


def test_a_consultant_corrects_a_week_and_reads_the_old_value_in_its_history(page, demo):
    from smaajob import access
    from smaajob.courses.models import WeeklyHours
    from smaajob.organisation.models import User

    consultant = User.objects.get(username="konsulent")
    week = (
        WeeklyHours.objects.filter(
            placement__course__citizen__in=access.citizens_for(consultant),
            placement__kind="placement",
            hours_present__gt=0,
            hours_present__lt=100,
        )
        .order_by("-week_start")
        .first()
    )
    assert week is not None, "the demo consultant's citizens have praktik weeks with hours"
    old = week.hours_present
    log_in(page, "konsulent", DEMO_PASSWORD)
    page.goto(f"/placeringer/{week.placement_id}/")
    page.locator(f"a[href='/rettelser/uge/{week.pk}/']").click()
    page.get_by_role("link", name="Ret", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("^Ret: Uge"))).to_be_visible()
    page.get_by_label("Timer til stede").fill(str(old + 1).replace(".", ","))
    page.get_by_label("Begrundelse for rettelsen").fill("Borgeren blev en time længere")
    page.get_by_role("button", name="Gem rettelsen").click()
    expect(page.get_by_text("Ugens timer er rettet.")).to_be_visible()
    expect(
        page.get_by_text(
            re.compile(r"af .*: timer til stede .* → .* timer\. Begrundelse: Borgeren blev en time længere")
        )
    ).to_be_visible()
    week.refresh_from_db()
    assert week.hours_present == old + 1
    assert axe_violations(page) == []
