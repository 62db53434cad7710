# SPDX-License-Identifier: MPL-2.0
"""The weeks an employer may confirm in one go: a month's unconfirmed weeks of its own
placements, for one citizen or all of them (issue 21, bulk confirmation).

Reached only through ``placements_for`` (the employer's own company, running placements and
the grace period after), so another company's weeks are never among them.
"""

from __future__ import annotations

import re
from datetime import date

from django.db.models import QuerySet

from smaajob.access.citizens import NOT_FOUND_MESSAGE, citizens_for
from smaajob.access.courses import placements_for
from smaajob.courses.models import WeeklyHours
from smaajob.errors import InvalidInput, NotFound
from smaajob.organisation.models import Role, User

FIRST_YEAR, LAST_YEAR = 2000, 2100


_MONTH = re.compile(r"(\d{4})-(\d{2})")


def month_key(day: date) -> str:
    """The month as the address names it: ``2026-11``."""
    return f"{day.year:04d}-{day.month:02d}"


def month_start(text: str) -> date:
    """The first day of the month ``YYYY-MM``, or a Danish refusal for one that does not exist."""
    match = _MONTH.fullmatch(text or "")
    year, month = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    if not (FIRST_YEAR <= year <= LAST_YEAR) or not (1 <= month <= 12):
        raise InvalidInput(
            f"Måneden findes ikke: skriv den som år-måned, fx 2026-11, med et år mellem {FIRST_YEAR} "
            f"og {LAST_YEAR}.",
            field="month",
        )
    return date(year, month, 1)


def weeks_to_confirm_in_month(
    user: User, *, month: str, citizen_id: int | None = None, on: date | None = None
) -> QuerySet[WeeklyHours]:
    """The month's recorded, unconfirmed weeks (by the week's Monday) the employer may confirm."""
    if user.role != Role.EMPLOYER:
        raise NotFound("Siden findes ikke, eller du har ikke adgang til den.")
    first = month_start(month)
    rows = WeeklyHours.objects.filter(
        placement__in=placements_for(user, on=on),
        confirmed_by_employer=False,
        week_start__year=first.year,
        week_start__month=first.month,
    )
    if citizen_id is not None:
        # A citizen not placed with the company answers as a missing one does.
        if not citizens_for(user, on=on).filter(pk=citizen_id).exists():
            raise NotFound(NOT_FOUND_MESSAGE)
        rows = rows.filter(placement__course__citizen_id=citizen_id)
    return rows.select_related("placement__course", "placement__company").order_by(
        "placement__course__citizen_id", "week_start", "pk"
    )
