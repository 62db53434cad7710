# SPDX-License-Identifier: MPL-2.0
"""A coordinator opens the team's rettidighed overview in the browser (issue 12 item 5): picks a
day and a caseworker, sees the overdue citizen first with the refund at stake, the filter kept in
the address, and follows the citizen to every deadline with its legal basis (seed 002 Kap. 2)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from playwright.sync_api import expect

from tests.browser.conftest import follow_menu, log_in
from tests.conftest import PASSWORD
from tests.web.test_deadlines import kontanthjaelp_2011


def test_a_coordinator_finds_the_overdue_citizen_first_and_follows_it_to_the_deadlines(
    transactional_db, page, make_user, citizen, caseworker, consultant, project, company, municipality
):
    from smaajob.citizens.models import Assignment
    from smaajob.citizens.services import register_citizen, set_benefit

    kontanthjaelp_2011(citizen=citizen, caseworker=caseworker, consultant=consultant, project=project, company=company)
    # A second citizen of the same caseworker, on kontanthjælp from June 2011: nothing overdue yet.
    later = register_citizen(
        actor=caseworker, cpr="150575-1234", first_name="Karen", last_name="Knudsen", municipality=municipality
    )
    Assignment.objects.create(citizen=later, staff=caseworker, staff_role="caseworker", valid_from=date(2011, 1, 1))
    set_benefit(
        actor=caseworker,
        citizen=later,
        benefit_type="kontanthjaelp",
        valid_from=date(2011, 6, 1),
        monthly_amount=Decimal("10000"),
    )
    coordinator = make_user("coordinator", first_name="Kim", last_name="Koordinator")

    log_in(page, coordinator.username, PASSWORD)
    follow_menu(page, "Borgere", "Rettidighed")
    expect(page.get_by_role("heading", name="Rettidighed", exact=True)).to_be_visible()
    page.get_by_label("Opgjort pr.").fill("2011-07-01")
    page.get_by_label("Rådgiver").select_option(label="Rikke Rådgiver")
    page.get_by_role("button", name="Vis").click()
    page.wait_for_url(lambda url: "dato=2011-07-01" in url and f"medarbejder={caseworker.pk}" in url)

    rows = page.locator("#rettidighed tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Omar Hansen")
    expect(rows.nth(0)).to_contain_text("overskredet")
    expect(rows.nth(1)).to_contain_text("Karen Knudsen")
    expect(rows.nth(1)).to_contain_text("kommende")
    expect(page.locator(".counts")).to_contain_text("2.760,00 kr.")

    page.reload()  # the state is in the address: the same list after a reload
    expect(page.locator("#rettidighed tbody tr").nth(0)).to_contain_text("Omar Hansen")

    page.get_by_role("link", name="Omar Hansen").click()
    expect(page.get_by_role("heading", name="Rettidighed: Omar Hansen")).to_be_visible()
    table = page.locator("#frister")
    expect(table).to_contain_text("Ret og pligt til tilbud")
    expect(table).to_contain_text("1.440,00 kr.")
    expect(table).to_contain_text("710 af 23/06/2011")
