# SPDX-License-Identifier: MPL-2.0
"""The global assignment: who goes where, maximising the total score, exactly.

The problem is a maximum-weight b-matching: each citizen takes at most one task, each task
at most its free places, and only feasible pairs exist at all (so nobody is ever put in an
infeasible pair — leaving a citizen unassigned is always allowed). It is solved as a
minimum-cost flow::

    source ─1, cost −K→ citizen ─1, cost K − score→ task ─free places→ sink
    source ──────────────── n, cost 0 (nobody assigned) ──────────────→ sink

with integer scores (hundredths of a point), so the optimum is exact, not approximate:
a flow problem with integer data has an integral optimal solution, and OR-Tools' min-cost
flow proves optimality. :mod:`smaajob.matching.crosscheck` solves the same problem with
independent solvers (SciPy's sparse bipartite matching, HiGHS) for the tests and the
benchmark.

Every unit of flow through a citizen also crosses that citizen's source arc, so ``K``
cancels: each assignment costs −(its total score), whatever ``K`` is. With ``K`` the
highest score no arc but the source arcs has a negative cost, and citizens and tasks are
numbered in the order the pairs first name them (for generated pairs, geographic); both
are only for speed — OR-Tools' cost scaling ran 20–35 % faster on the benchmark
populations — and leave the optimum as it was.
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
I32 = npt.NDArray[np.int32]


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


def _number_by_first_use(rows: I64, n_rows: int) -> tuple[I32, I32]:
    """(rows that occur, in order of first occurrence; each entry's node number 0, 1, …).

    Like ``np.unique(rows, return_inverse=True)`` but numbered in order of first use and
    without sorting millions of entries: nodes that appear together in the pairs get
    nearby numbers, which the solver's memory access rewards.
    """
    first = np.full(n_rows, len(rows), dtype=np.int64)
    np.minimum.at(first, rows, np.arange(len(rows), dtype=np.int64))
    used = np.flatnonzero(first < len(rows))
    order = used[np.argsort(first[used], kind="stable")]
    node = np.zeros(n_rows, dtype=np.int32)
    node[order] = np.arange(len(order), dtype=np.int32)
    return order.astype(np.int32), node[rows]


def solve_min_cost_flow(pairs: PairSet, capacity: I64) -> I64:
    """Indices into ``pairs`` of an optimal assignment (OR-Tools min-cost flow)."""
    if len(pairs) == 0:
        return np.zeros(0, dtype=np.int64)
    if (pairs.score < 0).any():
        raise InvalidMatchingInput("Point skal være 0 eller mere for at kunne fordeles.")
    cands, c_node = _number_by_first_use(pairs.cand, pairs.n_candidates)
    opens, o_node = _number_by_first_use(pairs.opening, pairs.n_openings)
    nc, no, n_pairs = len(cands), len(opens), len(pairs)
    source, sink = 0, 1
    c_base, o_base = 2, 2 + nc
    shift = int(pairs.score.max())  # K in the module docstring
    # A task never needs more places than citizens who can reach it.
    degree = np.bincount(o_node, minlength=no)
    cap = np.minimum(capacity[opens], degree)

    # Arcs: source → citizen, citizen → task (one per pair), task → sink, source → sink.
    # Written straight into int32/int64 arrays, without concatenating temporaries.
    n_arcs = nc + n_pairs + no + 1
    tails = np.empty(n_arcs, dtype=np.int32)
    heads = np.empty(n_arcs, dtype=np.int32)
    caps = np.ones(n_arcs, dtype=np.int64)
    costs = np.zeros(n_arcs, dtype=np.int64)
    arcs_c, arcs_p, arcs_o = slice(0, nc), slice(nc, nc + n_pairs), slice(nc + n_pairs, -1)
    tails[arcs_c] = source
    np.add(np.arange(nc, dtype=np.int32), c_base, out=heads[arcs_c])
    costs[arcs_c] = -shift
    np.add(c_node, c_base, out=tails[arcs_p])
    np.add(o_node, o_base, out=heads[arcs_p])
    np.subtract(shift, pairs.score, out=costs[arcs_p])
    np.add(np.arange(no, dtype=np.int32), o_base, out=tails[arcs_o])
    heads[arcs_o] = sink
    caps[arcs_o] = cap
    tails[-1], heads[-1], caps[-1] = source, sink, nc
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    flow.set_node_supply(source, nc)
    flow.set_node_supply(sink, -nc)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise SolverFailed(f"Min-cost flow ended with status {status}")
    pair_arcs = np.arange(nc, nc + n_pairs, dtype=np.int32)
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
    with_greedy: bool = False,
) -> Assignment:
    """The assignment of citizens to tasks with the highest total score.

    Each citizen gets at most one task, each task at most its free places, only feasible
    pairs are used. ``waiting_bonus`` (points, see :func:`feasible_pairs`) favours those
    who have waited longest. Pass ``pairs`` to reuse a candidate generation.
    ``with_greedy=True`` also runs the greedy baseline for comparison (benchmarks, tests);
    it costs about as much as the solve, so production runs leave it out.
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
