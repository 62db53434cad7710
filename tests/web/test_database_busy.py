# SPDX-License-Identifier: MPL-2.0
"""Concurrent saves on SQLite (issue 22 item 2, the web load benchmark's »placering gemt: 500«).

SQLite has one writer at a time. Under 20 users on a busy machine a save waited longer than
Python's default five seconds for the write lock, failed with »database is locked« and answered
500; a session's activity stamp failed the same way and Django answered 400. Now a writer waits
(``smaajob.settings.sqlite_options``), and a wait that still runs out answers 503 »prøv igen«
with nothing saved (``smaajob.web.errors.DatabaseBusyMiddleware``).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import date, timedelta

import pytest
from django.db import OperationalError
from django.db.utils import ConnectionHandler
from django.urls import reverse

from smaajob.courses.models import HoursStep, Placement
from smaajob.settings import sqlite_options
from tests.web.test_pages import log_in

# Longer than Python's sqlite3 default busy timeout (5 s), which the settings used to leave.
HELD_SECONDS = 6.0


def test_a_writer_waits_for_another_writers_long_transaction_instead_of_failing(tmp_path, django_db_blocker):
    path = tmp_path / "db.sqlite3"
    with sqlite3.connect(path) as setup:  # a database the server has opened before: in WAL mode
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE saves (who TEXT)")
    locked, release_at = threading.Event(), threading.Event()

    def other_writer() -> None:  # another request's save, holding the write lock
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO saves VALUES ('first')")
        locked.set()
        time.sleep(HELD_SECONDS)
        other.execute("COMMIT")
        release_at.set()
        other.close()

    thread = threading.Thread(target=other_writer)
    thread.start()
    assert locked.wait(30)
    connections = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": sqlite_options({})}}
    )
    ours = connections["default"]
    try:
        with django_db_blocker.unblock(), ours.cursor() as cursor:  # the same kind of connection the web server opens
            cursor.execute("INSERT INTO saves VALUES ('second')")
        assert release_at.is_set(), "the second save went in while the first held the lock"
        with django_db_blocker.unblock(), ours.cursor() as cursor:
            cursor.execute("SELECT who FROM saves ORDER BY rowid")
            assert [row[0] for row in cursor.fetchall()] == ["first", "second"]
    finally:
        ours.close()
        thread.join()


def test_the_busy_wait_is_a_setting():
    assert sqlite_options({})["timeout"] == 30.0
    assert sqlite_options({"SMAAJOB_SQLITE_BUSY_SECONDS": "2.5"})["timeout"] == 2.5
    assert sqlite_options({})["transaction_mode"] == "IMMEDIATE"


@pytest.fixture
def locked_on_the_steps(monkeypatch):
    """The placement row is written, then its step-up meets a database still locked by others."""

    def busy(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(HoursStep.objects, "bulk_create", busy)


def test_a_placement_save_that_meets_a_locked_database_says_try_again_and_saves_nothing(
    client, consultant, citizen, course, opening, locked_on_the_steps
):
    start = date.today()
    state_before = course.state
    response = log_in(client, consultant).post(
        reverse("web:placement_new", args=[citizen.pk]),
        {
            "opening": opening.pk,
            "planned_start": start.isoformat(),
            "planned_end": (start + timedelta(weeks=4)).isoformat(),
            "step_up": "2 → 6",
            "step_every_weeks": "1",
        },
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    page = response.content.decode()
    assert "Prøv igen om et øjeblik" in page
    assert "intet er gemt" in page
    assert not Placement.objects.exists()  # the placement row written before the failure is rolled back
    course.refresh_from_db()
    assert course.state == state_before  # the walk to »Virksomhedspraktik« is rolled back too


def test_other_database_errors_are_still_errors(client, consultant, citizen, course, opening, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("no such table: courses_hoursstep")

    monkeypatch.setattr(HoursStep.objects, "bulk_create", broken)
    start = date.today()
    with pytest.raises(OperationalError):
        log_in(client, consultant).post(
            reverse("web:placement_new", args=[citizen.pk]),
            {"opening": opening.pk, "planned_start": start.isoformat(), "step_up": "2", "step_every_weeks": "1"},
        )


def test_the_api_answers_a_locked_database_with_503_database_busy(client, consultant, course, opening,
                                                                   locked_on_the_steps):
    log_in(client, consultant)
    response = client.post(
        f"/api/v1/forloeb/{course.pk}/placeringer",
        content_type="application/json",
        data={"opening_id": opening.pk, "planned_start": date.today().isoformat(), "step_up": "2 → 6"},
    )
    assert response.status_code == 503
    assert response.json()["code"] == "database_busy"
    assert "Prøv igen" in response.json()["message"]
    assert response["Retry-After"] == "5"
    assert not Placement.objects.exists()
