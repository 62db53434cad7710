# SPDX-License-Identifier: MPL-2.0
"""The municipality a staff user writes into: their own. A user without one (a misconfigured
account) gets the "not found" of a missing page, not a database error for a record with no
municipality."""

from __future__ import annotations

from smaajob.access.cases import PAGE_NOT_FOUND
from smaajob.errors import NotFound
from smaajob.organisation.models import Municipality, User


def own_municipality(user: User) -> Municipality:
    municipality = user.municipality
    if municipality is None:
        raise NotFound(PAGE_NOT_FOUND)
    return municipality
