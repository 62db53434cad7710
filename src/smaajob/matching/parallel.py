# SPDX-License-Identifier: MPL-2.0
"""Running independent pieces of the engine on the machine's cores, results in order.

numpy's large array operations and OR-Tools' solver release the GIL, so threads (no
processes, no copying of the pools) let candidate generation and the assignment use every
core. Results always come back in the order of the inputs, so the output is the same as
a serial run's, whatever the number of threads.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor

MAX_THREADS = 8  # beyond this, the Python-level work between numpy calls dominates


def thread_count() -> int:
    """Threads worth starting: the cores this process may run on, at most MAX_THREADS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_THREADS))


def map_in_order[T, R](fn: Callable[[T], R], items: Sequence[T],
                       threads: int | None = None) -> list[R]:
    """``[fn(x) for x in items]``, on up to ``threads`` threads (default: one per core)."""
    threads = min(threads or thread_count(), len(items))
    if threads <= 1:
        return [fn(x) for x in items]
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="smaajob-matching") as pool:
        return list(pool.map(fn, items))


def balanced_chunks[T](items: Sequence[T], weights: Iterable[int], pieces: int
                       ) -> list[list[T]]:
    """``items`` cut into at most ``pieces`` consecutive runs of about equal total weight.

    Each item goes to the run its weight's midpoint falls in, so a heavy item sits alone
    rather than dragging its neighbours along.
    """
    w = list(weights)
    total = sum(w)
    if pieces <= 1 or total <= 0:
        return [list(items)] if items else []
    chunks: dict[int, list[T]] = {}
    done = 0
    for item, weight in zip(items, w, strict=True):
        index = min(int((done + weight / 2) * pieces / total), pieces - 1)
        chunks.setdefault(index, []).append(item)
        done += weight
    return list(chunks.values())
