# SPDX-License-Identifier: MPL-2.0
"""Det Fælles Designsystem (DKFDS): where its files are and whether the pages use them.

``scripts/fetch-dkfds`` installs the pinned npm package ``dkfds`` into ``var/dkfds/`` (never
committed); settings serve its ``dist/`` folder as static files under ``/static/dkfds/``. When
it is missing (no npm on the machine) the pages load Småjob's own plain stylesheet instead and
work the same: the markup is DKFDS's, the look falls back (docs/working-tool.md).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # settings import this module: it loads no part of Django itself
    from django.http import HttpRequest

# The package's compiled files: css/, js/, fonts/ and img/ (the CSS finds the fonts by ../fonts/).
DEFAULT_DIST = Path(__file__).resolve().parents[3] / "var" / "dkfds" / "node_modules" / "dkfds" / "dist"
STATIC_PREFIX = "dkfds"


def dist_dir() -> Path:
    """The folder with DKFDS's compiled files; SMAAJOB_DKFDS_DIR points elsewhere."""
    return Path(os.environ.get("SMAAJOB_DKFDS_DIR", DEFAULT_DIST))


def staticfiles_dirs() -> list[tuple[str, str]]:
    """The STATICFILES_DIRS entry for DKFDS, or none when it has not been fetched."""
    dist = dist_dir()
    return [(STATIC_PREFIX, str(dist))] if (dist / "css" / "dkfds.min.css").is_file() else []


@cache
def available() -> bool:
    """Whether settings serve DKFDS (decided once: the static finders are fixed at start-up)."""
    from django.conf import settings

    return any(prefix == STATIC_PREFIX for prefix, _ in getattr(settings, "STATICFILES_DIRS", []))


def design_system(request: HttpRequest) -> dict[str, Any]:
    """Context processor: ``dkfds`` tells base.html to load DKFDS's stylesheet and script."""
    return {"dkfds": available()}
