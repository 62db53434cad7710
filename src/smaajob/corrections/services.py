# SPDX-License-Identifier: MPL-2.0
"""Correcting and annulling a record a person entered: one transaction each, with a reason.

``correct_record`` checks the new values by the rules a new entry obeys (the kind's ``apply``,
``smaajob.corrections.kinds``), saves them and keeps the old ones in a ``Correction``.
``annul_record`` marks the record (and what hangs off it) annulled: it leaves every count,
list and report, and stays in the history and the audit log. Only a user who may write the
record may do either; to anyone else the record does not exist (``NotFound``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from smaajob.audit.context import current_channel
from smaajob.audit.models import AuditAction
from smaajob.audit.services import record as audit
from smaajob.corrections.kinds import KINDS, NOT_FOUND, RecordKind, kind_named, parse_value, reach, shown
from smaajob.corrections.models import Correction, CorrectionAction
from smaajob.errors import IllegalTransition, InvalidInput, NotFound
from smaajob.organisation.models import User

REASON_MISSING = "Skriv en begrundelse for rettelsen, fx »tastefejl: 4 timer, ikke 5«."
ANNUL_REASON_MISSING = "Skriv en begrundelse for annulleringen, fx »registreret på den forkerte borger«."


def refuse_unannullable(kind: RecordKind) -> None:
    if not kind.annullable:
        raise IllegalTransition(f"En {kind.label} annulleres ikke; ret de oplysninger, der er forkerte.")


def _writable(actor: User, kind: RecordKind, record_id: int | str) -> Any:
    if not kind.may_write(actor):
        raise NotFound(NOT_FOUND)
    return reach(actor, kind, record_id)


def _log(actor: User, kind: RecordKind, obj: Any, channel: str, detail: str) -> None:
    audit(
        actor=actor,
        action=AuditAction.UPDATE,
        channel=channel,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        citizen_id=kind.citizen_id(obj),
        detail=detail,
    )


def _history_row(
    actor: User, kind: RecordKind, obj: Any, action: str, reason: str, channel: str, changes: Any
) -> Correction:
    return Correction.objects.create(
        action=action,
        record_kind=kind.key,
        record_id=obj.pk,
        citizen_id=kind.citizen_id(obj),
        changes=changes,
        reason=reason,
        actor=actor,
        actor_name=actor.get_full_name() or actor.username,
        channel=channel,
    )


@transaction.atomic
def correct_record(
    *,
    actor: User,
    kind: str,
    record_id: int | str,
    values: dict[str, Any],
    reason: str,
    channel: str | None = None,
    today: date | None = None,
) -> Correction:
    """Correct the given fields of a record; the fields not given keep their value. ``reason`` is
    the correction's (a refusal names it ``correction_reason``: an exemption has a ``reason`` field)."""
    via = channel or current_channel()
    spec = kind_named(kind)
    obj = _writable(actor, spec, record_id)
    if getattr(obj, "annulled_at", None) is not None:
        raise IllegalTransition("Posten er annulleret og kan ikke rettes.", field="correction_reason")
    fields = {f.name: f for f in spec.fields}
    unknown = set(values) - set(fields)
    if unknown:
        allowed = ", ".join(fields)
        raise InvalidInput(f"Kan ikke rettes: {', '.join(sorted(unknown))}. Det kan: {allowed}.", field=min(unknown))
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(REASON_MISSING, field="correction_reason")
    merged = {name: getattr(obj, name) for name in fields}
    merged.update({name: parse_value(fields[name], raw) for name, raw in values.items()})
    before = {name: shown(f, getattr(obj, name)) for name, f in fields.items()}
    spec.apply(actor, obj, merged, today or timezone.localdate(), via)
    obj.refresh_from_db()
    changes = [
        {"field": name, "label": f.label, "old": before[name], "new": shown(f, getattr(obj, name)), "unit": f.unit}
        for name, f in fields.items()
        if shown(f, getattr(obj, name)) != before[name]
    ]
    if not changes:
        raise InvalidInput("Intet er ændret; ret mindst ét felt.", field=next(iter(values), next(iter(fields))))
    row = _history_row(actor, spec, obj, CorrectionAction.CORRECT, reason, via, changes)
    _log(actor, spec, obj, via, "rettet: " + ", ".join(c["field"] for c in changes))
    return row


def _annul(actor: User, kind: RecordKind, obj: Any, reason: str, channel: str, *, cause: str = "") -> None:
    if obj.annulled_at is not None:
        return
    for child_kind, child in kind.children(obj):
        _annul(actor, KINDS[child_kind], child, reason, channel, cause=f"{kind.label} annulleret")
    obj.annulled_at = timezone.now()
    obj.annulled_by = actor
    obj.annul_reason = reason
    obj.save(update_fields=["annulled_at", "annulled_by", "annul_reason"])
    changes = [{"field": "", "label": "følger af", "old": "", "new": cause, "unit": ""}] if cause else []
    _history_row(actor, kind, obj, CorrectionAction.ANNUL, reason, channel, changes)
    _log(actor, kind, obj, channel, f"annulleret ({cause})" if cause else "annulleret")


@transaction.atomic
def annul_record(*, actor: User, kind: str, record_id: int | str, reason: str, channel: str | None = None) -> Any:
    """Annul a record and what hangs off it (a placement's weeks); returns the record."""
    spec = kind_named(kind)
    obj = _writable(actor, spec, record_id)
    refuse_unannullable(spec)
    if obj.annulled_at is not None:
        raise IllegalTransition("Posten er allerede annulleret.", field="reason")
    spec.annul_check(obj)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(ANNUL_REASON_MISSING, field="reason")
    _annul(actor, spec, obj, reason, channel or current_channel())
    return obj
