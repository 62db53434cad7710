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
* Nothing about a person is dated before they were born.
* Planned weekly hours: more than a full-time week (37 hours) cannot be right and is refused;
  hours outside the opening's range or above the citizen's recorded capacity may be right
  (a citizen growing out of the task), so the user may go on by giving a reason.

Plain Python: the rules take dates and numbers, not models.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from smaajob.danish_numbers import format_date, format_decimal
from smaajob.errors import HoursDeviation, InvalidHours, InvalidPeriod

# A full-time week in Denmark (the collective agreements' 37 hours); a småjob is a few hours a
# week, so a plan above a full-time week is a typing error, not a deviation.
FULL_TIME_WEEK = Decimal(37)

# Follow-ups run every 1–4 weeks (DOMAIN.md, Project.follow_up_interval_days); a year is a
# generous outer bound for the next one.
PLAN_HORIZON = timedelta(days=365)


def happened_by(on: date, *, today: date, field: str, what: str) -> None:
    """``what`` happened on ``on``: refuse a date after today."""
    if on > today:
        raise InvalidPeriod(
            f"{what} er dateret {format_date(on)}, som ligger i fremtiden. Registrér den, når den har fundet "
            "sted; en planlagt dato hører til »næste opfølgning«.",
            field=field,
        )


def not_before(on: date, start: date, *, field: str, what: str, belongs_to: str) -> None:
    """``what`` belongs to something that began on ``start``: refuse an earlier date."""
    if on < start:
        raise InvalidPeriod(
            f"{what} er dateret {format_date(on)}, før {belongs_to} begyndte ({format_date(start)}).", field=field
        )


def plan_within(on: date, *, after: date, field: str, what: str) -> None:
    """A plan (``what``) at most ``PLAN_HORIZON`` after ``after``."""
    if on > after + PLAN_HORIZON:
        raise InvalidPeriod(
            f"{what} ({format_date(on)}) ligger mere end et år frem; "
            f"planlæg den inden {format_date(after + PLAN_HORIZON)}.",
            field=field,
        )


def offers_hours(hours_max: Decimal) -> None:
    """An opening of 0–0 hours a week offers nothing to match."""
    if hours_max <= 0:
        raise InvalidHours("En opgave skal have mindst én time om ugen; angiv fx 2–6 timer.", field="hours_max")


def _h(hours: Decimal) -> str:
    """Hours the Danish way: 5, 7,5 (not 5.0, 7.5)."""
    return format_decimal(hours, grouping=False)


def not_before_birth(on: date, birth_date: date, *, field: str, what: str) -> None:
    """``what`` concerns a person born on ``birth_date``: refuse an earlier date."""
    if on < birth_date:
        raise InvalidPeriod(
            f"{what} er dateret {format_date(on)}, før borgeren blev født ({format_date(birth_date)}); "
            "angiv den dato, det skete, fx i dag.",
            field=field,
        )


def within_full_time(hours: Decimal, *, field: str) -> None:
    """Planned hours a week above a full-time week cannot be right."""
    if hours > FULL_TIME_WEEK:
        raise InvalidHours(
            f"{_h(hours)} timer om ugen er mere end en fuldtidsuge ({_h(FULL_TIME_WEEK)} timer); "
            "angiv timer pr. uge, fx »2 → 6 → 12«.",
            field=field,
        )


def hours_deviations(
    hours: list[Decimal], *, hours_min: Decimal | None, hours_max: Decimal | None, capacity: Decimal | None
) -> list[str]:
    """What is unusual about planned weekly ``hours`` (Danish sentences; empty when nothing is)."""
    found = []
    if hours_min is not None and hours_max is not None:
        outside = [h for h in hours if not hours_min <= h <= hours_max]
        if outside:
            found.append(
                f"{', '.join(_h(h) for h in outside)} timer om ugen ligger uden for opgavens "
                f"{_h(hours_min)}–{_h(hours_max)} timer"
            )
    if capacity is not None:
        above = [h for h in hours if h > capacity]
        if above:
            found.append(
                f"{', '.join(_h(h) for h in above)} timer om ugen er mere end de {_h(capacity)} timer, "
                "borgeren kan arbejde ifølge ressourceafdækningen"
            )
    return found


def hours_fit_or_reasoned(
    hours: list[Decimal],
    *,
    hours_min: Decimal | None,
    hours_max: Decimal | None,
    capacity: Decimal | None,
    reason: str,
    field: str,
) -> list[str]:
    """Refuse planned ``hours`` outside the opening's range or the citizen's capacity unless a
    ``reason`` is given; refuse hours above a full-time week always. Returns the deviations
    accepted with the reason (for the record)."""
    for value in hours:
        within_full_time(value, field=field)
    found = hours_deviations(hours, hours_min=hours_min, hours_max=hours_max, capacity=capacity)
    if found and not reason.strip():
        raise HoursDeviation(
            "; ".join(found) + ". Planlæg timer inden for rammen, eller skriv en begrundelse for afvigelsen.",
            field=field,
        )
    return found
