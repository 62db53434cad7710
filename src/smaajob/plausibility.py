# SPDX-License-Identifier: MPL-2.0
"""Plausibility rules: entries that are well-formed but cannot be right, refused the same way
from the web, the API and imports because the services call these functions.

One kind of rule each:

* Something that *happened* (a follow-up) is not dated after today; only a plan (the next
  follow-up, a planned end) may lie in the future.
* Nothing is dated before the course or placement it belongs to.
* A plan lies within a stated horizon: a next follow-up more than a year ahead would silence
  the overdue alert without anyone following up.
* An opening offers some hours: 0–0 hours a week is no task.

Plain Python: the rules take dates and numbers, not models.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from smaajob.errors import InvalidHours, InvalidPeriod

# Follow-ups run every 1–4 weeks (DOMAIN.md, Project.follow_up_interval_days); a year is a
# generous outer bound for the next one.
PLAN_HORIZON = timedelta(days=365)


def happened_by(on: date, *, today: date, field: str, what: str) -> None:
    """``what`` happened on ``on``: refuse a date after today."""
    if on > today:
        raise InvalidPeriod(
            f"{what} er dateret {on:%d.%m.%Y}, som ligger i fremtiden. Registrér den, når den har fundet "
            "sted; en planlagt dato hører til »næste opfølgning«.",
            field=field,
        )


def not_before(on: date, start: date, *, field: str, what: str, belongs_to: str) -> None:
    """``what`` belongs to something that began on ``start``: refuse an earlier date."""
    if on < start:
        raise InvalidPeriod(
            f"{what} er dateret {on:%d.%m.%Y}, før {belongs_to} begyndte ({start:%d.%m.%Y}).", field=field
        )


def plan_within(on: date, *, after: date, field: str, what: str) -> None:
    """A plan (``what``) at most ``PLAN_HORIZON`` after ``after``."""
    if on > after + PLAN_HORIZON:
        raise InvalidPeriod(
            f"{what} ({on:%d.%m.%Y}) ligger mere end et år frem; planlæg den inden "
            f"{after + PLAN_HORIZON:%d.%m.%Y}.",
            field=field,
        )


def offers_hours(hours_max: Decimal) -> None:
    """An opening of 0–0 hours a week offers nothing to match."""
    if hours_max <= 0:
        raise InvalidHours("En opgave skal have mindst én time om ugen; angiv fx 2–6 timer.", field="hours_max")
