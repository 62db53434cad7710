# SPDX-License-Identifier: MPL-2.0
"""The global assignment: who goes where, maximising the total score, exactly.

The problem is a maximum-weight b-matching: each citizen takes at most one task, each task
at most its free places, and only feasible pairs exist at all (so nobody is ever put in an
infeasible pair — leaving a citizen unassigned is always allowed). It is solved as a
minimum-cost flow::

    source ─1→ citizen ─1, cost −score→ task ─free places→ sink
    source ───────────── n, cost 0 (nobody assigned) ─────────→ sink

with integer scores (hundredths of a point), so the optimum is exact, not approximate:
a flow problem with integer data has an integral optimal solution, and OR-Tools' min-cost
flow proves optimality. :mod:`smaajob.matching.crosscheck` solves the same problem with
independent solvers (SciPy's sparse bipartite matching, HiGHS) for the tests and the
benchmark.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from ortools.graph.python import min_cost_flow

from smaajob.matching.candidates import PairSet, feasible_pairs
from smaajob.matching.errors import InvalidMatchingInput
from smaajob.matching.filters import MatchFilters
from smaajob.matching.greedy import greedy_assignment
from smaajob.matching.pools import CandidatePool, OpeningPool
from smaajob.matching.scoring import SCORE_SCALE
from smaajob.matching.weights import Weights

I64 = npt.NDArray[np.int64]


class SolverFailed(RuntimeError):
    """The solver did not report an optimal solution (a bug, never bad input)."""


@dataclass(frozen=True, eq=False)
class Assignment:
    """The chosen pairs (pool rows), their scores and what the optimum is worth.

    ``objective`` and ``greedy_objective`` are in hundredths of a point, exact integers;
    ``objective_points`` is the same in points. ``optimal`` is True when the solver proved
    optimality.
    """

    cand: I64
    opening: I64
    score: I64
    objective: int
    optimal: bool
    solver: str
    feasible_pairs: int
    candidate_ids: tuple[str, ...]
    opening_ids: tuple[str, ...]
    greedy_objective: int | None = None
    greedy_assigned: int | None = None
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def n_assigned(self) -> int:
        return len(self.cand)

    @property
    def objective_points(self) -> float:
        return self.objective / SCORE_SCALE

    @property
    def gain_over_greedy(self) -> float | None:
        """Relative gain of the optimum over the greedy baseline (0.02 = 2 % better)."""
        if self.greedy_objective is None or self.greedy_objective == 0:
            return None
        return self.objective / self.greedy_objective - 1

    def pairs(self) -> Iterator[tuple[str, str, float]]:
        """(candidate id, opening id, score in points) for each assigned citizen."""
        for c, o, s in zip(self.cand.tolist(), self.opening.tolist(), self.score.tolist(),
                           strict=True):
            yield self.candidate_ids[c], self.opening_ids[o], s / SCORE_SCALE

    def summary(self) -> dict[str, object]:
        return {
            "assigned": self.n_assigned,
            "candidates": len(self.candidate_ids),
            "openings": len(self.opening_ids),
            "feasible_pairs": self.feasible_pairs,
            "objective_points": self.objective_points,
            "optimal": self.optimal,
            "solver": self.solver,
            "greedy_objective_points": (None if self.greedy_objective is None
                                        else self.greedy_objective / SCORE_SCALE),
            "greedy_assigned": self.greedy_assigned,
            "seconds": dict(self.seconds),
        }


def capacities_for(pairs: PairSet, op: OpeningPool) -> I64:
    return np.asarray(np.maximum(op.free_places, 0), dtype=np.int64)


def _compact(rows: I64, n_rows: int) -> tuple[I64, I64]:
    """Like ``np.unique(rows, return_inverse=True)`` for row indices below ``n_rows``.

    Counting instead of sorting: linear time, which matters for millions of pairs.
    """
    present = np.bincount(rows, minlength=n_rows) > 0
    used = np.flatnonzero(present)
    rank = np.cumsum(present) - 1
    return used.astype(np.int64), rank[rows].astype(np.int64)


def solve_min_cost_flow(pairs: PairSet, capacity: I64) -> I64:
    """Indices into ``pairs`` of an optimal assignment (OR-Tools min-cost flow)."""
    if len(pairs) == 0:
        return np.zeros(0, dtype=np.int64)
    if (pairs.score < 0).any():
        raise InvalidMatchingInput("Point skal være 0 eller mere for at kunne fordeles.")
    cands, c_node = _compact(pairs.cand, pairs.n_candidates)
    opens, o_node = _compact(pairs.opening, pairs.n_openings)
    nc, no = len(cands), len(opens)
    source, sink = 0, 1
    c_base, o_base = 2, 2 + nc
    # A task never needs more places than citizens who can reach it.
    degree = np.bincount(o_node, minlength=no)
    cap = np.minimum(capacity[opens], degree)

    tails = np.concatenate([
        np.full(nc, source), c_base + c_node, o_base + np.arange(no), [source]])
    heads = np.concatenate([
        c_base + np.arange(nc), o_base + o_node, np.full(no, sink), [sink]])
    caps = np.concatenate([np.ones(nc), np.ones(len(pairs)), cap, [nc]])
    costs = np.concatenate([np.zeros(nc), -pairs.score, np.zeros(no), [0]])
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32), heads.astype(np.int32), caps.astype(np.int64),
        costs.astype(np.int64))
    supplies = np.zeros(o_base + no, dtype=np.int64)
    supplies[source], supplies[sink] = nc, -nc
    flow.set_nodes_supplies(np.arange(len(supplies), dtype=np.int32), supplies)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise SolverFailed(f"Min-cost flow ended with status {status}")
    pair_arcs = np.arange(nc, nc + len(pairs), dtype=np.int32)
    used = np.asarray(flow.flows(pair_arcs)) > 0
    return np.flatnonzero(used).astype(np.int64)


def assign(
    cp: CandidatePool,
    op: OpeningPool,
    *,
    weights: Weights | None = None,
    filters: MatchFilters | None = None,
    waiting_bonus: float = 0.0,
    pairs: PairSet | None = None,
    with_greedy: bool = True,
) -> Assignment:
    """The assignment of citizens to tasks with the highest total score.

    Each citizen gets at most one task, each task at most its free places, only feasible
    pairs are used. ``waiting_bonus`` (points, see :func:`feasible_pairs`) favours those
    who have waited longest. Pass ``pairs`` to reuse a candidate generation.
    """
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    if pairs is None:
        pairs = feasible_pairs(cp, op, weights=weights, filters=filters,
                               waiting_bonus=waiting_bonus)
    seconds["candidate_generation"] = time.perf_counter() - t0
    capacity = capacities_for(pairs, op)
    t1 = time.perf_counter()
    chosen = solve_min_cost_flow(pairs, capacity)
    seconds["solve"] = time.perf_counter() - t1
    greedy_obj = greedy_n = None
    if with_greedy:
        t2 = time.perf_counter()
        g = greedy_assignment(pairs, capacity)
        seconds["greedy"] = time.perf_counter() - t2
        greedy_obj, greedy_n = int(pairs.score[g].sum()), len(g)
    return Assignment(
        cand=pairs.cand[chosen], opening=pairs.opening[chosen], score=pairs.score[chosen],
        objective=int(pairs.score[chosen].sum()), optimal=True, solver="ortools-min-cost-flow",
        feasible_pairs=len(pairs), candidate_ids=cp.ids, opening_ids=op.ids,
        greedy_objective=greedy_obj, greedy_assigned=greedy_n, seconds=seconds,
    )
