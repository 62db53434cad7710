# SPDX-License-Identifier: MPL-2.0
"""The worklist alert "anmodning om overdragelse": a caseworker asked to take over a citizen.

Shown to the citizen's current caseworker and that caseworker's coordinator — the two who may
answer (``smaajob.citizens.services.may_answer_transfer``) — and linking to the citizen page,
where the request is accepted or refused. A self-contained registration with
``smaajob.access.worklist`` (from ``WebConfig.ready``); the source gets the citizens the user
may see, so it cannot widen access, and the requester, who cannot see the citizen, gets no alert.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import QuerySet

from smaajob.citizens.models import Citizen, TransferRequest, TransferStatus
from smaajob.citizens.services import may_answer_transfer
from smaajob.links import url_for
from smaajob.organisation.models import Role, User

CODE = "transfer_requested"


def transfer_request_alerts(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Any]:
    from smaajob.access.worklist import Alert

    if user.role not in (Role.CASEWORKER, Role.COORDINATOR):
        return
    url = url_for("web:citizen")
    waiting = (
        TransferRequest.objects.filter(citizen__in=citizens, status=TransferStatus.PENDING)
        .select_related("citizen", "requested_by")
        .order_by("requested_at")
    )
    for transfer in waiting:
        if not may_answer_transfer(user, transfer, on=today):
            continue
        yield Alert(
            code=CODE,
            title="Anmodning om overdragelse",
            citizen_id=transfer.citizen_id,
            citizen_name=transfer.citizen.full_name,
            due=transfer.requested_at.date(),
            url=url(transfer.citizen_id),
            action="Acceptér eller afvis",
            detail=f"{transfer.requested_by.get_full_name() or transfer.requested_by.username}: {transfer.reason}",
            severity="high",
        )


def register() -> None:
    from smaajob.access.worklist import register_alert_source

    register_alert_source(CODE, transfer_request_alerts, label="Anmodning om overdragelse")
