# SPDX-License-Identifier: MPL-2.0
"""A new, empty database in place of the test database, for tests of one migration.

Such a test migrates the scratch database forward from nothing to the migration before the one
it tests (only that migration's ancestors, a few seconds), instead of unapplying the test
database's whole history and applying it again afterwards (half a minute on SQLite, where each
step back rebuilds a table).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper


@contextmanager
def scratch_database(tmp_path: Path) -> Iterator[BaseDatabaseWrapper]:
    """An empty database of the test database's kind as ``connections["default"]`` while the block
    runs (every model, historical or not, reads and writes it); the test database is not touched.

    The caller allows database access (``django_db_blocker.unblock()``) and asks for no ``db``."""
    test_database = connections["default"]
    if test_database.vendor == "sqlite":
        with _swapped(test_database, str(tmp_path / "scratch.sqlite3")) as scratch:
            yield scratch
        return
    assert test_database.vendor == "postgresql", test_database.vendor
    name = f"smaajob_migration_{uuid.uuid4().hex[:10]}"
    with _postgres_admin(test_database) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        with _swapped(test_database, name) as scratch:
            yield scratch
    finally:
        with _postgres_admin(test_database) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _postgres_admin(test_database: BaseDatabaseWrapper) -> psycopg.Connection[tuple[object, ...]]:
    """A connection of its own to the test database's server (on the test database, which exists)."""
    settings = test_database.settings_dict
    return psycopg.connect(
        host=str(settings["HOST"]),
        port=int(settings["PORT"] or 5432),
        user=str(settings["USER"]),
        password=str(settings["PASSWORD"]),
        dbname=str(settings["NAME"]),
        autocommit=True,
    )


@contextmanager
def _swapped(test_database: BaseDatabaseWrapper, name: str) -> Iterator[BaseDatabaseWrapper]:
    scratch = type(test_database)({**test_database.settings_dict, "NAME": name}, alias="default")
    connections["default"] = scratch
    try:
        yield scratch
    finally:
        scratch.close()
        connections["default"] = test_database
