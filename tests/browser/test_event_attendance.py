# SPDX-License-Identifier: MPL-2.0
"""A consultant ticks off attendance at a cluster meeting of 30 registered participants in the
browser (issue 13: registering attendance quickly for 30-40 participants, seed 003 VTA)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD


def test_a_consultant_ticks_off_attendance_for_thirty_participants_and_the_company_page_shows_it(
    transactional_db, page, consultant, company
):
    from smaajob.events import services
    from smaajob.network.services import add_contact

    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    event = services.create_event(
        actor=consultant,
        municipality=company.municipality,
        kind="cluster",
        title="Klyngemøde om småjob",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        capacity=40,
    )
    rows = [
        services.register(event=event, company=company, contact=add_contact(company=company, name=f"Deltager {n:02d}"))
        for n in range(30)
    ]
    log_in(page, consultant.username, PASSWORD)
    page.goto("/arrangementer/")
    page.get_by_role("link", name="Klyngemøde om småjob").click()
    expect(page.get_by_text("0 af 30 mødt")).to_be_visible()
    for row in rows[:27]:
        page.locator(f"#att-{row.pk}").check()
    page.get_by_role("button", name="Gem fremmøde").click()
    expect(page.get_by_text("Fremmødet er gemt: 27 mødte.")).to_be_visible()
    expect(page.get_by_text("27 af 30 mødt")).to_be_visible()
    assert event.registrations.filter(attended=True).count() == 27
    page.goto(f"/virksomheder/{company.pk}/")
    expect(page.get_by_role("heading", name="Deltagelse i netværksarrangementer")).to_be_visible()
