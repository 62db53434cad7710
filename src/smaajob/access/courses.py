# SPDX-License-Identifier: MPL-2.0
"""Access to courses, placements, weekly hours and match proposals.

Each record belongs to a citizen; a user reaches it only through the citizens they may see
(``citizens_for``), so the rules live in one place. Every read is audit-logged against the
citizen, and "missing" and "not yours" give the same ``NotFound``.
"""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from smaajob.access.audited import get_audited
from smaajob.access.cases import may_read_cases
from smaajob.access.citizens import citizens_for
from smaajob.access.employers import employer_placements
from smaajob.courses.models import VISIBLE_TO_CITIZEN, Course, MatchProposal, Placement, WeeklyHours
from smaajob.errors import NotFound
from smaajob.organisation.models import Role, User

NOT_FOUND = "Posten findes ikke, eller du har ikke adgang til den."

# Who may change a case: the caseworker (authority) and the company consultant; a coordinator
# may step in for the team. Employers, citizens, the benefit office and analysts only read.
CASE_WRITERS = frozenset({Role.CASEWORKER, Role.CONSULTANT, Role.COORDINATOR})
# Decisions the law gives the caseworker (visitation, 225-hour exemption).
AUTHORITY = frozenset({Role.CASEWORKER})


def may_write_cases(user: User) -> bool:
    return bool(user.is_authenticated and user.role in CASE_WRITERS)


def require_case_writer(user: User) -> None:
    """Refuse a write with the same answer a missing record gives (nothing to learn)."""
    if not may_write_cases(user):
        raise NotFound(NOT_FOUND)


def may_decide(user: User) -> bool:
    """The decisions the law gives the caseworker (visitation, 225-hour exemption)."""
    return bool(user.is_authenticated and user.role in AUTHORITY)


def require_authority(user: User) -> None:
    if not may_decide(user):
        raise NotFound(NOT_FOUND)


def courses_for(user: User) -> QuerySet[Course]:
    """The courses of the citizens the user may see. The course is the jobcentre's: an employer
    reaches its own placements (``placements_for``), never the course they belong to."""
    if not may_read_cases(user) or user.role == Role.EMPLOYER:
        return Course.objects.none()
    return Course.objects.filter(citizen__in=citizens_for(user))


def get_course(user: User, course_id: int | str, *, channel: str | None = None, purpose: str = "") -> Course:
    return get_audited(
        user,
        courses_for(user).select_related("citizen", "project"),
        course_id,
        object_type="course",
        citizen_of=lambda c: c.citizen_id,
        not_found=NOT_FOUND,
        channel=channel,
        purpose=purpose,
    )


def placements_for(user: User, *, on: date | None = None) -> QuerySet[Placement]:
    """Placements of the citizens the user may see; an employer only its own company's, and
    only while they run or within the grace period after (``access.employers``)."""
    if not may_read_cases(user):
        return Placement.objects.none()
    if user.role == Role.EMPLOYER:
        return employer_placements(user, on=on)
    return Placement.objects.filter(course__citizen__in=citizens_for(user, on=on))


def get_placement(
    user: User, placement_id: int | str, *, channel: str | None = None, purpose: str = ""
) -> Placement:
    return get_audited(
        user,
        placements_for(user).select_related("course__citizen", "course__project", "company"),
        placement_id,
        object_type="placement",
        citizen_of=lambda p: p.course.citizen_id,
        not_found=NOT_FOUND,
        channel=channel,
        purpose=purpose,
    )


def get_week(user: User, week_id: int | str, *, channel: str | None = None) -> WeeklyHours:
    return get_audited(
        user,
        WeeklyHours.objects.filter(placement__in=placements_for(user)).select_related(
            "placement__course", "placement__company"
        ),
        week_id,
        object_type="weeklyhours",
        citizen_of=lambda w: w.placement.course.citizen_id,
        not_found=NOT_FOUND,
        channel=channel,
        purpose="ugens timer",
    )


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
    user: User, proposal_id: int | str, *, channel: str | None = None, purpose: str = ""
) -> MatchProposal:
    return get_audited(
        user,
        proposals_for(user).select_related("course__citizen", "opening__company"),
        proposal_id,
        object_type="matchproposal",
        citizen_of=lambda r: r.course.citizen_id,
        not_found=NOT_FOUND,
        channel=channel,
        purpose=purpose,
    )
