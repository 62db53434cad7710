# SPDX-License-Identifier: MPL-2.0
"""What a valid follow-up is: checked alike when one is recorded and when one is corrected."""

from __future__ import annotations

from datetime import date

from smaajob import plausibility
from smaajob.courses.models import Attendance, Channel, Course, Placement
from smaajob.errors import InvalidInput, InvalidPeriod


def check_follow_up(
    *,
    course: Course,
    placement: Placement | None,
    happened_on: date,
    channel: str,
    attendance: str,
    effectiveness: int | None,
    next_on: date | None,
    today: date,
) -> None:
    """A follow-up that took place: not in the future, not before the course or placement
    (``smaajob.plausibility``); the next one planned at most a year ahead."""
    if channel not in Channel.values:
        raise InvalidInput(f"Kanal skal være en af {', '.join(Channel.values)}.", field="channel")
    if attendance not in Attendance.values:
        raise InvalidInput(f"Fremmøde skal være en af {', '.join(Attendance.values)}.", field="attendance")
    if effectiveness is not None and not 0 <= int(effectiveness) <= 10:
        raise InvalidInput("Effektivitet angives på en skala fra 0 til 10.", field="effectiveness")
    if next_on is not None and next_on < happened_on:
        raise InvalidPeriod("Næste opfølgning skal ligge efter denne.", field="next_on")
    if placement is not None and placement.course_id != course.pk:
        raise InvalidInput("Placeringen hører ikke til forløbet.", field="placement")
    plausibility.happened_by(happened_on, today=today, field="happened_on", what="Opfølgningen")
    plausibility.not_before(
        happened_on, course.started_on, field="happened_on", what="Opfølgningen", belongs_to="forløbet"
    )
    if placement is not None:
        plausibility.not_before(
            happened_on,
            placement.actual_start or placement.planned_start,
            field="happened_on",
            what="Opfølgningen",
            belongs_to="placeringen",
        )
    if next_on is not None:
        plausibility.plan_within(next_on, after=happened_on, field="next_on", what="Næste opfølgning")
