# SPDX-License-Identifier: MPL-2.0
"""Access to network events. Staff of the municipality (not analysts) see its events; an
employer contact sees only the events its company is invited to or registered for. Another
municipality's event is answered exactly like a missing one."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from smaajob.access.audited import get_visible
from smaajob.access.openings import NETWORK_EDITORS
from smaajob.errors import NotFound
from smaajob.events.models import Event
from smaajob.organisation.models import STAFF_ROLES, Role, User

NOT_FOUND = "Arrangementet findes ikke, eller du har ikke adgang til det."
EVENT_EDITORS = NETWORK_EDITORS


def events_for(user: User) -> QuerySet[Event]:
    if not user.is_authenticated or not user.is_active:
        return Event.objects.none()
    if user.role == Role.EMPLOYER and user.company_id is not None:
        return Event.objects.filter(
            Q(invitations__company_id=user.company_id) | Q(registrations__company_id=user.company_id)
        ).distinct()
    if user.role in STAFF_ROLES and user.role != Role.ANALYST and user.municipality_id is not None:
        return Event.objects.filter(municipality_id=user.municipality_id)
    return Event.objects.none()


def get_event(user: User, event_id: int | str) -> Event:
    return get_visible(events_for(user), event_id, not_found=NOT_FOUND)


def may_edit_events(user: User) -> bool:
    return bool(user.is_authenticated and user.role in EVENT_EDITORS)


def require_event_editor(user: User) -> None:
    if not may_edit_events(user):
        raise NotFound(NOT_FOUND)
