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

import dataclasses
import datetime as dt
import functools
import math
import os
from collections.abc import Callable, Sequence
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
from smaajob.rules.offset import (
    FREE_AMOUNT_PARAMETER,
    FULL_OFFSET_SHARE_PARAMETER,
    HOURLY,
    FreeAmountKind,
    offset_regime,
)
from smaajob.rules.parameters import ParameterSet, default_parameters

Floats = NDArray[np.float64]
Ints = NDArray[np.int32]
Bools = NDArray[np.bool_]

CHUNK_PERSONS = 4096
# Threads for the chunks; None: one per core (benchmarks/rules_population.py measures 1 and all).
WORKERS: int | None = None
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


def _decide(in_force: bool, suspended: bool, payable: bool, on_benefit: bool, covered: bool,
            su_level: bool, exempt: bool, met: bool, next_short: bool) -> tuple[Status, Reason]:
    """The decision tree of ``hours_requirement_status``, in the same order, on yes/no facts."""
    if not in_force:
        return Status.NOT_COVERED, Reason.RULE_NOT_IN_FORCE
    if not on_benefit:
        return Status.NOT_COVERED, Reason.NO_COVERED_BENEFIT
    if suspended:
        return Status.NOT_COVERED, Reason.RULE_SUSPENDED
    if not covered:
        return Status.NOT_COVERED, Reason.UNDER_ONE_YEAR_OF_HELP
    if su_level:
        return Status.NOT_COVERED, Reason.SU_LEVEL_RATE
    if exempt:
        return Status.EXEMPT, Reason.EXEMPTION_DECISION
    if met:
        return (Status.AT_RISK, Reason.NEXT_MONTH_SHORT) if next_short else (Status.MET, Reason.NONE)
    if not payable:
        return Status.AT_RISK, Reason.REDUCTIONS_NOT_YET_PAYABLE
    return Status.REDUCTION_PROPOSED, Reason.REQUIREMENT_NOT_MET


# A person-month's six facts as bits (the column's three facts add ``64 ×`` their own bits);
# status and reason are then two lookups in a 512-entry table instead of a dozen masked writes.
_PERSON_BITS = 6
_DECISIONS = [_decide(bool(c & 1), bool(c & 2), bool(c & 4), bool(p & 1), bool(p & 2), bool(p & 4),
                      bool(p & 8), bool(p & 16), bool(p & 32))
              for c in range(8) for p in range(1 << _PERSON_BITS)]
_STATUS_TABLE = np.array([STATUS_CODES[s] for s, _ in _DECISIONS], dtype=np.int8)
_REASON_TABLE = np.array([REASON_CODES[r] for _, r in _DECISIONS], dtype=np.int8)


@dataclass(frozen=True)
class _Tiles:
    """Per-month values repeated for every person of a chunk (persons × months, contiguous)."""

    required_now: Floats        # 0 where the rule is not in force
    required_next: Floats
    next_in_force: Bools
    help_columns: Bools
    coverage: Ints
    column_code: NDArray[np.intp]
    month_after: Ints           # absolute month index + 1
    base: Ints
    reduction_full: Floats
    reduction_lower: Floats
    suspension_days: NDArray[np.int16]
    days: NDArray[np.int16]


@dataclass(frozen=True)
class _Plan:
    """Everything that depends on the month alone, worked out once per population.

    Column ``t`` (0 … months) is the month ``first + t``; the window for it ends the month before.
    """

    first: int
    months: int
    se_min: float
    base: Ints                  # legal window length
    common: Ints                # window length for someone with no sick leave in it
    common_start: NDArray[np.intp]
    common_prefix: Ints         # suspension days of that window before the data starts
    prefix: Ints                # suspension days in the k months before the data, k = 0 … 48
    extension: Ints             # months of extension for d neutral days, d = 0 … 48 × 31
    required_finite: bool
    lookback_start: NDArray[np.intp] | None   # None: the look-back reaches the data's start
    column_tile: NDArray[np.intp]   # the column of each cell of a flattened chunk
    reductions_positive: bool
    full_tiles: _Tiles

    def tiles(self, persons: int) -> _Tiles:
        return _Tiles(*(np.asarray(getattr(self.full_tiles, f.name))[:persons]
                        for f in dataclasses.fields(_Tiles)))


def _plan(params: ParameterSet, first: int, months: int, persons: int) -> _Plan:
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
    t = np.arange(months + 1, dtype=np.int32)
    # Without sick leave in the window, the window depends on the month alone (the suspension),
    # so it is found once per month; only person-months with sick leave in it iterate.
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
    common_start = np.maximum(t - common, 0).astype(np.intp)
    # Neutral days are whole numbers (at most 31 a month), so the extension for any window is
    # one lookup; the table is the same float formula as the single case, evaluated once.
    extension = np.ceil(np.arange(MAX_WINDOW_MONTHS * 31 + 1, dtype=np.float64) / DAYS_PER_MONTH
                        - 1e-9).astype(np.int32)
    lookback_start = np.maximum(t[:months] - cols.lookback[:months], 0).astype(np.intp)
    column_code = (cols.in_force[:months].astype(np.intp)
                   | cols.suspended[:months].astype(np.intp) << 1
                   | cols.payable[:months].astype(np.intp) << 2) << _PERSON_BITS
    # Where the rule is not in force no cell uses the required hours; 0 keeps products exact.
    required_or_zero = np.where(cols.in_force, cols.required, 0.0)
    rows = min(persons, CHUNK_PERSONS)
    return _Plan(
        first=first, months=months, se_min=se_min, base=cols.window, common=common,
        common_start=common_start,
        common_prefix=prefix[np.clip(common - t, 0, MAX_WINDOW_MONTHS)].astype(np.int32),
        prefix=prefix.astype(np.int32), extension=extension,
        required_finite=bool(np.isfinite(cols.required[cols.in_force]).all()),
        lookback_start=lookback_start if lookback_start.any() else None,
        column_tile=np.tile(np.arange(months + 1, dtype=np.intp), rows),
        reductions_positive=bool(np.all(cols.reduction_full[:months] > 0)
                                 and np.all(cols.reduction_lower[:months] > 0)),
        full_tiles=_Tiles(*(np.tile(row, (rows, 1)) for row in (
            required_or_zero[:months], required_or_zero[1:], cols.in_force[1:],
            cols.in_force[:months] & ~cols.suspended[:months], cols.coverage[:months],
            column_code, t[:months] + (first + 1), cols.window[:months],
            cols.reduction_full[:months], cols.reduction_lower[:months],
            cols.suspension_days[:months].astype(np.int16), cols.days[:months].astype(np.int16)))))


def hours_requirement_population(population: Population,
                                 params: ParameterSet | None = None) -> PopulationHoursResult:
    """Status of every person in every month; the vectorised twin of
    ``hours_requirement_status`` (same semantics, no trace)."""
    params = params or default_parameters()
    persons, months = population.shape
    plan = _plan(params, population.first_month, months, persons)
    shape = (persons, months)
    result = PopulationHoursResult(
        first_month=population.first_month,
        status=np.empty(shape, dtype=np.int8), reason=np.empty(shape, dtype=np.int8),
        hours_counted=np.zeros(shape), hours_missing=np.zeros(shape),
        next_month_hours_missing=np.zeros(shape), amount=np.empty(shape),
        amount_unknown=np.zeros(shape, dtype=np.bool_),
        window_start=np.empty(shape, dtype=np.int32),
        extension_months=np.zeros(shape, dtype=np.int32),
        months_of_help=np.zeros(shape, dtype=np.int32))
    _run_chunks(lambda lo, hi: _hours_chunk(population, plan, result, lo, hi), persons)
    return result


def _run_chunks(work: Callable[[int, int], None], persons: int) -> None:
    """Run ``work(lo, hi)`` over chunks of persons, which write straight into the result.

    Persons are independent: temporaries stay small enough to sit in cache, and chunks run on
    all cores (numpy releases the GIL).
    """
    chunks = [(lo, min(lo + CHUNK_PERSONS, persons)) for lo in range(0, persons, CHUNK_PERSONS)]
    workers = min(len(chunks), WORKERS or os.cpu_count() or 1)
    if workers > 1:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for _ in pool.map(lambda bounds: work(*bounds), chunks):
                pass
    else:
        for lo, hi in chunks:
            work(lo, hi)


def _hours_chunk(population: Population, plan: _Plan, result: PopulationHoursResult,
                 lo: int, hi: int) -> None:
    # Arrays are persons × months and contiguous; per-month values come as tiles of the same
    # shape, so numpy runs each step as one flat loop instead of one short loop per person.
    persons, months, width = hi - lo, plan.months, plan.months + 1
    tiles = plan.tiles(persons)
    # Hours counted, summed from the left: the hours of any window are one subtraction.
    ordinary = population.ordinary_hours[lo:hi]
    self_employed = population.self_employment_hours[lo:hi]
    counted = ordinary + np.where(population.self_employment_weekly_hours[lo:hi] >= plan.se_min,
                                  self_employed, 0.0) if self_employed.any() else ordinary
    hours_cum = np.empty((persons, width))
    hours_cum[:, 0] = 0.0
    np.cumsum(counted, axis=1, out=hours_cum[:, 1:])

    length, moved = _window_lengths(population.sick_days[lo:hi], plan, tiles)
    hours = np.take(hours_cum, plan.common_start, axis=1)
    np.subtract(hours_cum, hours, out=hours)
    if moved is not None:
        # Windows pushed back by sick leave: their hours are gathered one by one.
        cells, t = moved
        starts = cells - t + np.maximum(t - length.reshape(-1)[cells], 0)
        hours.reshape(-1)[cells] = hours_cum.reshape(-1)[cells] - hours_cum.reshape(-1)[starts]
    hours_now, hours_next = hours[:, :months].copy(), hours[:, 1:].copy()
    length_now = length[:, :months].copy()
    # First window month + 1 (absolute), so that "no window" (−1) is a product with a mask.
    window_start = np.subtract(tiles.month_after, length_now)

    restore_from = population.restore_from[lo:hi]
    has_restore = restore_from >= 0
    if has_restore.any():
        # After a decided reduction, only hours worked since it began count (now and next month).
        rows, cols = np.nonzero(has_restore)
        restore = restore_from[rows, cols] - plan.first
        start = np.maximum(cols - length[rows, cols], restore)
        window_start[rows, cols] = start + (plan.first + 1)
        hours_now[rows, cols] = np.where(
            start < cols, hours_cum[rows, cols] - hours_cum[rows, np.clip(start, 0, months)], 0.0)
        start = np.maximum(cols + 1 - length[rows, cols + 1], restore)
        hours_next[rows, cols] = np.where(
            start < cols + 1, hours_cum[rows, cols + 1] - hours_cum[rows, np.clip(start, 0, months)],
            0.0)

    on_benefit = population.on_benefit[lo:hi]
    if plan.lookback_start is None:
        # Months of help before this one: the running count minus this month.
        help_months = np.cumsum(on_benefit, axis=1, dtype=np.int32)
        np.subtract(help_months, on_benefit, out=help_months)
    else:
        help_cum = np.empty((persons, width), dtype=np.int32)
        help_cum[:, 0] = 0
        np.cumsum(on_benefit, axis=1, dtype=np.int32, out=help_cum[:, 1:])
        help_months = help_cum[:, :months] - help_cum[:, plan.lookback_start]

    stage_help = on_benefit & tiles.help_columns
    covered = help_months >= tiles.coverage
    su_level = population.rate[lo:hi] == RATE_CODES[Rate.SU_LEVEL]
    exempt = population.exempt[lo:hi]
    stage_window = stage_help & covered
    stage_window &= ~su_level
    stage_decide = stage_window & ~exempt
    # Where the rule is not in force the required hours are 0 here; such cells never use them.
    met = hours_now >= tiles.required_now

    next_missing = result.next_month_hours_missing[lo:hi]
    exact = plan.required_finite and _finite_and_not_negative(counted, hours_cum)
    scratch = np.subtract(tiles.required_next, hours_next)
    np.maximum(0.0, scratch, out=scratch)
    deciding_next = stage_decide & tiles.next_in_force
    if exact:
        # Hours finite and ≥ 0: a product with the mask gives exactly what ``where`` gives,
        # several times faster than a masked copy.
        np.multiply(scratch, deciding_next, out=next_missing)
    else:
        np.copyto(next_missing, scratch, where=deciding_next)

    # Six yes/no facts per person-month as bits, plus the month's own (see ``_decide``).
    code = (next_missing > 0).view(np.uint8)
    for fact in (met, exempt, su_level, covered, on_benefit):
        code = np.multiply(code, 2, dtype=np.uint8)
        np.add(code, fact.view(np.uint8), out=code)
    index = np.add(code, tiles.column_code)
    status = result.status[lo:hi]
    np.take(_STATUS_TABLE, index, out=status)
    np.take(_REASON_TABLE, index, out=result.reason[lo:hi])

    np.subtract(tiles.required_now, hours_now, out=scratch)
    np.maximum(0.0, scratch, out=scratch)
    if exact:
        np.multiply(hours_now, stage_window, out=result.hours_counted[lo:hi])
        np.multiply(scratch, stage_window, out=result.hours_missing[lo:hi])
    else:
        np.copyto(result.hours_counted[lo:hi], hours_now, where=stage_window)
        np.copyto(result.hours_missing[lo:hi], scratch, where=stage_window)
    # Whole numbers: masks by multiplication (−1 where no window: shifted by one, masked, back).
    np.multiply(window_start, stage_window, out=result.window_start[lo:hi])
    np.subtract(result.window_start[lo:hi], 1, out=result.window_start[lo:hi])
    np.subtract(length_now, tiles.base, out=length_now)
    np.multiply(length_now, stage_window, out=result.extension_months[lo:hi])
    np.multiply(help_months, stage_help, out=result.months_of_help[lo:hi])

    amount = result.amount[lo:hi]
    proposed = status == _RED
    if not proposed.any():
        amount.fill(math.nan)
        return
    reduction = np.where(population.rate[lo:hi] == RATE_CODES[Rate.FULL],
                         tiles.reduction_full, tiles.reduction_lower)
    benefit = population.benefit_amount[lo:hi]
    if plan.reductions_positive:
        # The reduction never exceeds the help; a help not known (NaN) leaves it as it is.
        np.fmin(reduction, benefit, out=reduction)
    else:
        np.copyto(reduction, benefit, where=reduction > benefit)
    married = np.flatnonzero(population.married_both_on_help[lo:hi])
    # Married couples both on help: the spouse's whole help can lapse (LAS § 13 g).
    reduction[married] = benefit[married]
    # x × 1 is x and x × NaN is NaN, for every x: the same as a masked copy, but faster.
    np.multiply(reduction, np.where(proposed, 1.0, math.nan), out=amount)
    np.logical_and(proposed, np.isnan(amount), out=result.amount_unknown[lo:hi])


def _finite_and_not_negative(counted: Floats, hours_cum: Floats) -> bool:
    # NaN fails the first test; a finite total of values ≥ 0 makes every partial sum finite.
    return bool(counted.min(initial=0.0) >= 0.0 and np.isfinite(hours_cum[:, -1]).all())


_Moved = tuple[NDArray[np.intp], NDArray[np.intp]]


def _window_lengths(sick_days: NDArray[np.int16], plan: _Plan,
                    tiles: _Tiles) -> tuple[Ints, _Moved | None]:
    """Window length per person and column (months), and the cells (flat index, column) where
    sick leave made it longer than the common length.

    Each cell is iterated to its own fixed point, exactly as ``window_for`` does. Starting from
    the common length is the same: the iteration only grows, and with sick days ≥ 0 it grows to
    the same smallest fixed point. The first round is done for all cells at once (one column
    gather and a table lookup); later rounds touch only the few cells still growing.
    """
    persons, width = sick_days.shape[0], plan.months + 1
    common = np.broadcast_to(plan.common, (persons, width))
    fewest, most = int(sick_days.min(initial=0)), int(sick_days.max(initial=0))
    if fewest == most == 0:
        return common, None
    neutral_cum = np.empty((persons, width), dtype=np.int32)
    neutral_cum[:, 0] = 0
    neutral = np.add(sick_days, tiles.suspension_days)
    np.minimum(neutral, tiles.days, out=neutral)
    np.cumsum(neutral, axis=1, out=neutral_cum[:, 1:])
    days = np.take(neutral_cum, plan.common_start, axis=1)
    np.subtract(neutral_cum, days, out=days)
    np.add(days, plan.common_prefix, out=days)
    length = _extension(days, plan.extension, table=fewest >= 0)
    np.add(length, plan.base, out=length)
    np.minimum(length, MAX_WINDOW_MONTHS, out=length)
    cells = np.flatnonzero(length != plan.common)
    if cells.size == 0:
        return common, None
    t = np.take(plan.column_tile, cells)
    moved = (cells, t)
    row_start = cells - t
    length_flat = length.reshape(-1)
    neutral_flat = neutral_cum.reshape(-1)
    end_days = neutral_flat[cells]
    current = length_flat[cells]
    for _ in range(MAX_WINDOW_MONTHS):
        start = t - current
        days_now = (end_days - neutral_flat[row_start + np.maximum(start, 0)]
                    + plan.prefix[np.clip(-start, 0, MAX_WINDOW_MONTHS)])
        new = np.minimum(MAX_WINDOW_MONTHS, plan.base[t] + _extension(days_now, plan.extension,
                                                                      table=fewest >= 0))
        changed = new != current
        if not changed.any():
            break
        cells, row_start, t, end_days, current = (
            a[changed] for a in (cells, row_start, t, end_days, new))
        length_flat[cells] = current
    return length, moved


def _extension(days: Ints, months_for_days: Ints, *, table: bool) -> Ints:
    if table:
        return np.take(months_for_days, days)
    # Only with negative sick days (never from validated cases): the formula itself.
    return np.ceil(days / DAYS_PER_MONTH - 1e-9).astype(np.int32)


@dataclass(frozen=True)
class PopulationOffsetResult:
    benefit_after: Floats
    deducted: Floats
    unknown: Bools


# Free-amount kinds as small integers for the population arrays (see ``offset.FreeAmountKind``).
FREE_AMOUNT_CODES = {FreeAmountKind.STANDARD: 0, FreeAmountKind.RAISED_RATE: 1,
                     FreeAmountKind.HOME_RATE: 2}
_OFFSET_COLUMNS = 9


def offset_population(first_month: int, *, wage: Floats, hours: Floats, benefit: Floats,
                      raised_rate: Bools | None = None,
                      free_amount_kind: NDArray[np.int8] | None = None,
                      params: ParameterSet | None = None) -> PopulationOffsetResult:
    """Benefit after the earnings offset for persons × months; NaN where a rule value is unknown.

    Months are evaluated on their last day, like the 225-hour rule. From 1 July 2025
    ``free_amount_kind`` (codes of ``FREE_AMOUNT_CODES``; or, for older callers, ``raised_rate``)
    chooses the free amount and the krone-for-krone threshold of each person-month, exactly as
    ``offset_benefit`` does for one.
    """
    params = params or default_parameters()
    months = wage.shape[1]
    columns = np.array([_offset_month(params, first_month + c) for c in range(months)]).reshape(
        months, _OFFSET_COLUMNS).T
    factor = 1 - columns[0]
    hourly = columns[1] == 1.0
    per_hour, cap, share = columns[2], columns[3], columns[4]
    free_by_kind = columns[5:8]       # standard, raised rate, home rate
    threshold_standard = columns[8]
    threshold_raised = np.array([_threshold(params, first_month + c, raised=True)
                                 for c in range(months)])
    if free_amount_kind is None and raised_rate is not None:
        free_amount_kind = raised_rate.astype(np.int8)
    shape = np.broadcast_shapes(wage.shape, hours.shape, benefit.shape,
                                () if free_amount_kind is None else free_amount_kind.shape)
    wage, hours, benefit = (np.broadcast_to(a, shape) for a in (wage, hours, benefit))
    kinds = None if free_amount_kind is None else np.broadcast_to(free_amount_kind, shape)
    after, deducted = np.empty(shape), np.empty(shape)
    # Each regime is computed only for its own months (runs of columns), not for all and chosen.
    edges = [0, *(np.flatnonzero(hourly[1:] != hourly[:-1]) + 1).tolist(), months]
    runs = [(a, b, bool(hourly[a])) for a, b in zip(edges, edges[1:], strict=False) if a < b]

    def chunk(lo: int, hi: int) -> None:
        for a, b, is_hourly in runs:
            part = deducted[lo:hi, a:b]
            np.multiply(wage[lo:hi, a:b], factor[a:b], out=part)   # wage after AM-bidrag
            if is_hourly:
                disregarded = np.minimum(hours[lo:hi, a:b], cap[a:b])
                np.multiply(per_hour[a:b], disregarded, out=disregarded)
                np.subtract(part, disregarded, out=part)
                np.maximum(0.0, part, out=part)
                continue
            base = part.copy()
            if kinds is None:
                free_used: Floats = free_by_kind[0, a:b]
                threshold: Floats = threshold_standard[a:b]
            else:
                kind = kinds[lo:hi, a:b]
                free_used = np.choose(kind, free_by_kind[:, a:b])
                threshold = np.where(kind == 1, threshold_raised[a:b], threshold_standard[a:b])
            # share of the earnings above the free amount (the same float steps as the single case)
            np.subtract(part, free_used, out=part)
            np.maximum(0.0, part, out=part)
            np.multiply(share[a:b], part, out=part)
            # krone for krone where earnings plus benefit would pass the threshold, at most all
            over = np.add(base, benefit[lo:hi, a:b])
            np.subtract(over, threshold, out=over)
            np.maximum(part, over, out=part)
            np.minimum(base, part, out=part)
        np.subtract(benefit[lo:hi], deducted[lo:hi], out=after[lo:hi])
        np.maximum(0.0, after[lo:hi], out=after[lo:hi])

    _run_chunks(chunk, shape[0])
    return PopulationOffsetResult(after, deducted, np.isnan(after))


@functools.lru_cache(maxsize=4096)
def _offset_month(params: ParameterSet, month: int) -> tuple[float, ...]:
    """AM rate, hourly regime (1/0), per-hour disregard, cap, share of the excess, the three
    free amounts and the standard krone-for-krone threshold."""
    day: dt.date = month_end(month)
    am = params.number("labour_market_contribution_rate", day)
    if offset_regime(params, day) == HOURLY:
        return (am, 1.0, _maybe(params, "earnings_disregard_per_hour", day),
                _maybe(params, "earnings_disregard_max_hours_per_month", day),
                *(math.nan,) * 5)
    return (am, 0.0, math.nan, math.nan, _maybe(params, "earnings_excess_deduction_rate", day),
            *(_maybe(params, FREE_AMOUNT_PARAMETER[k], day) for k in FREE_AMOUNT_CODES),
            _threshold(params, month, raised=False))


@functools.lru_cache(maxsize=4096)
def _threshold(params: ParameterSet, month: int, *, raised: bool) -> float:
    """Share of the highest dagpenge × the highest dagpenge, as ``offset_benefit`` computes it."""
    day: dt.date = month_end(month)
    if offset_regime(params, day) == HOURLY:
        return math.nan
    kind = FreeAmountKind.RAISED_RATE if raised else FreeAmountKind.STANDARD
    return (_maybe(params, FULL_OFFSET_SHARE_PARAMETER[kind], day)
            * _maybe(params, "dagpenge_max_per_month", day))


def _maybe(params: ParameterSet, name: str, day: dt.date) -> float:
    entry = params.entry(name, day)
    return math.nan if entry.value is None or not entry.usable else float(entry.value)
