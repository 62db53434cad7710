# SPDX-License-Identifier: MPL-2.0
"""The employer confirms many recorded weeks at once (issue 21): all or none."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import QuerySet

from smaajob.courses.models import WeeklyHours
from smaajob.courses.services import confirm_week
from smaajob.errors import InvalidInput
from smaajob.organisation.models import User


@transaction.atomic
def confirm_weeks(*, actor: User, allowed: QuerySet[WeeklyHours], week_ids: Sequence[int]) -> list[WeeklyHours]:
    """Confirm exactly the weeks ``week_ids``, each of which must be in ``allowed`` (the
    access layer's month of weeks the employer may confirm); one that is not refuses all.
    Each week is confirmed and audit-logged as one confirmation (``confirm_week``)."""
    wanted = set(week_ids)
    if not wanted:
        raise InvalidInput("Der er ingen uger at bekræfte.", field="week")
    rows = list(allowed.select_for_update(of=("self",)).filter(pk__in=wanted).order_by("week_start", "pk"))
    if len(rows) != len(wanted):
        raise InvalidInput(
            "En eller flere af ugerne kan ikke bekræftes her (de er allerede bekræftet eller hører ikke "
            "til måneden). Intet er bekræftet; indlæs siden igen.",
            field="week",
        )
    return [confirm_week(actor=actor, row=row) for row in rows]
