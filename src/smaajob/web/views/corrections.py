# SPDX-License-Identifier: MPL-2.0
"""Correcting and annulling a record: its history page, the "Ret" and the "Annullér" form.

Thin: the kind table (``smaajob.corrections.kinds``) says what may be corrected and by whom;
``smaajob.corrections.services`` checks and saves; refusals go next to the field they name.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from smaajob.access.requests import AuthenticatedRequest
from smaajob.audit.models import AuditAction
from smaajob.audit.services import record as audit
from smaajob.corrections import services
from smaajob.corrections.kinds import NOT_FOUND, RecordKind, kind_named, reach, shown
from smaajob.corrections.selectors import history_of
from smaajob.errors import NotFound
from smaajob.web.errors import renders_errors
from smaajob.web.form_pages import form_page
from smaajob.web.forms.corrections import AnnulForm, CorrectionForm


def _record(request: AuthenticatedRequest, key: str, record_id: int, purpose: str) -> tuple[RecordKind, Any]:
    kind = kind_named(key)
    if not kind.may_write(request.user):
        raise NotFound(NOT_FOUND)
    obj = reach(request.user, kind, record_id)
    audit(
        actor=request.user,
        action=AuditAction.READ,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        citizen_id=kind.citizen_id(obj),
        detail=purpose,
    )
    return kind, obj


def _context(kind: RecordKind, obj: Any) -> dict[str, Any]:
    page, arg = kind.page(obj)
    return {
        "kind": kind,
        "record": obj,
        "title": kind.describe(obj),
        "back": reverse(page, args=[arg]),
        "annulled": getattr(obj, "annulled_at", None) is not None,
        "values": [(spec.label, shown(spec, getattr(obj, spec.name))) for spec in kind.fields],
        "history": history_of(kind.key, obj.pk),
    }


@login_required
@renders_errors
def record_history(request: AuthenticatedRequest, kind: str, record_id: int) -> HttpResponse:
    spec, obj = _record(request, kind, record_id, "historik")
    return render(request, "web/corrections/record.html", _context(spec, obj))


@login_required
@renders_errors
def correct(request: AuthenticatedRequest, kind: str, record_id: int) -> HttpResponse:
    spec, obj = _record(request, kind, record_id, "rettelse")
    form = CorrectionForm(request.POST or None, kind=spec, record=obj)
    return form_page(
        request,
        form,
        save=lambda data: services.correct_record(
            actor=request.user, kind=spec.key, record_id=obj.pk, values=form.values(), reason=data["correction_reason"]
        ),
        done=f"{spec.label[:1].upper()}{spec.label[1:]} er rettet.",
        then=("web:record_history", spec.key, obj.pk),
        template="web/corrections/form.html",
        context=lambda: _context(spec, obj) | {"submit": "Gem rettelsen", "heading": f"Ret: {spec.describe(obj)}"},
    )


@login_required
@renders_errors
def annul(request: AuthenticatedRequest, kind: str, record_id: int) -> HttpResponse:
    spec, obj = _record(request, kind, record_id, "annullering")
    services.refuse_unannullable(spec)
    return form_page(
        request,
        AnnulForm(request.POST or None),
        save=lambda data: services.annul_record(
            actor=request.user, kind=spec.key, record_id=obj.pk, reason=data["reason"]
        ),
        done=f"{spec.label[:1].upper()}{spec.label[1:]} er annulleret.",
        then=("web:record_history", spec.key, obj.pk),
        template="web/corrections/form.html",
        context=lambda: _context(spec, obj)
        | {"submit": "Annullér", "heading": f"Annullér: {spec.describe(obj)}", "annul_form": True},
    )
