# SPDX-License-Identifier: MPL-2.0
"""Who may read a citizen's *case*, and who works from the staff worklist.

The case is the course and what hangs off it: placements, weekly hours, follow-ups, match
proposals, the timeline, the 225-hour status, the resource mapping. The benefit office
works with income and payment data only (DOMAIN.md §2) and reaches a citizen through the
payslip pages, never through the case; analysts see aggregates only. Employers and
citizens read their own part of a case (``placements_for`` narrows it for them).

Web pages and API endpoints ask these predicates, never the role themselves, so the two
answer alike; a refusal is the ``NotFound`` a missing record gives.
"""

from __future__ import annotations

from smaajob.access.citizens import NOT_FOUND_MESSAGE
from smaajob.errors import NotFound
from smaajob.organisation.models import Role, User

PAGE_NOT_FOUND = "Siden findes ikke, eller du har ikke adgang til den."

CASE_READERS = frozenset(
    {Role.CASEWORKER, Role.CONSULTANT, Role.COORDINATOR, Role.ADMINISTRATOR, Role.EMPLOYER, Role.CITIZEN}
)
# The worklist's alerts (follow-ups, exemption reviews, the 225-hour risk, the citizen's
# other placements) are the case workers' tool; as in the menu: caseworkers, consultants
# and coordinators. No employer, citizen, benefit office or analyst has one.
WORKLIST_ROLES = frozenset({Role.CASEWORKER, Role.CONSULTANT, Role.COORDINATOR})


def _active(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


def may_read_cases(user: User) -> bool:
    """Citizens' cases: courses, placements, proposals and what hangs off them, each narrowed
    to what the user may see (``citizens_for``, ``placements_for``)."""
    return _active(user) and user.role in CASE_READERS


def require_case_reader(user: User) -> None:
    """Refuse a citizen's case with the answer a missing citizen gives."""
    if not may_read_cases(user):
        raise NotFound(NOT_FOUND_MESSAGE)


def may_use_worklist(user: User) -> bool:
    return _active(user) and user.role in WORKLIST_ROLES


def require_worklist(user: User) -> None:
    """Refuse the worklist as the app refuses any page that is not the user's: 404."""
    if not may_use_worklist(user):
        raise NotFound(PAGE_NOT_FOUND)
