# SPDX-License-Identifier: MPL-2.0
"""Candidate generation's shortcuts give exactly the answers of the plain checks."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from smaajob.matching import Candidate, Opening, build_pools, feasible_pairs, week_mask
from smaajob.matching.constraints import check_pairs
from smaajob.matching.parallel import balanced_chunks, map_in_order
from smaajob.matching.scoring import SCORE_SCALE, score_pairs
from smaajob.matching.weights import default_weights
from smaajob.matching.wordtests import (
    DANISH_LEVELS,
    HOUR_LEVELS,
    lowest_in_field,
    time_words,
    word_survivors,
    word_survivors_dense,
)

TAGS = ("pauser", "ingen tunge løft", "stille miljø", "kort arbejdsdag")
CERTS = ("truck", "hygiejne", "kørekort")
FACTS = ("restrictions", "health", "competences", "language")


def _thermometers(rng: np.random.Generator, n: int) -> npt.NDArray[np.uint64]:
    hours = (np.uint64(1) << rng.integers(0, HOUR_LEVELS + 1, n).astype(np.uint64)) - np.uint64(1)
    danish = (np.uint64(1) << rng.integers(0, DANISH_LEVELS + 1, n).astype(np.uint64)) - np.uint64(1)
    return np.asarray(hours | (danish << np.uint64(HOUR_LEVELS)), dtype=np.uint64)


def test_the_bit_sliced_block_test_keeps_exactly_the_pairs_the_broadcast_test_keeps() -> None:
    rng = np.random.default_rng(7)
    for k, m in ((1, 1), (37, 1), (5, 64), (130, 200), (300, 1000)):
        flags = rng.integers(0, 1 << 16, size=(k,)).astype(np.uint64) << np.uint64(32)
        has = _thermometers(rng, k) | flags
        needs = _thermometers(rng, m) | (
            rng.integers(0, 1 << 16, size=(m,)).astype(np.uint64) << np.uint64(32)
            & rng.integers(0, 1 << 16, size=(m,)).astype(np.uint64) << np.uint64(32))
        c_time = rng.integers(0, 1 << 42, size=k, dtype=np.uint64) & rng.integers(
            0, 1 << 42, size=k, dtype=np.uint64)
        o_time = rng.integers(0, 1 << 42, size=m, dtype=np.uint64) & rng.integers(
            0, 1 << 42, size=m, dtype=np.uint64) & rng.integers(0, 1 << 42, size=m, dtype=np.uint64)
        lacks = ~has
        low = lowest_in_field(lowest_in_field(lacks, 0, HOUR_LEVELS), HOUR_LEVELS, DANISH_LEVELS)
        ii, jj = word_survivors((low, c_time), (needs, o_time))
        ri, rj = word_survivors_dense((lacks, c_time), (needs, o_time))
        assert np.array_equal(ii, ri) and np.array_equal(jj, rj)


def _population(seed: int, n: int, m: int) -> tuple[list[Candidate], list[Opening]]:
    rng = np.random.default_rng(seed)

    def week(free_time: bool) -> int:
        days = rng.choice(7, size=int(rng.integers(1, 4)), replace=False)
        slots = []
        for d in days.tolist():
            start = int(rng.integers(12, 30))  # half hours: 06:00 .. 14:30
            end = start + int(rng.integers(3, 16))
            slots.append((d, f"{start // 2:02d}:{30 * (start % 2):02d}",
                          f"{end // 2:02d}:{30 * (end % 2):02d}"))
        return week_mask(slots, free_time=free_time)

    def tags(names: tuple[str, ...], p: float) -> frozenset[str]:
        return frozenset(t for t in names if rng.random() < p)

    cands = [Candidate(
        id=f"c{i}", weekly_hours=float(rng.choice([0, 1.5, 2, 3.5, 4, 6, 8, 12.5, 20])),
        lat=55.64 + rng.normal(0, 0.04), lon=12.08 + rng.normal(0, 0.07),
        travel_limit_km=float(rng.choice([2.5, 5, 8, 15])), available=week(True),
        commitments=week(False) if rng.random() < 0.3 else 0,
        danish_level=int(rng.integers(0, 4)), restrictions=tags(TAGS, 0.25),
        certificates=tags(CERTS, 0.4), consents=tags(FACTS, 0.7),
        waiting_days=int(rng.integers(0, 800)),
        readiness=str(rng.choice(["aktivitetsparat", "jobparat"])),
    ) for i in range(n)]
    opens = []
    for j in range(m):
        slots = week(False)
        window = slots.bit_count() / 2
        hmin = min(float(rng.choice([1, 2, 2.5, 4, 6, 7.5])), window)
        opens.append(Opening(
            id=f"o{j}", company_id=f"v{j % 40}", hours_min=hmin, hours_max=hmin + 2,
            lat=55.64 + rng.normal(0, 0.04), lon=12.08 + rng.normal(0, 0.07), slots=slots,
            danish_level=int(rng.integers(0, 4)), accommodations=tags(TAGS, 0.6),
            required_certificates=tags(CERTS, 0.2), capacity=int(rng.integers(0, 3)),
            required_disclosures=tags(FACTS, 0.15),
        ))
    return cands, opens


def test_generation_on_a_town_sized_population_equals_checking_every_pair() -> None:
    cands, opens = _population(3, 400, 250)
    cp, op = build_pools(cands, opens)
    ci, oj = (a.ravel() for a in np.meshgrid(np.arange(len(cp)), np.arange(len(op)), indexing="ij"))
    facts = check_pairs(cp, ci, op, oj)
    ok = facts.feasible
    points = score_pairs(cp, ci[ok], op, oj[ok], facts.take(ok), default_weights()).points
    expected = dict(zip(zip(ci[ok].tolist(), oj[ok].tolist(), strict=True),
                        np.rint(points * SCORE_SCALE).astype(np.int64).tolist(), strict=True))
    assert len(expected) > 200  # the population is dense enough to test something
    for cell_km in (None, 1.0, 3.0):
        pairs = feasible_pairs(cp, op, cell_km=cell_km)
        found = dict(zip(zip(pairs.cand.tolist(), pairs.opening.tolist(), strict=True),
                         pairs.score.tolist(), strict=True))
        assert len(found) == len(pairs)
        assert found == expected


def test_time_words_from_bytes_equal_the_half_hour_by_half_hour_ones() -> None:
    rng = np.random.default_rng(11)
    free = rng.integers(0, 2**63, size=(500, 6), dtype=np.uint64) & rng.integers(
        0, 2**63, size=(500, 6), dtype=np.uint64) & rng.integers(0, 2**63, size=(500, 6),
                                                                 dtype=np.uint64)
    free[:, 5] &= np.uint64((1 << 16) - 1)  # 336 half hours: the last word has 16
    free[:3] = 0
    for offset in (0, 4):
        assert np.array_equal(time_words(free, offset), _slow_time_words(free, offset))


def _slow_time_words(free: np.ndarray, offset: int) -> np.ndarray:
    """The general path of ``time_words``: every half hour unpacked, blocks of eight."""
    bits = np.unpackbits(free.view(np.uint8), axis=1, bitorder="little")[:, :7 * 48]
    n_blocks = -(-(7 * 48 + offset) // 8)
    padded = np.zeros((len(free), n_blocks * 8), dtype=np.uint8)
    padded[:, offset:offset + 7 * 48] = bits
    blocks = padded.reshape(len(free), n_blocks, 8).any(axis=2)
    packed = np.zeros((len(free), 64), dtype=np.uint8)
    packed[:, :n_blocks] = blocks
    return np.packbits(packed, axis=1, bitorder="little").view(np.uint64).reshape(-1)


def test_generation_on_several_threads_gives_the_same_pairs_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from smaajob.matching import candidates as gen

    cands, opens = _population(5, 400, 250)
    cp, op = build_pools(cands, opens)
    monkeypatch.setattr(gen, "PARALLEL_MIN_CANDIDATES", 10**9)
    serial = feasible_pairs(cp, op, cell_km=1.0)
    monkeypatch.setattr(gen, "PARALLEL_MIN_CANDIDATES", 1)
    monkeypatch.setattr(gen, "thread_count", lambda: 3)
    threaded = feasible_pairs(cp, op, cell_km=1.0)
    assert len(serial) > 200
    for a, b in ((serial.cand, threaded.cand), (serial.opening, threaded.opening),
                 (serial.score, threaded.score)):
        assert np.array_equal(a, b)


def test_blocks_are_cut_into_consecutive_runs_of_about_equal_work() -> None:
    items = list(range(10))
    chunks = balanced_chunks(items, [1, 1, 1, 1, 1, 1, 1, 1, 1, 100], 4)
    assert [x for chunk in chunks for x in chunk] == items
    assert chunks[-1] == [9] and len(chunks) <= 4
    assert balanced_chunks(items, [1] * 10, 1) == [items]
    assert balanced_chunks([], [], 4) == []
    assert map_in_order(lambda x: x * x, items, threads=3) == [x * x for x in items]
