# SPDX-License-Identifier: MPL-2.0
"""Copying the database out and back in, with each engine's own tools.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies a consistent database while
the server writes. PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore`` (the client tools
of the server's major version or newer); the password goes to them in ``PGPASSWORD``, never on
the command line, where ``ps`` would show it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connection

from smaajob.errors import InvalidInput

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
MEMBER = {SQLITE: "database.sqlite3", POSTGRESQL: "database.pgdump"}


def engine() -> str:
    vendor = connection.vendor
    if vendor not in MEMBER:
        raise InvalidInput(f"smaajob backup kan tage SQLite og PostgreSQL, ikke {vendor}.", field="database")
    return vendor


def is_empty() -> bool:
    """No table of Småjob's (nor Django's migration record) exists yet."""
    return not connection.introspection.table_names()


def dump(into: Path) -> None:
    """The database, consistent, into the file ``into``."""
    if engine() == SQLITE:
        connection.ensure_connection()
        target = sqlite3.connect(into)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        _pg_tool("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={into}")


def load(source: Path) -> None:
    """Load a dump made by :func:`dump` into this (empty) database."""
    if engine() == SQLITE:
        connection.ensure_connection()
        origin = sqlite3.connect(source)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
        connection.close()  # Django's connection saw the empty schema; start afresh
    else:
        connection.close()  # pg_restore needs no competing session of ours
        _pg_tool("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                 str(source))


def _pg_tool(tool: str, *args: str) -> None:
    program = shutil.which(tool)
    if program is None:
        raise InvalidInput(
            f"{tool} findes ikke på denne maskine: installér PostgreSQL' klientværktøjer i samme version som "
            "serveren eller nyere (Debian/Ubuntu: apt install postgresql-client).",
            field="database",
        )
    settings: dict[str, Any] = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(settings.get("PASSWORD") or "")}
    target = ["--host", str(settings.get("HOST") or "localhost"), "--port", str(settings.get("PORT") or 5432),
              "--username", str(settings.get("USER") or ""), "--dbname", str(settings["NAME"])]
    done = subprocess.run([program, *target, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        # The tools' own (English) reason, after a Danish explanation: an operator needs both.
        reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
        raise InvalidInput(f"{tool} lykkedes ikke for databasen {settings['NAME']}: {reason}", field="database")
