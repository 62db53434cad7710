# SPDX-License-Identifier: MPL-2.0
"""Follow-ups (opfølgning) that took place."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from smaajob.audit.models import AuditAction
from smaajob.courses.follow_up_rules import check_follow_up
from smaajob.courses.models import (
    Course,
    FollowUp,
    Placement,
)
from smaajob.courses.services._audit import _log
from smaajob.organisation.models import User


@transaction.atomic
def record_follow_up(
    *,
    actor: User,
    course: Course,
    happened_on: date,
    channel: str,
    attendance: str,
    placement: Placement | None = None,
    tasks: str = "",
    effectiveness: int | None = None,
    notes: str = "",
    next_on: date | None = None,
    today: date | None = None,
) -> FollowUp:
    """A follow-up that took place: not in the future, not before the course or placement
    (``smaajob.plausibility``); the next one planned at most a year ahead."""
    check_follow_up(
        course=course,
        placement=placement,
        happened_on=happened_on,
        channel=channel,
        attendance=attendance,
        effectiveness=effectiveness,
        next_on=next_on,
        today=today or date.today(),
    )
    row = FollowUp.objects.create(
        course=course,
        placement=placement,
        happened_on=happened_on,
        by=actor,
        channel=channel,
        attendance=attendance,
        tasks=tasks,
        effectiveness=effectiveness,
        notes=notes,
        next_on=next_on,
    )
    _log(actor, AuditAction.CREATE, row, course.citizen_id)
    return row
