# SPDX-License-Identifier: MPL-2.0
"""Writing the audit log. Called by ``smaajob.access`` for reads and by services for writes.

The channel and, where the caller has none, the actor come from the operation under way
(``smaajob.audit.context``); a caller names a channel only where it differs (the admin).
"""

from __future__ import annotations

from typing import Any

from django.db import connections, router
from django.utils import timezone

from smaajob.audit import context
from smaajob.audit.models import AuditAction, AuditChannel, AuditEntry


def _who(actor: Any, channel: AuditChannel | str | None) -> tuple[Any, str]:
    operation = context.current()
    return (actor if actor is not None else operation.actor), str(channel or operation.channel)


def record(
    *,
    actor: Any,
    action: AuditAction | str,
    channel: AuditChannel | str | None = None,
    object_type: str,
    object_id: int | None = None,
    citizen_id: int | None = None,
    detail: str = "",
) -> AuditEntry:
    # ``detail`` must never hold a CPR number; callers pass ids and field names only.
    actor, channel = _who(actor, channel)
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


def record_many(
    *,
    actor: Any,
    action: AuditAction | str,
    channel: AuditChannel | str | None = None,
    object_type: str,
    citizen_ids: list[int],
    detail: str = "",
) -> None:
    """One row per citizen, written in one statement: a list page names many citizens.

    The rows are exactly those ``record`` would write (same columns, one timestamp), but
    without building a model instance per row, which cost more than the page itself.
    """
    if not citizen_ids:
        return
    actor, channel = _who(actor, channel)
    meta = AuditEntry._meta
    fixed: dict[str, Any] = {
        "at": timezone.now(),
        "actor": actor.pk if getattr(actor, "pk", None) else None,
        "actor_username": getattr(actor, "username", "") or "system",
        "action": str(action),
        "channel": str(channel),
        "object_type": object_type,
        "detail": detail[:200],
    }
    connection = connections[router.db_for_write(AuditEntry)]
    field = {f.name: f for f in meta.concrete_fields}
    column = {f.name: f.column for f in meta.concrete_fields if f.column}
    prepared = [field[name].get_db_prep_save(value, connection) for name, value in fixed.items()]
    columns = [column[name] for name in fixed] + [column["object_id"], column["citizen_id"]]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        connection.ops.quote_name(meta.db_table),
        ", ".join(connection.ops.quote_name(c) for c in columns),
        ", ".join(["%s"] * len(columns)),
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(*prepared, pk, pk) for pk in citizen_ids])
