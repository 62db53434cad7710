# SPDX-License-Identifier: MPL-2.0
"""Synthetic populations for the matching benchmark, shaped like Danish municipalities.

Fixed seeds; coordinates scattered around real Danish towns; hours, availability,
restrictions and requirements drawn so a citizen in a municipality has about 50 feasible
tasks. Arrays go straight into :class:`CandidatePool` / :class:`OpeningPool` (building
100 000 dataclasses would measure Python object creation, not matching).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from smaajob.matching.model import FACT_BIT, Fact
from smaajob.matching.pools import CandidatePool, OpeningPool, Vocabularies
from smaajob.matching.slots import BITS, HALF_HOURS_PER_DAY

# (town, lat, lon, relative size) — the larger Danish towns.
TOWNS = [
    ("København", 55.676, 12.568, 10), ("Aarhus", 56.157, 10.211, 5), ("Odense", 55.403, 10.402, 3),
    ("Aalborg", 57.048, 9.919, 3), ("Esbjerg", 55.476, 8.459, 2), ("Randers", 56.460, 10.036, 1.5),
    ("Kolding", 55.490, 9.472, 1.5), ("Horsens", 55.861, 9.850, 1.5), ("Vejle", 55.709, 9.536, 1.5),
    ("Roskilde", 55.642, 12.080, 1.5), ("Herning", 56.139, 8.974, 1.3), ("Silkeborg", 56.170, 9.545, 1.3),
    ("Næstved", 55.230, 11.760, 1.2), ("Fredericia", 55.566, 9.752, 1), ("Viborg", 56.451, 9.402, 1),
    ("Køge", 55.458, 12.182, 1), ("Holstebro", 56.360, 8.616, 0.9), ("Slagelse", 55.402, 11.355, 0.9),
    ("Hillerød", 55.927, 12.311, 0.9), ("Sønderborg", 54.909, 9.792, 0.8), ("Svendborg", 55.060, 10.607, 0.7),
    ("Hjørring", 57.464, 9.982, 0.7), ("Holbæk", 55.717, 11.713, 0.8), ("Frederikshavn", 57.441, 10.537, 0.6),
    ("Nykøbing F", 54.769, 11.874, 0.6), ("Aabenraa", 55.044, 9.418, 0.6), ("Ringsted", 55.443, 11.790, 0.6),
    ("Skive", 56.567, 9.027, 0.5), ("Thisted", 56.957, 8.694, 0.5), ("Rønne", 55.100, 14.706, 0.4),
]
RESTRICTIONS = [f"hensyn-{i}" for i in range(8)]
CERTIFICATES = [f"certifikat-{i}" for i in range(6)]
SECTORS = [f"branche-{i}" for i in range(10)]
TASKS = [f"opgave-{i}" for i in range(20)]

U64 = npt.NDArray[np.uint64]


def vocabularies() -> Vocabularies:
    vocab = Vocabularies()
    for tag in RESTRICTIONS:
        vocab.restrictions.add(tag)
    for tag in CERTIFICATES:
        vocab.certificates.add(tag)
    for tag in SECTORS:
        vocab.sectors.add(tag)
    for tag in TASKS:
        vocab.tasks.add(tag)
    return vocab


def _pack(bits: npt.NDArray[np.bool_]) -> U64:
    """(n, k ≤ 64·w) booleans → (n, w) uint64 words, bit i of the row = column i."""
    n, k = bits.shape
    words = -(-k // 64)
    padded = np.zeros((n, words * 64), dtype=np.uint8)
    padded[:, :k] = bits
    return np.packbits(padded, axis=1, bitorder="little").view(np.uint64).reshape(n, words)


def _tag_bits(rng: np.random.Generator, n: int, n_tags: int, p: float) -> U64:
    """Tag sets with each tag present with probability p (bit 0 is reserved)."""
    bits = np.zeros((n, n_tags + 1), dtype=bool)
    bits[:, 1:] = rng.random((n, n_tags)) < p
    return _pack(bits)


def _pick_tags(rng: np.random.Generator, n: int, n_tags: int, counts: list[float]) -> U64:
    """Exactly c tags per row, c drawn with probabilities ``counts`` (index = count)."""
    how_many = rng.choice(len(counts), size=n, p=np.array(counts) / sum(counts))
    scores = rng.random((n, n_tags))
    ranks = scores.argsort(axis=1).argsort(axis=1)
    bits = np.zeros((n, n_tags + 1), dtype=bool)
    bits[:, 1:] = ranks < how_many[:, None]
    return _pack(bits)


def _week(rng: np.random.Generator, n: int, days: tuple[int, int], start: tuple[int, int],
          length: tuple[int, int], *, weekdays_only: bool = True) -> U64:
    grid = np.zeros((n, BITS), dtype=bool)
    n_days = rng.integers(days[0], days[1] + 1, size=n)
    pool = 5 if weekdays_only else 7
    order = rng.random((n, pool)).argsort(axis=1)
    start_h = rng.integers(start[0], start[1] + 1, size=(n, pool))
    len_h = rng.integers(length[0], length[1] + 1, size=(n, pool))
    half = np.arange(HALF_HOURS_PER_DAY)
    for slot in range(pool):
        use = slot < n_days
        day = order[:, slot]
        lo, hi = 2 * start_h[:, slot], 2 * np.minimum(start_h[:, slot] + len_h[:, slot], 24)
        inside = (half[None, :] >= lo[:, None]) & (half[None, :] < hi[:, None]) & use[:, None]
        for d in range(pool):
            rows = day == d
            grid[rows, d * HALF_HOURS_PER_DAY:(d + 1) * HALF_HOURS_PER_DAY] |= inside[rows]
    return _pack(grid)


def _places(rng: np.random.Generator, n: int, towns: list[tuple[str, float, float, float]],
            spread_km: float) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    weights = np.array([t[3] for t in towns])
    town = rng.choice(len(towns), size=n, p=weights / weights.sum())
    lat = np.array([t[1] for t in towns])[town] + rng.normal(0, spread_km / 111.2, n)
    lon = np.array([t[2] for t in towns])[town] + rng.normal(0, spread_km / 62.0, n)
    return lat, lon


def candidates(n: int, vocab: Vocabularies, *, seed: int, towns: list[tuple[str, float, float,
               float]], spread_km: float) -> CandidatePool:
    rng = np.random.default_rng(seed)
    lat, lon = _places(rng, n, towns, spread_km)
    free = _week(rng, n, days=(2, 3), start=(7, 12), length=(3, 5))
    school = _week(rng, n, days=(2, 2), start=(8, 8), length=(4, 4))
    has_school = rng.random(n) < 0.3
    free = np.where(has_school[:, None], free & ~school, free)
    consents = np.zeros(n, dtype=np.int64)
    for fact, p in ((Fact.RESTRICTIONS, 0.85), (Fact.COMPETENCES, 0.9), (Fact.HEALTH, 0.5),
                    (Fact.LANGUAGE, 0.9), (Fact.NAME, 1.0)):
        consents |= np.where(rng.random(n) < p, FACT_BIT[fact], 0)
    return CandidatePool(
        ids=tuple(f"b{i}" for i in range(n)),
        weekly_hours=rng.choice([2, 4, 5, 8, 10, 12, 15, 20, 25, 30, 37],
                                p=[.12, .15, .13, .15, .13, .1, .07, .06, .04, .03, .02],
                                size=n).astype(np.float64),
        free=free,
        danish=rng.choice(4, p=[0.15, 0.25, 0.3, 0.3], size=n).astype(np.int64),
        restrictions=_pick_tags(rng, n, len(RESTRICTIONS), [0.4, 0.4, 0.2]),
        certificates=_tag_bits(rng, n, len(CERTIFICATES), 0.15),
        wished_sectors=_pick_tags(rng, n, len(SECTORS), [0.1, 0.5, 0.4]),
        wished_tasks=_pick_tags(rng, n, len(TASKS), [0.1, 0.3, 0.4, 0.2]),
        lat=lat, lon=lon,
        travel_km=rng.choice(np.array([3.0, 5.0, 8.0, 10.0, 15.0]), size=n),
        waiting_days=rng.integers(0, 730, size=n).astype(np.float64),
        consents=consents,
        readiness=tuple(rng.choice(["aktivitetsparat", "jobparat"], p=[0.7, 0.3], size=n)),
        vocab=vocab,
    )


def openings(m: int, vocab: Vocabularies, *, seed: int, towns: list[tuple[str, float, float,
             float]], spread_km: float, max_capacity: int = 1, restrictive: float = 1.0,
             ) -> OpeningPool:
    rng = np.random.default_rng(seed)
    lat, lon = _places(rng, m, towns, spread_km)
    hours_min = rng.choice([2, 3, 4, 6, 8, 10, 12], p=[.15, .15, .2, .2, .15, .1, .05],
                           size=m).astype(np.float64)
    # Task times: 1–3 days, each long enough that the window holds the minimum hours.
    slots = _week(rng, m, days=(1, 3), start=(6, 15), length=(2, 5))
    window = np.bitwise_count(slots).sum(axis=1) / 2
    hours_min = np.minimum(hours_min, window)
    accommodations = _tag_bits(rng, m, len(RESTRICTIONS), 0.15 / restrictive)
    certificates = np.zeros((m, 1), dtype=np.uint64)
    needs_cert = rng.random(m) < 0.5 * restrictive
    cert = rng.integers(1, len(CERTIFICATES) + 1, size=m)
    certificates[needs_cert, 0] = np.uint64(1) << cert[needs_cert].astype(np.uint64)
    placements = rng.integers(0, 20, size=m)
    disclosures = np.where(certificates[:, 0] != 0, FACT_BIT[Fact.COMPETENCES], 0)
    disclosures |= np.where(rng.random(m) < 0.2, FACT_BIT[Fact.HEALTH], 0)
    return OpeningPool(
        ids=tuple(f"j{j}" for j in range(m)),
        company_ids=tuple(f"v{j // 2}" for j in range(m)),
        hours_min=hours_min,
        hours_max=hours_min + rng.choice([0, 2, 4, 8], size=m),
        slots=slots,
        danish=rng.choice(4, p=[0.25, 0.3, 0.25, 0.2], size=m).astype(np.int64),
        accommodations=accommodations,
        certificates=certificates,
        sector=rng.integers(1, len(SECTORS) + 1, size=m).astype(np.int64),
        tasks=_pick_tags(rng, m, len(TASKS), [0, 0.5, 0.5]),
        lat=lat, lon=lon,
        free_places=rng.integers(1, max_capacity + 1, size=m).astype(np.int64),
        kind=rng.integers(0, 3, size=m).astype(np.int64),
        buddy=rng.random(m) < 0.6,
        placements=placements,
        conversions=rng.binomial(placements, 0.4),
        employees=np.round(np.exp(rng.normal(2.8, 1.2, size=m))).clip(1, 5000),
        disclosures=disclosures.astype(np.int64),
        vocab=vocab,
    )
