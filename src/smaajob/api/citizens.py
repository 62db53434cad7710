# SPDX-License-Identifier: MPL-2.0
"""API: the citizens the caller may see, through the access layer."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Router, Schema

from smaajob import access
from smaajob.audit.models import AuditChannel

PREFIX = "/borgere"
TAG = "borgere"
router = Router()


class CitizenSummary(Schema):
    id: int
    name: str
    birth_date: date
    masked_cpr: str


@router.get("/", response=list[CitizenSummary], summary="Borgere, du har adgang til")
def list_citizens(request: HttpRequest) -> list[CitizenSummary]:
    citizens = access.citizens_for(request.user).order_by("last_name", "first_name")[:500]
    rows = []
    for c in citizens:
        rows.append(CitizenSummary(id=c.pk, name=c.full_name, birth_date=c.birth_date, masked_cpr=c.masked_cpr))
    access.log_list_read(request.user, [r.id for r in rows], channel=AuditChannel.API, purpose="API: borgerliste")
    return rows


@router.get("/{citizen_id}", response=CitizenSummary, summary="Én borger (404 hvis den ikke findes eller ikke er din)")
def get_citizen(request: HttpRequest, citizen_id: int) -> CitizenSummary:
    c = access.get_citizen(request.user, citizen_id, channel=AuditChannel.API, purpose="API")
    return CitizenSummary(id=c.pk, name=c.full_name, birth_date=c.birth_date, masked_cpr=c.masked_cpr)
