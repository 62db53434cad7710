# SPDX-License-Identifier: MPL-2.0
"""Access to openings (small tasks): staff see the municipality's shared network, an
employer contact only its own company's openings. No personal data is involved."""

from __future__ import annotations

from django.db.models import QuerySet

from smaajob.access.audited import get_visible
from smaajob.access.companies import companies_for
from smaajob.errors import NotFound
from smaajob.network.models import Opening
from smaajob.organisation.models import Role, User

NOT_FOUND = "Jobåbningen findes ikke, eller du har ikke adgang til den."
NETWORK_EDITORS = frozenset({Role.CONSULTANT, Role.COORDINATOR, Role.CASEWORKER, Role.ADMINISTRATOR})


def openings_for(user: User) -> QuerySet[Opening]:
    return Opening.objects.filter(company__in=companies_for(user))


def get_opening(user: User, opening_id: int | str) -> Opening:
    return get_visible(openings_for(user).select_related("company", "buddy"), opening_id, not_found=NOT_FOUND)


def may_edit_network(user: User) -> bool:
    """Staff keep the shared network; an employer may add tasks for its own company only."""
    return bool(user.is_authenticated and (user.role in NETWORK_EDITORS or user.role == Role.EMPLOYER))


def require_network_editor(user: User) -> None:
    if not may_edit_network(user):
        raise NotFound(NOT_FOUND)
