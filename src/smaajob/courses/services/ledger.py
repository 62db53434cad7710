# SPDX-License-Identifier: MPL-2.0
"""The weekly hours ledger: one week, the weekly screen's many rows, the employer's confirmation."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Sum

from smaajob.audit.models import AuditAction
from smaajob.courses.ledger_rules import check_week_hours
from smaajob.courses.models import (
    HoursSource,
    Placement,
    WeeklyHours,
)
from smaajob.courses.services._audit import _log
from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidHours, InvalidInput, InvalidPeriod, OverlappingActivity
from smaajob.hours import HOURS_IN_WEEK, parse_hours
from smaajob.organisation.models import User


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@transaction.atomic
def record_week(
    *,
    actor: User,
    placement: Placement,
    week: date,
    hours_present: Any,
    hours_paid: Any = 0,
    hours_effective: Any = None,
    hours_training: Any = 0,
    source: str = HoursSource.CONSULTANT,
    today: date | None = None,
) -> WeeklyHours:
    """Record (or correct) one week of the hours ledger for a placement."""
    week_start = monday_of(week)
    today = today or date.today()
    present = parse_hours(hours_present, field="hours_present")
    paid = parse_hours(hours_paid, field="hours_paid")
    training = parse_hours(hours_training, field="hours_training")
    effective = parse_hours(hours_effective, field="hours_effective", allow_blank=True)
    assert present is not None and paid is not None and training is not None
    effective = paid if effective is None else effective
    if source not in HoursSource.values:
        raise InvalidInput(f"Kilde skal være en af {', '.join(HoursSource.values)}.", field="source")
    if week_start > today:
        raise InvalidPeriod("Ugen er ikke begyndt endnu; timer registreres bagud.", field="week")
    start = placement.actual_start or placement.planned_start
    end = placement.actual_end
    if week_start + timedelta(days=6) < start or (end is not None and week_start > end):
        raise InvalidPeriod(f"Uge {week_start.isocalendar().week} ligger uden for placeringens periode.", field="week")
    check_week_hours(kind=placement.kind, present=present, paid=paid, effective=effective, training=training)
    other = WeeklyHours.objects.filter(
        placement__course__citizen_id=placement.course.citizen_id, week_start=week_start
    ).exclude(placement=placement).aggregate(total=Sum("hours_present"))["total"] or Decimal(0)
    if other + present > HOURS_IN_WEEK:
        raise OverlappingActivity(
            f"Borgeren har allerede {other} timer i andre placeringer denne uge; "
            f"med {present} mere bliver det over 168 timer.",
            field="hours_present",
        )
    row, created = WeeklyHours.objects.update_or_create(
        placement=placement,
        week_start=week_start,
        defaults={
            "hours_present": present,
            "hours_paid": paid,
            "hours_effective": effective,
            "hours_training": training,
            "source": source,
            "recorded_by": actor,
            "confirmed_by_employer": source == HoursSource.EMPLOYER,
        },
    )
    _log(
        actor,
        AuditAction.CREATE if created else AuditAction.UPDATE,
        row,
        placement.course.citizen_id,
        f"uge {format_date(week_start)}",
    )
    return row


@transaction.atomic
def record_weeks(*, actor: User, rows: list[dict[str, Any]], today: date | None = None) -> dict[str, Any]:
    """The weekly hours screen: many placements at once, all or nothing.

    ``rows`` hold ``key``, ``placement``, ``week`` and the hours. Returns ``{key: error}``;
    when any row is refused, nothing is written and every refusal is reported.
    """
    errors: dict[str, Any] = {}
    for row in rows:
        try:
            with transaction.atomic():
                record_week(
                    actor=actor,
                    placement=row["placement"],
                    week=row["week"],
                    hours_present=row["hours_present"],
                    hours_paid=row.get("hours_paid") or 0,
                    hours_effective=row.get("hours_effective"),
                    hours_training=row.get("hours_training") or 0,
                    today=today,
                )
        except (InvalidInput, InvalidHours, InvalidPeriod, OverlappingActivity) as error:
            errors[row["key"]] = error
    if errors:
        transaction.set_rollback(True)
    return errors


@transaction.atomic
def confirm_week(*, actor: User, row: WeeklyHours) -> WeeklyHours:
    """The employer confirms a recorded week (journey 8)."""
    if actor.role != "employer" or row.placement.company_id != actor.company_id:
        raise InvalidInput("Kun virksomheden selv kan bekræfte ugens timer.", field="confirmed_by_employer")
    row.confirmed_by_employer = True
    row.save(update_fields=["confirmed_by_employer"])
    _log(
        actor, AuditAction.UPDATE, row, row.placement.course.citizen_id, f"bekræftet uge {format_date(row.week_start)}"
    )
    return row
