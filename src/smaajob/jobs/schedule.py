# SPDX-License-Identifier: MPL-2.0
"""The built-in schedule: which nightly job starts at which local time.

``SMAAJOB_SCHEDULE`` (settings; environment ``SMAAJOB_SCHEDULE="rule_statuses=02:00,
retention=03:00,payslip_reminders=06:00"``, the default) names the slots. A slot fires once a
day, at the worker's first look at or after its time: a worker started at 10:00 still runs
that day's 06:00 reminders, and a second worker (or a restart) finds the day's
``ScheduleRun`` and does nothing, because the slot and day are unique in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from django.db import IntegrityError, transaction
from django.utils import timezone

from smaajob.errors import InvalidInput
from smaajob.jobs.models import Job, JobKind, ScheduleRun
from smaajob.jobs.services import start_system_job

SCHEDULED_KINDS = (JobKind.RULE_STATUSES, JobKind.RETENTION, JobKind.PAYSLIP_REMINDERS)


@dataclass(frozen=True)
class Slot:
    kind: JobKind
    at: time


def parse_schedule(text: str) -> tuple[Slot, ...]:
    """``"retention=03:00,payslip_reminders=06:00"`` → the slots; an empty text: no schedule."""
    slots = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        name, _, at = part.partition("=")
        if name.strip() not in SCHEDULED_KINDS:
            known = ", ".join(SCHEDULED_KINDS)
            raise InvalidInput(f"SMAAJOB_SCHEDULE: »{name.strip()}« er ikke et planlagt job; brug {known}.")
        try:
            when = time.fromisoformat(at.strip())
        except ValueError:
            raise InvalidInput(f"SMAAJOB_SCHEDULE: »{at.strip()}« er ikke et klokkeslæt; skriv fx 03:00.") from None
        slots.append(Slot(JobKind(name.strip()), when))
    return tuple(slots)


def fire_due(slots: tuple[Slot, ...], *, now: datetime | None = None) -> list[Job]:
    """Start every slot whose time has come today and that has not fired today."""
    local = timezone.localtime(now or timezone.now())
    started = []
    for slot in slots:
        if local.time() < slot.at or ScheduleRun.objects.filter(slot=slot.kind.value, day=local.date()).exists():
            continue
        try:
            with transaction.atomic():
                run = ScheduleRun.objects.create(slot=slot.kind.value, day=local.date())
                run.job = start_system_job(kind=slot.kind, params={"today": local.date().isoformat()})
                run.save(update_fields=["job"])
        except IntegrityError:
            continue  # another worker fired this slot today
        started.append(run.job)
    return started
