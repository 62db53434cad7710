# SPDX-License-Identifier: MPL-2.0
"""API: the citizens the caller may see, through the access layer."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from ninja import Router, Schema, Status
from ninja.pagination import paginate
from pydantic import RootModel

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.api.pagination import Pages, Rows
from smaajob.api.types import Id, Text, text_for
from smaajob.audit.models import AuditChannel
from smaajob.citizens.models import Citizen, ExemptionDecision
from smaajob.identity.sessions import require_recent_session_login
from smaajob.organisation.models import Role
from smaajob.rules.case import ExemptionGround

API = AuditChannel.API
JobGoal = Annotated[str, text_for(Citizen, "job_goal")]
LegalBasis = Annotated[str, text_for(ExemptionDecision, "legal_basis")]
PREFIX = "/borgere"
TAG = "borgere"
router = Router()


class CitizenSummary(Schema):
    id: int
    name: str
    birth_date: date
    masked_cpr: str


class EmployerCitizenOut(Schema):
    """What an employer contact is told about a citizen placed with them: each field is null
    unless the citizen consented to disclose it; never a birth date or CPR number."""

    id: int
    name: str | None
    phone_and_address: str | None
    restrictions: str | None
    danish_level: str | None
    competences: list[Text] | None
    job_goal: str | None
    consented: list[str]


def _summary(c: Citizen) -> CitizenSummary:
    return CitizenSummary(id=c.pk, name=c.full_name, birth_date=c.birth_date, masked_cpr=c.masked_cpr)


def _employer_out(view: access.EmployerCitizenView) -> EmployerCitizenOut:
    return EmployerCitizenOut(
        id=view.citizen_id,
        name=view.name,
        phone_and_address=view.phone_and_address,
        restrictions=view.restrictions,
        danish_level=view.danish_level,
        competences=None if view.competences is None else list(view.competences),
        job_goal=view.job_goal,
        consented=sorted(view.consented),
    )


class CitizenListItem(RootModel[CitizenSummary | EmployerCitizenOut]):
    """One row of the citizen list: the summary for staff, the consented facts for an employer."""


@router.get(
    "/",
    response=list[CitizenListItem],
    summary="Borgere, du har adgang til (en virksomhed: kun samtykkede oplysninger om borgere hos den nu)",
)
@paginate(Pages)
def list_citizens(request: AuthenticatedRequest) -> Rows:
    user = request.user
    access.require_case_reader(user)

    def log_page(page: list[CitizenSummary | EmployerCitizenOut]) -> None:
        # One read per citizen on the page, not per citizen in the whole list.
        access.log_list_read(user, [r.id for r in page], channel=API, purpose="API: borgerliste")

    if user.role == Role.EMPLOYER:
        today = date.today()
        return Rows(
            access.citizens_for(user, on=today).order_by("pk"),
            lambda c: _employer_out(access.employer_facts(c, on=today)),
            on_page=log_page,
        )
    return Rows(access.citizens_for(user).order_by("last_name", "first_name", "pk"), _summary, on_page=log_page)


@router.get(
    "/{citizen_id}",
    response=CitizenSummary | EmployerCitizenOut,
    summary="Én borger (404 hvis den ikke findes eller ikke er din)",
)
def get_citizen(request: AuthenticatedRequest, citizen_id: Id) -> CitizenSummary | EmployerCitizenOut:
    user = request.user
    access.require_case_reader(user)
    if user.role == Role.EMPLOYER:
        return _employer_out(access.employer_view(user, citizen_id, channel=API))
    return _summary(access.get_citizen(user, citizen_id, channel=API, purpose="API"))


# --------------------------------------------------------------------------- the case (journey 1)


class TimelineEvent(Schema):
    on: date
    kind: str
    text: str
    note: str


@router.get("/{citizen_id}/tidslinje", response=list[TimelineEvent], summary="Hele forløbet på én tidslinje")
def timeline(request: AuthenticatedRequest, citizen_id: Id) -> list[TimelineEvent]:
    from smaajob.offers.selectors import citizen_timeline as build

    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: tidslinje")
    return [TimelineEvent(**e) for e in build(citizen)]


class HoursRequirementOut(Schema):
    status: str
    status_text: str
    hours_counted: float | None = None
    hours_required: float | None = None
    hours_missing: float | None = None
    requires_caseworker_decision: bool = False
    explanation: str = ""
    message: str = ""


@router.get(
    "/{citizen_id}/225-timer",
    response=HoursRequirementOut,
    summary="Status efter 225-timersreglen denne måned, med forklaring (et forslag, aldrig en afgørelse)",
)
def hours_requirement(request: AuthenticatedRequest, citizen_id: Id) -> HoursRequirementOut:
    from smaajob.cases import hours_requirement_for

    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: 225 timer")
    body = hours_requirement_for(citizen, date.today())
    return HoursRequirementOut(**{k: v for k, v in body.items() if k in HoursRequirementOut.model_fields})


class ResourcesIn(Schema):
    weekly_hours_capacity: Text | None = None
    restriction_tags: list[Text] | None = None
    competences: list[Text] | None = None
    certificates: list[Text] | None = None
    wished_sectors: list[Text] | None = None
    wishes: Text | None = None
    job_goal: JobGoal | None = None
    danish_level: int | None = None
    travel_limit_km: int | None = None
    consent: list[Text] | None = None
    sub_goals: list[Text] | None = None


@router.put("/{citizen_id}/ressourcer", response=CitizenSummary, summary="Ressourceafdækning, samtykke og delmål")
def resources(request: AuthenticatedRequest, citizen_id: Id, payload: ResourcesIn) -> CitizenSummary:
    from smaajob.citizens.selectors import consented_facts_on
    from smaajob.courses.selectors import open_course
    from smaajob.courses.services import map_resources

    access.require_case_writer(request.user)
    c = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: ressourcer")
    data = {k: v for k, v in payload.dict().items() if v is not None}
    course = open_course(c)
    consent = data.pop("consent", None)
    goals = data.pop("sub_goals", None)
    map_resources(
        actor=request.user,
        citizen=c,
        course=course,
        consent=sorted(consented_facts_on(c, date.today())) if consent is None else consent,
        sub_goals=(course.sub_goals if course else []) if goals is None else goals,
        on=date.today(),
        **data,
    )
    return _summary(c)


class AddressIn(Schema):
    address: Text = ""
    postcode: Text = ""
    city: Text = ""
    # Both to set the location by hand (wins over the postcode); neither: the postcode's point.
    latitude: float | None = None
    longitude: float | None = None


class LocationOut(Schema):
    id: int
    postcode: str
    latitude: float | None
    longitude: float | None
    # "postcode", "manual" or "" (no location)
    location_source: str


@router.put("/{citizen_id}/adresse", response=LocationOut, summary="Adresse og placering (til matchning)")
def address(request: AuthenticatedRequest, citizen_id: Id, payload: AddressIn) -> LocationOut:
    from smaajob.citizens.services import update_citizen_address

    access.require_case_writer(request.user)
    c = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: adresse og placering")
    update_citizen_address(actor=request.user, citizen=c, channel=API, **payload.dict())
    return LocationOut(
        id=c.pk, postcode=c.postcode, latitude=c.latitude, longitude=c.longitude, location_source=c.location_source
    )


class ExemptionIn(Schema):
    decided_on: date
    valid_from: date
    valid_to: date | None = None
    reason: Text
    legal_basis: LegalBasis = "LAS § 13 f, stk. 9"
    # The named legal ground (LAS § 13 f stk. 9 and the guidance's cases).
    ground: ExemptionGround = ExemptionGround.WORK_CAPACITY
    review_on: date


class ExemptionOut(Schema):
    id: int
    decided_on: date
    review_on: date
    legal_basis: str
    ground: str


@router.post(
    "/{citizen_id}/fritagelser",
    response={201: ExemptionOut},
    summary="Rådgiverens afgørelse om fritagelse fra 225-timersreglen",
)
def exemption(request: AuthenticatedRequest, citizen_id: Id, payload: ExemptionIn) -> Status[Any]:
    from smaajob.citizens.services import decide_exemption

    access.require_authority(request.user)
    require_recent_session_login(request)
    c = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: fritagelse")
    data = payload.dict()
    row = decide_exemption(actor=request.user, citizen=c, **data | {"ground": str(data["ground"])})
    return Status(
        201,
        ExemptionOut(
            id=row.pk,
            decided_on=row.decided_on,
            review_on=row.review_on,
            legal_basis=row.legal_basis,
            ground=row.ground,
        ),
    )
