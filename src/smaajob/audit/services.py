# SPDX-License-Identifier: MPL-2.0
"""Writing the audit log. Called by ``smaajob.access`` for reads and by services for writes."""

from __future__ import annotations

from typing import Any

from smaajob.audit.models import AuditAction, AuditChannel, AuditEntry


def record(
    *,
    actor: Any,
    action: AuditAction | str,
    channel: AuditChannel | str,
    object_type: str,
    object_id: int | None = None,
    citizen_id: int | None = None,
    detail: str = "",
) -> AuditEntry:
    # ``detail`` must never hold a CPR number; callers pass ids and field names only.
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_username=getattr(actor, "username", "") or "system",
        action=action,
        channel=channel,
        object_type=object_type,
        object_id=object_id,
        citizen_id=citizen_id,
        detail=detail[:200],
    )
