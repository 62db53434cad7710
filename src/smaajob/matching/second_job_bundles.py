# SPDX-License-Identifier: MPL-2.0
"""The exact second-job program as a choice of one *bundle* per citizen.

A bundle is what one citizen may hold: one task, or two tasks that share no half hour
and whose minimum hours fit the citizen's week. The program is then

    maximise  Σ value(bundle) · x(bundle)
    subject to  Σ x over a citizen's bundles ≤ 1             (one bundle per citizen)
                Σ x over bundles holding task o ≤ places(o)  (capacities)
                x ∈ {0, 1}

where value = the tasks' scores + the first-job bonus. This is the same problem as the
pairwise clash/hours model, but its linear relaxation is far tighter (on the benchmark
town its optimum is already integral). It is solved exactly in these steps:

1. **Incumbent.** The best one-task-each assignment, an exact min-cost flow on score +
   bonus: always a valid answer and a lower bound.
2. **Column generation.** A town of 5,000 citizens has over a million compatible task
   pairs, so the relaxation is solved over a small working set of bundles (HiGHS's
   interior-point method with crossover, via ``scipy.optimize.linprog``; its prices are
   more central than the simplex method's, which took 26 rounds instead of 7), adding
   the bundles with a positive reduced cost at the current prices.
3. **An exact bound after every round.** For *any* prices λ ≥ 0 on the task places,

       Σ_citizen max(0, max_bundle value − λ·tasks) + Σ_task λ·places

   bounds the optimum from above (Lagrangian relaxation of the capacities). It is
   evaluated over all remaining bundles, not just the working set, with λ rounded to
   multiples of 2⁻²⁰ hundredths of a point and in int64, so the bound is exact
   arithmetic, not a floating-point claim. An integral relaxation solution that reaches
   it is optimal.
4. **Reduced-cost elimination.** A bundle whose reduced cost at λ is below
   −(bound − incumbent) is in no solution worth the incumbent or more, and is dropped for
   good; the remaining bundles are priced again.
5. **Integer program.** If the relaxation over the remaining bundles is fractional (rare;
   the tests include such a case), the integer program over them is solved by HiGHS
   (``scipy.optimize.milp``); its optimum is the optimum of the whole program.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from smaajob.matching.assignment import SolverFailed, solve_min_cost_flow
from smaajob.matching.candidates import PairSet

I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]
U64 = npt.NDArray[np.uint64]

PRICE_BITS = 20  # prices are rounded to multiples of 2**-20 for the exact bound
HOURS_TOLERANCE = 1e-9  # the same tolerance as the hours check of a single task
_PAIR_CHUNK = 1 << 21  # candidate pairs examined at once (bounds the temporary memory)
_START_SINGLES = 4  # per citizen, best single tasks in the first working set
_START_PAIRS = 4  # per citizen, best pairs of tasks in the first working set
_ADD_PER_ROUND = 8  # per citizen, most profitable bundles added in one pricing round
_SMALL_UNIVERSE = 20_000  # when this few bundles are left, the relaxation takes them all


@dataclass(frozen=True, eq=False)
class BundleSolution:
    """Chosen pair rows and the proof: ``objective == bound`` when ``optimal``."""

    chosen: I64
    objective: int
    bound: int | None  # None: no bound found within the time limit
    optimal: bool
    status: str
    single_job_objective: int
    compatible_pairs: int
    lp_rounds: int
    mip_columns: int
    seconds: dict[str, float] = field(default_factory=dict)


def compatible_pairs(
    cand: I64, opening: I64, slots: U64, hours_min: F64, weekly_hours: F64
) -> tuple[I64, I64]:
    """Row pairs (p, q), p < q, of one citizen that may be held together.

    ``cand`` must be sorted. Two tasks go together when they share no half hour of the
    week and their minimum hours together fit the citizen's weekly hours.
    """
    n = len(cand)
    if n < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    starts = np.flatnonzero(np.r_[True, cand[1:] != cand[:-1]])
    group_end = np.repeat(np.r_[starts[1:], n], np.diff(np.r_[starts, n]))
    later = group_end - np.arange(n) - 1  # rows of the same citizen after this one
    done = np.r_[0, np.cumsum(later)]
    row_slots = slots[opening]
    row_hours = hours_min[opening]
    room = weekly_hours[cand] + HOURS_TOLERANCE
    out_p: list[I64] = []
    out_q: list[I64] = []
    lo = 0
    while lo < n:
        hi = int(np.searchsorted(done, done[lo] + _PAIR_CHUNK, side="right")) - 1
        hi = min(max(hi, lo + 1), n)
        counts = later[lo:hi]
        p = np.repeat(np.arange(lo, hi, dtype=np.int64), counts)
        q = p + 1 + np.arange(len(p), dtype=np.int64) - np.repeat(done[lo:hi] - done[lo], counts)
        keep = row_hours[p] + row_hours[q] <= room[p]
        p, q = p[keep], q[keep]
        clash = np.zeros(len(p), dtype=bool)
        for w in range(row_slots.shape[1]):
            clash |= (row_slots[p, w] & row_slots[q, w]) != 0
        out_p.append(p[~clash])
        out_q.append(q[~clash])
        lo = hi
    return np.concatenate(out_p), np.concatenate(out_q)


def _top_per_group(group: I64, key: npt.NDArray[np.floating] | I64, k: int) -> I64:
    """Indices of the ``k`` largest ``key`` within each ``group`` value."""
    if len(group) == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((-key, group))
    g = group[order]
    first = np.r_[True, g[1:] != g[:-1]]
    idx = np.arange(len(order))
    rank = idx - np.maximum.accumulate(np.where(first, idx, 0))
    return np.sort(order[rank < k]).astype(np.int64)


class _Bundles:
    """All bundles (singles first, then pairs) over compact citizen and task numbers."""

    def __init__(self, citizen: I64, task_a: I64, task_b: I64, value: I64, places: I64,
                 n_citizens: int) -> None:
        self.citizen, self.task_a, self.task_b, self.value = citizen, task_a, task_b, value
        self.places = places
        self.n_citizens = n_citizens
        self.n_tasks = len(places)
        self.is_pair = task_b >= 0
        self.task_b_or_none = np.where(self.is_pair, task_b, self.n_tasks)

    def __len__(self) -> int:
        return len(self.value)

    def lagrangian(self, prices: F64, among: npt.NDArray[np.bool_]) -> tuple[int, I64]:
        """Exact upper bound, scaled by 2**PRICE_BITS, for solutions made of bundles
        ``among``, and every bundle's reduced cost (value − prices − the citizen's best).

        Any prices ≥ 0 give a valid bound (Lagrangian relaxation of the capacities).
        """
        scale = 1 << PRICE_BITS
        lam = np.round(np.maximum(prices, 0.0) * scale).astype(np.int64)
        lam_ext = np.r_[lam, 0]
        reduced = self.value * scale - lam_ext[self.task_a] - lam_ext[self.task_b_or_none]
        best = np.zeros(self.n_citizens, dtype=np.int64)
        np.maximum.at(best, self.citizen[among], reduced[among])
        bound = int(best.sum()) + int((lam * self.places).sum())
        return bound, reduced - best[self.citizen]

    def matrix(self, cols: I64) -> sparse.csc_matrix:
        """Rows: citizens, then tasks; one column per bundle in ``cols``."""
        pair = self.is_pair[cols]
        nnz_per_col = 2 + pair.astype(np.int64)
        indptr = np.r_[0, np.cumsum(nnz_per_col)]
        indices = np.empty(int(indptr[-1]), dtype=np.int64)
        indices[indptr[:-1]] = self.citizen[cols]
        indices[indptr[:-1] + 1] = self.n_citizens + self.task_a[cols]
        indices[indptr[:-1][pair] + 2] = self.n_citizens + self.task_b[cols[pair]]
        return sparse.csc_matrix(
            (np.ones(len(indices)), indices, indptr),
            shape=(self.n_citizens + self.n_tasks, len(cols)))

    def rhs(self) -> F64:
        return np.concatenate([np.ones(self.n_citizens), self.places.astype(np.float64)])

    def check(self, cols: I64) -> int:
        """Objective of choosing ``cols``; raises if that breaks a rule (a safety net)."""
        per_citizen = np.bincount(self.citizen[cols], minlength=self.n_citizens)
        tasks = np.r_[self.task_a[cols], self.task_b[cols][self.is_pair[cols]]]
        per_task = np.bincount(tasks, minlength=self.n_tasks)
        if (per_citizen > 1).any() or (per_task > self.places).any():
            raise SolverFailed("A second-job solution breaks a capacity or bundle rule")
        return int(self.value[cols].sum())


def solve_bundles(
    pairs: PairSet,
    capacity: I64,
    slots: U64,
    hours_min: F64,
    weekly_hours: F64,
    bonus: int,
    *,
    max_jobs: int = 2,
    time_limit_s: float = 300.0,
) -> BundleSolution:
    """Exact optimum of the second-job program (up to two tasks each) on ``pairs``.

    ``capacity``, ``slots``, ``hours_min`` are per opening row, ``weekly_hours`` per
    citizen row; ``bonus`` is in the score's units (hundredths of a point).
    """
    if max_jobs not in (1, 2):
        raise ValueError("bundles are enumerated for one or two tasks per citizen")
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    deadline = t0 + time_limit_s
    usable = capacity[pairs.opening] > 0
    rows = np.flatnonzero(usable)
    rows = rows[np.argsort(pairs.cand[rows], kind="stable")]
    cand, opening, score = pairs.cand[rows], pairs.opening[rows], pairs.score[rows]
    if len(rows) == 0:
        return BundleSolution(np.zeros(0, dtype=np.int64), 0, 0, True, "OPTIMAL", 0, 0, 0, 0)

    # The best one-task-each assignment (exact min-cost flow on score + bonus): a valid
    # answer, the first incumbent, and the baseline the benchmark reports against.
    with_bonus = PairSet(cand, opening, score + bonus, pairs.n_candidates, pairs.n_openings)
    single = solve_min_cost_flow(with_bonus, capacity)
    single_objective = int(score[single].sum()) + bonus * len(single)
    seconds["one_task_each"] = time.perf_counter() - t0

    t1 = time.perf_counter()
    if max_jobs == 2:
        p, q = compatible_pairs(cand, opening, slots, hours_min, weekly_hours)
    else:
        p = q = np.zeros(0, dtype=np.int64)
    seconds["pairs"] = time.perf_counter() - t1
    citizens, citizen = np.unique(cand, return_inverse=True)
    tasks, task = np.unique(opening, return_inverse=True)
    n = len(rows)
    bundles = _Bundles(
        citizen=np.r_[citizen, citizen[p]].astype(np.int64),
        task_a=np.r_[task, task[p]].astype(np.int64),
        task_b=np.r_[np.full(n, -1), task[q]].astype(np.int64),
        value=np.r_[score, score[p] + score[q]].astype(np.int64) + bonus,
        places=np.minimum(capacity[tasks], np.bincount(task, minlength=len(tasks))),
        n_citizens=len(citizens))
    row_a = np.r_[np.arange(n), p]  # bundle → row(s) of ``rows``
    row_b = np.r_[np.full(n, -1), q]

    def rows_of(cols: I64) -> I64:
        picked = np.r_[row_a[cols], row_b[cols][row_b[cols] >= 0]]
        return np.sort(rows[picked])

    incumbent_cols = single.astype(np.int64)  # singles come first, numbered as rows
    incumbent = bundles.check(incumbent_cols)
    scale = 1 << PRICE_BITS
    # ``universe``: bundles that may still be in a solution better than the incumbent.
    # ``bound`` bounds every such solution, so max(incumbent, bound) bounds the optimum.
    universe = np.ones(len(bundles), dtype=bool)
    bound: int | None = None
    rhs = bundles.rhs()

    # 1. Column generation on the relaxation; after every round an exact bound and the
    #    bundles it rules out.
    t2 = time.perf_counter()
    active = np.zeros(len(bundles), dtype=bool)
    active[incumbent_cols] = True
    active[_top_per_group(bundles.citizen[:n], bundles.value[:n], _START_SINGLES)] = True
    active[n + _top_per_group(bundles.citizen[n:], bundles.value[n:], _START_PAIRS)] = True
    lp_rounds = 0
    while time.perf_counter() < deadline:
        cols = np.flatnonzero(active)
        lp = linprog(-bundles.value[cols].astype(np.float64), A_ub=bundles.matrix(cols),
                     b_ub=rhs, bounds=(0, None), method="highs-ipm",
                     options={"time_limit": max(deadline - time.perf_counter(), 1.0)})
        lp_rounds += 1
        if lp.status != 0:
            break
        x = np.asarray(lp.x, dtype=np.float64)
        if np.all(np.minimum(np.abs(x), np.abs(x - 1)) < 1e-6):
            chosen = cols[x > 0.5]
            value = bundles.check(chosen)
            if value > incumbent:
                incumbent, incumbent_cols = value, chosen
        duals = -np.asarray(lp.ineqlin.marginals, dtype=np.float64)
        pi, lam = duals[:bundles.n_citizens], duals[bundles.n_citizens:]
        scaled, reduced = bundles.lagrangian(lam, universe)
        if bound is None or (scaled >> PRICE_BITS) < bound:
            bound = scaled >> PRICE_BITS  # the objective is an integer
        if bound <= incumbent:
            break
        # A bundle whose reduced cost is below −(bound − incumbent) is in no solution
        # worth the incumbent or more.
        universe &= reduced >= incumbent * scale - scaled
        active &= universe
        active[incumbent_cols] = True
        lam_ext = np.r_[lam, 0.0]
        rc = (bundles.value - lam_ext[bundles.task_a] - lam_ext[bundles.task_b_or_none]
              - pi[bundles.citizen])
        entering = np.flatnonzero((rc > 1e-6) & universe & ~active)
        if len(entering) == 0:
            break  # the relaxation over the universe is solved
        if universe.sum() <= max(_SMALL_UNIVERSE, 2 * active.sum()):
            active = universe.copy()  # few bundles left: take them all at once
        else:
            entering = entering[_top_per_group(bundles.citizen[entering], rc[entering],
                                               _ADD_PER_ROUND)]
            active[entering] = True
    seconds["relaxation"] = time.perf_counter() - t2

    # 2. If the relaxation did not close the gap: the integer program over the universe.
    keep = np.flatnonzero(universe)
    optimal = bound is not None and bound <= incumbent
    t3 = time.perf_counter()
    remaining = deadline - time.perf_counter()
    mip_columns = 0
    if not optimal and remaining > 0:
        mip_columns = len(keep)
        res = milp(-bundles.value[keep].astype(np.float64),
                   constraints=LinearConstraint(bundles.matrix(keep), -np.inf, rhs),
                   integrality=np.ones(len(keep)), bounds=Bounds(0, 1),
                   options={"time_limit": remaining, "mip_rel_gap": 0.0})
        if res.x is not None:
            chosen = keep[np.asarray(res.x) > 0.5]
            value = bundles.check(chosen)
            if value > incumbent:
                incumbent, incumbent_cols = value, chosen
        if res.status == 0:
            optimal = True  # every solution worth the incumbent or more lies in ``keep``
        elif res.x is not None and np.isfinite(res.mip_dual_bound):
            mip_bound = max(incumbent, math.floor(-res.mip_dual_bound + 1e-6))
            bound = mip_bound if bound is None else min(bound, mip_bound)
    seconds["integer_program"] = time.perf_counter() - t3
    if optimal:
        bound = incumbent
    return BundleSolution(
        chosen=rows_of(incumbent_cols), objective=incumbent,
        bound=None if bound is None else max(bound, incumbent), optimal=optimal,
        status="OPTIMAL" if optimal else "FEASIBLE", single_job_objective=single_objective,
        compatible_pairs=len(p), lp_rounds=lp_rounds, mip_columns=mip_columns,
        seconds=seconds)
