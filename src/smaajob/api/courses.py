# SPDX-License-Identifier: MPL-2.0
"""API: courses, placements with step-up, the weekly hours ledger and follow-ups — the same
services and access rules as the pages; every read of a citizen's record is audit-logged."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ninja import Router, Schema, Status

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.api.types import Id, Text
from smaajob.audit.models import AuditChannel
from smaajob.courses import selectors, services
from smaajob.courses.models import Placement, WeeklyHours

PREFIX = "/forloeb"
TAG = "forløb"
router = Router()
API = AuditChannel.API


class StepOut(Schema):
    from_date: date
    hours_per_week: Decimal


class PlacementOut(Schema):
    id: int
    course_id: int
    citizen_id: int
    company_id: int
    opening_id: int | None
    kind: str
    planned_start: date
    planned_end: date | None
    actual_start: date | None
    actual_end: date | None
    steps: list[StepOut]


def _placement(p: Placement) -> PlacementOut:
    return PlacementOut(
        id=p.pk,
        course_id=p.course_id,
        citizen_id=p.course.citizen_id,
        company_id=p.company_id,
        opening_id=p.opening_id,
        kind=p.kind,
        planned_start=p.planned_start,
        planned_end=p.planned_end,
        actual_start=p.actual_start,
        actual_end=p.actual_end,
        steps=[StepOut(from_date=s.from_date, hours_per_week=s.hours_per_week) for s in p.steps.all()],
    )


class PlacementIn(Schema):
    opening_id: Id
    planned_start: date
    planned_end: date | None = None
    step_up: Text = ""
    step_every_weeks: int = 1
    kind: Text = ""
    tasks: Text = ""
    # Needed when the step-up lies outside the opening's hours or above the citizen's capacity
    # (otherwise 400 with the code hours_deviation).
    deviation_reason: Text = ""


@router.post(
    "/{course_id}/placeringer",
    response={201: PlacementOut},
    summary="Registrér en placering med planlagt optrapning i ét kald",
)
def register_placement(request: AuthenticatedRequest, course_id: Id, payload: PlacementIn) -> Status[PlacementOut]:
    access.require_case_writer(request.user)
    course = access.get_course(request.user, course_id, channel=API, purpose="API: ny placering")
    opening = access.get_opening(request.user, payload.opening_id)
    placement = services.register_placement(
        actor=request.user,
        course=course,
        opening=opening,
        kind=payload.kind,
        planned_start=payload.planned_start,
        planned_end=payload.planned_end,
        step_up=payload.step_up,
        step_every_weeks=payload.step_every_weeks,
        tasks=payload.tasks,
        deviation_reason=payload.deviation_reason,
    )
    return Status(201, _placement(placement))


@router.get("/placeringer/{placement_id}", response=PlacementOut, summary="Én placering")
def get_placement(request: AuthenticatedRequest, placement_id: Id) -> PlacementOut:
    return _placement(access.get_placement(request.user, placement_id, channel=API, purpose="API"))


class WeekIn(Schema):
    week: date
    hours_present: Decimal
    hours_paid: Decimal = Decimal(0)
    hours_effective: Decimal | None = None
    hours_training: Decimal = Decimal(0)


class WeekOut(Schema):
    id: int
    week_start: date
    hours_present: Decimal
    hours_paid: Decimal
    hours_effective: Decimal
    hours_training: Decimal
    confirmed_by_employer: bool


def _week(w: WeeklyHours) -> WeekOut:
    return WeekOut(
        id=w.pk,
        week_start=w.week_start,
        hours_present=w.hours_present,
        hours_paid=w.hours_paid,
        hours_effective=w.hours_effective,
        hours_training=w.hours_training,
        confirmed_by_employer=w.confirmed_by_employer,
    )


@router.put("/placeringer/{placement_id}/uger", response=WeekOut, summary="Registrér (eller ret) en uges timer")
def record_week(request: AuthenticatedRequest, placement_id: Id, payload: WeekIn) -> WeekOut:
    access.require_case_writer(request.user)
    placement = access.get_placement(request.user, placement_id, channel=API, purpose="API: timer")
    return _week(services.record_week(actor=request.user, placement=placement, **payload.dict()))


@router.get("/placeringer/{placement_id}/uger", response=list[WeekOut], summary="Placeringens timeregnskab")
def list_weeks(request: AuthenticatedRequest, placement_id: Id) -> list[WeekOut]:
    placement = access.get_placement(request.user, placement_id, channel=API, purpose="API: timer")
    return [_week(w) for w in selectors.hours_ledger(placement)]


@router.post("/uger/{week_id}/bekraeft", response=WeekOut, summary="Virksomheden bekræfter ugens timer")
def confirm_week(request: AuthenticatedRequest, week_id: Id) -> WeekOut:
    row = access.get_week(request.user, week_id, channel=API)
    return _week(services.confirm_week(actor=request.user, row=row))


class FollowUpIn(Schema):
    happened_on: date
    channel: Text = "visit"
    attendance: Text = "as_agreed"
    placement_id: Id | None = None
    tasks: Text = ""
    effectiveness: int | None = None
    notes: Text = ""
    next_on: date | None = None


class FollowUpOut(Schema):
    id: int
    happened_on: date
    channel: str
    attendance: str
    effectiveness: int | None
    next_on: date | None


@router.post("/{course_id}/opfoelgninger", response={201: FollowUpOut}, summary="Registrér en opfølgning")
def record_follow_up(request: AuthenticatedRequest, course_id: Id, payload: FollowUpIn) -> Status[FollowUpOut]:
    access.require_case_writer(request.user)
    course = access.get_course(request.user, course_id, channel=API, purpose="API: opfølgning")
    data = payload.dict()
    placement_id = data.pop("placement_id")
    placement = access.get_placement(request.user, placement_id, channel=API) if placement_id is not None else None
    row = services.record_follow_up(actor=request.user, course=course, placement=placement, **data)
    out = FollowUpOut(
        id=row.pk,
        happened_on=row.happened_on,
        channel=row.channel,
        attendance=row.attendance,
        effectiveness=row.effectiveness,
        next_on=row.next_on,
    )
    return Status(201, out)


class ScheduleOut(Schema):
    course_id: int
    interval_days: int
    due: date | None
    next_dates: list[date]


@router.get("/{course_id}/opfoelgningsplan", response=ScheduleOut, summary="Næste opfølgninger (projektets rytme)")
def follow_up_schedule(request: AuthenticatedRequest, course_id: Id) -> ScheduleOut:
    course = access.get_course(request.user, course_id, channel=API, purpose="API: opfølgningsplan")
    today = date.today()
    return ScheduleOut(
        course_id=course.pk,
        interval_days=course.project.follow_up_interval_days,
        due=selectors.follow_up_due(course, today),
        next_dates=selectors.follow_up_schedule(course, today),
    )
