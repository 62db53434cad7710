# SPDX-License-Identifier: MPL-2.0
"""The bulk path for weekly hours: a sync brings tens of thousands of weeks, and writing them one
``record_week`` at a time (six statements and a savepoint a row) is what made an import of
100,000 rows take half an hour (docs/performance.md).

The checks are ``record_week``'s own, in the same order and with the same functions and messages:
the week has begun (not after today), it lies within the placement's period,
``check_week_hours`` (paid ≤ present, training only in a placement, effective ≤ paid …), and the
citizen's hours across all placements stay within 168 a week — summed in memory over the
database's weeks and the file's rows before them. What is written is what ``record_week`` writes
(source *consultant*, the importing user, not confirmed by the employer, effective hours
defaulting to paid), with one audit entry per week on the import channel — in a few statements
per thousand rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from smaajob.audit import context as audit_context
from smaajob.audit.models import AuditAction, AuditEntry
from smaajob.courses.ledger_rules import check_week_hours
from smaajob.courses.models import HoursSource, Placement, WeeklyHours
from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidPeriod, OverlappingActivity, SmaajobError
from smaajob.hours import HOURS_IN_WEEK
from smaajob.imports.cells import CellError
from smaajob.imports.kinds import Context, Hours

FIELDS = ("hours_present", "hours_paid", "hours_effective", "hours_training")


@dataclass(eq=False)
class Week:
    number: int
    source_id: str
    values: dict[str, str]
    row_hash: str
    placement: Placement
    week_start: date
    hours: dict[str, Decimal]
    existing: WeeklyHours | None = None
    changed: list[str] | None = None
    is_new: bool = False


def _hours(values: dict[str, str]) -> dict[str, Decimal]:
    paid = Decimal(values.get("loentimer") or 0)
    effective = values.get("effektive_timer")
    return {
        "hours_present": Decimal(values["timer_til_stede"]),
        "hours_paid": paid,
        "hours_effective": Decimal(effective) if effective else paid,
        "hours_training": Decimal(values.get("oplaeringstimer") or 0),
    }


def _check(placement: Placement, week_start: date, hours: dict[str, Decimal], today: date) -> None:
    """``record_week``'s checks of one week, before the 168-hour sum."""
    if week_start > today:
        raise InvalidPeriod("Ugen er ikke begyndt endnu; timer registreres bagud.", field="week")
    start = placement.actual_start or placement.planned_start
    end = placement.actual_end
    if week_start + timedelta(days=6) < start or (end is not None and week_start > end):
        raise InvalidPeriod(f"Uge {week_start.isocalendar().week} ligger uden for placeringens periode.", field="week")
    check_week_hours(
        kind=placement.kind,
        present=hours["hours_present"],
        paid=hours["hours_paid"],
        effective=hours["hours_effective"],
        training=hours["hours_training"],
    )


def write_weeks(
    kind: Hours,
    ctx: Context,
    rows: list[tuple[int, dict[str, str]]],
    *,
    row_hash: Any,
    problem: Any,
    remember: Any,
    counted: Any,
) -> None:
    """Check and write ``rows`` of weekly hours; ``problem(number, error)`` reports a bad row,
    ``remember(...)`` keeps a row's source id, ``counted(number, source_id, action, changed)``
    counts it."""
    records = ctx.records(kind.name)
    weeks: list[Week] = []
    for number, values in rows:
        digest = row_hash(values)
        record = records.get(values["kilde_id"])
        if record is not None and record.row_hash == digest:
            counted(number, values["kilde_id"], "", [])
            continue
        try:
            placement = kind.check(values, ctx)["placement"]
            week_start = date.fromisoformat(values["uge"])
            hours = _hours(values)
            _check(placement, week_start, hours, ctx.today)
        except (CellError, SmaajobError) as error:
            problem(number, error)
            continue
        weeks.append(Week(number, values["kilde_id"], values, digest, placement, week_start, hours))
    if not weeks:
        return
    placement_ids = {w.placement.pk for w in weeks}
    citizen_ids = {w.placement.course.citizen_id for w in weeks}
    starts = {w.week_start for w in weeks}
    by_key: dict[tuple[int, date], WeeklyHours] = {}
    by_pk: dict[int, WeeklyHours] = {}
    present: dict[tuple[int, date], list[tuple[int, Decimal]]] = defaultdict(list)
    for row in WeeklyHours.objects.filter(
        placement__course__citizen_id__in=citizen_ids, week_start__in=starts
    ).select_related("placement__course"):
        if row.placement_id in placement_ids:
            by_key[(row.placement_id, row.week_start)] = row
            by_pk[row.pk] = row
        present[(row.placement.course.citizen_id, row.week_start)].append((row.placement_id, row.hours_present))
    own_ids = [records[w.source_id].object_id for w in weeks if w.source_id in records]
    missing = [pk for pk in own_ids if pk not in by_pk]
    for row in WeeklyHours.objects.filter(pk__in=missing, placement__course__citizen__municipality=ctx.municipality):
        by_pk[row.pk] = row
    # The citizen's hours in each week as the file goes: other placements' weeks from the
    # database, then each good row of the file in order (record_week's sum, row by row).
    totals: dict[tuple[int, date], dict[int, Decimal]] = {key: dict(entries) for key, entries in present.items()}
    accepted: list[Week] = []
    for week in weeks:
        record = records.get(week.source_id)
        existing = by_pk.get(record.object_id) if record is not None else None
        if existing is None:
            existing = by_key.get((week.placement.pk, week.week_start))
        try:
            if existing is not None:
                now = kind.current(existing, ctx)
                changed = sorted(c for c in week.values if c != "kilde_id" and week.values[c] != now.get(c, ""))
                kind.fixed(set(changed), ["placering_kilde_id", "uge"])
                week.existing, week.changed = existing, changed
            key = (week.placement.course.citizen_id, week.week_start)
            week_hours = totals.setdefault(key, {})
            other = sum((h for pid, h in week_hours.items() if pid != week.placement.pk), Decimal(0))
            if other + week.hours["hours_present"] > HOURS_IN_WEEK:
                raise OverlappingActivity(
                    f"Borgeren har allerede {other} timer i andre placeringer denne uge; "
                    f"med {week.hours['hours_present']} mere bliver det over 168 timer.",
                    field="hours_present",
                )
        except (CellError, SmaajobError) as error:
            problem(week.number, error)
            continue
        week_hours[week.placement.pk] = week.hours["hours_present"]
        accepted.append(week)
    _save(accepted, ctx, remember, counted)


def _save(weeks: list[Week], ctx: Context, remember: Any, counted: Any) -> None:
    now = timezone.now()
    common = {"source": HoursSource.CONSULTANT, "recorded_by": ctx.actor, "confirmed_by_employer": False}
    for week in weeks:
        week.is_new = week.existing is None
    new = [w for w in weeks if w.is_new]
    changed = [w for w in weeks if not w.is_new and w.changed]
    created = WeeklyHours.objects.bulk_create(
        [
            WeeklyHours(placement=w.placement, week_start=w.week_start, recorded_at=now, **w.hours, **common)
            for w in new
        ],
        batch_size=1000,
    )
    for week, row in zip(new, created, strict=True):
        week.existing = row
    for week in changed:
        assert week.existing is not None
        for name, value in {**week.hours, **common, "recorded_at": now}.items():
            setattr(week.existing, name, value)
    WeeklyHours.objects.bulk_update(
        [w.existing for w in changed if w.existing is not None], [*FIELDS, *common, "recorded_at"], batch_size=1000
    )
    channel = audit_context.current_channel()
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                actor=ctx.actor,
                actor_username=ctx.actor.username,
                channel=channel,
                action=AuditAction.CREATE if w.is_new else AuditAction.UPDATE,
                object_type="weeklyhours",
                object_id=w.existing.pk,
                citizen_id=w.placement.course.citizen_id,
                detail=f"uge {format_date(w.week_start)}",
            )
            for w in [*new, *changed]
            if w.existing is not None
        ],
        batch_size=1000,
    )
    for week in weeks:
        assert week.existing is not None
        action = "create" if week.is_new else ("update" if week.changed else "")
        columns = sorted(c for c in week.values if c != "kilde_id") if action == "create" else (week.changed or [])
        remember(week.source_id, week.existing.pk, week.row_hash, action, columns)
        counted(week.number, week.source_id, action, columns)
