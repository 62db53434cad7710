# SPDX-License-Identifier: MPL-2.0
"""Soft score: how good a feasible pair is, from 0 to 100 points.

Each component in :data:`smaajob.matching.weights.COMPONENTS` is a number in [0, 1]; the
score is the weighted average (weights from the citizen's readiness profile) times 100.
Integer scores (hundredths of a point) feed the exact solvers, so different solvers
compare the very same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from smaajob.matching.constraints import PairFacts
from smaajob.matching.pools import CandidatePool, OpeningPool
from smaajob.matching.tags import common_count, count, has_bit
from smaajob.matching.weights import COMPONENTS, Weights

I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]

SCORE_SCALE = 100  # integer score = round(points × SCORE_SCALE)
NEUTRAL = 0.5  # value of a wish component when nothing is recorded to compare
WAITING_FULL_DAYS = 365.0


@dataclass(frozen=True, eq=False)
class PairScores:
    components: F64  # (pairs, len(COMPONENTS)) values in [0, 1]
    points: F64  # (pairs,) weighted average × 100
    proposed_hours: F64  # hours a week the citizen could do in this task

    @property
    def integer(self) -> I64:
        return np.asarray(np.rint(self.points * SCORE_SCALE), dtype=np.int64)


def proposed_hours(cp: CandidatePool, ci: I64, op: OpeningPool, oj: I64, free_hours: F64) -> F64:
    """As many hours as the task offers, the citizen can do and their free time allows."""
    return np.asarray(np.minimum(np.minimum(op.hours_max[oj], cp.weekly_hours[ci]), free_hours))


def score_pairs(
    cp: CandidatePool, ci: I64, op: OpeningPool, oj: I64, facts: PairFacts, weights: Weights,
    weight_rows: F64 | None = None,
) -> PairScores:
    """Score components and points for the pairs (feasible or not; callers filter).

    ``weight_rows`` (from :func:`candidate_weight_rows`) saves recomputing each candidate's
    profile when scoring a pool block by block.
    """
    ci = np.asarray(ci, dtype=np.int64)
    oj = np.asarray(oj, dtype=np.int64)
    n = np.broadcast(ci, oj).shape
    ci, oj = np.broadcast_to(ci, n), np.broadcast_to(oj, n)
    comp = np.empty((*n, len(COMPONENTS)), dtype=np.float64)

    wished_sectors = cp.wished_sectors[ci]
    has_sector_wish = count(wished_sectors) > 0
    comp[..., 0] = np.where(
        has_sector_wish, has_bit(wished_sectors.reshape(-1, wished_sectors.shape[-1]),
                                 op.sector[oj].reshape(-1)).reshape(n), NEUTRAL)

    wished_tasks, tasks = cp.wished_tasks[ci], op.tasks[oj]
    n_wish, n_task = count(wished_tasks), count(tasks)
    both = (n_wish > 0) & (n_task > 0)
    common = common_count(wished_tasks, tasks)
    comp[..., 1] = np.where(both, common / np.maximum(np.minimum(n_wish, n_task), 1), NEUTRAL)

    hours = proposed_hours(cp, ci, op, oj, facts.free_hours)
    cap = cp.weekly_hours[ci]
    comp[..., 2] = np.where(cap > 0, np.clip(hours / np.where(cap > 0, cap, 1.0), 0, 1), 0.0)

    limit = cp.travel_km[ci]
    comp[..., 3] = np.where(limit > 0,
                            np.clip(1 - facts.distance_km / np.where(limit > 0, limit, 1.0), 0, 1),
                            1.0)
    comp[..., 4] = op.buddy[oj]
    comp[..., 5] = op.conversion[oj]
    comp[..., 6] = op.small_company[oj]
    comp[..., 7] = np.minimum(cp.waiting_days[ci] / WAITING_FULL_DAYS, 1.0)

    if weight_rows is None:
        weight_rows = candidate_weight_rows(cp, weights)
    w = weight_rows[ci]
    points = 100.0 * (comp * w).sum(axis=-1)
    return PairScores(components=comp, points=points, proposed_hours=hours)


def candidate_weight_rows(cp: CandidatePool, weights: Weights) -> F64:
    """(candidates × components) normalised weights of each candidate's profile."""
    return np.asarray(weights.matrix()[weights.profile_indices(cp.readiness)], dtype=np.float64)
