# SPDX-License-Identifier: MPL-2.0
"""Access to citizen records, with audit logging of every read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from smaajob.access.audited import get_audited
from smaajob.access.employers import employer_placements
from smaajob.audit.models import AuditAction
from smaajob.audit.services import record_many
from smaajob.citizens.models import Assignment, Citizen, DisclosableFact
from smaajob.citizens.selectors import consented_facts_on
from smaajob.errors import NotFound
from smaajob.network.models import DanishLevel
from smaajob.organisation.models import Role, User

NOT_FOUND_MESSAGE = "Borgeren findes ikke, eller du har ikke adgang til borgeren."


def _current_assignments(on: date) -> QuerySet[Assignment]:
    return Assignment.objects.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def citizens_for(user: User, *, on: date | None = None) -> QuerySet[Citizen]:
    """All citizens the user may open. Unknown or inactive users get none."""
    on = on or date.today()
    none = Citizen.objects.none()
    if not user.is_authenticated or not user.is_active:
        return none
    role = user.role
    if role in (Role.ADMINISTRATOR, Role.BENEFIT_OFFICE):
        # The benefit office's payment work needs the citizens of the own municipality; the
        # pages shown to it are limited to income and payment data.
        if user.municipality_id is None:
            return none
        return Citizen.objects.filter(municipality_id=user.municipality_id)
    if role in (Role.CASEWORKER, Role.CONSULTANT):
        ids = _current_assignments(on).filter(staff=user).values("citizen_id")
        return Citizen.objects.filter(pk__in=ids)
    if role == Role.COORDINATOR:
        if user.team_id is None:
            return none
        ids = _current_assignments(on).filter(staff__team_id=user.team_id).values("citizen_id")
        return Citizen.objects.filter(pk__in=ids)
    if role == Role.CITIZEN:
        return Citizen.objects.filter(user=user)
    if role == Role.EMPLOYER:
        # Only while a placement at the company runs, plus a short grace period (employers.py).
        placed = employer_placements(user, on=on).values("course__citizen_id")
        return Citizen.objects.filter(pk__in=placed)
    if role == Role.INTERMEDIARY:
        # The employer of record sees the citizens it employs (access.intermediary).
        from smaajob.access.intermediary import employed_citizen_ids

        return Citizen.objects.filter(pk__in=employed_citizen_ids(user, on=on))
    return none  # analysts: aggregates only


def log_list_read(user: User, citizen_ids: list[int], *, channel: str | None = None, purpose: str = "") -> None:
    """A list that names citizens is a read of personal data: one audit entry per citizen."""
    record_many(
        actor=user,
        action=AuditAction.READ,
        channel=channel,
        object_type="citizen",
        citizen_ids=citizen_ids,
        detail=purpose,
    )


def get_citizen(user: User, citizen_id: int | str, *, channel: str | None = None, purpose: str = "") -> Citizen:
    """One citizen the user may see; audit-logs the read. Same error for missing and not yours."""
    return get_audited(
        user,
        citizens_for(user),
        citizen_id,
        object_type="citizen",
        citizen_of=lambda c: c.pk,
        not_found=NOT_FOUND_MESSAGE,
        channel=channel,
        purpose=purpose,
        denied_citizen_id=True,
    )


@dataclass(frozen=True)
class EmployerCitizenView:
    """What an employer contact sees: a field is None unless the citizen consented. Birth date
    and CPR number are no disclosable fact (``DisclosableFact``), so an employer never sees them."""

    citizen_id: int
    name: str | None
    phone_and_address: str | None
    restrictions: str | None
    danish_level: str | None
    competences: tuple[str, ...] | None
    job_goal: str | None
    consented: frozenset[str]


def employer_view(
    user: User, citizen_id: int | str, *, on: date | None = None, channel: str | None = None
) -> EmployerCitizenView:
    """The consented facts about a citizen placed at the employer's company."""
    if user.role != Role.EMPLOYER:
        raise NotFound(NOT_FOUND_MESSAGE)
    citizen = get_citizen(user, citizen_id, channel=channel, purpose="virksomhedsvisning")
    return employer_facts(citizen, on=on or date.today())


def employer_views(
    user: User, *, on: date | None = None, channel: str | None = None, purpose: str = "virksomhedsvisning"
) -> list[EmployerCitizenView]:
    """The consented facts of every citizen placed at the employer's company now (or within the
    grace period); the list is audit-logged as one read per citizen. None for anyone else."""
    if user.role != Role.EMPLOYER:
        return []
    on = on or date.today()
    views = [employer_facts(c, on=on) for c in citizens_for(user, on=on).order_by("pk")]
    log_list_read(user, [v.citizen_id for v in views], channel=channel, purpose=purpose)
    return views


def employer_facts(citizen: Citizen, *, on: date) -> EmployerCitizenView:
    """The consented facts about a citizen, for a caller that has already checked access
    (``employer_view``, or a match proposal to the employer's own opening)."""
    facts = consented_facts_on(citizen, on)

    def allowed(fact: str) -> bool:
        return fact in facts

    return EmployerCitizenView(
        citizen_id=citizen.pk,
        name=citizen.full_name if allowed(DisclosableFact.NAME) else None,
        phone_and_address=(
            f"{citizen.address}, {citizen.postcode} {citizen.city}" if allowed(DisclosableFact.CONTACT) else None
        ),
        restrictions=(
            ", ".join(citizen.restriction_tags) or "ingen" if allowed(DisclosableFact.RESTRICTIONS) else None
        ),
        danish_level=str(DanishLevel(citizen.danish_level).label) if allowed(DisclosableFact.LANGUAGE) else None,
        competences=(
            tuple(citizen.competences) + tuple(citizen.certificates) if allowed(DisclosableFact.COMPETENCES) else None
        ),
        job_goal=citizen.job_goal if allowed(DisclosableFact.JOB_GOAL) else None,
        consented=facts,
    )
