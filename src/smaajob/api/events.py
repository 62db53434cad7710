# SPDX-License-Identifier: MPL-2.0
"""API: network events under ``/api/v1/netvaerk/arrangementer/``, through the same access rules
as the pages (staff of the municipality; an employer contact only events it is invited to)."""

# No ``from __future__ import annotations`` (django-ninja pagination reads the annotations).

from datetime import date, datetime, timedelta
from decimal import Decimal

from ninja import Router, Schema, Status
from ninja.pagination import paginate

from smaajob import access
from smaajob.access.events import events_for, get_event, require_event_editor
from smaajob.access.requests import AuthenticatedRequest
from smaajob.api.pagination import Pages, Rows
from smaajob.api.types import Id, Text
from smaajob.errors import InvalidInput
from smaajob.events import selectors, services
from smaajob.events.models import Event
from smaajob.organisation.models import Role

PREFIX = "/netvaerk/arrangementer"
TAG = "netværksarrangementer"
router = Router()


class EventOut(Schema):
    id: int
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    organiser: str
    agenda: str
    capacity: int | None
    series_id: int | None


class EventIn(Schema):
    kind: Text
    title: Text
    starts_at: datetime
    ends_at: datetime
    place: Text = ""
    organiser: Text = ""
    agenda: Text = ""
    capacity: int | None = None


class SeriesIn(Schema):
    title: Text
    first_starts_at: datetime
    duration_minutes: int = 60
    count: int
    interval_weeks: int
    kind: Text = "erfa"
    place: Text = ""
    organiser: Text = ""
    agenda: Text = ""
    capacity: int | None = None


class RegistrationOut(Schema):
    id: int
    company_id: int
    name: str
    attended: bool


class RegistrationIn(Schema):
    company_id: Id
    contact_id: Id | None = None
    buddy_id: Id | None = None
    name: Text = ""


class AttendanceIn(Schema):
    attended: list[Id]


class AttendanceOut(Schema):
    attended: int


class KindCountOut(Schema):
    kind: str
    label: str
    held: int
    registered: int
    attended: int


class EventReportOut(Schema):
    start: date
    end: date
    held: int
    attended: int
    by_kind: list[KindCountOut]
    recruited_companies: list[str]
    placements: int
    with_trained_buddy: int
    share_with_trained_buddy: float | None
    converted_with_trained_buddy: int
    converted_without: int
    paid_hours_with_trained_buddy: Decimal
    paid_hours_without: Decimal


def _event(e: Event) -> EventOut:
    return EventOut(
        id=e.pk,
        kind=e.kind,
        title=e.title,
        starts_at=e.starts_at,
        ends_at=e.ends_at,
        place=e.place,
        organiser=e.organiser,
        agenda=e.agenda,
        capacity=e.capacity,
        series_id=e.series_id,
    )


@router.get("", response=list[EventOut], summary="Kommende arrangementer (kalender)")
@paginate(Pages)
def list_events(request: AuthenticatedRequest) -> Rows:
    return Rows(selectors.coming(events_for(request.user)), _event)


@router.post("", response={201: EventOut}, summary="Opret et arrangement")
def create_event(request: AuthenticatedRequest, payload: EventIn) -> Status[EventOut]:
    require_event_editor(request.user)
    municipality = access.own_municipality(request.user)
    event = services.create_event(actor=request.user, municipality=municipality, **payload.dict())
    return Status(201, _event(event))


@router.post("/serier", response={201: list[EventOut]}, summary="Opret en mødeserie (ERFA: hver 6.–8. uge)")
def create_series(request: AuthenticatedRequest, payload: SeriesIn) -> Status[list[EventOut]]:
    require_event_editor(request.user)
    data = payload.dict()
    minutes = data.pop("duration_minutes")
    if not 1 <= minutes <= 24 * 60:
        raise InvalidInput("Varighed skal være mellem 1 og 1440 minutter, fx 60.", field="duration_minutes")
    series = services.create_series(
        actor=request.user,
        municipality=access.own_municipality(request.user),
        duration=timedelta(minutes=minutes),
        **data,
    )
    return Status(201, [_event(e) for e in series.events.order_by("starts_at")])


@router.get("/rapport", response=EventReportOut, summary="Afholdte arrangementer, fremmøde, buddies og løntimer")
def event_report(request: AuthenticatedRequest, start: date, end: date) -> EventReportOut:
    require_event_editor(request.user)
    r = selectors.report(events_for(request.user), start=start, end=end)
    share = r.buddies.share_with_trained_buddy
    return EventReportOut(
        start=r.start,
        end=r.end,
        held=r.held,
        attended=r.attended,
        by_kind=[KindCountOut(**k.__dict__) for k in r.by_kind],
        recruited_companies=r.recruited_companies,
        placements=r.buddies.placements,
        with_trained_buddy=r.buddies.with_trained_buddy,
        share_with_trained_buddy=float(share) if share is not None else None,
        converted_with_trained_buddy=r.buddies.converted_with_trained_buddy,
        converted_without=r.buddies.converted_without,
        paid_hours_with_trained_buddy=r.buddies.paid_hours_with_trained_buddy,
        paid_hours_without=r.buddies.paid_hours_without,
    )


@router.get("/{event_id}", response=EventOut, summary="Et arrangement")
def event_detail(request: AuthenticatedRequest, event_id: Id) -> EventOut:
    return _event(get_event(request.user, event_id))


@router.get("/{event_id}/tilmeldinger", response=list[RegistrationOut], summary="Tilmeldte (virksomhed: sine egne)")
def list_registrations(request: AuthenticatedRequest, event_id: Id) -> list[RegistrationOut]:
    event = get_event(request.user, event_id)
    rows = event.registrations.all()
    if request.user.company_id is not None and request.user.role == Role.EMPLOYER:
        rows = rows.filter(company_id=request.user.company_id)
    return [RegistrationOut(id=r.pk, company_id=r.company_id, name=r.name, attended=r.attended) for r in rows]


@router.post("/{event_id}/tilmeldinger", response={201: RegistrationOut}, summary="Tilmeld en deltager")
def register(request: AuthenticatedRequest, event_id: Id, payload: RegistrationIn) -> Status[RegistrationOut]:
    require_event_editor(request.user)
    event = get_event(request.user, event_id)
    company = access.get_company(request.user, payload.company_id)
    contact = company.contacts.filter(pk=payload.contact_id).first() if payload.contact_id else None
    buddy = company.buddies.filter(pk=payload.buddy_id).first() if payload.buddy_id else None
    if (payload.contact_id and contact is None) or (payload.buddy_id and buddy is None):
        raise InvalidInput("Kontaktpersonen eller buddyen hører ikke til virksomheden.", field="contact_id")
    r = services.register(event=event, company=company, contact=contact, buddy=buddy, name=payload.name)
    return Status(201, RegistrationOut(id=r.pk, company_id=r.company_id, name=r.name, attended=r.attended))


@router.put("/{event_id}/fremmoede", response=AttendanceOut, summary="Registrér fremmøde for hele listen")
def record_attendance(request: AuthenticatedRequest, event_id: Id, payload: AttendanceIn) -> AttendanceOut:
    require_event_editor(request.user)
    event = get_event(request.user, event_id)
    return AttendanceOut(attended=services.record_attendance(event=event, attended_ids=payload.attended))
