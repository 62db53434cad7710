# SPDX-License-Identifier: MPL-2.0
"""Sessions end after idleness and after their absolute lifetime; the page's notice asks how
long is left without counting as activity, and "Forbliv logget ind" counts."""

from __future__ import annotations

import pytest

from smaajob.identity import sessions

pytestmark = pytest.mark.django_db


def _age(client, **seconds_ago):
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = sessions.now() - ago
    session.save()


def _logged_in(client, caseworker):
    client.force_login(caseworker)
    return client


def test_a_session_idle_for_longer_than_the_setting_is_ended_and_the_log_in_page_says_why(client, caseworker):
    _logged_in(client, caseworker)
    _age(client, **{sessions.ACTIVITY_AT: 1801})
    answer = client.get("/arbejdsliste/")
    assert answer.status_code == 302
    assert answer["Location"].startswith("/log-ind/?grund=inaktiv&next=%2Farbejdsliste%2F")
    page = client.get(answer["Location"])
    assert "ikke har brugt Småjob i et stykke tid" in page.content.decode()
    assert client.get("/").status_code == 302  # logged out, not just redirected


def test_a_session_used_within_the_idle_time_goes_on(client, caseworker):
    _logged_in(client, caseworker)
    _age(client, **{sessions.ACTIVITY_AT: 1700})
    assert client.get("/").status_code == 200
    assert sessions.now() - client.session[sessions.ACTIVITY_AT] < 5  # the visit moved the clock


def test_the_idle_time_is_a_setting(client, caseworker, settings):
    settings.SMAAJOB_SESSION_IDLE_SECONDS = 600
    _logged_in(client, caseworker)
    _age(client, **{sessions.ACTIVITY_AT: 601})
    assert client.get("/")["Location"].startswith("/log-ind/?grund=inaktiv")


def test_a_busy_session_still_ends_at_its_absolute_lifetime(client, caseworker, settings):
    settings.SMAAJOB_SESSION_ABSOLUTE_SECONDS = 8 * 3600
    _logged_in(client, caseworker)
    _age(client, **{sessions.LOGIN_AT: 8 * 3600 + 1, sessions.ACTIVITY_AT: 1})
    answer = client.get("/")
    assert answer["Location"].startswith("/log-ind/?grund=udloebet")
    assert "længste tid" in client.get(answer["Location"]).content.decode()


def test_an_htmx_request_after_the_timeout_sends_the_whole_page_to_the_log_in(client, caseworker):
    _logged_in(client, caseworker)
    _age(client, **{sessions.ACTIVITY_AT: 4000})
    answer = client.get("/arbejdsliste/", headers={"HX-Request": "true"})
    assert answer.status_code == 204 and answer["HX-Redirect"].startswith("/log-ind/?grund=inaktiv")


def test_the_api_after_the_timeout_answers_as_for_a_visitor(client, caseworker):
    _logged_in(client, caseworker)
    _age(client, **{sessions.ACTIVITY_AT: 4000})
    assert client.get("/api/v1/borgere/").status_code == 401


def test_asking_how_long_is_left_does_not_keep_the_session_alive(client, caseworker):
    _logged_in(client, caseworker)
    _age(client, **{sessions.ACTIVITY_AT: 1000})
    body = client.get("/session/").json()
    assert body["logged_in"] is True and 790 <= body["idle_seconds_left"] <= 800
    assert body["warning_seconds"] == 120
    assert sessions.now() - client.session[sessions.ACTIVITY_AT] >= 1000


def test_stay_logged_in_moves_the_idle_clock(client, caseworker):
    _logged_in(client, caseworker)
    _age(client, **{sessions.ACTIVITY_AT: 1750})
    body = client.post("/session/forlaeng/").json()
    assert body["idle_seconds_left"] >= 1795


def test_a_visitor_asking_about_the_session_is_told_there_is_none(client):
    assert client.get("/session/").json() == {"logged_in": False}
    assert client.post("/session/forlaeng/").json() == {"logged_in": False}


def test_every_page_of_a_logged_in_user_carries_the_timeout_notice_and_its_script_and_no_inline_script(
    client, caseworker
):
    _logged_in(client, caseworker)
    html = client.get("/").content.decode()
    assert 'id="session-timeout"' in html and 'data-idle-seconds="1800"' in html
    assert "Forbliv logget ind" in html and "web/session-timeout.js" in html
    notice = html[html.index('id="session-timeout"') : html.index("session-timeout.js")]
    assert "style=" not in notice and "onclick" not in notice and "<script>" not in html
