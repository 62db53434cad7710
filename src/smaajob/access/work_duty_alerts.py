# SPDX-License-Identifier: MPL-2.0
"""The worklist alert "arbejdspligt: timerne er ikke planlagt".

A citizen under the work duty (arbejdspligt) must have activities planned, up to 37 hours a
week (småjob hours count); a recorded duty without planned hours is a case left hanging.
Registered with ``smaajob.access.worklist`` from ``WebConfig.ready``; the source gets the
citizens the user may see, so it cannot widen access.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.db.models import Q, QuerySet

from smaajob.access.worklist import Alert
from smaajob.citizens.models import Citizen, WorkDuty
from smaajob.links import url_for
from smaajob.organisation.models import User

CODE = "work_duty_unplanned"
LABEL = "Arbejdspligt uden planlagte timer"
# A week to plan the hours after the duty starts before the alert turns urgent.
GRACE = timedelta(days=7)


def work_duty_unplanned(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Alert]:
    rows = (
        WorkDuty.objects.filter(citizen__in=citizens, valid_from__lte=today, planned_hours_per_week__isnull=True)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .order_by("valid_from", "id")
        .values_list("citizen_id", "citizen__first_name", "citizen__last_name", "valid_from", "legal_basis")
    )
    url = url_for("web:work_duty")
    for citizen_id, first, last, valid_from, legal_basis in rows:
        yield Alert(
            code=CODE,
            title="Arbejdspligt: timerne er ikke planlagt",
            citizen_id=citizen_id,
            citizen_name=f"{first} {last}",
            due=valid_from + GRACE,
            url=url(citizen_id),
            action="Planlæg timerne i arbejdspligten",
            detail=f"Omfattet fra {valid_from:%d.%m.%Y} ({legal_basis})",
            severity="high" if valid_from + GRACE < today else "normal",
        )


def register() -> None:
    from smaajob.access.worklist import register_alert_source

    register_alert_source(CODE, work_duty_unplanned, label=LABEL)
