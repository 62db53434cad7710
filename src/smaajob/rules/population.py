# SPDX-License-Identifier: MPL-2.0
"""The 225-hour rule and the earnings offset for a whole population at once (numpy).

Arrays are persons × months. The formulas are those of ``hours_requirement`` and ``offset``
written with cumulative sums instead of loops, for the nightly recompute; a property test
proves both give the same answers. Population results carry no per-person trace (that would
defeat the purpose); ask the single-case function for one person's explanation.

Where a legal amount is unknown for a month, the amount is ``NaN`` and ``amount_unknown`` is
set, instead of failing the whole population; the single-case API reports the same thing.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from smaajob.errors import InvalidInput
from smaajob.rules.case import CitizenCase, Rate
from smaajob.rules.hours_requirement import (
    MAX_WINDOW_MONTHS,
    REASON_CODES,
    STATUS_CODES,
    Reason,
    Status,
    month_rules,
)
from smaajob.rules.months import DAYS_PER_MONTH, days_in_month, month_end, month_index
from smaajob.rules.offset import HOURLY, offset_regime
from smaajob.rules.parameters import ParameterSet, default_parameters

Floats = NDArray[np.float64]
Ints = NDArray[np.int32]
Bools = NDArray[np.bool_]

CHUNK_PERSONS = 4096
RATE_CODES = {Rate.FULL: 0, Rate.LOWER: 1, Rate.SU_LEVEL: 2}
_NC, _EX, _MET, _RISK, _RED = (STATUS_CODES[s] for s in Status)
_R = REASON_CODES


@dataclass(frozen=True)
class Population:
    """Monthly inputs for ``persons`` citizens over ``months`` months from ``first_month``.

    ``restore_from`` holds, per person and month, the month index at which a *decided*
    reduction in effect began (−1: none). ``benefit_amount`` is NaN where not known.
    """

    first_month: int
    ordinary_hours: Floats
    self_employment_hours: Floats
    self_employment_weekly_hours: Floats
    on_benefit: Bools
    rate: NDArray[np.int8]
    benefit_amount: Floats
    sick_days: NDArray[np.int16]
    exempt: Bools
    restore_from: Ints
    married_both_on_help: Bools

    @property
    def shape(self) -> tuple[int, int]:
        persons, months = self.ordinary_hours.shape
        return persons, months

    @classmethod
    def empty(cls, persons: int, months: int, first_month: int) -> Population:
        shape = (persons, months)
        return cls(
            first_month=first_month,
            ordinary_hours=np.zeros(shape),
            self_employment_hours=np.zeros(shape),
            self_employment_weekly_hours=np.zeros(shape),
            on_benefit=np.zeros(shape, dtype=np.bool_),
            rate=np.zeros(shape, dtype=np.int8),
            benefit_amount=np.full(shape, np.nan),
            sick_days=np.zeros(shape, dtype=np.int16),
            exempt=np.zeros(shape, dtype=np.bool_),
            restore_from=np.full(shape, -1, dtype=np.int32),
            married_both_on_help=np.zeros(persons, dtype=np.bool_),
        )

    @classmethod
    def from_cases(cls, cases: Sequence[CitizenCase], first_month: int,
                   months: int) -> Population:
        population = cls.empty(len(cases), months, first_month)
        for p, case in enumerate(cases):
            population.married_both_on_help[p] = case.married_both_on_help
            for c in range(months):
                month = first_month + c
                record = case.record(month)
                population.ordinary_hours[p, c] = record.ordinary_hours
                population.self_employment_hours[p, c] = record.self_employment_hours
                population.self_employment_weekly_hours[p, c] = record.self_employment_weekly_hours
                population.on_benefit[p, c] = record.on_covered_benefit
                population.rate[p, c] = RATE_CODES[record.rate]
                if record.benefit_amount is not None:
                    population.benefit_amount[p, c] = record.benefit_amount
                population.sick_days[p, c] = record.sick_days
                population.exempt[p, c] = case.exemption_in(month) is not None
                decided = case.reduction_in_effect(month)
                if decided is not None:
                    population.restore_from[p, c] = month_index(decided.start)
        return population


@dataclass(frozen=True)
class PopulationHoursResult:
    first_month: int
    status: NDArray[np.int8]
    reason: NDArray[np.int8]
    hours_counted: Floats
    hours_missing: Floats
    next_month_hours_missing: Floats
    amount: Floats
    amount_unknown: Bools
    window_start: Ints
    extension_months: Ints
    months_of_help: Ints

    def status_of(self, person: int, column: int) -> Status:
        return list(Status)[int(self.status[person, column])]

    def reason_of(self, person: int, column: int) -> Reason:
        return list(Reason)[int(self.reason[person, column])]

    def counts(self) -> dict[str, NDArray[np.int64]]:
        """Persons per status and month (each person once per month)."""
        return {s.value: (self.status == code).sum(axis=0) for s, code in STATUS_CODES.items()}


@dataclass(frozen=True)
class _Columns:
    in_force: Bools
    payable: Bools
    suspended: Bools
    suspension_days: Floats
    days: Floats
    required: Floats
    window: Ints
    coverage: Ints
    lookback: Ints
    se_min: Floats
    reduction_full: Floats
    reduction_lower: Floats


def _columns(params: ParameterSet, first: int, count: int) -> _Columns:
    rules = [month_rules(params, first + c) for c in range(count)]
    return _Columns(
        in_force=np.array([r.in_force for r in rules]),
        payable=np.array([r.payable for r in rules]),
        suspended=np.array([r.suspended for r in rules]),
        suspension_days=np.array([r.suspension_days for r in rules], dtype=np.float64),
        days=np.array([days_in_month(first + c) for c in range(count)], dtype=np.float64),
        required=np.array([r.required_hours for r in rules]),
        window=np.array([r.window_months for r in rules], dtype=np.int32),
        coverage=np.array([r.coverage_months for r in rules], dtype=np.int32),
        lookback=np.array([r.coverage_lookback for r in rules], dtype=np.int32),
        se_min=np.array([r.self_employment_min_weekly for r in rules]),
        reduction_full=np.array([math.nan if r.reduction_full is None else r.reduction_full
                                 for r in rules]),
        reduction_lower=np.array([math.nan if r.reduction_lower is None else r.reduction_lower
                                  for r in rules]),
    )


def _cumulative(values: NDArray[np.float64]) -> Floats:
    out = np.zeros((values.shape[0], values.shape[1] + 1))
    np.cumsum(values, axis=1, out=out[:, 1:])
    return out


def hours_requirement_population(population: Population,
                                 params: ParameterSet | None = None) -> PopulationHoursResult:
    """Status of every person in every month; the vectorised twin of
    ``hours_requirement_status`` (same semantics, no trace)."""
    params = params or default_parameters()
    persons, months = population.shape
    first = population.first_month
    # Column ``months`` is next month, needed for the "avoid by" projection of the last month.
    cols = _columns(params, first, months + 1)
    before = _columns(params, first - MAX_WINDOW_MONTHS, MAX_WINDOW_MONTHS)
    # Suspension days in the k months before the data starts (the same for everyone).
    prefix = np.concatenate(([0.0], np.cumsum(before.suspension_days[::-1])))

    in_force_min = cols.se_min[cols.in_force]
    se_min = float(in_force_min[0]) if in_force_min.size else math.inf
    if in_force_min.size and not np.all(in_force_min == se_min):
        raise InvalidInput("minimum for selvstændig virksomhed ændrer sig i perioden; "
                           "beregn perioden i dele", field="first_month")
    # Persons are independent, so the work is done in chunks: temporaries stay small enough
    # to be reused by the allocator and to sit in cache, and chunks run on all cores (numpy
    # releases the GIL). This is what brings 150,000 × 36 under a second.
    chunks = [(lo, min(lo + CHUNK_PERSONS, persons)) for lo in range(0, persons, CHUNK_PERSONS)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        parts = list(pool.map(
            lambda bounds: _hours_chunk(_slice(population, *bounds), cols, prefix, se_min),
            chunks))
    if not parts:
        parts = [_hours_chunk(population, cols, prefix, se_min)]
    return PopulationHoursResult(first, *(np.concatenate(arrays) for arrays in zip(
        *(part[1:] for part in parts), strict=True)))


def _slice(population: Population, lo: int, hi: int) -> Population:
    return Population(
        population.first_month, population.ordinary_hours[lo:hi],
        population.self_employment_hours[lo:hi], population.self_employment_weekly_hours[lo:hi],
        population.on_benefit[lo:hi], population.rate[lo:hi], population.benefit_amount[lo:hi],
        population.sick_days[lo:hi], population.exempt[lo:hi], population.restore_from[lo:hi],
        population.married_both_on_help[lo:hi])


def _hours_chunk(population: Population, cols: _Columns, prefix: Floats,
                 se_min: float) -> tuple[object, ...]:
    persons, months = population.shape
    first = population.first_month
    counted = population.ordinary_hours + np.where(
        population.self_employment_weekly_hours >= se_min, population.self_employment_hours, 0.0)
    hours_cum = _cumulative(counted)
    neutral = np.minimum(cols.days[:months], population.sick_days + cols.suspension_days[:months])
    neutral_cum = _cumulative(neutral)
    help_cum = _cumulative(population.on_benefit.astype(np.float64))

    t = np.arange(months + 1, dtype=np.int32)
    width = months + 1
    # Flat views: one gather on a 1-D array is several times cheaper than 2-D fancy indexing.
    row_offset = np.repeat(np.arange(persons, dtype=np.int64) * width, width)
    t_flat = np.tile(t, persons)
    base_flat = np.tile(cols.window, persons)
    neutral_flat = neutral_cum.ravel()
    # Without sick leave in reach, the window depends on the month alone (the suspension),
    # so it is found once per month; only person-months with sick leave iterate below.
    suspension_cum = np.concatenate(([0.0], np.cumsum(cols.suspension_days[:months])))
    common = cols.window.copy()
    for _ in range(MAX_WINDOW_MONTHS):
        start_common = t - common
        days_common = (suspension_cum - suspension_cum[np.maximum(start_common, 0)]
                       + prefix[np.clip(-start_common, 0, MAX_WINDOW_MONTHS)])
        new_common = np.minimum(MAX_WINDOW_MONTHS, cols.window + np.ceil(
            days_common / DAYS_PER_MONTH - 1e-9).astype(np.int32))
        if np.array_equal(new_common, common):
            break
        common = new_common
    sick_cum = _cumulative(population.sick_days.astype(np.float64))
    sick_in_reach = (sick_cum - sick_cum[:, np.maximum(t - MAX_WINDOW_MONTHS, 0)]) > 0
    length_flat = np.where(sick_in_reach, cols.window[None, :], common[None, :]).ravel()
    active = np.flatnonzero(sick_in_reach)
    # Each person-month is iterated to its own fixed point; most settle in one or two rounds,
    # so later rounds only touch the few still growing (long sick leave).
    for _ in range(MAX_WINDOW_MONTHS):
        start = t_flat[active] - length_flat[active]
        days = (neutral_flat[active] - neutral_flat[row_offset[active] + np.maximum(start, 0)]
                + prefix[np.clip(-start, 0, MAX_WINDOW_MONTHS)])
        new_length = np.minimum(MAX_WINDOW_MONTHS, base_flat[active]
                                + np.ceil(days / DAYS_PER_MONTH - 1e-9).astype(np.int32))
        changed = new_length != length_flat[active]
        length_flat[active] = new_length
        active = active[changed]
        if active.size == 0:
            break
    length = length_flat.reshape(persons, width)
    base = cols.window[None, :]
    window_start = t[None, :] - length           # relative column of the first window month

    hours_flat = hours_cum.ravel()
    restore = population.restore_from - first    # relative column of a decided reduction
    has_restore = population.restore_from >= 0
    offsets = row_offset.reshape(persons, width)

    def window_hours(first_col: Ints, end_col: Ints, ends: Ints) -> Floats:
        gathered = hours_flat[offsets[:, :months] + np.clip(first_col, 0, months)]
        total = hours_flat[offsets[:, :months] + end_col] - gathered
        return np.where(first_col < ends, total, 0.0)

    start_now = np.where(has_restore, np.maximum(window_start[:, :months], restore),
                         window_start[:, :months])
    hours_now = window_hours(start_now, np.broadcast_to(t[:months], (persons, months)),
                             t[None, :months])
    start_next = np.where(has_restore, np.maximum(window_start[:, 1:], restore),
                          window_start[:, 1:])
    hours_next = window_hours(start_next, np.broadcast_to(t[1:], (persons, months)),
                              t[None, 1:])

    lookback_start = np.maximum(t[:months] - cols.lookback[:months], 0)
    help_months = (help_cum[:, :months] - help_cum[:, lookback_start]).astype(np.int32)

    required = cols.required[:months][None, :]
    in_force = cols.in_force[:months][None, :]
    on_benefit = population.on_benefit
    suspended = cols.suspended[:months][None, :]
    covered = help_months >= cols.coverage[:months][None, :]
    su = population.rate == RATE_CODES[Rate.SU_LEVEL]

    stage_help = in_force & on_benefit & ~suspended
    stage_window = stage_help & covered & ~su
    stage_decide = stage_window & ~population.exempt

    next_in_force = cols.in_force[1:][None, :]
    next_missing = np.where(next_in_force,
                            np.maximum(0.0, cols.required[1:][None, :] - hours_next), 0.0)
    next_missing = np.where(stage_decide, next_missing, 0.0)
    met = hours_now >= required
    payable = cols.payable[:months][None, :]

    status = np.full((persons, months), _NC, dtype=np.int8)
    reason = np.full((persons, months), _R[Reason.RULE_NOT_IN_FORCE], dtype=np.int8)
    reason[in_force & ~on_benefit] = _R[Reason.NO_COVERED_BENEFIT]
    reason[in_force & on_benefit & suspended] = _R[Reason.RULE_SUSPENDED]
    reason[stage_help & ~covered] = _R[Reason.UNDER_ONE_YEAR_OF_HELP]
    reason[stage_help & covered & su] = _R[Reason.SU_LEVEL_RATE]
    exempt = stage_window & population.exempt
    status[exempt] = _EX
    reason[exempt] = _R[Reason.EXEMPTION_DECISION]
    risk_next = stage_decide & met & (next_missing > 0)
    status[stage_decide & met] = _MET
    reason[stage_decide & met] = _R[Reason.NONE]
    status[risk_next] = _RISK
    reason[risk_next] = _R[Reason.NEXT_MONTH_SHORT]
    not_yet = stage_decide & ~met & ~payable
    status[not_yet] = _RISK
    reason[not_yet] = _R[Reason.REDUCTIONS_NOT_YET_PAYABLE]
    proposed = stage_decide & ~met & payable
    status[proposed] = _RED
    reason[proposed] = _R[Reason.REQUIREMENT_NOT_MET]

    reduction = np.where(population.rate == RATE_CODES[Rate.FULL],
                         cols.reduction_full[:months][None, :],
                         cols.reduction_lower[:months][None, :])
    benefit = population.benefit_amount
    reduction = np.where(~np.isnan(benefit) & (reduction > benefit), benefit, reduction)
    married = population.married_both_on_help[:, None]
    # Married couples both on help: the spouse's whole help can lapse (LAS § 13 g).
    amount = np.where(married, benefit, reduction)
    amount = np.where(proposed, amount, np.nan)
    amount_unknown = proposed & np.isnan(amount)

    hours_counted = np.where(stage_window, hours_now, 0.0)
    missing = np.where(stage_window, np.maximum(0.0, required - hours_now), 0.0)
    extension = np.where(stage_window, length[:, :months] - base[:, :months], 0)
    window_abs = np.where(stage_window, start_now + first, -1).astype(np.int32)
    months_of_help = np.where(stage_help, help_months, 0).astype(np.int32)
    return (first, status, reason, hours_counted, missing, next_missing, amount,
            amount_unknown, window_abs, extension.astype(np.int32), months_of_help)


@dataclass(frozen=True)
class PopulationOffsetResult:
    benefit_after: Floats
    deducted: Floats
    unknown: Bools


def offset_population(first_month: int, *, wage: Floats, hours: Floats, benefit: Floats,
                      raised_rate: Bools | None = None,
                      params: ParameterSet | None = None) -> PopulationOffsetResult:
    """Benefit after the earnings offset for persons × months; NaN where a rule value is unknown.

    Months are evaluated on their last day, like the 225-hour rule.
    """
    params = params or default_parameters()
    months = wage.shape[1]
    am = np.empty(months)
    hourly = np.empty(months, dtype=np.bool_)
    per_hour = np.full(months, np.nan)
    cap = np.full(months, np.nan)
    free = np.full(months, np.nan)
    free_raised = np.full(months, np.nan)
    share = np.full(months, np.nan)
    for c in range(months):
        day: dt.date = month_end(first_month + c)
        am[c] = params.number("labour_market_contribution_rate", day)
        hourly[c] = offset_regime(params, day) == HOURLY
        if hourly[c]:
            per_hour[c] = _maybe(params, "earnings_disregard_per_hour", day)
            cap[c] = _maybe(params, "earnings_disregard_max_hours_per_month", day)
        else:
            free[c] = _maybe(params, "earnings_free_amount_per_month", day)
            free_raised[c] = _maybe(params, "earnings_free_amount_per_month_raised_rate", day)
            share[c] = _maybe(params, "earnings_excess_deduction_rate", day)
    base = wage * (1 - am)[None, :]
    old = np.maximum(0.0, base - per_hour[None, :] * np.minimum(hours, cap[None, :]))
    free_used = free[None, :] if raised_rate is None else np.where(
        raised_rate, free_raised[None, :], free[None, :])
    new = share[None, :] * np.maximum(0.0, base - free_used)
    deducted = np.where(hourly[None, :], old, new)
    after = np.maximum(0.0, benefit - deducted)
    return PopulationOffsetResult(after, deducted, np.isnan(after))


def _maybe(params: ParameterSet, name: str, day: dt.date) -> float:
    entry = params.entry(name, day)
    return math.nan if entry.value is None or not entry.usable else float(entry.value)
