# SPDX-License-Identifier: MPL-2.0
"""Who may import and export a municipality's data in bulk: its coordinators and administrators
(issue 17). An import writes citizens, CPR numbers and hours for the whole municipality, so it
is not a caseworker's tool; anyone else gets the same "not found" as for a missing page."""

from __future__ import annotations

from typing import Any

from smaajob.access.cases import PAGE_NOT_FOUND
from smaajob.access.municipalities import own_municipality
from smaajob.errors import NotFound
from smaajob.organisation.models import Municipality, Role

IMPORTERS = frozenset({Role.COORDINATOR, Role.ADMINISTRATOR})


def may_import(user: Any) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.role in IMPORTERS
        and user.municipality_id is not None
    )


# A run of another municipality answers as a missing page does (the role gate's answer too).
RUN_NOT_FOUND = PAGE_NOT_FOUND


def require_importer(user: Any) -> None:
    if not may_import(user):
        raise NotFound(PAGE_NOT_FOUND)


def importer_municipality(user: Any) -> Municipality:
    """The municipality an importer imports into and exports from: their own."""
    require_importer(user)
    return own_municipality(user)
