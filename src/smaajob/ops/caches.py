# SPDX-License-Identifier: MPL-2.0
"""The ``CACHES`` setting from the environment: per machine by default, shared with several servers.

* ``SMAAJOB_CACHE=local`` (default) — the default cache in the process's memory and the matching
  pool's cache in files under ``var/cache`` (shared by the processes of one machine).
* ``SMAAJOB_CACHE=database`` — both in the database (Django's database cache, two tables made by
  ``smaajob migrate``), so every app server behind a load balancer shares them.

Nothing in a cache is the only copy of anything: the matching pool checks the database's change
log before it trusts a kept pool (``smaajob.courses.selectors.opening_pool``), and sessions live
in the database anyway (Django's default session engine). A shared cache saves each server
building the same pool; it is not needed for correctness.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

MATCHING_TIMEOUT = 2 * 24 * 3600  # keys carry the day; yesterday's pools age out


def caches_from_environment(environ: Mapping[str, str], *, var_dir: Path) -> dict[str, dict[str, Any]]:
    kind = environ.get("SMAAJOB_CACHE", "local").strip().lower() or "local"
    if kind == "local":
        return {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "matching": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(var_dir / "cache" / "matching"),
                "TIMEOUT": MATCHING_TIMEOUT,
                "OPTIONS": {"MAX_ENTRIES": 200},
            },
        }
    if kind == "database":
        database_cache = "django.core.cache.backends.db.DatabaseCache"
        return {
            "default": {"BACKEND": database_cache, "LOCATION": "smaajob_cache"},
            "matching": {
                "BACKEND": database_cache,
                "LOCATION": "smaajob_matching_cache",
                "TIMEOUT": MATCHING_TIMEOUT,
                "OPTIONS": {"MAX_ENTRIES": 200},
            },
        }
    raise ValueError(f"SMAAJOB_CACHE={kind!r} kendes ikke: skriv 'local' (denne maskine) eller 'database' (delt).")
