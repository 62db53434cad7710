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
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from smaajob.errors import InvalidInput
from smaajob.rules.case import CitizenCase, Rate
from smaajob.rules.errors import ValueNotKnown
from smaajob.rules.hours_requirement import (
    MAX_WINDOW_MONTHS,
    REASON_CODES,
    STATUS_CODES,
    Reason,
    Status,
    coverage_by_benefit,
    help_counts_from,
    month_rules,
)
from smaajob.rules.months import days_in_month, month_end, month_index
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

# Person-months per chunk: the temporaries of a chunk stay near the cache, whatever the
# number of months (4096 persons at 36 months, 800 at 15 years).
CHUNK_CELLS = 1 << 17
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
    ``sick_days`` holds all recorded days that lengthen the 12-month period (sick leave and the
    other grounds of § 13 f stk. 12; ``from_cases`` adds them up).
    ``married_both_on_help`` (per person; name kept) marks the married, whose help can lapse
    whether one or both spouses receive help (``CitizenCase.is_married``).
    ``help_counts_from`` (optional, per person) is the first month whose help counts towards
    a year of help (LAS § 13 h stk. 1; −1: all months).
    ``benefit_excluded`` (optional, per person and month) is the code of the ``Reason`` for
    which the benefit received keeps the person out of the rule (``coverage_by_benefit``: who is
    covered, LAS § 13 f stk. 3-7), 0 where it does not.
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
    help_counts_from: Ints | None = None
    benefit_excluded: NDArray[np.int8] | None = None

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
            help_counts_from=np.full(persons, -1, dtype=np.int32),
            benefit_excluded=np.zeros(shape, dtype=np.int8),
        )

    @classmethod
    def from_cases(cls, cases: Sequence[CitizenCase], first_month: int,
                   months: int) -> Population:
        population = cls.empty(len(cases), months, first_month)
        params = default_parameters()
        counts_from = population.help_counts_from
        excluded = population.benefit_excluded
        assert counts_from is not None and excluded is not None
        for p, case in enumerate(cases):
            population.married_both_on_help[p] = case.is_married
            counts_from[p] = help_counts_from(case, params)
            for c in range(months):
                month = first_month + c
                record = case.record(month)
                population.ordinary_hours[p, c] = record.ordinary_hours
                population.self_employment_hours[p, c] = record.self_employment_hours
                population.self_employment_weekly_hours[p, c] = record.self_employment_weekly_hours
                population.on_benefit[p, c] = record.on_covered_benefit
                if record.on_covered_benefit and month_rules(params, month).in_force:
                    why = coverage_by_benefit(case, month)
                    if why is not None:
                        excluded[p, c] = REASON_CODES[why]
                population.rate[p, c] = RATE_CODES[record.rate]
                if record.benefit_amount is not None:
                    population.benefit_amount[p, c] = record.benefit_amount
                population.sick_days[p, c] = record.sick_days + record.other_extension_days
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
    married_only: Bools
    payable: Bools
    suspended: Bools
    extension_days: Ints
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
        married_only=np.array([r.in_force and r.married_only for r in rules]),
        payable=np.array([r.payable for r in rules]),
        suspended=np.array([r.suspended for r in rules]),
        extension_days=np.array([r.extension_days for r in rules], dtype=np.int32),
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
            su_level: bool, exempt: bool, met: bool, next_short: bool,
            decided: bool) -> tuple[Status, Reason]:
    """The decision tree of ``hours_requirement_status``, in the same order, on yes/no facts."""
    if not in_force:
        return Status.NOT_COVERED, Reason.RULE_NOT_IN_FORCE
    if not on_benefit:
        return Status.NOT_COVERED, Reason.NO_COVERED_BENEFIT
    if suspended and not decided:
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


# A person-month's seven facts as bits (the column's three facts add ``128 ×`` their own bits);
# status and reason are then two lookups in a 1024-entry table instead of a dozen masked writes.
_PERSON_BITS = 7
_DECISIONS = [_decide(bool(c & 1), bool(c & 2), bool(c & 4), bool(p & 1), bool(p & 2), bool(p & 4),
                      bool(p & 8), bool(p & 16), bool(p & 32), bool(p & 64))
              for c in range(8) for p in range(1 << _PERSON_BITS)]
_STATUS_TABLE = np.array([STATUS_CODES[s] for s, _ in _DECISIONS], dtype=np.int8)
_REASON_TABLE = np.array([REASON_CODES[r] for _, r in _DECISIONS], dtype=np.int8)


@dataclass(frozen=True)
class _Tiles:
    """Per-month values repeated for every person of a chunk (persons × months, contiguous)."""

    required_now: Floats        # 0 where the rule is not in force
    required_next: Floats
    next_in_force: Bools
    help_columns: Bools         # in force and not suspended
    suspended_in_force: Bools   # in force and suspended: only decided reductions go on
    coverage: Ints
    column_code: NDArray[np.intp]
    month_after: Ints           # absolute month index + 1
    base: Ints
    reduction_full: Floats
    reduction_lower: Floats


# Months of padding before the data: a window reaches at most this far back.
PAD = MAX_WINDOW_MONTHS


@dataclass(frozen=True)
class _Plan:
    """Everything that depends on the month alone, worked out once per population.

    Column ``t`` (0 … months) is the month ``first + t``; the window for it ends the month before.
    """

    first: int
    months: int
    se_min: float
    se_unknown: bool
    married_only: Bools             # per column: in force for married couples only (2011)
    base: Ints                  # legal window length
    # Months on a padded axis: index e is the month first − PAD + e (PAD months before the data).
    dcum: NDArray[np.int64]     # calendar days before padded month e, e = 0 … PAD + months
    extension_padded: Ints      # covid-19 extension days of padded month e
    dim_padded: Ints            # days in padded month e
    # The window of someone without sick leave, per column (padded month indices).
    common_days: Ints
    common_start: NDArray[np.intp]
    common_partial_days: Ints
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

    in_force_min = cols.se_min[cols.in_force]
    # Where the self-employment rule is unknown (2011), self-employment hours are refused.
    se_unknown = bool(np.isnan(in_force_min).any())
    in_force_min = in_force_min[~np.isnan(in_force_min)]
    se_min = float(in_force_min[0]) if in_force_min.size else math.inf
    if in_force_min.size and not np.all(in_force_min == se_min):
        raise InvalidInput("minimum for selvstændig virksomhed ændrer sig i perioden; "
                           "beregn perioden i dele", field="first_month")
    t = np.arange(months + 1, dtype=np.int32)
    extension_padded = np.concatenate((before.extension_days, cols.extension_days[:months]))
    dim_padded = np.array([days_in_month(first - PAD + e) for e in range(PAD + months)],
                          dtype=np.int32)
    dcum = np.concatenate(([0], np.cumsum(dim_padded, dtype=np.int64)))
    # Without sick leave, the window depends on the month alone (the covid-19 periods), so it
    # is found once per column; only person-months with sick leave iterate.
    neutral_cum = np.concatenate(([0], np.cumsum(extension_padded, dtype=np.int64)))
    end = np.arange(PAD, PAD + months + 1, dtype=np.intp)
    base_start = end - cols.window
    days = (neutral_cum[end] - neutral_cum[base_start]).astype(np.int32)
    for _ in range(MAX_WINDOW_MONTHS * 31 + 1):
        start, partial_days = _region(days, base_start, end - MAX_WINDOW_MONTHS, dcum)
        counted = _neutral_in(neutral_cum, extension_padded, start, partial_days, end)
        if np.array_equal(counted, days):
            break
        days = counted
    common_start, common_partial_days = _region(days, base_start, end - MAX_WINDOW_MONTHS, dcum)
    lookback_start = np.maximum(t[:months] - cols.lookback[:months], 0).astype(np.intp)
    column_code = (cols.in_force[:months].astype(np.intp)
                   | cols.suspended[:months].astype(np.intp) << 1
                   | cols.payable[:months].astype(np.intp) << 2) << _PERSON_BITS
    # Where the rule is not in force no cell uses the required hours; 0 keeps products exact.
    required_or_zero = np.where(cols.in_force, cols.required, 0.0)
    rows = min(persons, chunk_persons(months))
    return _Plan(
        first=first, months=months, se_min=se_min, se_unknown=se_unknown,
        married_only=cols.married_only[:months], base=cols.window, dcum=dcum,
        extension_padded=extension_padded, dim_padded=dim_padded, common_days=days,
        common_start=common_start, common_partial_days=common_partial_days,
        required_finite=bool(np.isfinite(cols.required[cols.in_force]).all()),
        lookback_start=lookback_start if lookback_start.any() else None,
        column_tile=np.tile(np.arange(months + 1, dtype=np.intp), rows),
        reductions_positive=bool(np.all(cols.reduction_full[:months] > 0)
                                 and np.all(cols.reduction_lower[:months] > 0)),
        full_tiles=_Tiles(*(np.tile(row, (rows, 1)) for row in (
            required_or_zero[:months], required_or_zero[1:], cols.in_force[1:],
            cols.in_force[:months] & ~cols.suspended[:months],
            cols.in_force[:months] & cols.suspended[:months], cols.coverage[:months],
            column_code, t[:months] + (first + 1), cols.window[:months],
            cols.reduction_full[:months], cols.reduction_lower[:months]))))


def hours_requirement_population(population: Population,
                                 params: ParameterSet | None = None) -> PopulationHoursResult:
    """Status of every person in every month; the vectorised twin of
    ``hours_requirement_status`` (same semantics, no trace)."""
    params = params or default_parameters()
    persons, months = population.shape
    plan = _plan(params, population.first_month, months, persons)
    if plan.se_unknown and population.self_employment_hours.any():
        raise ValueNotKnown("hours_requirement_self_employment_min_weekly_hours",
                            month_end(population.first_month),
                            "om selvstændig virksomhed tæller med i en del af perioden, står ikke "
                            "i vores kilder; beregn uden timer i selvstændig virksomhed, eller "
                            "brug den enkelte sag")
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
    _run_chunks(lambda lo, hi, space: _hours_chunk(population, plan, result, lo, hi, space),
                persons, chunk_persons(months))
    return result


def _run_chunks(work: Callable[[int, int, _Workspace], None], persons: int, rows: int) -> None:
    """Run ``work(lo, hi, workspace)`` over chunks of ``rows`` persons, which write straight
    into the result.

    Persons are independent: temporaries stay small enough to sit in cache, and chunks run on
    all cores (numpy releases the GIL). Each thread has one workspace for all its chunks, so
    the temporaries are allocated once, not once per chunk and step (see ``_Workspace``).
    """
    chunks = [(lo, min(lo + rows, persons)) for lo in range(0, persons, rows)]
    workers = min(len(chunks), WORKERS or os.cpu_count() or 1)
    local = threading.local()

    def run(bounds: tuple[int, int]) -> None:
        space = getattr(local, "space", None)
        if space is None:
            space = local.space = _Workspace(rows)
        work(*bounds, space)

    if workers > 1:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for _ in pool.map(run, chunks):
                pass
    else:
        for bounds in chunks:
            run(bounds)


def chunk_persons(months: int) -> int:
    """Persons per chunk: ``CHUNK_CELLS`` person-months (a column more for next month)."""
    return max(1, CHUNK_CELLS // (months + 1))


class _Workspace:
    """One thread's temporaries for its chunks: each named array is allocated once, for the
    chunk's full number of rows, and every later chunk writes into it again (a smaller last
    chunk uses its first rows).

    Allocating a new array in every step of every chunk made the kernel map, zero and unmap
    memory all the time (with one thread and 180 months, most of the run was the kernel's page
    faults: glibc returns large freed blocks to the system). A name is used for one purpose
    only, so two live temporaries never share memory.
    """

    def __init__(self, rows: int) -> None:
        self.rows = rows
        self._arrays: dict[str, np.ndarray] = {}

    def get(self, name: str, persons: int, width: int, dtype: type[np.generic]) -> np.ndarray:
        array = self._arrays.get(name)
        if array is None or array.shape[1] != width or array.dtype != dtype:
            array = self._arrays[name] = np.empty((self.rows, width), dtype=dtype)
        return array[:persons]


def _hours_chunk(population: Population, plan: _Plan, result: PopulationHoursResult,
                 lo: int, hi: int, space: _Workspace) -> None:
    # Arrays are persons × months and contiguous; per-month values come as tiles of the same
    # shape, so numpy runs each step as one flat loop instead of one short loop per person.
    # Every persons × months temporary lives in the thread's workspace (``out=``).
    persons, months, width = hi - lo, plan.months, plan.months + 1

    def floats(name: str, columns: int = months) -> Floats:
        return space.get(name, persons, columns, np.float64)

    def ints(name: str, columns: int = months) -> Ints:
        return space.get(name, persons, columns, np.int32)

    def bools(name: str) -> Bools:
        return space.get(name, persons, months, np.bool_)

    tiles = plan.tiles(persons)
    # Hours counted, summed from the left: the hours of any window are one subtraction.
    ordinary = population.ordinary_hours[lo:hi]
    self_employed = population.self_employment_hours[lo:hi]
    counted = ordinary
    if self_employed.any():
        counted = floats("counted")
        counts = bools("self_employment_counts")
        np.greater_equal(population.self_employment_weekly_hours[lo:hi], plan.se_min, out=counts)
        counted.fill(0.0)
        np.copyto(counted, self_employed, where=counts)
        np.add(ordinary, counted, out=counted)
    hours_cum = floats("hours_cum", width)
    hours_cum[:, 0] = 0.0
    np.cumsum(counted, axis=1, out=hours_cum[:, 1:])

    moved = _window_starts(population.sick_days[lo:hi], plan, space)
    # The common window of each column: hours of its whole months (none before the data), then
    # of the partly added month, pro rata; column gathers, the same for every person.
    common_start, common_partial = plan.common_start, plan.common_partial_days
    hours = floats("hours", width)
    np.take(hours_cum, np.maximum(common_start - PAD, 0), axis=1, out=hours, mode="clip")
    np.subtract(hours_cum, hours, out=hours)
    partial_month = common_start - 1 - PAD
    for column in np.flatnonzero((common_partial > 0) & (partial_month >= 0)).tolist():
        hours[:, column] += (counted[:, partial_month[column]] * common_partial[column]
                             / plan.dim_padded[partial_month[column] + PAD])
    end = np.arange(PAD, PAD + width, dtype=np.intp)          # padded index of each column's end
    common_first = np.where(common_partial > 0, common_start - 1, common_start)
    length = ints("length", width)
    length[:] = end - common_first
    if moved is not None:
        # Windows pushed back by sick leave: their hours are gathered one by one.
        cells, start, partial = moved
        row_start = cells - cells % width
        flat = hours.reshape(-1)
        cum_flat = hours_cum.reshape(-1)
        flat[cells] = cum_flat[cells] - cum_flat[row_start + np.maximum(start - PAD, 0)]
        month = start - 1 - PAD
        with_partial = (partial > 0) & (month >= 0)
        cells_p = cells[with_partial]
        flat[cells_p] += (counted.reshape(-1)[(cells_p // width) * months + month[with_partial]]
                          * partial[with_partial] / plan.dim_padded[month[with_partial] + PAD])
        length.reshape(-1)[cells] = end[cells % width] - np.where(partial > 0, start - 1, start)
    hours_now, hours_next = floats("hours_now"), floats("hours_next")
    np.copyto(hours_now, hours[:, :months])
    np.copyto(hours_next, hours[:, 1:])
    length_now = ints("length_now")
    np.copyto(length_now, length[:, :months])
    # First window month + 1 (absolute), so that "no window" (−1) is a product with a mask.
    window_start = np.subtract(tiles.month_after, length_now, out=ints("window_start"))

    restore_from = population.restore_from[lo:hi]
    has_restore = np.greater_equal(restore_from, 0, out=bools("has_restore"))
    if has_restore.any():
        # After a decided reduction, only hours worked since it began count (now and next month).
        rows, cols = np.nonzero(has_restore)
        restore = restore_from[rows, cols] - plan.first       # data index
        for shift, target in ((0, hours_now), (1, hours_next)):
            c = cols + shift
            cell_start, cell_partial = _cell_windows(rows * width + c, c, moved, plan)
            cell_start = cell_start - PAD
            begin = np.maximum(cell_start, restore)
            whole = np.where(begin < c, hours_cum[rows, c] - hours_cum[rows, np.clip(begin, 0, months)],
                             0.0)
            partial_at = cell_start - 1
            keep = (cell_partial > 0) & (restore <= partial_at) & (partial_at >= 0)
            add = (counted[rows, np.maximum(partial_at, 0)] * cell_partial
                   / plan.dim_padded[np.maximum(partial_at + PAD, 0)])
            target[rows, cols] = np.where(keep, whole + add, whole)
            if shift == 0:
                first_month = c + PAD - length[rows, c]      # padded index of the window's first
                window_start[rows, cols] = np.maximum(
                    first_month - PAD + plan.first, restore_from[rows, cols]) + 1

    on_benefit = population.on_benefit[lo:hi]
    helped = on_benefit
    counts_from = population.help_counts_from
    if counts_from is not None and (counts_from[lo:hi] >= 0).any():
        # LAS § 13 h stk. 1: for some, help before a month does not count towards the year.
        month_of = np.arange(plan.first, plan.first + months, dtype=np.int32)
        helped = np.greater_equal(month_of, counts_from[lo:hi, None], out=bools("helped"))
        np.logical_and(helped, on_benefit, out=helped)
    help_months = ints("help_months")
    if plan.lookback_start is None:
        # Months of help before this one: the running count minus this month.
        np.cumsum(helped, axis=1, dtype=np.int32, out=help_months)
        np.subtract(help_months, helped, out=help_months)
    else:
        help_cum = ints("help_cum", width)
        help_cum[:, 0] = 0
        np.cumsum(helped, axis=1, dtype=np.int32, out=help_cum[:, 1:])
        np.take(help_cum, plan.lookback_start, axis=1, out=help_months, mode="clip")
        np.subtract(help_cum[:, :months], help_months, out=help_months)

    stage_help = np.logical_and(tiles.suspended_in_force, has_restore, out=bools("stage_help"))
    np.logical_or(stage_help, tiles.help_columns, out=stage_help)
    np.logical_and(stage_help, on_benefit, out=stage_help)
    excluded_codes = (None if population.benefit_excluded is None
                      else population.benefit_excluded[lo:hi])
    if plan.married_only.any():
        # 2011: the rule was for married couples only (LAS § 13 stk. 8), decided first.
        unmarried = ~population.married_both_on_help[lo:hi, None] & plan.married_only
        base_codes = (np.zeros((persons, months), dtype=np.int8) if excluded_codes is None
                      else excluded_codes)
        excluded_codes = np.where(unmarried, np.int8(_R[Reason.MARRIED_COUPLES_ONLY]),
                                  base_codes).astype(np.int8)
    excluded = None
    not_ = bools("not")        # a negation, used right away each time
    if excluded_codes is not None and excluded_codes.any():
        # The benefit received keeps them out of the rule (who is covered): decided first.
        excluded = np.greater(excluded_codes, 0, out=bools("excluded"))
        np.logical_and(excluded, on_benefit, out=excluded)
        np.logical_or(tiles.help_columns, tiles.suspended_in_force, out=not_)
        np.logical_and(excluded, not_, out=excluded)
        np.logical_and(stage_help, np.logical_not(excluded, out=not_), out=stage_help)
    covered = np.greater_equal(help_months, tiles.coverage, out=bools("covered"))
    rate = population.rate[lo:hi]
    su_level = np.equal(rate, RATE_CODES[Rate.SU_LEVEL], out=bools("su_level"))
    exempt = population.exempt[lo:hi]
    stage_window = np.logical_and(stage_help, covered, out=bools("stage_window"))
    np.logical_and(stage_window, np.logical_not(su_level, out=not_), out=stage_window)
    stage_decide = np.logical_and(stage_window, np.logical_not(exempt, out=not_),
                                  out=bools("stage_decide"))
    # Where the rule is not in force the required hours are 0 here; such cells never use them.
    met = np.greater_equal(hours_now, tiles.required_now, out=bools("met"))

    next_missing = result.next_month_hours_missing[lo:hi]
    exact = plan.required_finite and _finite_and_not_negative(counted, hours_cum)
    scratch = np.subtract(tiles.required_next, hours_next, out=floats("scratch"))
    np.maximum(0.0, scratch, out=scratch)
    deciding_next = np.logical_and(stage_decide, tiles.next_in_force, out=bools("deciding_next"))
    if exact:
        # Hours finite and ≥ 0: a product with the mask gives exactly what ``where`` gives,
        # several times faster than a masked copy.
        np.multiply(scratch, deciding_next, out=next_missing)
    else:
        np.copyto(next_missing, scratch, where=deciding_next)

    # Seven yes/no facts per person-month as bits, plus the month's own (see ``_decide``).
    code = space.get("code", persons, months, np.uint8)
    np.copyto(code, has_restore)
    short = np.greater(next_missing, 0, out=bools("next_short"))
    for fact in (short, met, exempt, su_level, covered, on_benefit):
        np.multiply(code, np.uint8(2), out=code)
        np.add(code, fact.view(np.uint8), out=code)
    index = np.add(code, tiles.column_code, out=space.get("index", persons, months, np.intp))
    status = result.status[lo:hi]
    np.take(_STATUS_TABLE, index, out=status, mode="clip")
    np.take(_REASON_TABLE, index, out=result.reason[lo:hi], mode="clip")
    if excluded is not None and excluded_codes is not None:
        status[excluded] = _NC
        result.reason[lo:hi][excluded] = excluded_codes[excluded]

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
    proposed = np.equal(status, _RED, out=bools("proposed"))
    if not proposed.any():
        amount.fill(math.nan)
        return
    reduction = floats("reduction")
    np.copyto(reduction, tiles.reduction_lower)
    np.copyto(reduction, tiles.reduction_full, where=np.equal(rate, RATE_CODES[Rate.FULL], out=not_))
    benefit = population.benefit_amount[lo:hi]
    if plan.reductions_positive:
        # The reduction never exceeds the help; a help not known (NaN) leaves it as it is.
        np.fmin(reduction, benefit, out=reduction)
    else:
        np.copyto(reduction, benefit, where=np.greater(reduction, benefit, out=not_))
    married = np.flatnonzero(population.married_both_on_help[lo:hi])
    # Married (one or both spouses on help): the spouse's whole help can lapse (LAS § 13 f).
    reduction[married] = benefit[married]
    # x × 1 is x and x × NaN is NaN, for every x: the same as a masked copy, but faster.
    one_or_nan = scratch
    one_or_nan.fill(math.nan)
    np.copyto(one_or_nan, 1.0, where=proposed)
    np.multiply(reduction, one_or_nan, out=amount)
    np.logical_and(proposed, np.isnan(amount, out=not_), out=result.amount_unknown[lo:hi])


def _finite_and_not_negative(counted: Floats, hours_cum: Floats) -> bool:
    # NaN fails the first test; a finite total of values ≥ 0 makes every partial sum finite.
    return bool(counted.min(initial=0.0) >= 0.0 and np.isfinite(hours_cum[:, -1]).all())


def _region(days: Ints, base_start: NDArray[np.intp], lowest: NDArray[np.intp],
            dcum: NDArray[np.int64]) -> tuple[NDArray[np.intp], Ints]:
    """First whole month and days of the partly added month before it (padded indices), for
    windows extended by ``days`` before ``base_start``; no earlier than ``lowest``. The same
    as ``hours_requirement.window_region``, by day counts instead of a walk."""
    offset = dcum[base_start] - days
    clamped = offset < dcum[lowest]
    month = np.searchsorted(dcum, offset, side="right") - 1
    month = np.where(clamped, lowest, month)
    partial_days = dcum[month + 1] - offset
    whole = clamped | (partial_days == dcum[month + 1] - dcum[month])
    start = np.where(whole, month, month + 1).astype(np.intp)
    return start, np.where(whole, 0, partial_days).astype(np.int32)


def _neutral_in(neutral_cum: NDArray[np.int64], neutral: Ints, start: NDArray[np.intp],
                partial_days: Ints, end: NDArray[np.intp]) -> Ints:
    """Neutral days (sick leave, covid-19) in the windows: the whole months, and of the partly
    added month at most its added days (its neutral days are taken to lie in them)."""
    whole = neutral_cum[end] - neutral_cum[start]
    part = np.minimum(neutral[np.maximum(start - 1, 0)], partial_days)
    return (whole + np.where(partial_days > 0, part, 0)).astype(np.int32)


_Moved = tuple[NDArray[np.intp], NDArray[np.intp], Ints]


def _window_starts(sick_days: NDArray[np.int16], plan: _Plan, space: _Workspace) -> _Moved | None:
    """The cells (flat index over persons × columns) whose window sick leave made longer than
    the common one, with their padded first whole month and partly added days.

    A cell whose neutral days at the common window equal the common ones is at its fixed point
    already (the common days are at or below the cell's smallest fixed point, and a fixed
    point); the others are walked back month by month to the fixed point ``window_for``
    reaches day by day.
    """
    persons, width = sick_days.shape[0], plan.months + 1
    if not sick_days.any():
        return None
    padded = PAD + plan.months
    neutral = space.get("neutral", persons, padded, np.int32)
    neutral[:, :PAD] = plan.extension_padded[:PAD]
    sick = space.get("sick_days", persons, plan.months, np.int16)
    np.maximum(sick_days, 0, out=sick)
    np.add(sick, plan.extension_padded[PAD:], out=neutral[:, PAD:])
    np.minimum(neutral, plan.dim_padded, out=neutral)
    neutral_cum = space.get("neutral_cum", persons, padded + 1, np.int32)
    neutral_cum[:, 0] = 0
    np.cumsum(neutral, axis=1, out=neutral_cum[:, 1:])
    # First round for all cells at once: column gathers at the common window.
    days = space.get("days", persons, width, np.int32)
    np.take(neutral_cum, plan.common_start, axis=1, out=days, mode="clip")
    np.subtract(neutral_cum[:, PAD:], days, out=days)
    part = space.get("part", persons, width, np.int32)
    np.take(neutral, np.maximum(plan.common_start - 1, 0), axis=1, out=part, mode="clip")
    np.minimum(part, plan.common_partial_days, out=part)
    # Whole numbers: a product with the column's 0/1 is the masked value.
    np.multiply(part, plan.common_partial_days > 0, out=part)
    np.add(days, part, out=days)
    grew = space.get("grew", persons, width, np.bool_)
    np.not_equal(days, plan.common_days, out=grew)
    cells = np.flatnonzero(grew)
    if cells.size == 0:
        return None
    # The cells that grew are walked back month by month from their base window, each month
    # solved in closed form: with ``rest`` days still to add and ``n`` neutral days in the month
    # before, the month is added whole if ``rest`` (or, taking its own neutral days, ``rest + n``)
    # reaches its length; else its last ``rest + n`` days are added (the fixed point of the
    # day-by-day iteration in ``window_for``, whose neutral days in the part added are n).
    ends = np.arange(PAD, PAD + width, dtype=np.intp)
    column = cells % width
    rows = cells // width
    row_cum = rows * (PAD + plan.months + 1)
    row_neutral = rows * (PAD + plan.months)
    end = ends[column]
    month = end - plan.base[column] - 1                   # the month before the window so far
    lowest = end - MAX_WINDOW_MONTHS
    flat_cum, flat_neutral = neutral_cum.reshape(-1), neutral.reshape(-1)
    rest = (flat_cum[row_cum + end] - flat_cum[row_cum + month + 1]).astype(np.int64)
    start_cells = (month + 1).astype(np.intp)
    partial_cells = np.zeros(cells.size, dtype=np.int32)
    index = np.flatnonzero(rest > 0)
    for _ in range(MAX_WINDOW_MONTHS + 1):
        index = index[month[index] >= lowest[index]]
        if index.size == 0:
            break
        m = month[index]
        length = plan.dim_padded[m]
        n = flat_neutral[row_neutral[index] + m]
        r = rest[index]
        grown = np.where(r >= length, r, r + n)
        whole = grown >= length
        # Whole month: its length is used up, its neutral days are added to what is left.
        rest[index] = np.where(whole, r - length + n, 0)
        start_cells[index] = np.where(whole, m, m + 1)
        partial_cells[index] = np.where(whole, 0, grown)
        month[index] = m - 1
        index = index[whole & (rest[index] > 0)]
    return cells, start_cells, partial_cells


def _cell_windows(flat: NDArray[np.intp], column: NDArray[np.intp], moved: _Moved | None,
                  plan: _Plan) -> tuple[NDArray[np.intp], Ints]:
    """Padded first whole month and partly added days of the given cells."""
    start = plan.common_start[column].copy()
    partial = plan.common_partial_days[column].copy()
    if moved is not None:
        cells, moved_start, moved_partial = moved
        position = np.minimum(np.searchsorted(cells, flat), cells.size - 1)
        hit = cells[position] == flat
        start[hit], partial[hit] = moved_start[position[hit]], moved_partial[position[hit]]
    return start, partial


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

    def chunk(lo: int, hi: int, space: _Workspace) -> None:
        for a, b, is_hourly in runs:
            part = deducted[lo:hi, a:b]
            np.multiply(wage[lo:hi, a:b], factor[a:b], out=part)   # wage after AM-bidrag
            scratch = space.get(f"offset_{a}", hi - lo, b - a, np.float64)
            if is_hourly:
                disregarded = np.minimum(hours[lo:hi, a:b], cap[a:b], out=scratch)
                np.multiply(per_hour[a:b], disregarded, out=disregarded)
                np.subtract(part, disregarded, out=part)
                np.maximum(0.0, part, out=part)
                continue
            base = scratch
            np.copyto(base, part)
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
            over = np.add(base, benefit[lo:hi, a:b], out=space.get(f"over_{a}", hi - lo, b - a,
                                                                    np.float64))
            np.subtract(over, threshold, out=over)
            np.maximum(part, over, out=part)
            np.minimum(base, part, out=part)
        np.subtract(benefit[lo:hi], deducted[lo:hi], out=after[lo:hi])
        np.maximum(0.0, after[lo:hi], out=after[lo:hi])

    _run_chunks(chunk, shape[0], chunk_persons(months))
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
