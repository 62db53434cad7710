# SPDX-License-Identifier: MPL-2.0
"""Several small jobs at once: a second task that fits the remaining hours and time.

A citizen may hold two small tasks (Igor: 15 h/week in a clothes shop at weekends and a
few hours of IT support, 003 §4.3.2.3). Two ways in:

* :func:`propose_second_jobs` — one citizen already holds a task: the best other tasks
  whose times do not overlap it at all and whose minimum hours fit what is left of the
  week.
* :func:`assign_with_second_jobs` — a whole municipality at once, exactly: each citizen up
  to two tasks, their minimum hours together within the citizen's weekly hours, no two of
  them overlapping in time, every task within its free places. A bonus for each citizen
  who gets *a* task keeps the optimum from giving one person two tasks while another gets
  none, unless the fit is much better.

Up to two tasks each, the program is solved as a choice of one *bundle* (a task, or two
tasks that go together) per citizen, by column generation, an exact Lagrangian bound and
reduced-cost elimination (:mod:`smaajob.matching.second_job_bundles`). For three or more
tasks each (``max_jobs > 2``, not used by the application) the older CP-SAT model remains:
for each citizen and each half hour of the week at most one of their tasks may cover it,
and their minimum hours summed within the week.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from ortools.graph.python import min_cost_flow
from ortools.sat.python import cp_model

from smaajob.matching.assignment import SolverFailed, solve_min_cost_flow
from smaajob.matching.candidates import PairSet, feasible_pairs
from smaajob.matching.errors import InvalidMatchingInput
from smaajob.matching.filters import MatchFilters
from smaajob.matching.model import Candidate, Opening
from smaajob.matching.pools import CandidatePool, OpeningPool, Vocabularies
from smaajob.matching.ranking import Ranking, top_openings_for
from smaajob.matching.scoring import SCORE_SCALE
from smaajob.matching.second_job_bundles import solve_bundles
from smaajob.matching.weights import Weights

I64 = npt.NDArray[np.int64]

DEFAULT_FIRST_JOB_BONUS = 100.0  # points for giving a citizen a first task at all: as much as a perfect fit


def propose_second_jobs(
    candidate: Candidate,
    first: Opening,
    openings: Sequence[Opening],
    k: int = 10,
    *,
    filters: MatchFilters | None = None,
    weights: Weights | None = None,
) -> Ranking:
    """Tasks ``candidate`` could take next to ``first``: no time overlap, hours that fit."""
    rest = candidate.holding(first)
    others = [o for o in openings if o.id != first.id and not (o.slots & first.slots)]
    pool = OpeningPool.from_openings(others, Vocabularies())
    return top_openings_for(rest, pool, k, filters=filters, weights=weights)


@dataclass(frozen=True, eq=False)
class MultiJobAssignment:
    """Chosen pairs (pool rows) when citizens may hold several tasks.

    ``objective`` counts pair scores plus the first-job bonus, in hundredths of a point;
    ``bound`` is a proven upper bound (equal to ``objective`` when optimal).
    ``single_job_objective`` is the best assignment with at most one task each (the same
    scores and bonus), the baseline the second tasks are measured against.
    """

    cand: I64
    opening: I64
    score: I64
    objective: int
    bound: int
    optimal: bool
    status: str
    candidate_ids: tuple[str, ...]
    opening_ids: tuple[str, ...]
    single_job_objective: int | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def n_with_two_or_more(self) -> int:
        return int((np.bincount(self.cand) >= 2).sum()) if len(self.cand) else 0

    @property
    def n_citizens_with_a_job(self) -> int:
        return len(np.unique(self.cand))

    def jobs_by_candidate(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for c, o in zip(self.cand.tolist(), self.opening.tolist(), strict=True):
            out.setdefault(self.candidate_ids[c], []).append(self.opening_ids[o])
        return out


def second_job_upper_bound(
    pairs: PairSet, capacity: I64, first_job_bonus: float = DEFAULT_FIRST_JOB_BONUS
) -> int:
    """An upper bound on :func:`assign_with_second_jobs`' objective, for any size.

    The same problem without the hours and time-clash rules is a min-cost flow (each
    citizen two units; the first unit earns the first-job bonus, which is concave, so two
    parallel arcs model it exactly). Dropping rules can only raise the optimum, so this
    bounds the exact answer from above — for a whole country, where the exact program is
    solved municipality by municipality, the gap to this bound is what the split may cost.
    """
    if len(pairs) == 0:
        return 0
    bonus = int(round(first_job_bonus * SCORE_SCALE))
    cands, c_node = np.unique(pairs.cand, return_inverse=True)
    opens, o_node = np.unique(pairs.opening, return_inverse=True)
    nc, no = len(cands), len(opens)
    source, sink, c_base, o_base = 0, 1, 2, 2 + nc
    degree = np.bincount(o_node, minlength=no)
    cap = np.minimum(capacity[opens], degree)
    tails = np.concatenate([np.full(2 * nc, source), c_base + c_node, o_base + np.arange(no),
                            [source]])
    heads = np.concatenate([c_base + np.arange(nc), c_base + np.arange(nc), o_base + o_node,
                            np.full(no, sink), [sink]])
    caps = np.concatenate([np.ones(2 * nc), np.ones(len(pairs)), cap, [2 * nc]])
    costs = np.concatenate([np.full(nc, -bonus), np.zeros(nc), -pairs.score, np.zeros(no), [0]])
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32), heads.astype(np.int32), caps.astype(np.int64),
        costs.astype(np.int64))
    supplies = np.zeros(o_base + no, dtype=np.int64)
    supplies[source], supplies[sink] = 2 * nc, -2 * nc
    flow.set_nodes_supplies(np.arange(len(supplies), dtype=np.int32), supplies)
    if flow.solve() != flow.OPTIMAL:
        raise SolverFailed("Min-cost flow for the second-job bound did not finish optimally")
    return int(-flow.optimal_cost())


def _conflict_groups(
    slot_words: npt.NDArray[np.uint64], hours: npt.NDArray[np.float64], weekly_hours: float
) -> list[npt.NDArray[np.int64]]:
    """Groups of a citizen's tasks of which at most one may be chosen.

    Two kinds of conflict, each written as cliques (an "at most one" per group), which
    gives the solver a much tighter relaxation than a sum-of-hours constraint:

    * *time*: the tasks covering one half hour of the week;
    * *hours*: for each task a, a and every task b with hours(b) ≥ hours(a) and
      hours(a) + hours(b) > the citizen's hours. Any two members of such a group are too
      many hours together, and every pair that is (a, b with hours(a) ≤ hours(b)) lies in
      a's group.

    With at most two tasks per citizen, these cliques are exactly the rule "no time clash
    and the two tasks' minimum hours within the week". Groups inside other groups are
    dropped.
    """
    k = len(hours)
    bits = np.unpackbits(slot_words.view(np.uint8), axis=1, bitorder="little")
    time_cols = bits[:, np.count_nonzero(bits, axis=0) >= 2].T.astype(bool)
    h = hours
    hour_rows = (h[None, :] >= h[:, None]) & (h[None, :] + h[:, None] > weekly_hours + 1e-9)
    hour_rows |= np.eye(k, dtype=bool)
    hour_rows = hour_rows[hour_rows.sum(axis=1) >= 2]
    patterns = np.unique(np.vstack([time_cols, hour_rows]), axis=0)
    if len(patterns) == 0:
        return []
    sizes = patterns.sum(axis=1)
    # A pattern is redundant when another (hence bigger, as patterns are unique) holds it.
    inside = (patterns.astype(np.int32) @ patterns.T.astype(np.int32)) == sizes[:, None]
    np.fill_diagonal(inside, False)
    keep = ~inside.any(axis=1) & (sizes >= 2)
    return [np.flatnonzero(p).astype(np.int64) for p in patterns[keep]]


def assign_with_second_jobs(
    cp: CandidatePool,
    op: OpeningPool,
    *,
    weights: Weights | None = None,
    filters: MatchFilters | None = None,
    pairs: PairSet | None = None,
    max_jobs: int = 2,
    first_job_bonus: float = DEFAULT_FIRST_JOB_BONUS,
    time_limit_s: float = 300.0,
    workers: int | None = None,
    linearization_level: int = 1,
) -> MultiJobAssignment:
    """Exact assignment where a citizen may hold up to ``max_jobs`` non-clashing tasks.

    Meant for one municipality; see docs/matching.md for the national run. ``workers``
    and ``linearization_level`` only concern the CP-SAT model used for ``max_jobs > 2``.
    """
    if max_jobs < 1:
        raise InvalidMatchingInput("max_jobs skal være mindst 1.", field="max_jobs")
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    if pairs is None:
        pairs = feasible_pairs(cp, op, weights=weights, filters=filters)
    seconds["candidate_generation"] = time.perf_counter() - t0
    bonus = int(round(first_job_bonus * SCORE_SCALE))
    if len(pairs) == 0:
        nothing = np.zeros(0, dtype=np.int64)
        return MultiJobAssignment(nothing, nothing, nothing, 0, 0, True, "OPTIMAL", cp.ids,
                                  op.ids, 0, seconds)
    capacity = np.maximum(op.free_places, 0)
    if max_jobs > 2:
        return _assign_cp_sat(cp, op, pairs, capacity, bonus, max_jobs, first_job_bonus,
                              time_limit_s, workers, linearization_level, seconds)
    solution = solve_bundles(pairs, capacity, op.slots, op.hours_min, cp.weekly_hours, bonus,
                             max_jobs=max_jobs, time_limit_s=time_limit_s)
    seconds.update(solution.seconds)
    bound = solution.bound
    if not solution.optimal:
        # The flow relaxation (no hours or clash rules) bounds the optimum too.
        flow_bound = second_job_upper_bound(pairs, capacity, first_job_bonus)
        bound = flow_bound if bound is None else min(bound, flow_bound)
    chosen = solution.chosen
    return MultiJobAssignment(
        cand=pairs.cand[chosen], opening=pairs.opening[chosen], score=pairs.score[chosen],
        objective=solution.objective, bound=max(bound if bound is not None else 0,
                                                solution.objective),
        optimal=solution.optimal, status=solution.status, candidate_ids=cp.ids,
        opening_ids=op.ids, single_job_objective=solution.single_job_objective,
        seconds=seconds, stats={"compatible_pairs": solution.compatible_pairs,
                                "lp_rounds": solution.lp_rounds,
                                "mip_columns": solution.mip_columns})


def _assign_cp_sat(
    cp: CandidatePool,
    op: OpeningPool,
    pairs: PairSet,
    capacity: I64,
    bonus: int,
    max_jobs: int,
    first_job_bonus: float,
    time_limit_s: float,
    workers: int | None,
    linearization_level: int,
    seconds: dict[str, float],
) -> MultiJobAssignment:
    """The CP-SAT model, for three or more tasks per citizen (slow beyond ~1,000 citizens)."""
    t1 = time.perf_counter()
    model = cp_model.CpModel()
    n = len(pairs)
    x = [model.new_bool_var(f"x{p}") for p in range(n)]
    order = np.argsort(pairs.cand, kind="stable")
    cand_sorted = pairs.cand[order]
    bounds = np.flatnonzero(np.r_[True, cand_sorted[1:] != cand_sorted[:-1], True])
    # Tasks rounded up, the week rounded down (cautious).
    half_hours_min = np.ceil(op.hours_min * 2 - 1e-9).astype(np.int64)
    half_hours_cap = np.floor(cp.weekly_hours * 2 + 1e-9).astype(np.int64)
    has_job = []
    for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        rows = order[a:b]
        c = int(pairs.cand[rows[0]])
        xs = [x[int(p)] for p in rows]
        y = model.new_bool_var(f"y{c}")
        model.add(y <= sum(xs))
        has_job.append(y)
        if len(rows) == 1:
            continue
        if len(rows) > max_jobs:
            model.add(sum(xs) <= max_jobs)
        # With three or more tasks the pairwise cliques no longer cover the hours.
        hours = half_hours_min[pairs.opening[rows]]
        model.add(sum(int(h) * v for h, v in zip(hours.tolist(), xs, strict=True))
                  <= int(half_hours_cap[c]))
        for group in _conflict_groups(op.slots[pairs.opening[rows]],
                                      op.hours_min[pairs.opening[rows]],
                                      float(cp.weekly_hours[c])):
            model.add_at_most_one(xs[int(g)] for g in group)
    by_opening = np.argsort(pairs.opening, kind="stable")
    o_sorted = pairs.opening[by_opening]
    o_bounds = np.flatnonzero(np.r_[True, o_sorted[1:] != o_sorted[:-1], True])
    for a, b in zip(o_bounds[:-1].tolist(), o_bounds[1:].tolist(), strict=True):
        rows = by_opening[a:b]
        cap = int(capacity[int(pairs.opening[rows[0]])])
        if cap < len(rows):
            model.add(sum(x[int(p)] for p in rows) <= cap)
    model.maximize(sum(int(s) * v for s, v in zip(pairs.score.tolist(), x, strict=True))
                   + bonus * sum(has_job))

    # Start from the best one-task-each assignment: always feasible, usually close.
    single = solve_min_cost_flow(pairs, capacity)
    in_single = np.zeros(n, dtype=bool)
    in_single[single] = True
    for p in range(n):
        model.add_hint(x[p], bool(in_single[p]))
    seconds["model"] = time.perf_counter() - t1

    t2 = time.perf_counter()
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    # CP-SAT's portfolio needs several workers to close the gap quickly, even on few cores
    # (measured: 2 workers did not prove optimality in 300 s where 8 did in 40 s).
    solver.parameters.num_workers = workers or max(8, os.cpu_count() or 1)
    solver.parameters.linearization_level = linearization_level
    status = solver.solve(model)
    seconds["solve"] = time.perf_counter() - t2
    single_objective = int(pairs.score[single].sum()) + bonus * len(single)
    chosen, objective = single, single_objective
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and (
        round(solver.objective_value) >= single_objective
    ):
        chosen = np.array([p for p in range(n) if solver.boolean_value(x[p])], dtype=np.int64)
        objective = int(round(solver.objective_value))
    # When the time limit stops the search, the answer is never worse than one task each
    # (always feasible), and the bound is the tighter of CP-SAT's and the flow relaxation's.
    bound = second_job_upper_bound(pairs, capacity, first_job_bonus)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        bound = min(bound, int(round(solver.best_objective_bound)))
    optimal = status == cp_model.OPTIMAL or objective == bound
    return MultiJobAssignment(
        cand=pairs.cand[chosen], opening=pairs.opening[chosen], score=pairs.score[chosen],
        objective=objective, bound=bound, optimal=optimal,
        status=solver.status_name(status), candidate_ids=cp.ids, opening_ids=op.ids,
        single_job_objective=single_objective,
        seconds=seconds,
    )


__all__ = [
    "MultiJobAssignment",
    "assign_with_second_jobs",
    "propose_second_jobs",
    "second_job_upper_bound",
]
