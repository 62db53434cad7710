# SPDX-License-Identifier: MPL-2.0
"""The main pages of each role, as docs/working-tool.md shows them (issue 15, item 7).

Every run opens the pages in Chromium on the small demo municipality and checks that each one
comes up in Det Fælles Designsystem's page shell: the header with the main menu (staff), one
page heading and a title that says where you are. With ``SMAAJOB_SCREENSHOTS=1`` it also
saves a picture of each page in docs/screenshots/, so the pictures in the documentation are
taken from today's pages and stay current:

    SMAAJOB_SCREENSHOTS=1 .venv/bin/pytest -n 0 tests/browser/test_screenshots.py
"""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.conftest import DEMO_PASSWORD, consultants_placed_course, log_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _shoot(page: Page, name: str, path: str | None, *, heading: str | None = None) -> None:
    if path is not None:
        page.goto(path)
    page.wait_for_load_state("load")
    expect(page.locator("header.header")).to_be_visible()
    h1 = page.locator("main h1")
    expect(h1).to_have_count(1)
    if heading is not None:
        expect(h1).to_contain_text(heading)
    # The tab says where you are: the page's heading before » – Småjob«.
    assert page.title().endswith("– Småjob") and page.title() != "Småjob – Småjob", page.title()
    if os.environ.get("SMAAJOB_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def test_the_main_pages_come_up_in_the_design_systems_page_shell(page: Page, demo):
    from smaajob.courses.models import Placement
    from smaajob.network.models import Company

    course = consultants_placed_course()
    placement = Placement.objects.filter(course=course).first()
    assert placement is not None, "the demo's course has a placement"
    company = Company.objects.filter(openings__isnull=False).order_by("pk").first()
    assert company is not None, "the demo has a company with openings"

    _shoot(page, "log-ind", "/log-ind/", heading="Log ind")
    _shoot(page, "beregner", "/beregner/")
    log_in(page, "konsulent", DEMO_PASSWORD)
    expect(page.get_by_role("navigation", name="Hovedmenu")).to_be_visible()
    _shoot(page, "konsulent-forside", "/")
    _shoot(page, "arbejdsliste", "/arbejdsliste/", heading="Arbejdsliste")
    _shoot(page, "borger", f"/borgere/{course.citizen_id}/", heading=course.citizen.full_name)
    _shoot(page, "placering", f"/placeringer/{placement.pk}/")
    _shoot(page, "ugens-timer", "/timer/", heading="Ugens timer")
    _shoot(page, "opfoelgning", f"/forloeb/{course.pk}/opfoelgning/")
    _shoot(page, "virksomheder", "/virksomheder/", heading="Virksomhedsnetværket")
    _shoot(page, "virksomhed", f"/virksomheder/{company.pk}/", heading=company.name)
    _shoot(page, "jobaabninger", "/jobaabninger/")
    _shoot(page, "overblik", "/overblik/")
    # The header's search box: the term is posted, the answer lists what the consultant may see.
    box = page.get_by_role("search").get_by_role("searchbox", name="Søg i Småjob")
    box.fill(course.citizen.last_name)
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name=course.citizen.full_name).first).to_be_visible()
    assert course.citizen.last_name not in page.url
    _shoot(page, "soegning", None, heading="Søg")
    for username, name in (("virksomhed", "arbejdsgiver-forside"), ("borger", "borger-forside")):
        page.context.clear_cookies()
        log_in(page, username, DEMO_PASSWORD)
        _shoot(page, name, "/")
