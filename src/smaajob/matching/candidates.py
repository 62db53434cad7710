# SPDX-License-Identifier: MPL-2.0
"""Candidate generation: every feasible (citizen, task) pair of two pools, scored.

The full citizens × tasks matrix of a country (100 000 × 50 000) does not fit in memory,
and almost all of it is infeasible anyway: nobody travels across the country for four
hours a week. So places are bucketed on a flat grid (cells about half a typical travel
limit wide); for each cell of citizens only the tasks in cells within reach are looked at,
as one small block. In a block the cheap checks (hours, Danish, a generous distance bound,
restrictions) run broadcast over the block; the survivors then go through the exact
checks of :func:`smaajob.matching.constraints.check_pairs`, so generation can never accept
a pair the single-case check would reject, and the distance bound only ever lets more
pairs through to the exact check.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from smaajob.matching.constraints import check_pairs
from smaajob.matching.filters import MatchFilters
from smaajob.matching.geo import grid_xy_km
from smaajob.matching.pools import CandidatePool, OpeningPool
from smaajob.matching.scoring import SCORE_SCALE, candidate_weight_rows, score_pairs
from smaajob.matching.tags import align
from smaajob.matching.weights import Weights, default_weights

I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]

# The flat grid shrinks east–west distances by at most a few per cent over Denmark; the
# bound below is widened so the grid never drops a pair that haversine would accept.
DISTANCE_SLACK = 1.05
DISTANCE_SLACK_KM = 0.5
BLOCK_PAIRS = 4_000_000  # split very dense cells so one block stays a few tens of MB


@dataclass(frozen=True, eq=False)
class PairSet:
    """Feasible pairs: row indices into the two pools and integer scores.

    ``score`` is in hundredths of a point (see :data:`smaajob.matching.scoring.SCORE_SCALE`)
    and already includes any waiting-time bonus asked for.
    """

    cand: I64
    opening: I64
    score: I64
    n_candidates: int
    n_openings: int

    def __len__(self) -> int:
        return len(self.cand)

    @property
    def points(self) -> F64:
        return np.asarray(self.score / SCORE_SCALE, dtype=np.float64)


def feasible_pairs(
    cp: CandidatePool,
    op: OpeningPool,
    *,
    weights: Weights | None = None,
    filters: MatchFilters | None = None,
    waiting_bonus: float = 0.0,
    cell_km: float | None = None,
) -> PairSet:
    """All feasible pairs of ``cp`` × ``op`` with their scores, without the full matrix.

    ``waiting_bonus`` adds up to that many points to a pair, in proportion to how long
    the citizen has waited (a full year gives the whole bonus): an assignment then favours
    those who have waited longest when the fit is otherwise similar.
    """
    weights = weights or default_weights()
    open_ok = (filters or MatchFilters()).opening_mask(op) & (op.free_places > 0)
    open_rows = np.flatnonzero(open_ok)
    cand_rows = np.flatnonzero(cp.weekly_hours > 0)
    empty = PairSet(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64),
                    len(cp), len(op))
    if len(open_rows) == 0 or len(cand_rows) == 0:
        return empty

    ref_lat = float(max(np.abs(cp.lat[cand_rows]).max(), np.abs(op.lat[open_rows]).max()))
    cx, cy = grid_xy_km(cp.lat, cp.lon, ref_lat)
    ox, oy = grid_xy_km(op.lat, op.lon, ref_lat)
    reach = cp.travel_km * DISTANCE_SLACK + DISTANCE_SLACK_KM
    cell = cell_km or max(2.0, float(np.median(reach[cand_rows])) / 2)

    x0 = min(cx[cand_rows].min(), ox[open_rows].min())
    y0 = min(cy[cand_rows].min(), oy[open_rows].min())
    ny = int((max(cy[cand_rows].max(), oy[open_rows].max()) - y0) // cell) + 3
    ocx = ((ox[open_rows] - x0) // cell).astype(np.int64) + 1
    ocy = ((oy[open_rows] - y0) // cell).astype(np.int64) + 1
    okey = ocx * ny + ocy
    order = np.argsort(okey, kind="stable")
    open_sorted, okey_sorted = open_rows[order], okey[order]

    ccx = ((cx[cand_rows] - x0) // cell).astype(np.int64) + 1
    ccy = ((cy[cand_rows] - y0) // cell).astype(np.int64) + 1
    ckey = ccx * ny + ccy
    corder = np.argsort(ckey, kind="stable")
    cand_sorted, ckey_sorted = cand_rows[corder], ckey[corder]
    starts = np.flatnonzero(np.r_[True, ckey_sorted[1:] != ckey_sorted[:-1]])
    ends = np.r_[starts[1:], len(ckey_sorted)]

    # Computed once for the whole run rather than once per block.
    weight_rows = candidate_weight_rows(cp, weights)
    restr, accom = align(cp.restrictions, op.accommodations)
    any_restrictions = bool(restr.any())
    single_word = restr.shape[1] == 1

    out_c: list[I64] = []
    out_o: list[I64] = []
    out_s: list[I64] = []
    for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
        ca = cand_sorted[s:e]
        kx, ky = divmod(int(ckey_sorted[s]), ny)
        r = math.ceil(float(reach[ca].max()) / cell)
        pieces = []
        for dx in range(-r, r + 1):
            lo = np.searchsorted(okey_sorted, (kx + dx) * ny + max(ky - r, 0), "left")
            hi = np.searchsorted(okey_sorted, (kx + dx) * ny + min(ky + r, ny - 1), "right")
            if hi > lo:
                pieces.append(open_sorted[lo:hi])
        if not pieces:
            continue
        ob_all = np.concatenate(pieces)
        step = max(1, BLOCK_PAIRS // max(len(ca), 1))
        for b0 in range(0, len(ob_all), step):
            ob = ob_all[b0:b0 + step]
            ok = cp.weekly_hours[ca][:, None] >= op.hours_min[ob][None, :]
            ok &= cp.danish[ca][:, None] >= op.danish[ob][None, :]
            ddx = cx[ca][:, None] - ox[ob][None, :]
            ddy = cy[ca][:, None] - oy[ob][None, :]
            ok &= ddx * ddx + ddy * ddy <= (reach[ca] ** 2)[:, None]
            if any_restrictions and single_word:
                ok &= (restr[ca, 0][:, None] & ~accom[ob, 0][None, :]) == 0
            ii, jj = np.nonzero(ok)
            if len(ii) == 0:
                continue
            ci, oj = ca[ii], ob[jj]
            facts = check_pairs(cp, ci, op, oj)
            keep = facts.feasible
            if not keep.any():
                continue
            ci, oj = ci[keep], oj[keep]
            scores = score_pairs(cp, ci, op, oj, facts.take(keep), weights, weight_rows)
            points = scores.points
            if waiting_bonus:
                points = points + waiting_bonus * np.minimum(cp.waiting_days[ci] / 365.0, 1.0)
            out_c.append(ci)
            out_o.append(oj)
            out_s.append(np.asarray(np.rint(points * SCORE_SCALE), dtype=np.int64))
    if not out_c:
        return empty
    return PairSet(np.concatenate(out_c), np.concatenate(out_o), np.concatenate(out_s),
                   len(cp), len(op))
