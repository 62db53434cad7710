# SPDX-License-Identifier: MPL-2.0
"""Browser tests: a real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright
against Django's live test server.

Without Chromium the tests are skipped on a developer machine, and fail in CI
(SMAAJOB_REQUIRE_ALL=1), where .ci/run installs it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from smaajob.courses.models import Course

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls from
# such a thread unless told that this is deliberate. Only the test process sets it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        if os.environ.get("SMAAJOB_REQUIRE_ALL") == "1":
            pytest.fail("Chromium is required in CI but /usr/bin/chromium is missing")
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server, request) -> Iterator[object]:
    context = browser.new_context(base_url=live_server.url, locale="da-DK", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def log_in(page, username: str, password: str) -> None:
    page.goto("/log-ind/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(lambda url: "/log-ind/" not in url)


def follow_menu(page, group: str, link: str) -> None:
    """Open a group of the main menu (inside DKFDS's »Mere« when the header is too narrow for
    it) and follow one of its links."""
    menu = page.get_by_role("navigation", name="Hovedmenu")
    button = menu.get_by_role("button", name=group, exact=True).filter(visible=True)
    more = menu.get_by_role("button", name="Mere").filter(visible=True)
    if button.count():
        button.click()
    elif more.count():
        # DKFDS moves what does not fit into »Mere«, a group there as a titled list of its links.
        more.click()
    # Otherwise the link is an item of its own in the menu (a group of one is not a group).
    menu.get_by_role("link", name=link, exact=True).filter(visible=True).click()


# --------------------------------------------------------------------------- the working tool

AXE = Path(__file__).resolve().parents[2] / "var" / "node" / "node_modules" / "axe-core" / "axe.min.js"
DEMO_PASSWORD = "smaajob-demo"


# The small demo as loaded by this worker's first demo test: a copy of the whole SQLite database
# and what the loader returned, by the day it was loaded for.
_DEMO_COPIES: dict[object, tuple[sqlite3.Connection, object]] = {}


@pytest.fixture
def demo(live_server, page):
    """The small demo municipality, in the database of one browser test (the live server needs
    the rows committed, so it cannot be shared in a rolled-back transaction).

    On SQLite the demo is loaded once per test worker and copied: the first test loads it and
    keeps a copy of the database (SQLite's backup API, a few milliseconds); later tests get the
    copy written back over their emptied database, so each starts from the very rows a load
    writes (the same ids, too). Loading costs about 6 s of CPU each time; the browser tests ask
    for it about 20 times. Other databases load it each time."""
    from datetime import date

    from django.db import connection

    from smaajob.demo.loader import load_demo

    # The demo pages do real work (matching, the 225-hour rule); on a busy CI machine they
    # may take longer than the default ten seconds.
    page.set_default_timeout(30_000)
    today = date.today()
    if connection.vendor != "sqlite":
        return load_demo("small", today=today)
    connection.ensure_connection()
    if today in _DEMO_COPIES:
        copy, result = _DEMO_COPIES[today]
        copy.backup(connection.connection)
        return result
    result = load_demo("small", today=today)
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    _DEMO_COPIES[today] = (copy, result)
    return result


class Interactions:
    """Counts what a user does (clicks, fills, selects, ticks) to measure a journey's cost."""

    def __init__(self, page) -> None:
        self.page = page
        self.count = 0

    def click(self, locator) -> None:
        self.count += 1
        locator.click()

    def fill(self, locator, value: str) -> None:
        self.count += 1
        locator.fill(value)

    def select(self, locator, value: str) -> None:
        self.count += 1
        locator.select_option(value)

    def check(self, locator) -> None:
        self.count += 1
        locator.check()


def consultants_placed_course() -> Course:
    """The demo consultant's first course with a citizen in a company (placement, paid hours or
    follow-up); the demo always has one."""
    from smaajob.courses.models import Course

    course = (
        Course.objects.filter(
            state__in=["placement", "paid_hours", "follow_up"], citizen__assignments__staff__username="konsulent"
        )
        .order_by("pk")
        .first()
    )
    assert course is not None, "the demo has a course in placement for the consultant"
    return course


def axe_violations(page, *, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict[str, Any]]:
    """Run axe-core on the page; skip (or fail in CI) when scripts/fetch-axe has not run."""
    if not AXE.exists():
        if os.environ.get("SMAAJOB_REQUIRE_ALL") == "1":
            pytest.fail("axe-core is required in CI: run scripts/fetch-axe")
        pytest.skip("browser accessibility check needs axe-core: run scripts/fetch-axe")
    # Evaluated through the DevTools protocol, not added as an inline <script>: the pages'
    # Content-Security-Policy forbids inline scripts, and the check must not weaken it.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:3]]}
        for v in result["violations"]
        if v["impact"] in impacts
    ]
