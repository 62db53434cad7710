# SPDX-License-Identifier: MPL-2.0
"""API: the company network and its openings, through the same access rules as the pages."""

# No ``from __future__ import annotations`` here: django-ninja reads a paginated view's
# annotations in its own pagination module, where the string "Query[CompanyFilter]" would not
# resolve; evaluated annotations do.

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.api.pagination import Pages, Rows
from smaajob.api.types import Id, Text, text_for
from smaajob.courses import selectors as course_selectors
from smaajob.network import selectors, services
from smaajob.network.models import Opening

PREFIX = "/netvaerk"
TAG = "virksomhedsnetværk"
router = Router()
OpeningTitle = Annotated[str, text_for(Opening, "title")]


class CompanyOut(Schema):
    id: int
    cvr: str
    name: str
    sector: str
    postcode: str
    city: str
    maturity: str
    open_openings: int = 0
    buddy_count: int = 0


class CompanyRecordOut(Schema):
    placements: int
    running: int
    converted_to_paid: int
    paid_hours: Decimal


class Slot(Schema):
    weekday: int
    start: Text
    end: Text


class OpeningOut(Schema):
    id: int
    company_id: int
    company: str
    title: str
    kind: str
    hours_min: Decimal
    hours_max: Decimal
    slots: list[Slot]
    capacity: int
    language_requirement: int
    buddy: str | None
    status: str


class OpeningIn(Schema):
    title: OpeningTitle
    kind: Text
    hours_min: Decimal
    hours_max: Decimal
    slots: list[Slot] = []
    capacity: int = 1
    language_requirement: int = 0
    description: Text = ""
    required_certificates: list[Text] = []
    accommodation_tags: list[Text] = []
    opens_on: date | None = None
    closes_on: date | None = None


class OpeningPatch(Schema):
    title: OpeningTitle | None = None
    kind: Text | None = None
    hours_min: Decimal | None = None
    hours_max: Decimal | None = None
    slots: list[Slot] | None = None
    capacity: int | None = None
    language_requirement: int | None = None
    status: Text | None = None


def _opening(o: Opening) -> OpeningOut:
    return OpeningOut(
        id=o.pk,
        company_id=o.company_id,
        company=o.company.name,
        title=o.title,
        kind=o.kind,
        hours_min=o.hours_min,
        hours_max=o.hours_max,
        slots=o.slots,
        capacity=o.capacity,
        language_requirement=o.language_requirement,
        buddy=o.buddy.name if o.buddy else None,
        status=o.status,
    )


class CompanyFilter(Schema):
    q: Text = ""
    sector: Text = ""
    area: Text = ""
    buddy: bool = False
    converted: bool = False


@router.get("/virksomheder", response=list[CompanyOut], summary="Søg i virksomhedsnetværket")
@paginate(Pages)
def list_companies(request: AuthenticatedRequest, filters: Query[CompanyFilter]) -> Rows:
    rows = course_selectors.search_companies(access.companies_for(request.user), **filters.dict())
    return Rows(rows, _company)


def _company(c: Any) -> CompanyOut:
    # A Company annotated with open_openings and buddy_count (network.selectors.search_companies).
    return CompanyOut(
        id=c.pk,
        cvr=c.cvr,
        name=c.name,
        sector=c.sector,
        postcode=c.postcode,
        city=c.city,
        maturity=c.maturity,
        open_openings=c.open_openings,
        buddy_count=c.buddy_count,
    )


@router.get(
    "/virksomheder/{company_id}/forloeb",
    response=CompanyRecordOut,
    summary="Virksomhedens placeringer og hvor mange der blev til løntimer",
)
def company_record(request: AuthenticatedRequest, company_id: Id) -> CompanyRecordOut:
    record = course_selectors.company_record(access.get_company(request.user, company_id))
    return CompanyRecordOut(**record.__dict__)


class OpeningFilter(Schema):
    q: Text = ""
    hours_max: Decimal | None = None
    weekday: int | None = None
    buddy: bool = False
    language_max: int | None = None
    kind: Text = ""


@router.get("/jobaabninger", response=list[OpeningOut], summary="Åbne jobåbninger (erstatter 14-dages-listen)")
@paginate(Pages)
def list_openings(request: AuthenticatedRequest, filters: Query[OpeningFilter]) -> Rows:
    return Rows(selectors.filter_openings(access.openings_for(request.user), **filters.dict()), _opening)


@router.post("/virksomheder/{company_id}/jobaabninger", response={201: OpeningOut}, summary="Opret jobåbning")
def create_opening(request: AuthenticatedRequest, company_id: Id, payload: OpeningIn) -> Status[OpeningOut]:
    access.require_network_editor(request.user)
    company = access.get_company(request.user, company_id)
    data = payload.dict()
    data["slots"] = [dict(s) for s in data["slots"]]
    opening = services.create_opening(actor=request.user, company=company, **data)
    return Status(201, _opening(opening))


@router.patch("/jobaabninger/{opening_id}", response=OpeningOut, summary="Ret en jobåbning")
def update_opening(request: AuthenticatedRequest, opening_id: Id, payload: OpeningPatch) -> OpeningOut:
    access.require_case_writer(request.user)
    opening = access.get_opening(request.user, opening_id)
    data = {k: v for k, v in payload.dict().items() if v is not None}
    if "slots" in data:
        data["slots"] = [dict(s) for s in data["slots"]]
    return _opening(services.update_opening(actor=request.user, opening=opening, **data))


class TaskIn(Schema):
    title: OpeningTitle
    hours_min: Decimal
    hours_max: Decimal
    slots: list[Slot] = []
    description: Text = ""


@router.post("/opgaver", response={201: OpeningOut}, summary="Virksomheden slår en lille opgave op (egen virksomhed)")
def post_task(request: AuthenticatedRequest, payload: TaskIn) -> Status[OpeningOut]:
    data = payload.dict()
    data["slots"] = [dict(s) for s in data["slots"]]
    return Status(201, _opening(services.post_task(actor=request.user, **data)))
