# SPDX-License-Identifier: MPL-2.0
"""A course's life: visitation into a project, state changes along the allowed steps, the job plan's sub-goals."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from smaajob import plausibility
from smaajob.audit.models import AuditAction
from smaajob.citizens.models import Citizen
from smaajob.courses.models import (
    Course,
    CourseTransition,
)
from smaajob.courses.services._audit import _log
from smaajob.courses.states import CourseState, ExitOutcome, StopReason, check_transition
from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidInput, InvalidPeriod
from smaajob.organisation.models import Project, User


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
        raise InvalidPeriod(f"Datoen ligger før forløbets seneste skift ({format_date(last.happened_on)}).", field="on")
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
    _log(actor, AuditAction.UPDATE, course, course.citizen_id, str(CourseState(course.state).label))
    return course


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
