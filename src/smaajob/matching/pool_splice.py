# SPDX-License-Identifier: MPL-2.0
"""A kept opening pool brought up to date by splicing arrays, not by encoding every row again.

When a few openings change, a page that keeps its :class:`OpeningPool` (issue 22: "Find
jobåbninger") needs the pool without the changed rows and with their new versions. Encoding all
50,000 rows again took seconds; :func:`splice_opening_pool` encodes only the new rows and copies
the kept rows' arrays as they are.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from smaajob.matching.errors import InvalidMatchingInput
from smaajob.matching.model import Opening
from smaajob.matching.pools import OpeningPool
from smaajob.matching.tags import align

# Bitsets whose width grows with a vocabulary: padded with zero words when spliced.
_TAG_COLUMNS = ("accommodations", "certificates", "tasks")


def splice_opening_pool(pool: OpeningPool, keep: npt.NDArray[np.bool_], added: Sequence[Opening],
                        order: Callable[[str], int] | None = None) -> OpeningPool:
    """``pool``'s rows where ``keep`` is true followed by ``added``, encoded; sorted by
    ``order(id)`` when given (the order a fresh build of the same openings would have).

    ``pool`` itself never changes (it may be shared): its vocabularies are copied, and new tags
    go only to the copy, after the tags it had, so the kept rows' bits mean what they meant. A
    tag that only removed rows had keeps its bit, unused; the answers are those of a pool built
    afresh from the same openings (tested).
    """
    if keep.shape != (len(pool),):
        raise InvalidMatchingInput(f"keep skal have én værdi pr. opgave ({len(pool)}), ikke "
                                   f"{keep.shape}.", field="keep")
    fresh = OpeningPool.from_openings(added, pool.vocab.copy())
    rows = np.flatnonzero(keep)
    ids = tuple(pool.ids[i] for i in rows) + fresh.ids
    permutation = None
    if order is not None:
        permutation = np.argsort(np.array([order(i) for i in ids], dtype=np.int64), kind="stable")
        ids = tuple(ids[i] for i in permutation)
    columns: dict[str, object] = {"ids": ids, "vocab": fresh.vocab}
    for field in dataclasses.fields(OpeningPool):
        name = field.name
        if name in columns:
            continue
        old, new = getattr(pool, name), getattr(fresh, name)
        if isinstance(old, tuple):
            joined: object = tuple(old[i] for i in rows) + new
            if permutation is not None:
                joined = tuple(joined[i] for i in permutation)  # type: ignore[index]
        else:
            kept = old[rows]
            if name in _TAG_COLUMNS:
                kept, new = align(kept, new)
            array = np.concatenate([kept, new])
            joined = array[permutation] if permutation is not None else array
        columns[name] = joined
    return OpeningPool(**columns)  # type: ignore[arg-type]
