# SPDX-License-Identifier: MPL-2.0
"""Independent exact solvers for the assignment, to prove the production one optimal.

The production path (:mod:`smaajob.matching.assignment`) uses OR-Tools' min-cost flow.
Here the same problem is solved two other ways, sharing none of that code:

* :func:`solve_sparse_matching` — SciPy's ``min_weight_full_bipartite_matching`` (LAPJVsp)
  on an expanded graph: one column per free place of a task, plus one private "nobody"
  column per citizen, so every citizen is matched and "nobody" costs as much as the worst
  real pair could gain;
* :func:`solve_milp` — the integer program solved by HiGHS via ``scipy.optimize.milp``
  (small cases only).

Both return indices into the :class:`PairSet`; tests and the benchmark compare objectives.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from smaajob.matching.candidates import PairSet

I64 = npt.NDArray[np.int64]


def solve_sparse_matching(pairs: PairSet, capacity: I64) -> I64:
    """Optimal pair indices via SciPy's sparse full bipartite matching."""
    if len(pairs) == 0:
        return np.zeros(0, dtype=np.int64)
    cands, row = np.unique(pairs.cand, return_inverse=True)
    opens, o_idx = np.unique(pairs.opening, return_inverse=True)
    degree = np.bincount(o_idx, minlength=len(opens))
    cap = np.minimum(capacity[opens], degree)
    first_col = np.concatenate([[0], np.cumsum(cap)[:-1]])
    n_real = int(cap.sum())
    # One edge per pair and free place of its task.
    reps = cap[o_idx]
    pair_of_edge = np.repeat(np.arange(len(pairs)), reps)
    offset = np.arange(len(pair_of_edge)) - np.repeat(np.cumsum(reps) - reps, reps)
    cols = first_col[o_idx][pair_of_edge] + offset
    big = int(pairs.score.max()) + 1
    # Weights stay strictly positive: SciPy reads a zero as "no edge".
    weights = big - pairs.score[pair_of_edge] + 1
    nc = len(cands)
    all_rows = np.concatenate([row[pair_of_edge], np.arange(nc)])
    all_cols = np.concatenate([cols, n_real + np.arange(nc)])
    all_w = np.concatenate([weights, np.full(nc, big + 1)]).astype(np.float64)
    graph = sparse.csr_array((all_w, (all_rows, all_cols)), shape=(nc, n_real + nc))
    _, matched_col = min_weight_full_bipartite_matching(graph)
    real = matched_col < n_real
    # Map (row, matched column) back to the pair: the task whose column block holds it.
    task_of_col = np.repeat(np.arange(len(opens)), cap)
    chosen_task = task_of_col[matched_col[real]]
    keys = row.astype(np.int64) * len(opens) + o_idx
    order = np.argsort(keys)
    wanted = np.flatnonzero(real).astype(np.int64) * len(opens) + chosen_task
    picked = order[np.searchsorted(keys[order], wanted)]
    return np.asarray(np.sort(picked), dtype=np.int64)


def solve_milp(pairs: PairSet, capacity: I64) -> I64:
    """Optimal pair indices via HiGHS (``scipy.optimize.milp``); for small cases."""
    n = len(pairs)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    cands, row = np.unique(pairs.cand, return_inverse=True)
    opens, o_idx = np.unique(pairs.opening, return_inverse=True)
    per_cand = sparse.csr_array((np.ones(n), (row, np.arange(n))), shape=(len(cands), n))
    per_open = sparse.csr_array((np.ones(n), (o_idx, np.arange(n))), shape=(len(opens), n))
    constraints = [
        LinearConstraint(per_cand, -np.inf, np.ones(len(cands))),
        LinearConstraint(per_open, -np.inf, capacity[opens].astype(np.float64)),
    ]
    result = milp(c=-pairs.score.astype(np.float64), constraints=constraints,
                  integrality=np.ones(n), bounds=Bounds(0, 1))
    if not result.success:
        raise RuntimeError(f"HiGHS failed: {result.message}")
    return np.flatnonzero(np.asarray(result.x) > 0.5).astype(np.int64)
