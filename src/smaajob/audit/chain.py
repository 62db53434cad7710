# SPDX-License-Identifier: MPL-2.0
"""The audit log's hash chain: each entry's hash covers the entry and the hash before it.

``entry_hash = SHA-256(canonical(entry) + prev_hash)``, hex. Changing, removing or inserting
an entry anywhere changes every hash after it, so ``smaajob audit verify`` finds the first
entry whose stored hash (or link) no longer matches. The head of the chain (the last hash) is
kept in a one-row table that a writer locks for the length of its insert, so two writers cannot
both link to the same entry and fork the chain.

The canonical form is a JSON array of the entry's fields in a fixed order, the timestamp as
UTC ISO 8601 with microseconds: the same on SQLite and PostgreSQL. Plain Python, so the
migration that chains existing rows computes exactly what ``record`` does.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

GENESIS = "0" * 64

# The columns the hash covers, in order. ``id`` is not among them: order is the chain itself.
FIELDS = (
    "at",
    "actor_id",
    "actor_username",
    "action",
    "channel",
    "object_type",
    "object_id",
    "citizen_id",
    "detail",
)


def _timestamp(value: datetime) -> str:
    if value.tzinfo is None:  # SQLite without USE_TZ conversion; the project stores UTC
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(values: dict[str, object]) -> bytes:
    row = [
        _timestamp(v) if name == "at" and isinstance(v, datetime) else v
        for name, v in ((name, values[name]) for name in FIELDS)
    ]
    return json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_hash(values: dict[str, object], prev_hash: str) -> str:
    return hashlib.sha256(canonical(values) + prev_hash.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class Break:
    """The first entry where the chain does not hold, and why (Danish, for the operator)."""

    entry_id: int
    reason: str


def first_break(rows: object, *, head_hash: str | None) -> Break | None:
    """Walk ``rows`` (dicts with ``id``, ``prev_hash``, ``entry_hash`` and ``FIELDS``, in id
    order) and return the first entry that breaks the chain, or ``None`` if it holds.

    ``head_hash`` is the chain head's stored hash: a log whose last entries were removed ends
    on a hash the head does not name."""
    previous = GENESIS
    last_id = 0
    for row in rows:  # type: ignore[attr-defined]
        last_id = row["id"]
        if row["prev_hash"] != previous:
            return Break(row["id"], "forbindelsen til den forrige post passer ikke (en post er slettet eller indsat)")
        if entry_hash(row, previous) != row["entry_hash"]:
            return Break(row["id"], "postens indhold passer ikke med dens hash (posten er ændret)")
        previous = row["entry_hash"]
    if head_hash is not None and head_hash != previous:
        return Break(last_id, "kædens hoved peger ikke på den sidste post (poster efter denne er slettet)")
    return None
