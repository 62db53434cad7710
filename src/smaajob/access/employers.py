# SPDX-License-Identifier: MPL-2.0
"""What an employer contact may reach: the placements at its own company that run now, or
ended within a short grace period.

An employer needs a citizen's (consented) facts while the citizen works there, and for a
few days after the last day to confirm the last weeks' hours and send the last payslip;
after that the company has no more business with the citizen's record (GDPR art. 5(1)(b)
and (c): purpose limitation and data minimisation). A placement from last year gives no
access, however many there were.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q, QuerySet

from smaajob.courses.models import Placement
from smaajob.organisation.models import Role, User

# Days after a placement's last day in which the employer still sees it, to confirm the
# last hours (the weekly confirmation is due within the week after) and send the last
# payslip. Stated in docs/working-tool.md ("Adgang og privatliv").
EMPLOYER_GRACE_DAYS = 14


def employer_window(on: date) -> Q:
    """Placements an employer still sees on ``on``: running or planned, or ended at most
    ``EMPLOYER_GRACE_DAYS`` before. A placement that never started counts as planned until
    its planned end has passed by the same grace period."""
    cutoff = on - timedelta(days=EMPLOYER_GRACE_DAYS)
    not_ended = Q(actual_end__isnull=True) & (
        Q(actual_start__isnull=False) | Q(planned_end__isnull=True) | Q(planned_end__gte=cutoff)
    )
    return not_ended | Q(actual_end__gte=cutoff)


def employer_placements(user: User, *, on: date | None = None) -> QuerySet[Placement]:
    """The employer contact's placements in the window; none for anyone else."""
    if not (user.is_authenticated and user.is_active and user.role == Role.EMPLOYER and user.company_id):
        return Placement.objects.none()
    return Placement.objects.filter(company_id=user.company_id).filter(employer_window(on or date.today()))
