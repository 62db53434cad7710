# SPDX-License-Identifier: MPL-2.0
"""Who may submit, see and handle payslips — built on ``smaajob.access``.

* A citizen submits and sees only their own payslips.
* An employer contact submits only for a placement at their own company, and sees the payslips
  of those placements — while the placement runs or within the grace period after it
  (``smaajob.access.placements_for``), and without the benefit calculation (``sees_benefit``).
* Staff who may open the citizen (``smaajob.access.citizens_for``) may register a payslip they
  received on paper and see the citizen's payslips.
* Only the benefit office (and administrators) calculate, approve, reject and mark as paid.
* The benefit office and the consultants resolve a difference between an approved payslip and
  the recorded weeks (their access to the payslip itself goes through ``payslips_for``).

Missing and "not yours" get the same ``NotFound``; every read of a payslip is audit-logged.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from smaajob import access
from smaajob.citizens.models import Citizen
from smaajob.courses.models import Placement
from smaajob.errors import NotFound
from smaajob.money.models import Payslip, SubmittedVia
from smaajob.organisation.models import STAFF_ROLES, Role, User

NOT_FOUND = "Lønsedlen findes ikke, eller du har ikke adgang til den."
CITIZEN_NOT_FOUND = "Borgeren findes ikke, eller du har ikke adgang til borgeren."
PAID_KINDS = ("paid", "hybrid", "wage_subsidy")
HANDLER_ROLES = frozenset({Role.BENEFIT_OFFICE, Role.ADMINISTRATOR})
# Analysts see aggregates only (DOMAIN.md §2).
STAFF_SUBMITTERS = STAFF_ROLES - {Role.ANALYST}


def _active(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


def submission_channel(actor: User, citizen: Citizen, placement: Placement | None) -> SubmittedVia:
    """The channel the actor submits through, or ``NotFound`` if they may not submit for the citizen."""
    if not _active(actor):
        raise NotFound(CITIZEN_NOT_FOUND)
    if actor.role == Role.CITIZEN:
        if citizen.user_id != actor.pk:
            raise NotFound(CITIZEN_NOT_FOUND)
        return SubmittedVia.CITIZEN
    if actor.role == Role.EMPLOYER:
        # An employer reports hours for its own placements only, while they run or within the
        # grace period after (``smaajob.access.employers``), so the placement is required.
        if (
            placement is None
            or placement.course.citizen_id != citizen.pk
            or not access.placements_for(actor).filter(pk=placement.pk).exists()
        ):
            raise NotFound(CITIZEN_NOT_FOUND)
        return SubmittedVia.EMPLOYER
    if actor.role == Role.INTERMEDIARY:
        # The intermediary's monthly run registers the payslip of a placement it employs.
        if (
            placement is None
            or not access.intermediary_placements(actor).filter(pk=placement.pk, course__citizen_id=citizen.pk).exists()
        ):
            raise NotFound(CITIZEN_NOT_FOUND)
        return SubmittedVia.INTERMEDIARY
    if actor.role in STAFF_SUBMITTERS and access.citizens_for(actor).filter(pk=citizen.pk).exists():
        return SubmittedVia.CONSULTANT
    raise NotFound(CITIZEN_NOT_FOUND)


def sees_benefit(actor: User) -> bool:
    """The supplementary benefit (the calculation, what was offset, the citizen's other
    payslips and the notes about them) is the citizen's payment data: the citizen and the
    staff who may open the payslip see it; an employer sees only the payslip it is party to.
    Benefit is no fact an employer is told (DOMAIN.md §2; ``access.employer_facts``)."""
    return _active(actor) and actor.role not in (Role.EMPLOYER, Role.INTERMEDIARY)


def may_handle(actor: User) -> bool:
    """Calculate, approve, reject and mark as paid: the benefit office's work."""
    return _active(actor) and actor.role in HANDLER_ROLES


def may_reconcile(actor: User) -> bool:
    """Resolve a difference between a payslip and the weeks: the benefit office, or the consultant."""
    return may_handle(actor) or (_active(actor) and actor.role == Role.CONSULTANT)


def payslips_for(actor: User) -> QuerySet[Payslip]:
    if not _active(actor):
        return Payslip.objects.none()
    if actor.role == Role.CITIZEN:
        return Payslip.objects.filter(citizen__user=actor)
    if actor.role == Role.EMPLOYER:
        return Payslip.objects.filter(placement__in=access.placements_for(actor))
    if actor.role in STAFF_SUBMITTERS:
        return Payslip.objects.filter(citizen__in=access.citizens_for(actor))
    return Payslip.objects.none()


def citizens_with_payslip_work(actor: User) -> QuerySet[Citizen]:
    """Citizens whose payslips the actor may handle (the benefit office's municipality)."""
    if not may_handle(actor):
        return Citizen.objects.none()
    return access.citizens_for(actor)


def get_payslip(actor: User, payslip_id: int | str, *, channel: str | None = None, purpose: str = "") -> Payslip:
    return access.get_audited(
        actor,
        payslips_for(actor).select_related("citizen", "placement__company", "calculation", "submitted_by"),
        payslip_id,
        object_type="payslip",
        citizen_of=lambda p: p.citizen_id,
        not_found=NOT_FOUND,
        channel=channel,
        purpose=purpose,
    )


def placements_open_to(actor: User, citizen: Citizen) -> QuerySet[Placement]:
    """Paid placements the actor may attach a payslip to."""
    paid = Placement.objects.filter(course__citizen=citizen, kind__in=PAID_KINDS)
    if actor.role == Role.EMPLOYER:
        return paid.filter(pk__in=access.placements_for(actor).values("pk"))
    return paid.filter(Q(actual_start__isnull=False) | Q(planned_start__isnull=False))
