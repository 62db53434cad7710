# SPDX-License-Identifier: MPL-2.0
"""Writes for courses: visitation, state changes, placements, the weekly ledger, follow-ups.

Every function is one transaction and refuses bad input before writing anything.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Sum

from smaajob.audit.models import AuditAction, AuditChannel
from smaajob.audit.services import record as audit
from smaajob.citizens.models import Citizen
from smaajob.courses.models import (
    Attendance,
    Channel,
    Course,
    CourseTransition,
    FollowUp,
    HoursSource,
    HoursStep,
    Placement,
    WeeklyHours,
)
from smaajob.courses.states import CourseState, ExitOutcome, StopReason, check_transition
from smaajob.errors import InvalidHours, InvalidInput, InvalidPeriod, OverlappingActivity
from smaajob.hours import HOURS_IN_WEEK, parse_hours
from smaajob.network.models import Company, Opening, OpeningKind
from smaajob.organisation.models import Project, User
from smaajob.slots import first_clash, normalise_slots
from smaajob.validators import check_period


def _log(actor: User, action: str, obj: Any, citizen_id: int, detail: str = "") -> None:
    audit(
        actor=actor,
        action=action,
        channel=AuditChannel.WEB,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        citizen_id=citizen_id,
        detail=detail,
    )


@transaction.atomic
def start_course(*, actor: User, citizen: Citizen, project: Project, started_on: date, reason: str = "") -> Course:
    """Visitation: the citizen enters the effort in a project."""
    if project.municipality_id != citizen.municipality_id:
        raise InvalidInput("Projektet hører til en anden kommune end borgeren.", field="project")
    if Course.objects.filter(citizen=citizen, project=project).exclude(state=CourseState.EXITED).exists():
        raise InvalidInput(f"Borgeren har allerede et åbent forløb i {project.name}.", field="project")
    course = Course.objects.create(citizen=citizen, project=project, started_on=started_on)
    CourseTransition.objects.create(
        course=course, from_state="", to_state=CourseState.VISITED, happened_on=started_on, actor=actor, reason=reason
    )
    _log(actor, AuditAction.CREATE, course, citizen.pk)
    return course


@transaction.atomic
def change_state(
    *,
    actor: User,
    course: Course,
    to_state: str,
    on: date,
    reason: str = "",
    outcome: str = "",
    stop_reason: str = "",
) -> Course:
    """Move a course one step; exits need an outcome, stops a reason."""
    course = Course.objects.select_for_update().get(pk=course.pk)
    if to_state not in CourseState.values:
        raise InvalidInput(f"Ukendt trin »{to_state}«.", field="state")
    check_transition(course.state, to_state)
    last = course.transitions.order_by("-happened_on", "-id").first()
    if last is not None and on < last.happened_on:
        raise InvalidPeriod(f"Datoen ligger før forløbets seneste skift ({last.happened_on:%d.%m.%Y}).", field="on")
    if to_state == CourseState.EXITED:
        if outcome not in ExitOutcome.values:
            raise InvalidInput(
                f"Angiv resultatet af forløbet: {', '.join(str(o.label) for o in ExitOutcome)}.", field="outcome"
            )
        if outcome == ExitOutcome.STOPPED and stop_reason not in StopReason.values:
            raise InvalidInput("Angiv hvorfor forløbet stoppede (helbred, fremmøde, …).", field="stop_reason")
        course.exit_outcome = outcome
        course.stop_reason = stop_reason if outcome == ExitOutcome.STOPPED else ""
        course.ended_on = on
    elif outcome or stop_reason:
        raise InvalidInput("Resultat og stopårsag angives kun, når forløbet afsluttes.", field="outcome")
    CourseTransition.objects.create(
        course=course, from_state=course.state, to_state=to_state, happened_on=on, actor=actor, reason=reason
    )
    course.state = to_state
    course.save()
    _log(actor, AuditAction.UPDATE, course, course.citizen_id, f"{course.state}")
    return course


def _periods_overlap(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    return (b_end is None or a_start <= b_end) and (a_end is None or b_start <= a_end)


def _check_no_clash(
    citizen: Citizen,
    start: date,
    end: date | None,
    slots: list[dict[str, Any]],
    company: Company,
    exclude: Placement | None,
) -> None:
    others = Placement.objects.filter(course__citizen=citizen).exclude(actual_end__lt=start)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    for other in others.select_related("company"):
        other_end = other.actual_end or other.planned_end
        if not _periods_overlap(start, end, other.actual_start or other.planned_start, other_end):
            continue
        if other.company_id == company.pk:
            raise OverlappingActivity(
                f"Borgeren har allerede en placering hos {company.name} i samme periode; "
                "afslut eller omdan den i stedet for at oprette en ny.",
                field="planned_start",
            )
        clash = first_clash(slots, other.slots)
        if clash:
            raise OverlappingActivity(
                f"Tiderne støder sammen med placeringen hos {other.company.name}: {clash}.", field="slots"
            )
    for commitment in citizen.commitments.all():
        if _periods_overlap(start, end, commitment.starts_on, commitment.ends_on):
            clash = first_clash(slots, commitment.slots)
            if clash:
                raise OverlappingActivity(
                    f"Tiderne støder sammen med »{commitment.description}«: {clash}.", field="slots"
                )


def _steps(raw: list[tuple[date, Any]] | None, start: date, end: date | None) -> list[tuple[date, Decimal]]:
    steps: list[tuple[date, Decimal]] = []
    for i, (from_date, hours) in enumerate(sorted(raw or [], key=lambda s: s[0])):
        value = parse_hours(hours, field=f"steps[{i}].hours_per_week")
        assert value is not None
        if from_date < start or (end is not None and from_date > end):
            raise InvalidPeriod(
                f"Optrapningen fra {from_date:%d.%m.%Y} ligger uden for placeringens periode.",
                field=f"steps[{i}].from_date",
            )
        if steps and steps[-1][0] == from_date:
            raise InvalidInput(f"To optrapninger på samme dato ({from_date:%d.%m.%Y}).", field=f"steps[{i}].from_date")
        steps.append((from_date, value))
    return steps


@transaction.atomic
def create_placement(
    *,
    actor: User,
    course: Course,
    company: Company,
    kind: str,
    planned_start: date,
    planned_end: date | None = None,
    opening: Opening | None = None,
    steps: list[tuple[date, Any]] | None = None,
    slots: list[dict[str, Any]] | None = None,
    tasks: str = "",
    previous: Placement | None = None,
) -> Placement:
    """Register a placement with its planned step-up of weekly hours, e.g. 2 → 6 → 12."""
    if course.state == CourseState.EXITED:
        raise InvalidInput("Forløbet er afsluttet; start et nyt forløb først.", field="course")
    if kind not in OpeningKind.values:
        raise InvalidInput(f"Type skal være en af {', '.join(OpeningKind.values)}.", field="kind")
    if opening is not None and opening.company_id != company.pk:
        raise InvalidInput("Jobåbningen hører til en anden virksomhed.", field="opening")
    if company.placement_only and kind in (OpeningKind.PAID, OpeningKind.HYBRID):
        raise InvalidInput("Virksomheden tilbyder kun praktik.", field="kind")
    check_period(planned_start, planned_end, field="planned_end")
    clean_slots = normalise_slots(slots)
    clean_steps = _steps(steps, planned_start, planned_end)
    _check_no_clash(course.citizen, planned_start, planned_end, clean_slots, company, exclude=previous)
    placement = Placement.objects.create(
        course=course,
        company=company,
        opening=opening,
        kind=kind,
        planned_start=planned_start,
        planned_end=planned_end,
        slots=clean_slots,
        tasks=tasks,
        previous=previous,
        created_by=actor,
    )
    HoursStep.objects.bulk_create(
        [HoursStep(placement=placement, from_date=d, hours_per_week=h) for d, h in clean_steps]
    )
    _log(actor, AuditAction.CREATE, placement, course.citizen_id, kind)
    return placement


@transaction.atomic
def start_placement(*, actor: User, placement: Placement, on: date) -> Placement:
    if placement.actual_start is not None:
        raise InvalidInput("Placeringen er allerede startet.", field="actual_start")
    placement.actual_start = on
    placement.save(update_fields=["actual_start"])
    _log(actor, AuditAction.UPDATE, placement, placement.course.citizen_id, "start")
    return placement


@transaction.atomic
def end_placement(*, actor: User, placement: Placement, on: date) -> Placement:
    start = placement.actual_start or placement.planned_start
    check_period(start, on, field="actual_end")
    if placement.actual_end is not None:
        raise InvalidInput("Placeringen er allerede afsluttet.", field="actual_end")
    later = placement.weeks.filter(week_start__gt=on).exists()
    if later:
        raise InvalidPeriod("Der er registreret timer efter slutdatoen; ret dem først.", field="actual_end")
    placement.actual_end = on
    placement.save(update_fields=["actual_end"])
    _log(actor, AuditAction.UPDATE, placement, placement.course.citizen_id, "slut")
    return placement


@transaction.atomic
def convert_placement(
    *,
    actor: User,
    placement: Placement,
    to_kind: str,
    on: date,
    steps: list[tuple[date, Any]] | None = None,
) -> Placement:
    """Praktik becomes paid hours, hybrid or wage subsidy from a date: end one, start the next."""
    if to_kind == placement.kind:
        raise InvalidInput("Placeringen har allerede denne type.", field="kind")
    if on <= (placement.actual_start or placement.planned_start):
        raise InvalidPeriod("Omdannelsen skal ske efter placeringens start.", field="on")
    end_placement(actor=actor, placement=placement, on=on - timedelta(days=1))
    successor = create_placement(
        actor=actor,
        course=placement.course,
        company=placement.company,
        opening=placement.opening,
        kind=to_kind,
        planned_start=on,
        planned_end=placement.planned_end if placement.planned_end and placement.planned_end >= on else None,
        steps=steps,
        slots=placement.slots,
        tasks=placement.tasks,
        previous=placement,
    )
    successor.actual_start = on
    successor.save(update_fields=["actual_start"])
    return successor


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@transaction.atomic
def record_week(
    *,
    actor: User,
    placement: Placement,
    week: date,
    hours_present: Any,
    hours_paid: Any = 0,
    hours_effective: Any = None,
    hours_training: Any = 0,
    source: str = HoursSource.CONSULTANT,
    today: date | None = None,
) -> WeeklyHours:
    """Record (or correct) one week of the hours ledger for a placement."""
    week_start = monday_of(week)
    today = today or date.today()
    present = parse_hours(hours_present, field="hours_present")
    paid = parse_hours(hours_paid, field="hours_paid")
    training = parse_hours(hours_training, field="hours_training")
    effective = parse_hours(hours_effective, field="hours_effective", allow_blank=True)
    assert present is not None and paid is not None and training is not None
    effective = paid if effective is None else effective
    if source not in HoursSource.values:
        raise InvalidInput(f"Kilde skal være en af {', '.join(HoursSource.values)}.", field="source")
    if week_start > today:
        raise InvalidPeriod("Ugen er ikke begyndt endnu; timer registreres bagud.", field="week")
    start = placement.actual_start or placement.planned_start
    end = placement.actual_end
    if week_start + timedelta(days=6) < start or (end is not None and week_start > end):
        raise InvalidPeriod(f"Uge {week_start.isocalendar().week} ligger uden for placeringens periode.", field="week")
    if paid > present:
        raise InvalidHours(f"Løntimer ({paid}) kan ikke overstige timer til stede ({present}).", field="hours_paid")
    if effective > present:
        raise InvalidHours(
            f"Effektive timer ({effective}) kan ikke overstige timer til stede ({present}).", field="hours_effective"
        )
    if paid + training > present:
        raise InvalidHours(
            f"Løntimer ({paid}) og oplæringstimer ({training}) er tilsammen flere end timer til stede "
            f"({present}); de samme timer kan ikke både være løn og oplæring.",
            field="hours_training",
        )
    if placement.kind == OpeningKind.PLACEMENT and paid > 0:
        raise InvalidHours(
            "Praktik er ulønnet; omdan placeringen til småjob eller hybrid for at registrere løntimer.",
            field="hours_paid",
        )
    if placement.kind in (OpeningKind.PAID, OpeningKind.WAGE_SUBSIDY) and training > 0:
        raise InvalidHours("Oplæringstimer hører til praktik eller hybridpraktik.", field="hours_training")
    other = WeeklyHours.objects.filter(
        placement__course__citizen_id=placement.course.citizen_id, week_start=week_start
    ).exclude(placement=placement).aggregate(total=Sum("hours_present"))["total"] or Decimal(0)
    if other + present > HOURS_IN_WEEK:
        raise OverlappingActivity(
            f"Borgeren har allerede {other} timer i andre placeringer denne uge; "
            f"med {present} mere bliver det over 168 timer.",
            field="hours_present",
        )
    row, created = WeeklyHours.objects.update_or_create(
        placement=placement,
        week_start=week_start,
        defaults={
            "hours_present": present,
            "hours_paid": paid,
            "hours_effective": effective,
            "hours_training": training,
            "source": source,
            "recorded_by": actor,
            "confirmed_by_employer": source == HoursSource.EMPLOYER,
        },
    )
    _log(
        actor,
        AuditAction.CREATE if created else AuditAction.UPDATE,
        row,
        placement.course.citizen_id,
        f"uge {week_start.isoformat()}",
    )
    return row


@transaction.atomic
def record_follow_up(
    *,
    actor: User,
    course: Course,
    happened_on: date,
    channel: str,
    attendance: str,
    placement: Placement | None = None,
    tasks: str = "",
    effectiveness: int | None = None,
    notes: str = "",
    next_on: date | None = None,
) -> FollowUp:
    if channel not in Channel.values:
        raise InvalidInput(f"Kanal skal være en af {', '.join(Channel.values)}.", field="channel")
    if attendance not in Attendance.values:
        raise InvalidInput(f"Fremmøde skal være en af {', '.join(Attendance.values)}.", field="attendance")
    if effectiveness is not None and not 0 <= int(effectiveness) <= 10:
        raise InvalidInput("Effektivitet angives på en skala fra 0 til 10.", field="effectiveness")
    if next_on is not None and next_on < happened_on:
        raise InvalidPeriod("Næste opfølgning skal ligge efter denne.", field="next_on")
    if placement is not None and placement.course_id != course.pk:
        raise InvalidInput("Placeringen hører ikke til forløbet.", field="placement")
    row = FollowUp.objects.create(
        course=course,
        placement=placement,
        happened_on=happened_on,
        by=actor,
        channel=channel,
        attendance=attendance,
        tasks=tasks,
        effectiveness=effectiveness,
        notes=notes,
        next_on=next_on,
    )
    _log(actor, AuditAction.CREATE, row, course.citizen_id)
    return row
