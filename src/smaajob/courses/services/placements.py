# SPDX-License-Identifier: MPL-2.0
"""Placements: registering one with its step-up of weekly hours, starting, ending, converting.

Ending a course is here too: it ends the course's running placements.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction

from smaajob import plausibility
from smaajob.audit.models import AuditAction
from smaajob.citizens.models import Citizen
from smaajob.courses.models import (
    Course,
    HoursStep,
    Placement,
)
from smaajob.courses.selectors.clashes import Taken, clash, taken_from
from smaajob.courses.services._audit import _log
from smaajob.courses.services.lifecycle import _walk_to, change_state
from smaajob.courses.states import CourseState
from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidHours, InvalidInput, InvalidPeriod
from smaajob.hours import parse_hours
from smaajob.network.models import Company, Opening, OpeningKind
from smaajob.organisation.models import User
from smaajob.slots import normalise_slots
from smaajob.validators import check_period


def _check_no_clash(
    citizen: Citizen,
    start: date,
    end: date | None,
    slots: list[dict[str, Any]],
    company: Company,
    exclude: Placement | None,
) -> None:
    """Refuse a placement the citizen's other placements or commitments clash with (the same
    test matching asks before it proposes an opening: ``courses.selectors.clashes``)."""
    taken = taken_from([citizen.pk], start, exclude=exclude).get(citizen.pk, Taken())
    refusal = clash(taken, start, end, slots, company.pk, company.name)
    if refusal is not None:
        raise refusal


def _steps(raw: list[tuple[date, Any]] | None, start: date, end: date | None) -> list[tuple[date, Decimal]]:
    steps: list[tuple[date, Decimal]] = []
    for i, (from_date, hours) in enumerate(sorted(raw or [], key=lambda s: s[0])):
        value = parse_hours(hours, field=f"steps[{i}].hours_per_week")
        assert value is not None
        if from_date < start or (end is not None and from_date > end):
            raise InvalidPeriod(
                f"Optrapningen fra {format_date(from_date)} ligger uden for placeringens periode.",
                field=f"steps[{i}].from_date",
            )
        if steps and steps[-1][0] == from_date:
            raise InvalidInput(
                f"To optrapninger på samme dato ({format_date(from_date)}).", field=f"steps[{i}].from_date"
            )
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
    _log(actor, AuditAction.CREATE, placement, course.citizen_id, str(OpeningKind(kind).label))
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
    planned_start: date,
    planned_end: date | None = None,
    company: Company | None = None,
    kind: str = "",
    step_up: str = "",
    step_every_weeks: int = 1,
    opening: Opening | None = None,
    tasks: str = "",
    deviation_reason: str = "",
    today: date | None = None,
) -> Placement:
    """One form, one transaction: the placement, its step-up, the course state, and its start.

    With an opening, what is left blank comes from it (the web form and the API alike): the
    company, the kind, a step-up of the opening's lowest weekly hours, and the opening's title
    as the tasks.

    The step-up is checked by ``smaajob.plausibility``: above a full-time week is refused;
    outside the opening's range or above the citizen's recorded capacity needs
    ``deviation_reason``, which is kept in the placement's audit entry.

    A placement starting today or earlier is started at once; the course moves to
    »Virksomhedspraktik« or »Løntimer« through the allowed steps, so the consultant does not
    click through matching and match meeting by hand.
    """
    today = today or date.today()
    if opening is not None:
        company = company or opening.company
        kind = kind or opening.kind
        step_up = step_up or f"{opening.hours_min:g}"
    if company is None:
        raise InvalidInput("Vælg en jobåbning eller en virksomhed.", field="opening")
    steps = parse_step_up(step_up, start=planned_start, every_weeks=step_every_weeks)
    if planned_end is not None and steps[-1][0] > planned_end:
        raise InvalidPeriod(
            f"Optrapningen når til {format_date(steps[-1][0])}, efter placeringens slut; "
            "færre trin eller optrap oftere.",
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
