# SPDX-License-Identifier: MPL-2.0
"""Writing the audit log. Called by ``smaajob.access`` for reads and by services for writes.

The channel and, where the caller has none, the actor come from the operation under way
(``smaajob.audit.context``); a caller names a channel only where it differs (the admin).

Every write extends the hash chain (``smaajob.audit.chain``) inside one transaction that holds
the chain head's row lock, so concurrent writers queue for the few statements of the insert
(on SQLite the database's own write lock already serialises them).
"""

from __future__ import annotations

from typing import Any

from django.db import connections, router, transaction
from django.utils import timezone

from smaajob.audit import chain, context
from smaajob.audit.models import AuditAction, AuditChainHead, AuditChannel, AuditEntry

HEAD_PK = 1


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
    values: dict[str, Any] = {
        "at": timezone.now(),
        "actor_id": actor.pk if getattr(actor, "pk", None) else None,
        "actor_username": getattr(actor, "username", "") or "system",
        "action": str(action),
        "channel": str(channel),
        "object_type": object_type,
        "object_id": object_id,
        "citizen_id": citizen_id,
        "detail": detail[:200],
    }
    alias = router.db_for_write(AuditEntry)
    with transaction.atomic(using=alias):
        previous = _locked_head_hash(alias)
        digest = chain.entry_hash(values, previous)
        entry = AuditEntry.objects.create(**values, prev_hash=previous, entry_hash=digest)
        _move_head(alias, digest)
    return entry


def _head_sql(alias: str) -> tuple[Any, str]:
    connection = connections[alias]
    table = connection.ops.quote_name(AuditChainHead._meta.db_table)
    return connection, table


def _locked_head_hash(alias: str) -> str:
    """The chain head's hash, its row locked until the transaction ends (``FOR UPDATE`` where
    the database has it; SQLite's immediate transaction holds the write lock already). Plain
    SQL: this runs for every audit entry, and the ORM's overhead was most of its cost."""
    connection, table = _head_sql(alias)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT last_hash FROM {table} WHERE id = %s{lock}", [HEAD_PK])
        row = cursor.fetchone()
    if row is not None:
        return str(row[0])
    # First use (a new or flushed database): start from the last entry, or the genesis.
    last = AuditEntry.objects.order_by("-id").values_list("entry_hash", flat=True).first()
    AuditChainHead.objects.get_or_create(pk=HEAD_PK, defaults={"last_hash": last or chain.GENESIS})
    return str(AuditChainHead.objects.select_for_update().get(pk=HEAD_PK).last_hash)


def _move_head(alias: str, digest: str) -> None:
    connection, table = _head_sql(alias)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET last_hash = %s WHERE id = %s", [digest, HEAD_PK])


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
    alias = router.db_for_write(AuditEntry)
    connection = connections[alias]
    field = {f.name: f for f in meta.concrete_fields}
    column = {f.name: f.column for f in meta.concrete_fields if f.column}
    prepared = [field[name].get_db_prep_save(value, connection) for name, value in fixed.items()]
    columns = [column[name] for name in fixed] + [
        column["object_id"],
        column["citizen_id"],
        column["prev_hash"],
        column["entry_hash"],
    ]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        connection.ops.quote_name(meta.db_table),
        ", ".join(connection.ops.quote_name(c) for c in columns),
        ", ".join(["%s"] * len(columns)),
    )
    values = {**fixed, "actor_id": fixed["actor"]}
    with transaction.atomic(using=alias):
        previous = _locked_head_hash(alias)
        rows = []
        for pk in citizen_ids:
            digest = chain.entry_hash({**values, "object_id": pk, "citizen_id": pk}, previous)
            rows.append((*prepared, pk, pk, previous, digest))
            previous = digest
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
        _move_head(alias, previous)


def verify_chain() -> chain.Break | None:
    """The first entry that breaks the chain, or ``None`` when the whole log holds."""
    head = AuditChainHead.objects.filter(pk=HEAD_PK).values_list("last_hash", flat=True).first()
    rows = AuditEntry.objects.order_by("id").values("id", "prev_hash", "entry_hash", *chain.FIELDS)
    # No head with entries in the log means the head row was removed: that is a break too.
    return chain.first_break(rows.iterator(chunk_size=2000), head_hash=head or chain.GENESIS)
