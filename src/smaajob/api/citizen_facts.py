# SPDX-License-Identifier: MPL-2.0
"""API: the citizen's facts for "right for today" — the facts the kontanthjælp rate follows
from (with the derived benefit and its explanation), the target group, sick leave, other
weekly commitments and the work duty. Same services and access checks as the citizen page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from ninja import Router, Schema, Status

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.api.types import Id, Text
from smaajob.audit.models import AuditChannel
from smaajob.citizens import services
from smaajob.citizens.benefit_today import derived_benefit
from smaajob.rules.case import SpouseSupport

PREFIX = "/borgere"
TAG = "borgere"
router = Router()
API = AuditChannel.API


class RateFactsIn(Schema):
    valid_from: date
    children: int | None = None
    single: bool | None = None
    lives_with_parent: bool | None = None
    full_time_work_years_last_10: Decimal | None = None
    residence_requirement_met: bool | None = None
    target_group: Text | None = None


class RateFactsOut(Schema):
    valid_from: date | None = None
    valid_to: date | None = None
    children: int | None = None
    single: bool | None = None
    lives_with_parent: bool | None = None
    full_time_work_years_last_10: Decimal | None = None
    residence_requirement_met: bool | None = None
    migrated: bool = False


class BenefitTodayOut(Schema):
    facts: RateFactsOut | None
    history: list[RateFactsOut]
    target_group: str | None
    derived: dict[str, Any]


def _facts_out(row: Any) -> RateFactsOut:
    return RateFactsOut(
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        children=row.children,
        single=row.single,
        lives_with_parent=row.lives_with_parent,
        full_time_work_years_last_10=row.full_time_work_years_last_10,
        residence_requirement_met=row.residence_requirement_met,
        migrated=row.migrated,
    )


def _benefit_today(citizen: Any) -> BenefitTodayOut:
    from smaajob.citizens.selectors import readiness_on

    today = date.today()
    derived = derived_benefit(citizen, today)
    readiness = readiness_on(citizen, today)
    return BenefitTodayOut(
        facts=_facts_out(derived.facts_row) if derived.facts_row is not None else None,
        history=[_facts_out(r) for r in citizen.rate_facts_history.order_by("-valid_from")],
        target_group=readiness.category if readiness else None,
        derived=derived.to_dict(),
    )


@router.get(
    "/{citizen_id}/oplysninger",
    response=BenefitTodayOut,
    summary="Oplysningerne til satsen og den ydelse og sats, der udledes af dem i dag, med forklaring",
)
def get_rate_facts(request: AuthenticatedRequest, citizen_id: Id) -> BenefitTodayOut:
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: oplysninger til satsen")
    return _benefit_today(citizen)


@router.post(
    "/{citizen_id}/oplysninger",
    response={201: BenefitTodayOut},
    summary="Registrér oplysningerne til satsen (og målgruppen) fra en dato (rådgiver)",
)
def post_rate_facts(request: AuthenticatedRequest, citizen_id: Id, payload: RateFactsIn) -> Status[Any]:
    access.require_authority(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: oplysninger til satsen")
    data = payload.dict()
    target_group = data.pop("target_group")
    with transaction.atomic():
        services.record_rate_facts(actor=request.user, citizen=citizen, channel=API, **data)
        if target_group:
            services.set_target_group(
                actor=request.user, citizen=citizen, category=target_group, valid_from=data["valid_from"]
            )
    return Status(201, _benefit_today(citizen))


class CoverageFactsIn(Schema):
    """Who is covered by the 225-hour rule beyond the benefit (LAS § 13 f): ``null`` / absent is
    "not recorded"."""

    valid_from: date
    spouse_support: SpouseSupport | None = None
    provider: bool | None = None
    full_child_benefit_from: date | None = None


class CoverageFactsOut(Schema):
    valid_from: date
    valid_to: date | None = None
    spouse_support: str | None = None
    provider: bool | None = None
    full_child_benefit_from: date | None = None


class CoverageOut(Schema):
    facts: CoverageFactsOut | None
    history: list[CoverageFactsOut]
    # The 225-hour status on this day: today while the rule is in force, else 30 June 2025.
    hours_requirement_day: date
    hours_requirement_status: str
    hours_requirement_reason: str | None = None
    message: str | None = None


def _coverage_facts_out(row: Any) -> CoverageFactsOut:
    return CoverageFactsOut(
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        spouse_support=row.spouse_support or None,
        provider=row.provider,
        full_child_benefit_from=row.full_child_benefit_from,
    )


def _coverage(citizen: Any) -> CoverageOut:
    from smaajob.cases import coverage_status

    today = date.today()
    history = list(citizen.coverage_facts_history.order_by("-valid_from"))
    current = next((r for r in history if r.valid_from <= today and (r.valid_to is None or r.valid_to >= today)), None)
    status = coverage_status(citizen, today)
    return CoverageOut(
        hours_requirement_day=status["day"],
        facts=_coverage_facts_out(current) if current is not None else None,
        history=[_coverage_facts_out(r) for r in history],
        hours_requirement_status=status["status"],
        hours_requirement_reason=status.get("reason"),
        message=status.get("message"),
    )


@router.get(
    "/{citizen_id}/omfattet",
    response=CoverageOut,
    summary="Oplysningerne om, hvem der er omfattet af 225-timersreglen, og status i dag",
)
def get_coverage_facts(request: AuthenticatedRequest, citizen_id: Id) -> CoverageOut:
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: omfattet af 225-timersreglen")
    return _coverage(citizen)


@router.post(
    "/{citizen_id}/omfattet",
    response={201: CoverageOut},
    summary="Registrér, hvad ægtefællen lever af, om ægteparret forsørger børn og fra hvornår der er ret til "
    "fuld børne- og ungeydelse (rådgiver)",
)
def post_coverage_facts(request: AuthenticatedRequest, citizen_id: Id, payload: CoverageFactsIn) -> Status[Any]:
    access.require_authority(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: omfattet af 225-timersreglen")
    data = payload.dict()
    services.record_coverage_facts(
        actor=request.user,
        citizen=citizen,
        channel=API,
        valid_from=data["valid_from"],
        spouse_support=str(data["spouse_support"] or ""),
        provider=data["provider"],
        full_child_benefit_from=data["full_child_benefit_from"],
    )
    return Status(201, _coverage(citizen))


class SickLeaveIn(Schema):
    starts_on: date
    ends_on: date


class SickLeaveOut(Schema):
    id: int
    starts_on: date
    ends_on: date


@router.get("/{citizen_id}/sygeperioder", response=list[SickLeaveOut], summary="Registrerede sygeperioder")
def list_sick_leave(request: AuthenticatedRequest, citizen_id: Id) -> list[SickLeaveOut]:
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: sygeperioder")
    return [
        SickLeaveOut(id=s.pk, starts_on=s.starts_on, ends_on=s.ends_on)
        for s in citizen.sick_leave.order_by("starts_on")
    ]


@router.post("/{citizen_id}/sygeperioder", response={201: SickLeaveOut}, summary="Registrér en sygeperiode")
def post_sick_leave(request: AuthenticatedRequest, citizen_id: Id, payload: SickLeaveIn) -> Status[Any]:
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: sygeperiode")
    row = services.record_sick_leave(actor=request.user, citizen=citizen, **payload.dict())
    return Status(201, SickLeaveOut(id=row.pk, starts_on=row.starts_on, ends_on=row.ends_on))


class SlotIn(Schema):
    weekday: int
    start: Text
    end: Text


class CommitmentIn(Schema):
    description: Text
    slots: list[SlotIn]
    starts_on: date
    ends_on: date | None = None


class CommitmentOut(Schema):
    id: int
    description: str
    slots: list[dict[str, Any]]
    starts_on: date
    ends_on: date | None


@router.get(
    "/{citizen_id}/aktiviteter",
    response=list[CommitmentOut],
    summary="Andre faste aktiviteter (sprogskole, behandling)",
)
def list_commitments(request: AuthenticatedRequest, citizen_id: Id) -> list[CommitmentOut]:
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: aktiviteter")
    return [
        CommitmentOut(id=c.pk, description=c.description, slots=c.slots, starts_on=c.starts_on, ends_on=c.ends_on)
        for c in citizen.commitments.order_by("starts_on")
    ]


@router.post(
    "/{citizen_id}/aktiviteter",
    response={201: CommitmentOut},
    summary="Registrér en fast aktivitet; dens tider regnes som optaget i matchningen",
)
def post_commitment(request: AuthenticatedRequest, citizen_id: Id, payload: CommitmentIn) -> Status[Any]:
    from smaajob.errors import InvalidInput

    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: aktivitet")
    if not payload.description.strip():
        raise InvalidInput("Skriv hvilken aktivitet det er, fx »Sprogskole«.", field="description")
    if not payload.slots:
        raise InvalidInput("Angiv mindst én ugedag med tider.", field="slots")
    row = services.add_commitment(
        actor=request.user,
        citizen=citizen,
        description=payload.description.strip(),
        slots=[s.dict() for s in payload.slots],
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
    )
    return Status(
        201,
        CommitmentOut(
            id=row.pk, description=row.description, slots=row.slots, starts_on=row.starts_on, ends_on=row.ends_on
        ),
    )


class WorkDutyIn(Schema):
    valid_from: date
    legal_basis: Text
    planned_hours_per_week: Text | None = None
    note: Text = ""


class WorkDutyWeekOut(Schema):
    week_start: date
    planned: Decimal | None
    attended: Decimal | None
    smaajob_hours: Decimal
    total: Decimal
    short: Decimal | None


class WorkDutyOut(Schema):
    subject: bool
    valid_from: date | None = None
    legal_basis: str = ""
    planned_hours_per_week: Decimal | None = None
    weeks: list[WorkDutyWeekOut] = []


class WorkDutyWeekIn(Schema):
    week: date
    attended_hours: Text


def _work_duty(citizen: Any) -> WorkDutyOut:
    from smaajob.courses.work_duty import duty_weeks, work_duty_on

    today = date.today()
    duty = work_duty_on(citizen, today)
    weeks = [WorkDutyWeekOut(**w) for w in duty_weeks(citizen, today)]
    if duty is None:
        return WorkDutyOut(subject=False, weeks=weeks)
    return WorkDutyOut(
        subject=True,
        valid_from=duty.valid_from,
        legal_basis=duty.legal_basis,
        planned_hours_per_week=duty.planned_hours_per_week,
        weeks=weeks,
    )


@router.get("/{citizen_id}/arbejdspligt", response=WorkDutyOut, summary="Arbejdspligt: status og ugernes timer")
def get_work_duty(request: AuthenticatedRequest, citizen_id: Id) -> WorkDutyOut:
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: arbejdspligt")
    return _work_duty(citizen)


@router.post(
    "/{citizen_id}/arbejdspligt",
    response={201: WorkDutyOut},
    summary="Registrér, at borgeren er omfattet af arbejdspligt fra en dato, med hjemmel og planlagte timer (rådgiver)",
)
def post_work_duty(request: AuthenticatedRequest, citizen_id: Id, payload: WorkDutyIn) -> Status[Any]:
    access.require_authority(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: arbejdspligt")
    services.decide_work_duty(actor=request.user, citizen=citizen, channel=API, **payload.dict())
    return Status(201, _work_duty(citizen))


@router.put(
    "/{citizen_id}/arbejdspligt/uger", response=WorkDutyOut, summary="Ugens fremmøde i arbejdspligtens aktiviteter"
)
def put_work_duty_week(request: AuthenticatedRequest, citizen_id: Id, payload: WorkDutyWeekIn) -> WorkDutyOut:
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, channel=API, purpose="API: arbejdspligt")
    services.record_work_duty_week(actor=request.user, citizen=citizen, channel=API, **payload.dict())
    return _work_duty(citizen)
