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

from smaajob import plausibility
from smaajob.audit.models import AuditAction, AuditChannel
from smaajob.audit.services import record as audit
from smaajob.citizens.models import Citizen, TransferRequest
from smaajob.courses.follow_up_rules import check_follow_up
from smaajob.courses.ledger_rules import check_week_hours
from smaajob.courses.models import (
    Course,
    CourseTransition,
    FollowUp,
    HoursSource,
    HoursStep,
    MatchProposal,
    Placement,
    ProposalStatus,
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
def start_course(
    *,
    actor: User,
    citizen: Citizen,
    project: Project,
    started_on: date,
    reason: str = "",
    today: date | None = None,
) -> Course:
    """Visitation: the citizen enters the effort in a project; it has happened (not after
    today) and not before the citizen was born (``smaajob.plausibility``)."""
    plausibility.happened_by(started_on, today=today or date.today(), field="started_on", what="Visitationen")
    plausibility.not_before_birth(started_on, citizen.birth_date, field="started_on", what="Visitationen")
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
    check_week_hours(kind=placement.kind, present=present, paid=paid, effective=effective, training=training)
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
    today: date | None = None,
) -> FollowUp:
    """A follow-up that took place: not in the future, not before the course or placement
    (``smaajob.plausibility``); the next one planned at most a year ahead."""
    check_follow_up(
        course=course,
        placement=placement,
        happened_on=happened_on,
        channel=channel,
        attendance=attendance,
        effectiveness=effectiveness,
        next_on=next_on,
        today=today or date.today(),
    )
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


@transaction.atomic
def set_sub_goals(*, actor: User, course: Course, sub_goals: list[str]) -> Course:
    """The job plan's sub-goals (delmål), in order; blank lines are dropped."""
    goals = [g.strip() for g in sub_goals if g and g.strip()]
    if len(goals) > 20:
        raise InvalidInput("Højst 20 delmål; saml de mindre i et større.", field="sub_goals")
    if any(len(g) > 300 for g in goals):
        raise InvalidInput("Et delmål må højst være 300 tegn.", field="sub_goals")
    course.sub_goals = goals
    course.save(update_fields=["sub_goals"])
    _log(actor, AuditAction.UPDATE, course, course.citizen_id, "delmål")
    return course


def parse_step_up(text: str, *, start: date, every_weeks: int = 1) -> list[tuple[date, Decimal]]:
    """``"2 → 6 → 12"`` (or ``2, 6, 12`` / ``2 6 12``) from ``start``, a step every N weeks."""
    if not 1 <= every_weeks <= 26:
        raise InvalidInput("Optrap hver 1.–26. uge.", field="step_every_weeks")
    cleaned = text.replace("→", " ").replace("->", " ").replace(";", " ").replace("/", " ")
    parts = [p for p in cleaned.replace(", ", " ").split() if p.strip(",")]
    if not parts:
        raise InvalidHours("Angiv timer pr. uge, fx »2 → 6 → 12«.", field="steps")
    if len(parts) > 12:
        raise InvalidInput("Højst 12 trin i optrapningen.", field="steps")
    steps = []
    for i, part in enumerate(parts):
        hours = parse_hours(part.strip(","), field="steps")
        assert hours is not None
        steps.append((start + timedelta(weeks=i * every_weeks), hours))
    return steps


@transaction.atomic
def register_placement(
    *,
    actor: User,
    course: Course,
    company: Company,
    kind: str,
    planned_start: date,
    planned_end: date | None,
    step_up: str,
    step_every_weeks: int = 1,
    opening: Opening | None = None,
    tasks: str = "",
    deviation_reason: str = "",
    today: date | None = None,
) -> Placement:
    """One form, one transaction: the placement, its step-up, the course state, and its start.

    The step-up is checked by ``smaajob.plausibility``: above a full-time week is refused;
    outside the opening's range or above the citizen's recorded capacity needs
    ``deviation_reason``, which is kept in the placement's audit entry.

    A placement starting today or earlier is started at once; the course moves to
    »Virksomhedspraktik« or »Løntimer« through the allowed steps, so the consultant does not
    click through matching and match meeting by hand.
    """
    today = today or date.today()
    steps = parse_step_up(step_up, start=planned_start, every_weeks=step_every_weeks)
    if planned_end is not None and steps[-1][0] > planned_end:
        raise InvalidPeriod(
            f"Optrapningen når til {steps[-1][0]:%d.%m.%Y}, efter placeringens slut; færre trin eller optrap oftere.",
            field="steps",
        )
    deviations = plausibility.hours_fit_or_reasoned(
        [hours for _, hours in steps],
        hours_min=opening.hours_min if opening is not None else None,
        hours_max=opening.hours_max if opening is not None else None,
        capacity=course.citizen.weekly_hours_capacity,
        reason=deviation_reason,
        field="deviation_reason",
    )
    placement = create_placement(
        actor=actor,
        course=course,
        company=company,
        kind=kind,
        planned_start=planned_start,
        planned_end=planned_end,
        opening=opening,
        steps=steps,
        slots=opening.slots if opening is not None else None,
        tasks=tasks or (opening.title if opening is not None else ""),
    )
    if deviations:
        _log(
            actor,
            AuditAction.UPDATE,
            placement,
            course.citizen_id,
            f"afvigelse i timer: {'; '.join(deviations)}; begrundelse: {deviation_reason.strip()}",
        )
    target = CourseState.PLACEMENT if kind == OpeningKind.PLACEMENT else CourseState.PAID_HOURS
    _walk_to(actor=actor, course=course, target=target, on=min(planned_start, today))
    if planned_start <= today:
        start_placement(actor=actor, placement=placement, on=planned_start)
    return placement


def _path(current: str, target: str) -> list[str]:
    """The shortest run of allowed steps from one state to another (breadth first)."""
    from smaajob.courses.states import ALLOWED

    queue: list[list[str]] = [[current]]
    seen = {current}
    while queue:
        path = queue.pop(0)
        if path[-1] == target:
            return path[1:]
        for nxt in sorted(ALLOWED.get(path[-1], frozenset())):
            if nxt not in seen and nxt != CourseState.EXITED:
                seen.add(nxt)
                queue.append([*path, nxt])
    check_transition(current, target)  # raises the clear Danish message
    return []


def _walk_to(*, actor: User, course: Course, target: str, on: date) -> None:
    """Record the bookkeeping steps up to ``target``, each dated, so the timeline stays whole."""
    course.refresh_from_db()
    last = course.transitions.order_by("-happened_on", "-id").first()
    on = max(on, last.happened_on) if last is not None else on
    for state in _path(course.state, target):
        course = change_state(actor=actor, course=course, to_state=state, on=on, reason="registreret i ét trin")


@transaction.atomic
def record_weeks(*, actor: User, rows: list[dict[str, Any]], today: date | None = None) -> dict[str, Any]:
    """The weekly hours screen: many placements at once, all or nothing.

    ``rows`` hold ``key``, ``placement``, ``week`` and the hours. Returns ``{key: error}``;
    when any row is refused, nothing is written and every refusal is reported.
    """
    errors: dict[str, Any] = {}
    for row in rows:
        try:
            with transaction.atomic():
                record_week(
                    actor=actor,
                    placement=row["placement"],
                    week=row["week"],
                    hours_present=row["hours_present"],
                    hours_paid=row.get("hours_paid") or 0,
                    hours_effective=row.get("hours_effective"),
                    hours_training=row.get("hours_training") or 0,
                    today=today,
                )
        except (InvalidInput, InvalidHours, InvalidPeriod, OverlappingActivity) as error:
            errors[row["key"]] = error
    if errors:
        transaction.set_rollback(True)
    return errors


@transaction.atomic
def confirm_week(*, actor: User, row: WeeklyHours) -> WeeklyHours:
    """The employer confirms a recorded week (journey 8)."""
    if actor.role != "employer" or row.placement.company_id != actor.company_id:
        raise InvalidInput("Kun virksomheden selv kan bekræfte ugens timer.", field="confirmed_by_employer")
    row.confirmed_by_employer = True
    row.save(update_fields=["confirmed_by_employer"])
    _log(actor, AuditAction.UPDATE, row, row.placement.course.citizen_id, f"bekræftet uge {row.week_start}")
    return row


@transaction.atomic
def end_course(
    *, actor: User, course: Course, on: date, outcome: str, stop_reason: str = "", reason: str = ""
) -> Course:
    """End the course with an outcome; running placements end the same day."""
    course = change_state(
        actor=actor,
        course=course,
        to_state=CourseState.EXITED,
        on=on,
        outcome=outcome,
        stop_reason=stop_reason,
        reason=reason,
    )
    for placement in course.placements.filter(actual_end__isnull=True):
        if (placement.actual_start or placement.planned_start) <= on:
            if placement.actual_start is None:
                placement.actual_start = placement.planned_start
                placement.save(update_fields=["actual_start"])
            end_placement(actor=actor, placement=placement, on=on)
    return course


def _require_consent(citizen: Citizen, opening: Opening, on: date) -> None:
    """Refuse a match the matching engine would refuse for missing consent (003 §3.4.3)."""
    from smaajob.courses.selectors import missing_consents
    from smaajob.matching.model import FACT_DA, Fact

    missing = missing_consents(citizen, opening, on)
    if missing:
        facts = " og ".join(FACT_DA[Fact(f)] for f in sorted(missing))
        raise InvalidInput(
            f"Virksomheden skal have oplyst {facts}, men borgeren har ikke givet samtykke til at "
            "videregive det. Registrér samtykket under ressourceafdækningen først.",
            field="consent",
            code="consent_missing",
        )


@transaction.atomic
def propose_match(
    *,
    actor: User,
    course: Course,
    opening: Opening,
    on: date,
    score: float | None = None,
    explanation: str = "",
) -> MatchProposal:
    """Ask the employer first: the proposal is hidden from the citizen until they agree (001)."""
    if course.state == CourseState.EXITED:
        raise InvalidInput("Forløbet er afsluttet.", field="course")
    if opening.status != "open":
        raise InvalidInput("Jobåbningen er ikke åben længere.", field="opening")
    live = MatchProposal.objects.filter(course=course, opening=opening).exclude(
        status__in=[ProposalStatus.DECLINED, ProposalStatus.WITHDRAWN]
    )
    if live.exists():
        raise InvalidInput("Borgeren er allerede foreslået til denne opgave.", field="opening")
    _require_consent(course.citizen, opening, on)
    row = MatchProposal.objects.create(
        course=course, opening=opening, proposed_by=actor, proposed_on=on, score=score, explanation=explanation[:4000]
    )
    if course.state in (CourseState.VISITED, CourseState.MAPPED):
        _walk_to(actor=actor, course=course, target=CourseState.MATCHING, on=on)
    _log(actor, AuditAction.CREATE, row, course.citizen_id, f"jobåbning {opening.pk}")
    return row


@transaction.atomic
def answer_proposal(*, actor: User, proposal: MatchProposal, agrees: bool, on: date, note: str = "") -> MatchProposal:
    """The employer (or the consultant on the employer's behalf) answers about pay."""
    if proposal.status != ProposalStatus.ASKED:
        raise InvalidInput("Forslaget er allerede besvaret.", field="status")
    if actor.role == "employer" and proposal.opening.company_id != actor.company_id:
        raise InvalidInput("Forslaget hører til en anden virksomhed.", field="proposal")
    if agrees:
        # The citizen may have withdrawn consent since the proposal was made.
        _require_consent(proposal.course.citizen, proposal.opening, on)
    proposal.status = ProposalStatus.AGREED if agrees else ProposalStatus.DECLINED
    proposal.answered_on = on
    proposal.employer_note = note[:2000]
    proposal.save(update_fields=["status", "answered_on", "employer_note"])
    _log(actor, AuditAction.UPDATE, proposal, proposal.course.citizen_id, proposal.status)
    return proposal


@transaction.atomic
def book_match_meeting(*, actor: User, proposal: MatchProposal, at: Any, place: str = "") -> MatchProposal:
    """Book the match meeting (matchmøde) once the employer has agreed."""
    if proposal.status not in (ProposalStatus.AGREED, ProposalStatus.MEETING):
        raise InvalidInput("Book først matchmødet, når virksomheden har sagt ja til at overveje løn.", field="status")
    if at is None:
        raise InvalidInput("Angiv dato og tid for matchmødet.", field="meeting_at")
    proposal.status = ProposalStatus.MEETING
    proposal.meeting_at = at
    proposal.meeting_place = place[:200]
    proposal.save(update_fields=["status", "meeting_at", "meeting_place"])
    course = proposal.course
    if course.state in (CourseState.VISITED, CourseState.MAPPED, CourseState.MATCHING):
        _walk_to(actor=actor, course=course, target=CourseState.MATCH_MEETING, on=at.date())
    _log(actor, AuditAction.UPDATE, proposal, course.citizen_id, "matchmøde")
    return proposal


@transaction.atomic
def visit_citizen(
    *,
    actor: User,
    cpr: str,
    first_name: str,
    last_name: str,
    project: Project,
    started_on: date,
    readiness: str = "",
    benefit_type: str = "",
    benefit_rate: str = "full",
    address: str = "",
    postcode: str = "",
    city: str = "",
    reason: str = "",
) -> Course | TransferRequest:
    """Visitation in one step: register the citizen (or find them by CPR among the actor's
    municipality's own), make the actor their caseworker, record readiness and benefit, and
    start the course.

    A citizen who already has another caseworker is not taken over: the answer is a
    ``TransferRequest`` (with ``reason`` as its reason) that the current caseworker or their
    coordinator accepts or refuses; nothing about the citizen is shown or changed until then.
    Only the actor's municipality is searched. A CPR number another municipality knows is,
    here, a person this municipality has not met: they are registered like any new citizen,
    so the answer cannot tell whether the number exists elsewhere (docs/working-tool.md).
    """
    from smaajob.citizens import services as citizen_services
    from smaajob.citizens.models import Citizen as CitizenModel
    from smaajob.validators import normalise_cpr

    if actor.role != "caseworker":
        raise InvalidInput("Kun en rådgiver kan visitere en borger.", field="project")
    plausibility.happened_by(started_on, today=date.today(), field="started_on", what="Visitationen")
    if project.municipality_id != actor.municipality_id:
        raise InvalidInput("Projektet hører til en anden kommune.", field="project")
    number = normalise_cpr(cpr)
    citizen = CitizenModel.objects.filter(municipality_id=actor.municipality_id, cpr=number).first()
    if citizen is None:
        citizen = citizen_services.register_citizen(
            actor=actor,
            cpr=number,
            first_name=first_name,
            last_name=last_name,
            municipality=project.municipality,
            address=address,
            postcode=postcode,
            city=city,
        )
    else:
        holder = citizen_services.current_caseworker(citizen, started_on)
        if holder is not None and holder.pk != actor.pk:
            return citizen_services.request_transfer(actor=actor, citizen=citizen, reason=reason, on=started_on)
    from smaajob.citizens.models import Assignment

    holds = Assignment.objects.filter(citizen=citizen, staff_role="caseworker", valid_to__isnull=True).first()
    if holds is None or holds.staff_id != actor.pk:
        citizen_services.assign_staff(
            actor=actor, citizen=citizen, staff=actor, staff_role="caseworker", valid_from=started_on
        )
    if readiness:
        citizen_services.set_readiness(actor=actor, citizen=citizen, category=readiness, valid_from=started_on)
    if benefit_type:
        citizen_services.set_benefit(
            actor=actor, citizen=citizen, benefit_type=benefit_type, rate=benefit_rate, valid_from=started_on
        )
    return start_course(actor=actor, citizen=citizen, project=project, started_on=started_on, reason=reason)


@transaction.atomic
def map_resources(
    *,
    actor: User,
    citizen: Citizen,
    course: Course | None,
    consent: list[str],
    sub_goals: list[str],
    on: date,
    **fields: Any,
) -> Citizen:
    """The resource mapping page in one transaction: the citizen's resources, consent to
    disclose, the course's sub-goals, and the step to »Ressourceafdækket«."""
    from smaajob.citizens import services as citizen_services

    citizen_services.update_resource_mapping(actor=actor, citizen=citizen, **fields)
    citizen_services.set_consent(actor=actor, citizen=citizen, facts=consent, on=on)
    if course is not None:
        set_sub_goals(actor=actor, course=course, sub_goals=sub_goals)
        if course.state == CourseState.VISITED:
            change_state(actor=actor, course=course, to_state=CourseState.MAPPED, on=on, reason="ressourceafdækning")
    return citizen
