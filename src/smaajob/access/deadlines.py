# SPDX-License-Identifier: MPL-2.0
"""Rettidighed through the access layer: one citizen's deadlines, and the team's overview.

Only the case workers (caseworkers, consultants, coordinators: ``WORKLIST_ROLES``) see
deadlines; anyone else gets the ``NotFound`` of a missing page. A citizen is reached through
``get_citizen`` (same "not found" for missing and not yours, audit-logged); the overview lists
the citizens of ``citizens_for`` (own caseload; a coordinator the team's) and logs one read per
citizen shown. The day asked about (``on``) moves the computation only, never who is visible:
access is always decided on today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from smaajob.access.cases import require_worklist
from smaajob.access.citizens import citizens_for, get_citizen, log_list_read
from smaajob.citizens.models import Assignment, StaffRole
from smaajob.courses.selectors.deadlines import CitizenDeadlines, deadlines_for, deadlines_for_many
from smaajob.errors import InvalidInput
from smaajob.organisation.models import User
from smaajob.rules.deadlines import DeadlineStatus

PURPOSE = "rettidighed"
EARLIEST_DAY = date(2000, 1, 1)
LATEST_YEARS_AHEAD = 5


@dataclass(frozen=True)
class StaffChoice:
    id: int
    name: str


def check_day(on: date, today: date) -> date:
    """The day asked about: from 2000 and at most five years ahead (a typo is refused)."""
    latest = today.replace(year=today.year + LATEST_YEARS_AHEAD)
    if not EARLIEST_DAY <= on <= latest:
        raise InvalidInput(
            f"Datoen skal ligge mellem 1.1.{EARLIEST_DAY.year} og {latest.day}.{latest.month}.{latest.year}, "
            "fx 1.10.2012.",
            field="dato",
        )
    return on


def citizen_deadlines(
    user: User, citizen_id: int | str, *, on: date | None = None, channel: str | None = None
) -> CitizenDeadlines:
    """One citizen's deadlines on the day; audit-logged as a read of the citizen."""
    require_worklist(user)
    today = date.today()
    day = check_day(on or today, today)
    citizen = get_citizen(user, citizen_id, channel=channel, purpose=PURPOSE)
    return deadlines_for(citizen, day)


def caseworkers_for(user: User, *, today: date | None = None) -> list[StaffChoice]:
    """The caseworkers holding the citizens the user sees today (the overview's filter)."""
    today = today or date.today()
    rows = (
        Assignment.objects.filter(citizen__in=citizens_for(user, on=today), staff_role=StaffRole.CASEWORKER)
        .filter(valid_from__lte=today)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .values_list("staff_id", "staff__first_name", "staff__last_name", "staff__username")
        .distinct()
    )
    choices = {pk: (f"{first} {last}".strip() or username) for pk, first, last, username in rows}
    return sorted((StaffChoice(pk, name) for pk, name in choices.items()), key=lambda c: (c.name, c.id))


def _urgency(row: CitizenDeadlines) -> tuple[int, date, str]:
    report = row.report
    if report is None:
        return (4, date.max, row.name)
    nxt = report.next_open
    if nxt is not None and nxt.due is not None:
        return (0 if nxt.status == DeadlineStatus.MISSED else 1, nxt.due, row.name)
    if report.unknown:
        return (2, date.max, row.name)
    return (3, date.max, row.name)


def team_deadlines(
    user: User,
    *,
    on: date | None = None,
    caseworker_id: int | None = None,
    channel: str | None = None,
) -> list[CitizenDeadlines]:
    """Each visible citizen's deadlines on the day, most urgent first: overdue ones (earliest
    first), then the coming ones (soonest first), then those whose rule is unknown, then those
    not covered. ``caseworker_id`` narrows to one caseworker's citizens (from ``caseworkers_for``)."""
    require_worklist(user)
    today = date.today()
    day = check_day(on or today, today)
    citizens = citizens_for(user, on=today)
    if caseworker_id is not None:
        if caseworker_id not in {c.id for c in caseworkers_for(user, today=today)}:
            raise InvalidInput("Vælg en rådgiver fra listen.", field="medarbejder")
        held = Assignment.objects.filter(staff_id=caseworker_id, staff_role=StaffRole.CASEWORKER, valid_from__lte=today)
        held = held.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        citizens = citizens.filter(pk__in=held.values("citizen_id"))
    rows = sorted(deadlines_for_many(citizens.order_by("pk"), day), key=_urgency)
    log_list_read(user, [r.citizen_id for r in rows], channel=channel, purpose=PURPOSE)
    return rows
