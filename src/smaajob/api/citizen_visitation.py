# SPDX-License-Identifier: MPL-2.0
"""API: ``POST /api/v1/borgere/visitation`` — a caseworker visits a citizen into a project.

Its own router, mounted before ``smaajob.api.citizens`` (routers mount in module-name order,
and ``citizen_visitation`` sorts before ``citizens``): the ``/borgere/{citizen_id}`` routes
there would otherwise take ``/borgere/visitation`` as a citizen id and answer 405 to a POST.

The answer never depends on another municipality: only the caseworker's own municipality is
searched, and a number known elsewhere is registered here like any new citizen (201). A
citizen who already has another caseworker is not taken over: 202 says a transfer has been
requested, and nothing about the citizen.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from ninja import Router, Schema, Status

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.api.types import Id, Text, text_for
from smaajob.citizens.models import Citizen, TransferRequest
from smaajob.errors import InvalidInput
from smaajob.organisation.models import Project

PREFIX = "/borgere"
TAG = "borgere"
router = Router()


FirstName = Annotated[str, text_for(Citizen, "first_name")]
LastName = Annotated[str, text_for(Citizen, "last_name")]


class VisitationIn(Schema):
    cpr: Text
    first_name: FirstName
    last_name: LastName
    project_id: Id
    started_on: date
    readiness: Text = ""
    benefit_type: Text = ""
    benefit_rate: Text = "full"
    address: Text = ""
    # Four digits; the citizen's location for matching is the postcode's point (unknown: 400
    # with code ``unknown_postcode``).
    postcode: Text = ""
    city: Text = ""
    reason: Text = ""


class CourseOut(Schema):
    id: int
    citizen_id: int
    project: str
    state: str


class TransferRequestedOut(Schema):
    status: str
    message: str


TRANSFER_REQUESTED = (
    "Borgeren har en anden rådgiver. Der er sendt en anmodning om overdragelse; du får adgang til "
    "borgeren, når den er accepteret."
)


@router.post(
    "/visitation",
    response={201: CourseOut, 202: TransferRequestedOut},
    summary="Visitér en borger til et projekt (rådgiver); 202 hvis borgeren har en anden rådgiver",
)
def visitation(request: AuthenticatedRequest, payload: VisitationIn) -> Status[CourseOut | TransferRequestedOut]:
    from smaajob.courses.services import visit_citizen

    access.require_authority(request.user)
    project = Project.objects.filter(pk=payload.project_id, municipality=access.own_municipality(request.user)).first()
    if project is None:
        raise InvalidInput("Ukendt projekt.", field="project_id")
    data = payload.dict()
    data.pop("project_id")
    result = visit_citizen(actor=request.user, project=project, **data)
    if isinstance(result, TransferRequest):
        return Status(202, TransferRequestedOut(status="transfer_requested", message=TRANSFER_REQUESTED))
    return Status(201, CourseOut(id=result.pk, citizen_id=result.citizen_id, project=project.name, state=result.state))
