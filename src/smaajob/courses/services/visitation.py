# SPDX-License-Identifier: MPL-2.0
"""Visitation in one step and the resource mapping page: writes that span citizen and course."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from smaajob import plausibility
from smaajob.citizens import services as citizen_services
from smaajob.citizens.models import Assignment, Citizen, TransferRequest
from smaajob.citizens.selectors import citizen_by_cpr
from smaajob.courses.models import (
    Course,
)
from smaajob.courses.services.lifecycle import change_state, set_sub_goals, start_course
from smaajob.courses.states import CourseState
from smaajob.errors import InvalidInput
from smaajob.organisation.models import Project, User
from smaajob.validators import normalise_cpr


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

    if actor.role != "caseworker":
        raise InvalidInput("Kun en rådgiver kan visitere en borger.", field="project")
    plausibility.happened_by(started_on, today=date.today(), field="started_on", what="Visitationen")
    if project.municipality_id != actor.municipality_id:
        raise InvalidInput("Projektet hører til en anden kommune.", field="project")
    number = normalise_cpr(cpr)
    citizen = citizen_by_cpr(actor.municipality_id, number)
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

    citizen_services.update_resource_mapping(actor=actor, citizen=citizen, **fields)
    citizen_services.set_consent(actor=actor, citizen=citizen, facts=consent, on=on)
    if course is not None:
        set_sub_goals(actor=actor, course=course, sub_goals=sub_goals)
        if course.state == CourseState.VISITED:
            change_state(actor=actor, course=course, to_state=CourseState.MAPPED, on=on, reason="ressourceafdækning")
    return citizen
