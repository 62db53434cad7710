# SPDX-License-Identifier: MPL-2.0
"""API: the offer catalogue and orders under ``/api/v1/tilbud/``, through the same access rules
as the pages (staff of the municipality; a provider user only its own offers and the orders
sent to it, and of the citizen only what the citizen consented to share)."""

# No ``from __future__ import annotations`` (django-ninja pagination reads the annotations).

from datetime import date
from decimal import Decimal
from typing import Any

from ninja import Router, Schema, Status
from ninja.pagination import paginate

from smaajob import access
from smaajob.access import offers as access_offers
from smaajob.access.requests import AuthenticatedRequest
from smaajob.api.pagination import Pages, Rows
from smaajob.api.types import Id, Text
from smaajob.errors import NotFound
from smaajob.offers import selectors, services
from smaajob.offers.legal_basis import BY_CODE as LEGAL_BASES
from smaajob.offers.models import Offer, Order, ProgressReport, Provider

PREFIX = "/tilbud"
TAG = "tilbud og bestillinger"
router = Router()


class OfferOut(Schema):
    id: int
    provider_id: int
    provider: str
    title: str
    kind: str
    content: str
    duration_weeks: int
    hours_per_week: Decimal
    price_kr: Decimal
    price_unit: str
    capacity: int | None
    certificate: str
    legal_basis: str
    legal_reference: str
    start_dates: list[date]


class OfferIn(Schema):
    provider_id: Id
    title: Text
    kind: Text
    duration_weeks: int
    hours_per_week: Decimal
    price_kr: Decimal
    price_unit: Text
    legal_basis: Text
    content: Text = ""
    capacity: int | None = None
    certificate: Text = ""
    start_dates: list[date] = []


class TransitionOut(Schema):
    to_state: str
    happened_on: date
    reason: str


class ReportOut(Schema):
    id: int
    reported_on: date
    is_final: bool
    attendance: str
    hours_attended: Decimal | None
    progress: str
    next_step: str


class OrderOut(Schema):
    id: int
    offer_id: int
    offer: str
    provider: str
    citizen_id: int
    citizen: str
    starts_on: date
    ends_on: date
    hours_per_week: Decimal
    price_kr: Decimal
    purpose: str
    state: str
    report_due: date | None
    transitions: list[TransitionOut]
    reports: list[ReportOut]


class OrderIn(Schema):
    citizen_id: Id
    offer_id: Id
    purpose: Text
    starts_on: date | None = None
    ends_on: date | None = None
    hours_per_week: Decimal | None = None
    price_kr: Decimal | None = None
    report_every_days: int = 28


class StateIn(Schema):
    to_state: Text
    reason: Text = ""
    on: date | None = None


class ReportIn(Schema):
    attendance: Text
    progress: Text
    next_step: Text = ""
    hours_attended: Decimal | None = None
    is_final: bool = False
    reported_on: date | None = None


def _offer(o: Offer) -> OfferOut:
    basis = LEGAL_BASES.get(o.legal_basis)
    return OfferOut(
        id=o.pk,
        provider_id=o.provider_id,
        provider=o.provider.name,
        title=o.title,
        kind=o.kind,
        content=o.content,
        duration_weeks=o.duration_weeks,
        hours_per_week=o.hours_per_week,
        price_kr=o.price_kr,
        price_unit=o.price_unit,
        capacity=o.capacity,
        certificate=o.certificate,
        legal_basis=o.legal_basis,
        legal_reference=basis.reference if basis else "",
        start_dates=[s.starts_on for s in o.starts.all()],
    )


def _report(r: ProgressReport) -> ReportOut:
    return ReportOut(
        id=r.pk,
        reported_on=r.reported_on,
        is_final=r.is_final,
        attendance=r.attendance,
        hours_attended=r.hours_attended,
        progress=r.progress,
        next_step=r.next_step,
    )


def _order(request: AuthenticatedRequest, o: Order) -> OrderOut:
    return OrderOut(
        id=o.pk,
        offer_id=o.offer_id,
        offer=o.offer.title,
        provider=o.offer.provider.name,
        citizen_id=o.citizen_id,
        citizen=access_offers.citizen_label(request.user, o),
        starts_on=o.starts_on,
        ends_on=o.ends_on,
        hours_per_week=o.hours_per_week,
        price_kr=o.price_kr,
        purpose=o.purpose,
        state=o.state,
        report_due=selectors.report_due(o, date.today()),
        transitions=[
            TransitionOut(to_state=t.to_state, happened_on=t.happened_on, reason=t.reason) for t in o.transitions.all()
        ],
        reports=[_report(r) for r in o.reports.all()],
    )


@router.get("/katalog", response=list[OfferOut], summary="Tilbudskataloget")
@paginate(Pages)
def list_offers(request: AuthenticatedRequest) -> Rows:
    rows = access_offers.offers_for(request.user).filter(is_active=True).select_related("provider")
    return Rows(rows.prefetch_related("starts").order_by("provider__name", "title", "pk"), _offer)


@router.post("/katalog", response={201: OfferOut}, summary="Opret et tilbud i kataloget")
def create_offer(request: AuthenticatedRequest, payload: OfferIn) -> Status[Any]:
    access_offers.require_catalogue_editor(request.user)
    data = payload.dict()
    provider = Provider.objects.filter(pk=data.pop("provider_id"), municipality=request.user.municipality).first()
    if provider is None:
        raise NotFound("Leverandøren findes ikke, eller du har ikke adgang til den.", field="provider_id")
    offer = services.create_offer(provider=provider, **data)
    return Status(201, _offer(offer))


@router.get("/katalog/{offer_id}", response=OfferOut, summary="Et tilbud")
def offer_detail(request: AuthenticatedRequest, offer_id: Id) -> OfferOut:
    return _offer(access_offers.get_offer(request.user, offer_id))


@router.get("/bestillinger", response=list[OrderOut], summary="Bestillinger (leverandør: dem sendt til den)")
@paginate(Pages)
def list_orders(request: AuthenticatedRequest) -> Rows:
    rows = selectors.order_rows(access_offers.orders_for(request.user)).prefetch_related("transitions", "reports")

    def log(page: list[OrderOut]) -> None:
        access.log_list_read(request.user, sorted({o.citizen_id for o in page}), purpose="bestillinger")

    return Rows(rows, lambda o: _order(request, o), on_page=log)


@router.post("/bestillinger", response={201: OrderOut}, summary="Bestil et tilbud til en borger")
def create_order(request: AuthenticatedRequest, payload: OrderIn) -> Status[Any]:
    access_offers.require_orderer(request.user)
    citizen = access.get_citizen(request.user, payload.citizen_id, purpose="bestil tilbud")
    offer = access_offers.get_offer(request.user, payload.offer_id)
    data = payload.dict(exclude={"citizen_id", "offer_id"})
    order = services.order_offer(actor=request.user, citizen=citizen, offer=offer, **data)
    return Status(201, _order(request, order))


@router.get("/bestillinger/{order_id}", response=OrderOut, summary="En bestilling")
def order_detail(request: AuthenticatedRequest, order_id: Id) -> OrderOut:
    return _order(request, access_offers.get_order(request.user, order_id))


@router.post("/bestillinger/{order_id}/status", response=OrderOut, summary="Skift status (med begrundelse)")
def change_state(request: AuthenticatedRequest, order_id: Id, payload: StateIn) -> OrderOut:
    order = access_offers.get_order(request.user, order_id)
    access_offers.require_order_mover(request.user, order, payload.to_state)
    order = services.change_order_state(
        actor=request.user, order=order, to_state=payload.to_state, reason=payload.reason, on=payload.on
    )
    return _order(request, order)


@router.post("/bestillinger/{order_id}/statusrapporter", response={201: ReportOut}, summary="Giv en statusrapport")
def submit_report(request: AuthenticatedRequest, order_id: Id, payload: ReportIn) -> Status[Any]:
    order = access_offers.get_order(request.user, order_id)
    access_offers.require_reporter(request.user)
    r = services.submit_report(actor=request.user, order=order, **payload.dict())
    return Status(201, _report(r))
