# SPDX-License-Identifier: MPL-2.0
"""Reports read from a PostgreSQL read replica when one is configured (issue 16, item 4).

A municipality's dashboards, exports and evaluation PDFs read every course, placement and
week of the municipality; on a shared installation those reads should not compete with the
caseworkers' saves. With ``DATABASE_REPLICA_URL`` set, ``settings.DATABASES`` gains the alias
``replica`` and ``ReplicaRouter`` sends the reads made inside ``report_reads()`` there:

    with report_reads():
        tables = load_tables(...)

Everything else — every write, and every read outside the block (log-in, the audit log's
own chain, a caseworker's pages) — goes to ``default``. A replica lags its primary by a
moment; a report is a count over weeks and months, so a few seconds' lag is acceptable, a
page that shows what was just saved is not, and so the choice is made per block, never
globally. Without a replica the block changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings

REPLICA = "replica"

_reading_reports: ContextVar[bool] = ContextVar("smaajob_reading_reports", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def report_reads() -> Iterator[None]:
    """Reads inside the block go to the replica, when there is one."""
    token = _reading_reports.set(True)
    try:
        yield
    finally:
        _reading_reports.reset(token)


class ReplicaRouter:
    """``DATABASE_ROUTERS`` entry: report reads to ``replica``, all else to ``default``."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str | None:
        if _reading_reports.get() and replica_configured():
            return REPLICA
        return None

    def db_for_write(self, model: type[Any], **hints: Any) -> str | None:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # Both aliases hold the same database: a row read from the replica may be linked to one
        # written on the primary.
        return True

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool | None:
        # A streaming replica is read-only: migrations run on the primary and replicate.
        return db != REPLICA
