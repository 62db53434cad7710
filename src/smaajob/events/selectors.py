# SPDX-License-Identifier: MPL-2.0
"""Reads for network events: the calendar, a company's history and the period report.

The report counts (issue 13 §5, seed 003 VTA): events held and attendance in a period; companies
recruited after an event (their first placement started within ``RECRUIT_WINDOW_DAYS`` after an
event they attended or were called on, with no placement before); and the share of placements
whose buddy was trained before the start, with how many of each group converted to paid hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, Min, Q, QuerySet, Sum
from django.utils import timezone

from smaajob.courses.models import Placement, WeeklyHours
from smaajob.events.models import Event, EventKind, Registration
from smaajob.network.models import Company

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

RECRUIT_WINDOW_DAYS = 180


def coming(events: QuerySet[Event], *, today: date | None = None) -> QuerySet[Event]:
    start = _start_of(today or timezone.localdate())
    return (
        events.filter(ends_at__gte=start)
        .annotate(registered=Count("registrations", distinct=True))
        .order_by("starts_at")
    )


class EventCounts(TypedDict):
    registered: int
    attended_count: int


def with_counts(events: QuerySet[Event]) -> QuerySet[WithAnnotations[Event, EventCounts]]:
    return events.annotate(
        registered=Count("registrations", distinct=True),
        attended_count=Count("registrations", filter=Q(registrations__attended=True), distinct=True),
    )


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass(frozen=True)
class AttendanceRow:
    event_id: int
    title: str
    kind: str
    starts_at: datetime
    participant: str
    attended: bool


def company_history(company: Company) -> list[AttendanceRow]:
    rows = Registration.objects.filter(company=company).select_related("event").order_by("-event__starts_at")
    return [
        AttendanceRow(r.event_id, r.event.title, r.event.get_kind_display(), r.event.starts_at, r.name, r.attended)
        for r in rows
    ]


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    held: int
    registered: int
    attended: int


@dataclass(frozen=True)
class BuddyConversion:
    placements: int
    with_trained_buddy: int
    share_with_trained_buddy: Decimal | None  # percent, one decimal
    converted_with_trained_buddy: int
    converted_without: int
    # Paid hours registered on the placement and the placement it was converted to.
    paid_hours_with_trained_buddy: Decimal = Decimal(0)
    paid_hours_without: Decimal = Decimal(0)


@dataclass(frozen=True)
class EventReport:
    start: date
    end: date
    by_kind: list[KindCount]
    held: int
    attended: int
    recruited_companies: list[str]
    buddies: BuddyConversion


def _percent(part: int, whole: int) -> Decimal | None:
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


def report(events: QuerySet[Event], *, start: date, end: date, today: date | None = None) -> EventReport:
    """Events held (started on or before today) between ``start`` and ``end``, both inclusive."""
    today = today or timezone.localdate()
    last = min(end, today)
    held = events.filter(starts_at__gte=_start_of(start), starts_at__lt=_start_of(last + timedelta(days=1)))
    by_kind = []
    for kind, label in EventKind.choices:
        totals = Registration.objects.filter(event__in=held.filter(kind=kind)).aggregate(
            registered=Count("pk"), attended=Count("pk", filter=Q(attended=True))
        )
        by_kind.append(
            KindCount(kind, str(label), held.filter(kind=kind).count(), totals["registered"], totals["attended"])
        )
    recruited = _recruited(held)
    return EventReport(
        start=start,
        end=end,
        by_kind=by_kind,
        held=sum(k.held for k in by_kind),
        attended=sum(k.attended for k in by_kind),
        recruited_companies=recruited,
        buddies=_buddy_conversion(events, start=start, end=end),
    )


def _recruited(held: QuerySet[Event]) -> list[str]:
    """Companies whose first placement started within the window after an event they took part in."""
    touched: dict[int, date] = {}
    for company_id, first in (
        Registration.objects.filter(event__in=held, attended=True)
        .values_list("company_id")
        .annotate(first=Min("event__starts_at"))
    ):
        touched[company_id] = timezone.localtime(first).date()
    for company_id, first in (
        held.filter(kind=EventKind.CALL_DAY).values_list("calls__outreach__company_id").annotate(first=Min("starts_at"))
    ):
        if company_id is not None:
            day = timezone.localtime(first).date()
            touched[company_id] = min(day, touched.get(company_id, day))
    firsts = dict(
        Placement.objects.filter(company_id__in=touched, annulled_at__isnull=True)
        .values_list("company_id")
        .annotate(first=Min("planned_start"))
    )
    names = []
    for company in Company.objects.filter(pk__in=touched).order_by("name"):
        first = firsts.get(company.pk)
        event_day = touched[company.pk]
        if first is not None and event_day <= first <= event_day + timedelta(days=RECRUIT_WINDOW_DAYS):
            names.append(company.name)
    return names


def _buddy_conversion(events: QuerySet[Event], *, start: date, end: date) -> BuddyConversion:
    municipality_ids = events.values("municipality_id")
    placements = Placement.objects.filter(
        company__municipality_id__in=municipality_ids,
        previous__isnull=True,
        annulled_at__isnull=True,
        planned_start__gte=start,
        planned_start__lte=end,
    ).select_related("opening__buddy", "converted_to")
    total = trained = converted_trained = converted_other = 0
    rows = list(placements)
    chain = {p.pk: [p.pk] for p in rows}
    for p in rows:
        successor = getattr(p, "converted_to", None)
        if successor is not None:
            chain[p.pk].append(successor.pk)
    paid = dict(
        WeeklyHours.objects.filter(placement_id__in=[pk for pks in chain.values() for pk in pks])
        .values_list("placement_id")
        .annotate(paid=Sum("hours_paid"))
    )
    hours_trained = hours_other = Decimal(0)
    for p in rows:
        hours = sum((paid.get(pk) or Decimal(0) for pk in chain[p.pk]), Decimal(0))
        total += 1
        buddy = p.opening.buddy if p.opening else None
        start_day = p.actual_start or p.planned_start
        has_trained = buddy is not None and buddy.trained_on is not None and buddy.trained_on <= start_day
        converted = getattr(p, "converted_to", None) is not None and p.converted_to.kind != "placement"
        if has_trained:
            trained += 1
            converted_trained += converted
            hours_trained += hours
        else:
            converted_other += converted
            hours_other += hours
    return BuddyConversion(
        total, trained, _percent(trained, total), converted_trained, converted_other, hours_trained, hours_other
    )
