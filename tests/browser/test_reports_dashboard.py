# SPDX-License-Identifier: MPL-2.0
"""An analyst opens the dashboard in a real browser, reads the funnel, and opens a number."""

from __future__ import annotations

import re
from datetime import date

from tests.browser.conftest import follow_menu, log_in
from tests.conftest import PASSWORD


def test_an_analyst_reads_the_funnel_and_opens_the_pseudonymised_records_behind_a_number(
    page, make_user, caseworker, consultant, citizen, course, company, project
):
    from smaajob.citizens.services import register_citizen
    from smaajob.courses.services import create_placement, start_course, start_placement

    # Five placed citizens: an analyst is shown no count under five (docs/reports.md).
    courses = [course]
    for n, cpr in enumerate(["020281-2222", "030382-3333", "040483-4444", "050584-5555"]):
        other = register_citizen(
            actor=caseworker, cpr=cpr, first_name=f"Borger{n}", last_name="Test", municipality=citizen.municipality
        )
        courses.append(start_course(actor=caseworker, citizen=other, project=project, started_on=date(2024, 1, 8)))
    for each in courses:
        placement = create_placement(
            actor=consultant, course=each, company=company, kind="placement", planned_start=date(2024, 2, 1)
        )
        start_placement(actor=consultant, placement=placement, on=date(2024, 2, 1))
    analyst = make_user("analyst", first_name="Anna", last_name="Analytiker")
    log_in(page, analyst.username, PASSWORD)
    follow_menu(page, "Tal og overblik", "Nøgletal og evaluering")
    page.get_by_label("Fra", exact=True).fill("2024-01-01")
    page.get_by_label("Til og med", exact=True).fill("2024-12-31")
    page.get_by_label("Udfald opgjort pr.", exact=True).fill("2024-12-31")
    page.get_by_role("button", name="Vis tal").click()
    page.wait_for_url(re.compile(r"fra=2024-01-01"))
    assert page.get_by_role("heading", name=re.compile("Tragten")).is_visible()
    assert page.locator("svg[role=img] title").first.text_content().startswith("Tragt for")
    funnel = page.get_by_role("table").first
    assert funnel.get_by_role("rowheader", name="I alt (hver person én gang)").is_visible()
    funnel.get_by_role("row", name=re.compile("I alt")).get_by_role("link").nth(1).click()
    page.wait_for_url(re.compile(r"/rapporter/tal/"))
    assert page.get_by_role("heading", name=re.compile("Virksomhedsplaceringer")).is_visible()
    assert page.locator("code").first.inner_text().startswith("P-")
    assert "Omar" not in page.content() and "010190" not in page.content()
