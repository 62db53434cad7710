# SPDX-License-Identifier: MPL-2.0
"""The citizen's history as the rules engine's ``CitizenCase`` — the one builder that the
citizen page, the worklist, the calculator and the payslip flow all use, so that every page
shows the same 225-hour figures.

Choices, each stated once here:

* Hours of a ledger week that spans two months are split over the months by working days
  (``smaajob.courses.allocation``), the same split the payslip flow uses.
* Ordinary hours are the paid hours of småjob and hybrid placements; the unpaid part of a
  hybrid week and all praktik hours are placement hours; wage-subsidy hours are kept apart.
  Neither counts towards the 225 hours (LAS § 13 f; DOMAIN.md §7.1).
* The weekly ledger is the source for the weeks it holds, whoever recorded them. Another app
  may add ordinary hours the ledger does not hold: the payslip flow registers itself with
  ``register_ordinary_hours_provider`` and adds approved payslips' hours for months where the
  ledger has no paid hours for that job (``smaajob.money.selectors.payslip_hours_by_month``
  states the rule). A payslip never replaces or doubles a recorded week.
* The benefit of a month is the one in force on the month's last day, the convention of
  ``smaajob.rules`` for month-level amounts.
* Exemptions are the caseworker's recorded decisions; sick leave extends the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from smaajob import rules
from smaajob.courses.allocation import split_over_months
from smaajob.rules.coverage import covered_benefits
from smaajob.rules.months import month_end, month_start

# The benefits the 225-hour rule applies to: a rule parameter (``smaajob.rules.coverage``).
COVERED_BENEFITS = covered_benefits()

# Week rows: (week_start, hours_present, hours_paid, placement kind).
WEEK_FIELDS = ("week_start", "hours_present", "hours_paid", "placement__kind")
WeekRow = tuple[date, Decimal, Decimal, str]

# citizen ids -> {citizen id: {month index: ordinary hours}}
HoursProvider = Callable[[list[int]], dict[int, dict[int, float]]]
_PROVIDERS: dict[str, HoursProvider] = {}


def register_ordinary_hours_provider(name: str, provider: HoursProvider) -> None:
    """Let ``provider`` add ordinary hours the ledger does not hold (once per ``name``).

    Called from an app's ``AppConfig.ready`` (the money app registers ``"payslip"``).
    """
    _PROVIDERS[name] = provider


def provided_hours(citizen_ids: list[int]) -> dict[int, dict[int, float]]:
    """The providers' ordinary hours per citizen and month index, added up."""
    merged: dict[int, dict[int, float]] = {}
    for provider in _PROVIDERS.values():
        for citizen_id, months in provider(citizen_ids).items():
            target = merged.setdefault(citizen_id, {})
            for month, hours in months.items():
                target[month] = target.get(month, 0.0) + hours
    return merged


def benefit_in_force(benefits: Iterable[Any], on: date) -> Any | None:
    return next((b for b in benefits if b.valid_from <= on and (b.valid_to is None or b.valid_to >= on)), None)


@lru_cache(maxsize=2048)
def _month_bounds(month: int) -> tuple[date, date]:
    return month_start(month), month_end(month)


_SIX_DAYS = timedelta(days=6)

# Month records are frozen values and most of them recur (a month with no hours on the same
# benefit looks alike for every citizen), so equal records are built, and checked, only once.
_month_record = lru_cache(maxsize=16384, typed=True)(rules.MonthRecord)


def _hours_by_month(weeks: Iterable[WeekRow]) -> dict[int, dict[str, float]]:
    per_month: dict[int, dict[str, float]] = {}
    for week_start, present, paid, kind in weeks:
        parts: tuple[tuple[str, Decimal], ...]
        if kind in ("paid", "hybrid"):
            unpaid = Decimal(present - paid) if kind == "hybrid" else Decimal(0)
            parts = (("ordinary", Decimal(paid)), ("placement", unpaid))
        elif kind == "wage_subsidy":
            parts = (("subsidy", Decimal(paid)),)
        else:
            parts = (("placement", Decimal(present)),)
        week_end = week_start + _SIX_DAYS
        for name, hours in parts:
            if not hours:
                continue
            if week_start.month == week_end.month:
                # Most weeks lie inside one month: all their hours are that month's, which is
                # what the split below gives too, without counting working days.
                row = per_month.setdefault(rules.month_index(week_start), {})
                row[name] = row.get(name, 0.0) + float(hours)
                continue
            for month, share in split_over_months(week_start, week_end, hours):
                row = per_month.setdefault(rules.month_index(month), {})
                row[name] = row.get(name, 0.0) + float(share)
    return per_month


def build_case(
    *,
    weeks: Iterable[WeekRow],
    benefits: Iterable[Any],
    sick: Iterable[Any],
    exemptions: Iterable[Any],
    first: date,
    last: date,
    extra_ordinary: Mapping[int, float] | None = None,
    spouse_on_help: bool = False,
) -> Any:
    """A ``rules.CitizenCase`` for the months ``first``..``last`` (inclusive).

    ``extra_ordinary`` are the providers' hours for this citizen (see ``provided_hours``).
    Benefits, sick leave and exemptions may be model instances or named rows
    (``values_list(..., named=True)``) with the same fields.
    """
    per_month = _hours_by_month(weeks)
    for month, extra in (extra_ordinary or {}).items():
        row = per_month.setdefault(month, {})
        row["ordinary"] = row.get("ordinary", 0.0) + extra
    benefits = list(benefits)
    sick = list(sick)
    no_hours: dict[str, float] = {}
    records = []
    for m in range(rules.month_index(first), rules.month_index(last) + 1):
        start, end = _month_bounds(m)
        benefit = benefit_in_force(benefits, end)
        hours = per_month.get(m, no_hours)
        sick_days = sum(max(0, (min(s.ends_on, end) - max(s.starts_on, start)).days + 1) for s in sick) if sick else 0
        records.append(
            _month_record(
                m,
                ordinary_hours=hours.get("ordinary", 0.0),
                placement_hours=hours.get("placement", 0.0),
                wage_subsidy_hours=hours.get("subsidy", 0.0),
                on_covered_benefit=benefit is not None and benefit.benefit_type in COVERED_BENEFITS,
                rate=rules.Rate.LOWER if benefit is not None and benefit.rate == "lower" else rules.Rate.FULL,
                benefit_amount=float(benefit.monthly_amount)
                if benefit is not None and benefit.monthly_amount is not None
                else None,
                sick_days=min(31, sick_days),
            )
        )
    periods = tuple(rules.Period(e.valid_from, e.valid_to, e.reason[:80]) for e in exemptions)
    return rules.CitizenCase.of(records, exemptions=periods, married_both_on_help=spouse_on_help)
