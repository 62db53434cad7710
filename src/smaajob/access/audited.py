# SPDX-License-Identifier: MPL-2.0
"""The one way to fetch a protected record by id (Zulip's ``access_*_common``).

The caller passes the queryset of what the user may see; a record outside it and a record
that does not exist give the same ``NotFound`` with the same message, so a probe learns
nothing. ``get_audited`` also writes the audit entry: ``read`` against the record's citizen,
or ``denied`` when there was nothing to give. Channel and actor of the entry come from the
operation under way (``smaajob.audit.context``) unless the caller names a channel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model, QuerySet

from smaajob.audit.models import AuditAction
from smaajob.audit.services import record as audit
from smaajob.errors import NotFound


def parse_id(value: int | str, *, not_found: str) -> int:
    """An id from a URL or a form; anything that is not a whole number is simply not found."""
    try:
        return int(value)
    except (TypeError, ValueError):
        raise NotFound(not_found) from None


def get_visible[M: Model](visible: QuerySet[M], object_id: int | str, *, not_found: str) -> M:
    """The record with ``object_id`` among ``visible``, for records without personal data."""
    row = visible.filter(pk=parse_id(object_id, not_found=not_found)).first()
    if row is None:
        raise NotFound(not_found)
    return row


def get_audited[M: Model](
    user: Any,
    visible: QuerySet[M],
    object_id: int | str,
    *,
    object_type: str,
    citizen_of: Callable[[M], int | None],
    not_found: str,
    channel: str | None = None,
    purpose: str = "",
    denied_citizen_id: bool = False,
) -> M:
    """The record with ``object_id`` among ``visible``, audit-logged either way.

    ``citizen_of`` names the citizen the record is about (the entry's ``citizen_id``); a
    denied look-up of a citizen itself logs the asked-for id as citizen (``denied_citizen_id``),
    so that the citizen's log shows the attempt.
    """
    pk = parse_id(object_id, not_found=not_found)
    row = visible.filter(pk=pk).first()
    if row is None:
        action, citizen_id = AuditAction.DENIED, (pk if denied_citizen_id else None)
    else:
        action, citizen_id = AuditAction.READ, citizen_of(row)
    audit(
        actor=user,
        action=action,
        channel=channel,
        object_type=object_type,
        object_id=pk,
        citizen_id=citizen_id,
        detail=purpose,
    )
    if row is None:
        raise NotFound(not_found)
    return row
