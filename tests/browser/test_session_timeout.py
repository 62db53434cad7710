# SPDX-License-Identifier: MPL-2.0
"""The idle timeout as a user meets it: a Danish notice shortly before, "Forbliv logget ind"
keeps the session, and doing nothing ends on the log-in page saying why."""

from __future__ import annotations

import re

from django.contrib.sessions.backends.db import SessionStore

from smaajob.identity import sessions
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD


def test_the_notice_appears_before_the_timeout_and_stay_logged_in_keeps_the_session(page, caseworker, settings):
    settings.SMAAJOB_SESSION_IDLE_SECONDS = 20
    settings.SMAAJOB_SESSION_WARNING_SECONDS = 17
    log_in(page, caseworker.username, PASSWORD)
    notice = page.get_by_role("alertdialog", name="Du bliver snart logget ud")
    notice.wait_for(state="visible", timeout=15_000)
    assert page.evaluate("document.activeElement.id") == "session-timeout-bliv"  # keyboard users land on it
    assert re.search(r"logget ud om \d+ sekunder", notice.inner_text())
    page.wait_for_timeout(2_000)
    page.get_by_role("button", name="Forbliv logget ind").click()
    notice.wait_for(state="hidden")
    # The server's idle clock moved to the click (the status the notice asked for did not move it).
    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    session = SessionStore(session_key=key)
    assert session[sessions.ACTIVITY_AT] - session[sessions.LOGIN_AT] >= 4
    page.reload()
    assert page.get_by_role("button", name="Log ud").is_visible()


def test_doing_nothing_ends_on_the_log_in_page_saying_why(page, caseworker, settings):
    settings.SMAAJOB_SESSION_IDLE_SECONDS = 4
    settings.SMAAJOB_SESSION_WARNING_SECONDS = 3
    log_in(page, caseworker.username, PASSWORD)
    page.wait_for_url(re.compile(r"/log-ind/\?grund=inaktiv"), timeout=20_000)
    assert "ikke har brugt Småjob i et stykke tid" in page.get_by_role("status").first.inner_text()
    page.goto("/")
    page.wait_for_url(re.compile(r"/log-ind/"))
