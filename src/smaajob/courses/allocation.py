# SPDX-License-Identifier: MPL-2.0
"""Splitting hours over the ISO weeks or months of a period (payslips, ledger weeks).

A payslip gives one number of hours for a period (usually a month); the hours ledger holds one
row per ISO week. We split the hours *in proportion to the working days* (Monday–Friday, not a
Danish public holiday) of the period that fall in each week. Why working days: småjobs are
mostly weekday work, so a week holding only a weekend of the period gets little or nothing, and
a week with Easter holidays gets less. Where the period has no working day at all (a weekend
job reported for a Saturday–Sunday period) we fall back to calendar days. The shares are rounded
to hundredths and the rounding remainder goes to the last bucket, so the parts add up exactly
to the payslip's hours. The same split turns weekly ledger hours into months for the 225-hour
count. Danish holidays come from the ``holidays`` package.

``share_within`` answers the reverse question for a payslip's reconciliation: how much of a
ledger week's hours fall inside the payslip's period (a week at the period's edge counts with
the working days it has inside).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

import holidays

CENT = Decimal("0.01")


@lru_cache(maxsize=64)
def _danish_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("DK", years=year).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _danish_holidays(day.year)


def days_between(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_of(day: date) -> date:
    return day.replace(day=1)


@lru_cache(maxsize=4096)
def _weights(start: date, end: date, bucket: Callable[[date], date]) -> tuple[tuple[tuple[date, int], ...], int]:
    """(bucket, working days) pairs in bucket order, and the total; the same few periods recur
    (every ledger week, every payslip month), so the day-by-day count is done once per period."""
    days = days_between(start, end)
    counted = [d for d in days if is_working_day(d)] or days
    weights: dict[date, int] = {}
    for day in counted:
        key = bucket(day)
        weights[key] = weights.get(key, 0) + 1
    return tuple((key, weights[key]) for key in sorted(weights)), len(counted)


def split(start: date, end: date, hours: Decimal, bucket: Callable[[date], date]) -> list[tuple[date, Decimal]]:
    """``hours`` over ``start..end`` (inclusive) split into ``bucket(day)`` groups by working days."""
    weights, total = _weights(start, end, bucket)
    parts: list[tuple[date, Decimal]] = []
    given = Decimal(0)
    last = len(weights) - 1
    for position, (key, weight) in enumerate(weights):
        share = hours - given if position == last else (hours * weight / total).quantize(CENT, rounding=ROUND_HALF_UP)
        given += share
        parts.append((key, share))
    return parts


def split_over_weeks(start: date, end: date, hours: Decimal) -> list[tuple[date, Decimal]]:
    """(Monday of the ISO week, hours) pairs for a payslip period."""
    return split(start, end, hours, monday_of)


def split_over_months(start: date, end: date, hours: Decimal) -> list[tuple[date, Decimal]]:
    """(first day of the month, hours) pairs, e.g. a ledger week that spans two months."""
    return split(start, end, hours, month_of)


def share_within(start: date, end: date, hours: Decimal, first: date, last: date) -> Decimal:
    """The part of ``hours`` over ``start..end`` (split by working days) that falls in ``first..last``."""
    days = days_between(start, end)
    counted = [d for d in days if is_working_day(d)] or days
    inside = sum(1 for d in counted if first <= d <= last)
    if inside == len(counted):
        return hours
    return (hours * inside / len(counted)).quantize(CENT, rounding=ROUND_HALF_UP)
