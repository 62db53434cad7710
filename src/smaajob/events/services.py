# SPDX-License-Identifier: MPL-2.0
"""Writes for network events. Every write checks its input first and saves nothing on error."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from smaajob.errors import InvalidInput, InvalidPeriod
from smaajob.events.models import CampaignCall, Event, EventKind, EventSeries, Invitation, Registration
from smaajob.network.models import Buddy, Company, Contact, OutreachEntry, OutreachKind
from smaajob.organisation.models import Municipality, User

# Seed 003 (VTA, §2 anbefalinger): "løbende ERFA-møder hver 6.-8. uge á 1 times varighed".
ERFA_INTERVAL_WEEKS = range(6, 9)


def _check_event(*, kind: str, title: str, starts_at: datetime, ends_at: datetime, capacity: int | None) -> None:
    if kind not in EventKind.values:
        raise InvalidInput(f"Arrangementstype skal være en af {', '.join(EventKind.values)}.", field="kind")
    if not title.strip():
        raise InvalidInput("Skriv en titel, fx »Klyngemøde om buddyordningen«.", field="title")
    if ends_at < starts_at:
        raise InvalidPeriod("Sluttidspunktet skal ligge samme tid som eller efter starttidspunktet.", field="ends_at")
    if capacity is not None and capacity < 1:
        raise InvalidInput("Antal pladser skal være mindst 1 (eller tomt for ubegrænset).", field="capacity")


@transaction.atomic
def create_event(
    *,
    actor: User | None,
    municipality: Municipality,
    kind: str,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    place: str = "",
    organiser: str = "",
    agenda: str = "",
    capacity: int | None = None,
    series: EventSeries | None = None,
    is_synthetic: bool = False,
) -> Event:
    _check_event(kind=kind, title=title, starts_at=starts_at, ends_at=ends_at, capacity=capacity)
    return Event.objects.create(
        municipality=municipality,
        kind=kind,
        title=title.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        organiser=organiser,
        agenda=agenda,
        capacity=capacity,
        series=series,
        created_by=actor,
        is_synthetic=is_synthetic,
    )


@transaction.atomic
def create_series(
    *,
    actor: User | None,
    municipality: Municipality,
    title: str,
    first_starts_at: datetime,
    duration: timedelta,
    count: int,
    interval_weeks: int,
    kind: str = EventKind.ERFA,
    place: str = "",
    organiser: str = "",
    agenda: str = "",
    capacity: int | None = None,
    is_synthetic: bool = False,
) -> EventSeries:
    """A series of ``count`` meetings, ``interval_weeks`` apart (ERFA: 6–8 weeks)."""
    if kind == EventKind.ERFA and interval_weeks not in ERFA_INTERVAL_WEEKS:
        raise InvalidInput("ERFA-møder holdes hver 6.–8. uge: skriv 6, 7 eller 8.", field="interval_weeks")
    if interval_weeks < 1:
        raise InvalidInput("Uger mellem møderne skal være mindst 1.", field="interval_weeks")
    if not 1 <= count <= 52:
        raise InvalidInput("Antal møder skal være mellem 1 og 52.", field="count")
    series = EventSeries.objects.create(
        municipality=municipality, kind=kind, title=title, interval_weeks=interval_weeks
    )
    for n in range(count):
        starts = first_starts_at + timedelta(weeks=interval_weeks * n)
        create_event(
            actor=actor,
            municipality=municipality,
            kind=kind,
            title=f"{title} ({n + 1})",
            starts_at=starts,
            ends_at=starts + duration,
            place=place,
            organiser=organiser,
            agenda=agenda,
            capacity=capacity,
            series=series,
            is_synthetic=is_synthetic,
        )
    return series


def _same_municipality(event: Event, company: Company) -> None:
    if company.municipality_id != event.municipality_id:
        raise InvalidInput("Virksomheden hører ikke til arrangementets kommune.", field="company")


@transaction.atomic
def invite(*, event: Event, company: Company, contacts: Iterable[Contact] = ()) -> list[Invitation]:
    """Invite a company (and, if given, named contacts of it). Inviting twice changes nothing."""
    _same_municipality(event, company)
    named = list(contacts)
    for contact in named:
        if contact.company_id != company.pk:
            raise InvalidInput(f"{contact.name} er ikke kontaktperson hos {company.name}.", field="contacts")
    targets: list[Contact | None] = [*named] if named else [None]
    rows = []
    for target in targets:
        invitation, _ = Invitation.objects.get_or_create(event=event, company=company, contact=target)
        rows.append(invitation)
    return rows


@transaction.atomic
def register(
    *, event: Event, company: Company, contact: Contact | None = None, buddy: Buddy | None = None, name: str = ""
) -> Registration:
    """Register one participant; refused when the event is full or the person belongs elsewhere."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    _same_municipality(event, company)
    if contact is not None and contact.company_id != company.pk:
        raise InvalidInput(f"{contact.name} er ikke kontaktperson hos {company.name}.", field="contact")
    if buddy is not None and buddy.company_id != company.pk:
        raise InvalidInput(f"{buddy.name} er ikke buddy hos {company.name}.", field="buddy")
    if event.kind == EventKind.BUDDY_TRAINING and buddy is None:
        raise InvalidInput("Til buddytræning tilmeldes en af virksomhedens buddies.", field="buddy")
    label = name.strip() or (buddy.name if buddy else contact.name if contact else "")
    if not label:
        raise InvalidInput("Vælg en kontaktperson eller buddy, eller skriv deltagerens navn.", field="name")
    if contact is not None and event.registrations.filter(contact=contact).exists():
        raise InvalidInput(f"{contact.name} er allerede tilmeldt.", field="contact")
    if buddy is not None and event.registrations.filter(buddy=buddy).exists():
        raise InvalidInput(f"{buddy.name} er allerede tilmeldt.", field="buddy")
    if event.capacity is not None and event.registrations.count() >= event.capacity:
        raise InvalidInput(
            f"Arrangementet er fuldt: {event.capacity} pladser er optaget. Hæv antal pladser eller afmeld nogen.",
            field="capacity",
            code="event_full",
        )
    return Registration.objects.create(event=event, company=company, contact=contact, buddy=buddy, name=label)


@transaction.atomic
def record_attendance(*, event: Event, attended_ids: Iterable[int | str]) -> int:
    """Set who attended, in one go (a list of 30–40 ticked off on the day).

    ``attended_ids`` are registration ids of this event; the rest are marked absent. An id that
    is not a registration of the event refuses the whole list. A buddy who attends a buddy
    training is recorded as trained on the event's date (an earlier date is kept).
    """
    try:
        wanted = {int(i) for i in attended_ids}
    except (TypeError, ValueError):
        raise InvalidInput("Fremmødet skal være en liste af tilmeldings-id'er (hele tal).", field="attended") from None
    registrations = {r.pk: r for r in event.registrations.select_related("buddy")}
    unknown = sorted(wanted - registrations.keys())
    if unknown:
        raise InvalidInput(
            "Kun tilmeldte kan registreres som mødt; "
            f"{', '.join(map(str, unknown))} er ikke tilmeldt dette arrangement.",
            field="attended",
            code="not_registered",
        )
    if wanted and event.starts_at.date() > timezone.localdate():
        raise InvalidInput("Fremmøde kan først registreres på dagen for arrangementet.", field="attended")
    Registration.objects.filter(event=event).update(attended=False)
    Registration.objects.filter(event=event, pk__in=wanted).update(attended=True)
    if event.kind == EventKind.BUDDY_TRAINING:
        day = timezone.localtime(event.starts_at).date()
        for pk in wanted:
            buddy = registrations[pk].buddy
            if buddy is not None and (buddy.trained_on is None or buddy.trained_on > day):
                Buddy.objects.filter(pk=buddy.pk).update(trained_on=day)
    return len(wanted)


@transaction.atomic
def log_call(*, actor: User, event: Event, company: Company, note: str = "") -> CampaignCall:
    """A call on a call day, written to the company's outreach log (kind "Ringedag")."""
    if event.kind != EventKind.CALL_DAY:
        raise InvalidInput("Opkald logges kun på en ringedag.", field="event")
    _same_municipality(event, company)
    entry = OutreachEntry.objects.create(
        company=company,
        kind=OutreachKind.CALL_DAY,
        happened_on=timezone.localtime(event.starts_at).date(),
        by=actor,
        note=note or f"Ringedag: {event.title}",
    )
    return CampaignCall.objects.create(event=event, outreach=entry)
