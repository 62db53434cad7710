# SPDX-License-Identifier: MPL-2.0
"""Candidate generation: every feasible (citizen, task) pair of two pools, scored.

The full citizens × tasks matrix of a country (100 000 × 50 000) does not fit in memory,
and almost all of it is infeasible anyway: nobody travels across the country for four
hours a week. So places are bucketed on a flat grid (cells about half a typical travel
limit wide); for each cell of citizens only the tasks in cells within reach are looked at,
as one block. In a block, one-word tests (:mod:`smaajob.matching.wordtests`) and a
distance bound discard most pairs; they are relaxations (coarser than the real checks,
never stricter). The survivors go through the exact checks
(:func:`smaajob.matching.constraints.keep_feasible`), so
generation can never accept a pair the single-case check would reject.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from smaajob.matching.constraints import keep_feasible
from smaajob.matching.filters import MatchFilters
from smaajob.matching.geo import grid_xy_km
from smaajob.matching.model import FACT_BIT, Fact
from smaajob.matching.parallel import balanced_chunks, map_in_order, thread_count
from smaajob.matching.pools import CandidatePool, OpeningPool
from smaajob.matching.scoring import SCORE_SCALE, candidate_weight_rows, score_pairs
from smaajob.matching.weights import Weights, default_weights
from smaajob.matching.wordtests import (
    DANISH_LEVELS,
    HOUR_LEVELS,
    TIME_BLOCK_HALF_HOURS,
    lowest_in_field,
    requirement_words,
    time_words,
    word_survivors,
)

I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]

# The flat grid shrinks east–west distances by at most a few per cent over Denmark; the
# bound below is widened so the grid never drops a pair that haversine would accept.
DISTANCE_SLACK = 1.05
DISTANCE_SLACK_KM = 0.5
BLOCK_PAIRS = 4_000_000  # split very dense cells so one block stays a few tens of MB
EXACT_BATCH = 500_000  # pairs collected before one vectorised exact check
PARALLEL_MIN_CANDIDATES = 2_000  # fewer citizens: generation on one thread


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
    # Cells about as wide as a typical reach: smaller cells check fewer far-away tasks but
    # cost more Python-level blocks; measured best around the median reach.
    cell = cell_km or max(2.0, float(np.median(reach[cand_rows])))

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
    # Citizens are grouped by cell *and* by how many cells they can reach, so a citizen
    # who travels 3 km is not checked against every task a 25 km traveller could reach.
    c_radius = np.ceil(reach[cand_rows] / cell).astype(np.int64)
    ckey = (ccx * ny + ccy) * (int(c_radius.max()) + 1) + c_radius
    corder = np.argsort(ckey, kind="stable")
    cand_sorted, ckey_sorted = cand_rows[corder], ckey[corder]
    starts = np.flatnonzero(np.r_[True, ckey_sorted[1:] != ckey_sorted[:-1]])
    ends = np.r_[starts[1:], len(ckey_sorted)]

    # Computed once for the whole run rather than once per block.
    weight_rows = candidate_weight_rows(cp, weights)
    lacks, needs = requirement_words(cp, op)
    lacks_low = lowest_in_field(lowest_in_field(lacks, 0, HOUR_LEVELS), HOUR_LEVELS,
                                 DANISH_LEVELS)
    # A citizen with skånehensyn but no consent to disclose them can take no task at all.
    alive = ~(cp.has_restrictions & ((cp.consents & FACT_BIT[Fact.RESTRICTIONS]) == 0))
    c_time, o_time = time_words(cp.free), time_words(op.slots)
    half = TIME_BLOCK_HALF_HOURS // 2
    c_time2, o_time2 = time_words(cp.free, half), time_words(op.slots, half)
    cxf, cyf = cx.astype(np.float32), cy.astype(np.float32)
    oxf, oyf = ox.astype(np.float32), oy.astype(np.float32)
    reach2 = (reach.astype(np.float32) + np.float32(cell * 0.01)) ** 2
    # Half-width of the box around each citizen that holds their circle, with room for
    # the float32 rounding of the circle test.
    box_km = np.sqrt(reach2.astype(np.float64)) * 1.001 + 0.01

    # Touch the pools' cached columns once here, not racing in the worker threads.
    _ = (cp.free_by_word, cp.lat_rad, cp.cos_lat, op.slots_by_word, op.lat_rad, op.cos_lat,
         op.conversion, op.small_company)

    def exact(ci: I64, oj: I64) -> tuple[I64, I64, I64]:
        """Exact checks and integer scores for pairs that passed the block tests."""
        ci, oj, facts = keep_feasible(cp, ci, op, oj)
        points = score_pairs(cp, ci, op, oj, facts, weights, weight_rows).points
        if waiting_bonus:
            points = points + waiting_bonus * np.minimum(cp.waiting_days[ci] / 365.0, 1.0)
        return ci, oj, np.asarray(np.rint(points * SCORE_SCALE), dtype=np.int64)

    def run(blocks: list[tuple[int, int]]) -> list[tuple[I64, I64, I64]]:
        """The pairs of consecutive blocks, in block order, exact-checked in batches."""
        out: list[tuple[I64, I64, I64]] = []
        pending_c: list[I64] = []
        pending_o: list[I64] = []
        pending = 0
        for s, e in blocks:
            ca_all = cand_sorted[s:e]
            cell_key, r = divmod(int(ckey_sorted[s]), r_span)
            kx, ky = divmod(cell_key, ny)
            pieces = []
            for dx in range(-r, r + 1):
                lo = np.searchsorted(okey_sorted, (kx + dx) * ny + max(ky - r, 0), "left")
                hi = np.searchsorted(okey_sorted, (kx + dx) * ny + min(ky + r, ny - 1), "right")
                if hi > lo:
                    pieces.append(open_sorted[lo:hi])
            if not pieces:
                continue
            ob_all = np.concatenate(pieces)
            # The block is cut into the same column chunks as before citizens who can match
            # nothing were dropped, so pairs come out in the same order.
            step = max(1, BLOCK_PAIRS // max(len(ca_all), 1))
            ca = ca_all[alive[ca_all]]
            if len(ca) == 0:
                continue
            c_words = (lacks_low[ca], c_time[ca], c_time2[ca])
            c_x, c_y, c_box = cx[ca], cy[ca], box_km[ca]
            for b0 in range(0, len(ob_all), step):
                ob = ob_all[b0:b0 + step]
                ii, jj = word_survivors(c_words, (needs[ob], o_time[ob], o_time2[ob]),
                                         (c_x, c_y, c_box, ox[ob], oy[ob]))
                if len(ii):
                    ci, oj = ca[ii], ob[jj]
                    ddx, ddy = cxf[ci] - oxf[oj], cyf[ci] - oyf[oj]
                    keep = ddx * ddx + ddy * ddy <= reach2[ci]
                    pending_c.append(ci[keep])
                    pending_o.append(oj[keep])
                    pending += int(keep.sum())
                if pending >= EXACT_BATCH:
                    out.append(exact(np.concatenate(pending_c), np.concatenate(pending_o)))
                    pending_c.clear()
                    pending_o.clear()
                    pending = 0
        if pending_c:
            out.append(exact(np.concatenate(pending_c), np.concatenate(pending_o)))
        return out

    r_span = int(c_radius.max()) + 1
    blocks = list(zip(starts.tolist(), ends.tolist(), strict=True))
    # Consecutive runs of blocks on every core; in order, so the same pairs in the same
    # order as one thread. Small pools stay on one thread (starting threads costs more).
    threads = thread_count() if len(cand_rows) >= PARALLEL_MIN_CANDIDATES else 1
    chunks = balanced_chunks(blocks, [e - s for s, e in blocks], 4 * threads)
    parts = [part for chunk in map_in_order(run, chunks, threads) for part in chunk]
    if not parts:
        return empty
    return PairSet(np.concatenate([c for c, _, _ in parts]),
                   np.concatenate([o for _, o, _ in parts]),
                   np.concatenate([s for _, _, s in parts]), len(cp), len(op))
