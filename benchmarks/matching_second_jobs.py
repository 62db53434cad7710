# SPDX-License-Identifier: MPL-2.0
"""Second-job scenarios of the matching benchmark (issue 4), run by ``matching_bench.py``.

Kept apart from the one-task scenarios so the two can be worked on independently.
"""

from __future__ import annotations

import time
from typing import Any

import matching_data as data
import numpy as np

from smaajob.matching import assign_with_second_jobs, feasible_pairs
from smaajob.matching.greedy import greedy_assignment
from smaajob.matching.scoring import SCORE_SCALE
from smaajob.matching.second_job import DEFAULT_FIRST_JOB_BONUS

AARHUS = [t for t in data.TOWNS if t[0] == "Aarhus"]
CPU_SECONDS: dict[str, float] = {}


def second_jobs_case(n: int, m: int, time_limit: float) -> dict[str, Any]:
    vocab = data.vocabularies()
    cp = data.candidates(n, vocab, seed=31, towns=AARHUS, spread_km=6)
    op = data.openings(m, vocab, seed=32, towns=AARHUS, spread_km=6, max_capacity=2)
    t0, c0 = time.perf_counter(), time.process_time()
    result = assign_with_second_jobs(cp, op, time_limit_s=time_limit)
    total = time.perf_counter() - t0
    CPU_SECONDS["total_cpu_all_threads_s"] = time.process_time() - c0
    pairs = feasible_pairs(cp, op)
    capacity = np.maximum(op.free_places, 0)
    greedy = greedy_assignment(pairs, capacity)
    single = result.single_job_objective or 0
    # No solution can beat the solver's bound; an optimal one is not worse than one job each
    # (that assignment is a feasible point of the bundle program).
    failures = [text for ok, text in (
        (result.objective <= result.bound, f"objective {result.objective} above its bound {result.bound}"),
        (not result.optimal or result.objective == result.bound,
         f"reported optimal, but objective {result.objective} != bound {result.bound}"),
        (not result.optimal or result.objective >= single,
         f"optimal objective {result.objective} below one job each ({single})"),
    ) if not ok]
    return {
        "candidates": n, "openings": m, "feasible_pairs": len(pairs),
        "pairs_per_candidate": len(pairs) / n, "status": result.status,
        "optimal": result.optimal, "total_s": total, **{f"{k}_s": v for k, v in
                                                        result.seconds.items()},
        **result.stats,
        # Exact figures (hundredths of a point), as strings so they print in full.
        "objective_points": f"{result.objective / 100:.2f}",
        "bound_points": f"{result.bound / 100:.2f}",
        "gap_to_bound_pct": 100 * (result.bound / result.objective - 1) if result.objective
        else None,
        "one_job_each_objective_points": f"{single / 100:.2f}",
        "gain_over_one_job_each_pct": 100 * (result.objective / single - 1) if single
        else None,
        "greedy_one_job_points": (int(pairs.score[greedy].sum())
                                  + round(DEFAULT_FIRST_JOB_BONUS * SCORE_SCALE) * len(greedy)) / SCORE_SCALE,
        "citizens_with_a_job": result.n_citizens_with_a_job,
        "citizens_with_two_jobs": result.n_with_two_or_more, "jobs": len(result.cand),
        **CPU_SECONDS, "check_failures": failures,
    }


def scenario_second_jobs(quick: bool) -> dict[str, Any]:
    if quick:
        return second_jobs_case(1_000, 500, 60)
    return second_jobs_case(5_000, 2_500, 120)


def scenario_second_jobs_small(quick: bool) -> dict[str, Any]:
    return second_jobs_case(1_000, 500, 60)
