# SPDX-License-Identifier: MPL-2.0
"""The worklist alert "lønseddel mangler inden den 20." for the consultants' worklist.

Registered with ``smaajob.access.worklist`` (the issue-5 alert registry) from
``MoneyConfig.ready``. The source gets the citizens the user may see, so it cannot widen access.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import QuerySet

from smaajob.citizens.models import Citizen
from smaajob.links import url_for
from smaajob.money import selectors
from smaajob.organisation.models import User
from smaajob.rules.months import danish_month, month_index

CODE = "payslip_missing"


def missing_payslip_alerts(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Any]:
    from smaajob.access.worklist import Alert

    url = url_for("money:submit_for")
    for missing in selectors.missing_payslips(on=today, municipality_id=user.municipality_id, citizens=citizens):
        days_left = (missing.deadline - today).days
        yield Alert(
            code=CODE,
            title="Lønseddel mangler (frist d. 20.)",
            citizen_id=missing.citizen.pk,
            citizen_name=missing.citizen.full_name,
            due=missing.deadline,
            url=url(missing.citizen.pk),
            action="Registrér lønseddel",
            detail=(
                f"Lønsedlen for {danish_month(month_index(missing.month))} fra "
                f"{missing.placement.company.name} skal være hos ydelseskontoret senest "
                f"{missing.deadline:%d.%m.%Y}."
            ),
            # Money is at stake: the whole benefit can be withheld after the 20th (000 L1673).
            severity="high" if days_left <= 5 else "normal",
        )


def register() -> bool:
    """Plug the source in if the registry exists (it is being written alongside this app)."""
    try:
        from smaajob.access.worklist import register_alert_source
    except ImportError:
        return False
    register_alert_source(CODE, missing_payslip_alerts, label="Lønseddel mangler")
    return True
