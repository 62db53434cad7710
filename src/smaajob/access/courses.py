# SPDX-License-Identifier: MPL-2.0
"""Access to courses, placements, weekly hours and match proposals.

Each record belongs to a citizen; a user reaches it only through the citizens they may see
(``citizens_for``), so the rules live in one place. Every read is audit-logged against the
citizen, and "missing" and "not yours" give the same ``NotFound``.
"""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from smaajob.access.cases import may_read_cases
from smaajob.access.citizens import citizens_for
from smaajob.access.employers import employer_placements
from smaajob.audit.models import AuditAction, AuditChannel
from smaajob.audit.services import record as audit
from smaajob.courses.models import VISIBLE_TO_CITIZEN, Course, MatchProposal, Placement, WeeklyHours
from smaajob.errors import NotFound
from smaajob.organisation.models import Role, User

NOT_FOUND = "Posten findes ikke, eller du har ikke adgang til den."

# Who may change a case: the caseworker (authority) and the company consultant; a coordinator
# may step in for the team. Employers, citizens, the benefit office and analysts only read.
CASE_WRITERS = frozenset({Role.CASEWORKER, Role.CONSULTANT, Role.COORDINATOR})
# Decisions the law gives the caseworker (visitation, 225-hour exemption).
AUTHORITY = frozenset({Role.CASEWORKER})


def _pk(value: int | str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise NotFound(NOT_FOUND) from None


def _log(user: User, action: str, kind: str, pk: int, citizen_id: int | None, channel: str, purpose: str) -> None:
    audit(
        actor=user,
        action=action,
        channel=channel,
        object_type=kind,
        object_id=pk,
        citizen_id=citizen_id,
        detail=purpose,
    )


def may_write_cases(user: User) -> bool:
    return bool(user.is_authenticated and user.role in CASE_WRITERS)


def require_case_writer(user: User) -> None:
    """Refuse a write with the same answer a missing record gives (nothing to learn)."""
    if not may_write_cases(user):
        raise NotFound(NOT_FOUND)


def require_authority(user: User) -> None:
    if not (user.is_authenticated and user.role in AUTHORITY):
        raise NotFound(NOT_FOUND)


def courses_for(user: User) -> QuerySet[Course]:
    """The courses of the citizens the user may see. The course is the jobcentre's: an employer
    reaches its own placements (``placements_for``), never the course they belong to."""
    if not may_read_cases(user) or user.role == Role.EMPLOYER:
        return Course.objects.none()
    return Course.objects.filter(citizen__in=citizens_for(user))


def get_course(user: User, course_id: int | str, *, channel: str = AuditChannel.WEB, purpose: str = "") -> Course:
    pk = _pk(course_id)
    course = courses_for(user).select_related("citizen", "project").filter(pk=pk).first()
    if course is None:
        _log(user, AuditAction.DENIED, "course", pk, None, channel, purpose)
        raise NotFound(NOT_FOUND)
    _log(user, AuditAction.READ, "course", pk, course.citizen_id, channel, purpose)
    return course


def placements_for(user: User, *, on: date | None = None) -> QuerySet[Placement]:
    """Placements of the citizens the user may see; an employer only its own company's, and
    only while they run or within the grace period after (``access.employers``)."""
    if not may_read_cases(user):
        return Placement.objects.none()
    if user.role == Role.EMPLOYER:
        return employer_placements(user, on=on)
    return Placement.objects.filter(course__citizen__in=citizens_for(user, on=on))


def get_placement(
    user: User, placement_id: int | str, *, channel: str = AuditChannel.WEB, purpose: str = ""
) -> Placement:
    pk = _pk(placement_id)
    placement = (
        placements_for(user).select_related("course__citizen", "course__project", "company").filter(pk=pk).first()
    )
    if placement is None:
        _log(user, AuditAction.DENIED, "placement", pk, None, channel, purpose)
        raise NotFound(NOT_FOUND)
    _log(user, AuditAction.READ, "placement", pk, placement.course.citizen_id, channel, purpose)
    return placement


def get_week(user: User, week_id: int | str, *, channel: str = AuditChannel.WEB) -> WeeklyHours:
    pk = _pk(week_id)
    row = (
        WeeklyHours.objects.filter(placement__in=placements_for(user))
        .select_related("placement__course", "placement__company")
        .filter(pk=pk)
        .first()
    )
    if row is None:
        raise NotFound(NOT_FOUND)
    _log(user, AuditAction.READ, "weeklyhours", pk, row.placement.course.citizen_id, channel, "ugens timer")
    return row


def proposals_for(user: User) -> QuerySet[MatchProposal]:
    """Match proposals: staff see their citizens'; an employer those for its own openings
    (without the citizen's name unless consented); a citizen only those the employer agreed to."""
    if not may_read_cases(user):
        return MatchProposal.objects.none()
    if user.role == Role.EMPLOYER:
        if user.company_id is None:
            return MatchProposal.objects.none()
        return MatchProposal.objects.filter(opening__company_id=user.company_id)
    qs = MatchProposal.objects.filter(course__citizen__in=citizens_for(user))
    if user.role == Role.CITIZEN:
        qs = qs.filter(status__in=VISIBLE_TO_CITIZEN)
    return qs


def get_proposal(
    user: User, proposal_id: int | str, *, channel: str = AuditChannel.WEB, purpose: str = ""
) -> MatchProposal:
    pk = _pk(proposal_id)
    row = proposals_for(user).select_related("course__citizen", "opening__company").filter(pk=pk).first()
    if row is None:
        _log(user, AuditAction.DENIED, "matchproposal", pk, None, channel, purpose)
        raise NotFound(NOT_FOUND)
    _log(user, AuditAction.READ, "matchproposal", pk, row.course.citizen_id, channel, purpose)
    return row
