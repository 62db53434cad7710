# SPDX-License-Identifier: MPL-2.0
"""Demo tests share one loaded small demo per module (passwords hashed fast: tests/conftest.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING

import pytest
from django.db import transaction

if TYPE_CHECKING:
    from smaajob.demo.loader import DemoResult

TODAY = date(2026, 3, 2)

# The small demo as this test worker first loaded it, by the day it was loaded for: a copy of the
# whole SQLite database (SQLite's backup API) and what the loader returned.
_LOADED: dict[date, tuple[sqlite3.Connection, DemoResult]] = {}


@contextmanager
def small_demo_loaded(today: date) -> Iterator[DemoResult]:
    """The small demo in the database while the block runs, and the database as it was after it.

    On SQLite it is loaded once per test worker and day: the first module loads it (about 6 s of
    CPU) and keeps a copy of the loaded database; every later module gets that copy written back
    (a few milliseconds), so each starts from the very rows a load writes, with the same ids. The
    database as it was before is copied first and written back at the end, so the demo stays in
    no other module. Each test's own writes are a savepoint rolled back after it (``db``). A copy
    cannot be taken inside an open transaction, so on SQLite the demo's rows are committed while
    the block runs. Other databases load it inside a transaction rolled back at the end."""
    from django.db import connection

    from smaajob.demo.loader import load_demo

    if connection.vendor != "sqlite":
        with transaction.atomic():
            yield load_demo("small", today=today)
            transaction.set_rollback(True)
        return
    connection.ensure_connection()
    assert not connection.in_atomic_block, "a copy cannot be written back inside a transaction"
    before = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(before)
    try:
        if today in _LOADED:
            copy, result = _LOADED[today]
            copy.backup(connection.connection)
        else:
            result = load_demo("small", today=today)
            copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(copy)
            _LOADED[today] = (copy, result)
        yield result
    finally:
        before.backup(connection.connection)
        before.close()


@pytest.fixture(scope="module")
def small_demo(django_db_setup, django_db_blocker):
    """The small demo, in the database for the module's tests (``small_demo_loaded``)."""
    with django_db_blocker.unblock(), small_demo_loaded(TODAY) as result:
        yield result
