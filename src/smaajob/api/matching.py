# SPDX-License-Identifier: MPL-2.0
"""API: suggested openings for a citizen and citizens for an opening, with the engine's
explanation; proposing a match (the employer is asked about pay first)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ninja import Router, Schema, Status
from ninja.pagination import paginate

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.api.pagination import Pages, Rows
from smaajob.api.types import Id
from smaajob.audit.models import AuditChannel
from smaajob.courses import selectors, services

PREFIX = "/match"
TAG = "matchning"
router = Router()
API = AuditChannel.API


class SuggestionOut(Schema):
    id: int
    title: str
    score: float
    explanation: dict[str, Any]


class SuggestionsOut(Schema):
    note: str
    # Why nothing could be matched, when it is a missing location: "citizen_location_missing"
    # or "company_location_missing"; otherwise null.
    problem: str | None = None
    # Open openings left out because their company has no location.
    unlocated_openings: int = 0
    suggestions: list[SuggestionOut]


@router.get("/borgere/{citizen_id}", response=SuggestionsOut, summary="Forslag til jobåbninger for en borger")
def openings_for_citizen(request: AuthenticatedRequest, citizen_id: Id) -> SuggestionsOut:
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: match")
    result = selectors.suggested_openings(citizen, access.openings_for(request.user), date.today())
    return SuggestionsOut(
        note=result.note,
        problem=result.problem,
        unlocated_openings=sum(u.openings for u in result.unlocated_companies),
        suggestions=[
            SuggestionOut(
                id=s.opening.pk,
                title=f"{s.opening.title} – {s.opening.company.name}",
                score=round(s.score, 2),
                explanation=s.explanation.to_dict() if s.explanation else {},
            )
            for s in result.suggestions
        ],
    )


@router.get("/jobaabninger/{opening_id}", response=SuggestionsOut, summary="Forslag til borgere for en jobåbning")
def citizens_for_opening(request: AuthenticatedRequest, opening_id: Id) -> SuggestionsOut:
    access.require_case_writer(request.user)
    opening = access.get_opening(request.user, opening_id)
    result = selectors.suggested_citizens(opening, access.citizens_for(request.user), date.today())
    access.log_list_read(request.user, [s.citizen.pk for s in result.suggestions], channel=API, purpose="API: match")
    return SuggestionsOut(
        note=result.note,
        problem=result.problem,
        suggestions=[
            SuggestionOut(
                id=s.citizen.pk,
                title=s.citizen.full_name,
                score=round(s.score, 2),
                explanation=s.explanation.to_dict() if s.explanation else {},
            )
            for s in result.suggestions
        ],
    )


class ProposalIn(Schema):
    citizen_id: Id
    opening_id: Id


class ProposalOut(Schema):
    id: int
    status: str
    opening_id: int
    course_id: int


@router.post("/forslag", response={201: ProposalOut}, summary="Foreslå et match (virksomheden spørges først)")
def propose(request: AuthenticatedRequest, payload: ProposalIn) -> Status[ProposalOut]:
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, payload.citizen_id, channel=API, purpose="API: matchforslag")
    opening = access.get_opening(request.user, payload.opening_id)
    course = selectors.require_open_course(citizen)
    row = services.propose_match(actor=request.user, course=course, opening=opening, on=date.today())
    return Status(201, ProposalOut(id=row.pk, status=row.status, opening_id=row.opening_id, course_id=row.course_id))


@router.get("/forslag", response=list[ProposalOut], summary="Matchforslag du har adgang til")
@paginate(Pages)
def list_proposals(request: AuthenticatedRequest) -> Rows:
    access.require_case_reader(request.user)
    return Rows(
        access.proposals_for(request.user).order_by("pk"),
        lambda m: ProposalOut(id=m.pk, status=m.status, opening_id=m.opening_id, course_id=m.course_id),
    )
