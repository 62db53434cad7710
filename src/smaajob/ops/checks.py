# SPDX-License-Identifier: MPL-2.0
"""Readiness: may this app server take requests now?

A check is a function of no arguments that returns ``None`` when its part works and a short
Danish reason when it does not. It never names a person, a file or a key: the answer is public.
``SMAAJOB_READINESS_CHECKS`` (settings) names them by dotted path, so an installation adds its
own (the job worker's heartbeat, where the jobs app provides one) without changing this module.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils.module_loading import import_string

from smaajob.files.readiness import storage_problem

Check = Callable[[], "str | None"]


def database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return f"databasen svarer ikke ({type(exc).__name__})"
    return None


def storage() -> str | None:
    return storage_problem()


def configured() -> dict[str, Check]:
    """The checks by name: the last part of each dotted path (``...checks.database`` → ``database``)."""
    return {path.rsplit(".", 1)[-1]: import_string(path) for path in settings.SMAAJOB_READINESS_CHECKS}


def run() -> dict[str, str]:
    """Every configured check's answer: ``"ok"`` or its reason."""
    return {name: (check() or "ok") for name, check in configured().items()}
