# SPDX-License-Identifier: MPL-2.0
"""API: the caller's worklist — the same alerts as the page, from the same sources."""

from __future__ import annotations

from datetime import date

from ninja import Router, Schema
from ninja.pagination import paginate

from smaajob.access.requests import AuthenticatedRequest
from smaajob.access.worklist import worklist as build_worklist
from smaajob.api.pagination import Pages, Rows
from smaajob.audit.models import AuditChannel

PREFIX = "/arbejdsliste"
TAG = "arbejdsliste"
router = Router()


class AlertOut(Schema):
    code: str
    title: str
    citizen_id: int
    citizen_name: str
    due: date
    url: str
    action: str
    detail: str
    severity: str


@router.get("/", response=list[AlertOut], summary="Dine advarsler, de mest presserende først")
@paginate(Pages)
def my_worklist(request: AuthenticatedRequest) -> Rows:
    # The whole list is built (its order is by urgency across every source) and logged as it
    # is built, by the access layer; the page is then cut from it.
    return Rows(build_worklist(request.user, channel=AuditChannel.API), lambda a: AlertOut(**a.to_dict()))
