# SPDX-License-Identifier: MPL-2.0
"""API: correct or annul a record a person entered, and read its history — the same kinds,
checks and access rules as the pages (``smaajob.corrections``); refusals in the API's error
body (``code``, ``message``, ``field``).

Kinds: ``visitation``, ``ressourceafdaekning``, ``placering``, ``uge``, ``opfoelgning``,
``fritagelse``, ``jobaabning``, ``loenseddel``.
"""

from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema

from smaajob.access.requests import AuthenticatedRequest
from smaajob.api.types import Id, Text
from smaajob.audit.models import AuditAction, AuditChannel
from smaajob.audit.services import record as audit
from smaajob.corrections import services
from smaajob.corrections.kinds import NOT_FOUND, kind_named, reach
from smaajob.corrections.selectors import history_of
from smaajob.errors import NotFound

PREFIX = "/rettelser"
TAG = "rettelser"
router = Router()
API = AuditChannel.API


class CorrectionIn(Schema):
    values: dict[str, str | int | float | None]
    correction_reason: Text = ""


class AnnulIn(Schema):
    reason: Text = ""


class ChangeOut(Schema):
    field: str
    label: str
    old: str
    new: str


class HistoryLineOut(Schema):
    action: str
    at: datetime
    actor: str
    reason: str
    changes: list[ChangeOut]
    text: str


class RecordHistoryOut(Schema):
    kind: str
    id: int
    annulled: bool
    history: list[HistoryLineOut]


def _history(request: AuthenticatedRequest, kind: str, record_id: int) -> RecordHistoryOut:
    spec = kind_named(kind)
    if not spec.may_write(request.user):
        raise NotFound(NOT_FOUND)
    obj = reach(request.user, spec, record_id)
    audit(
        actor=request.user,
        action=AuditAction.READ,
        channel=API,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        citizen_id=spec.citizen_id(obj),
        detail="historik",
    )
    return RecordHistoryOut(
        kind=spec.key,
        id=obj.pk,
        annulled=getattr(obj, "annulled_at", None) is not None,
        history=[
            HistoryLineOut(
                action=line.correction.action,
                at=line.correction.at,
                actor=line.correction.actor_name,
                reason=line.correction.reason,
                changes=[
                    ChangeOut(**{k: c[k] for k in ("field", "label", "old", "new")}) for c in line.correction.changes
                ],
                text=line.text,
            )
            for line in history_of(spec.key, obj.pk)
        ],
    )


@router.get("/{kind}/{record_id}", response=RecordHistoryOut, summary="En posts historik (rettelser og annullering)")
def record_history(request: AuthenticatedRequest, kind: str, record_id: Id) -> RecordHistoryOut:
    return _history(request, kind, record_id)


@router.patch("/{kind}/{record_id}", response=RecordHistoryOut, summary="Ret en post (med begrundelse)")
def correct(request: AuthenticatedRequest, kind: str, record_id: Id, payload: CorrectionIn) -> RecordHistoryOut:
    services.correct_record(
        actor=request.user,
        kind=kind,
        record_id=record_id,
        values=payload.values,
        reason=payload.correction_reason,
        channel=API,
    )
    return _history(request, kind, record_id)


@router.post("/{kind}/{record_id}/annuller", response=RecordHistoryOut, summary="Annullér en post (med begrundelse)")
def annul(request: AuthenticatedRequest, kind: str, record_id: Id, payload: AnnulIn) -> RecordHistoryOut:
    services.annul_record(actor=request.user, kind=kind, record_id=record_id, reason=payload.reason, channel=API)
    return _history(request, kind, record_id)
