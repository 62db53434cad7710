# SPDX-License-Identifier: MPL-2.0
"""The greedy baseline: best-scoring pair first, as a person with a spreadsheet would.

Used to show what the exact assignment gains (benchmarks, docs/performance.md) and as a
lower bound in tests: the optimum can never be below it.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from smaajob.matching.candidates import PairSet

I64 = npt.NDArray[np.int64]


def greedy_assignment(pairs: PairSet, capacity: I64) -> I64:
    """Indices into ``pairs`` chosen greedily: highest score first, ties by row order.

    Each citizen gets at most one task; a task takes at most ``capacity[opening]``.
    """
    order = greedy_order(pairs)
    left = capacity.astype(np.int64).tolist()
    taken = [False] * pairs.n_candidates
    cand, opening, score = pairs.cand.tolist(), pairs.opening.tolist(), pairs.score.tolist()
    chosen: list[int] = []
    for p in order.tolist():
        c, o = cand[p], opening[p]
        if score[p] > 0 and not taken[c] and left[o] > 0:
            taken[c] = True
            left[o] -= 1
            chosen.append(p)
    return np.array(chosen, dtype=np.int64)


def greedy_order(pairs: PairSet) -> I64:
    """Pairs by score descending, then citizen, then task (``np.lexsort`` of the three).

    One int64 key sorts about twice as fast as a three-key lexsort; used when it fits.
    """
    if len(pairs) == 0:
        return np.zeros(0, dtype=np.int64)
    n_c, n_o = max(pairs.n_candidates, 1), max(pairs.n_openings, 1)
    top = int(np.abs(pairs.score).max()) + 1
    if 2 * top * n_c * n_o < 2**62:
        key = (-pairs.score) * (n_c * n_o) + pairs.cand * n_o + pairs.opening
        return np.asarray(np.argsort(key, kind="stable"), dtype=np.int64)
    return np.asarray(np.lexsort((pairs.opening, pairs.cand, -pairs.score)), dtype=np.int64)
