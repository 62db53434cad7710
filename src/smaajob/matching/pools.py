# SPDX-License-Identifier: MPL-2.0
"""Columnar populations: many candidates or openings as numpy arrays.

:class:`CandidatePool` and :class:`OpeningPool` hold one array per attribute (one row per
person or task), sharing one :class:`Vocabularies` so tag bitsets line up. Build them from
dataclasses with :func:`build_pools`, or directly from arrays (the benchmarks do) — the
constructor validates shapes and values either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import numpy.typing as npt

from smaajob.errors import InvalidHours
from smaajob.matching import slots as slotbits
from smaajob.matching.errors import InvalidMatchingInput
from smaajob.matching.geo import check_coordinate_arrays
from smaajob.matching.model import FACT_BIT, Candidate, Fact, Opening, OpeningKind
from smaajob.matching.tags import U64Array, Vocabulary, count

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

KINDS: tuple[OpeningKind, ...] = tuple(OpeningKind)
SMALL_COMPANY_EMPLOYEES = 10
LARGE_COMPANY_EMPLOYEES = 250


@dataclass
class Vocabularies:
    """One vocabulary per tag kind, shared by a candidate pool and an opening pool."""

    restrictions: Vocabulary = field(default_factory=Vocabulary)
    certificates: Vocabulary = field(default_factory=Vocabulary)
    sectors: Vocabulary = field(default_factory=Vocabulary)
    tasks: Vocabulary = field(default_factory=Vocabulary)

    def copy(self) -> Vocabularies:
        """Independent vocabularies with the same bit positions (new tags go only to the copy)."""
        return Vocabularies(self.restrictions.copy(), self.certificates.copy(), self.sectors.copy(),
                            self.tasks.copy())


def _check_rows(name: str, arr: npt.NDArray[np.generic], n: int) -> None:
    if arr.shape[0] != n:
        raise InvalidMatchingInput(
            f"{name} har {arr.shape[0]} rækker; alle kolonner skal have {n} (én pr. række).",
            field=name,
        )


def _check_hours(name: str, arr: F64) -> None:
    bad = ~(np.isfinite(arr) & (arr >= 0) & (arr <= 168))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise InvalidHours(
            f"{name}[{i}] = {arr[i]!r}: timer pr. uge skal ligge mellem 0 og 168.", field=name
        )


class _Located:
    """Latitude in radians and its cosine, worked out once per pool (for distances)."""

    lat: F64

    @cached_property
    def lat_rad(self) -> F64:
        return np.asarray(np.radians(self.lat), dtype=np.float64)

    @cached_property
    def cos_lat(self) -> F64:
        """cos of the latitude, for :func:`smaajob.matching.geo.haversine_from_radians_km`."""
        return np.asarray(np.cos(self.lat_rad), dtype=np.float64)


@dataclass(frozen=True, eq=False)
class CandidatePool(_Located):
    ids: tuple[str, ...]
    weekly_hours: F64
    free: U64Array  # (n, slots.WORDS): availability minus commitments
    danish: I64
    restrictions: U64Array
    certificates: U64Array
    wished_sectors: U64Array
    wished_tasks: U64Array
    lat: F64
    lon: F64
    travel_km: F64
    waiting_days: F64
    consents: I64  # bits of model.FACT_BIT
    readiness: tuple[str, ...]  # one per row
    vocab: Vocabularies

    def __post_init__(self) -> None:
        n = len(self.ids)
        for name in ("weekly_hours", "free", "danish", "restrictions", "certificates",
                     "wished_sectors", "wished_tasks", "lat", "lon", "travel_km",
                     "waiting_days", "consents"):
            _check_rows(name, getattr(self, name), n)
        if len(self.readiness) != n:
            raise InvalidMatchingInput("readiness skal have én værdi pr. borger.",
                                       field="readiness")
        _check_hours("weekly_hours", self.weekly_hours)
        check_coordinate_arrays(self.lat, self.lon, field="lat/lon")
        if (self.travel_km < 0).any() or (self.waiting_days < 0).any():
            raise InvalidMatchingInput("travel_km og waiting_days må ikke være negative.")

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def has_restrictions(self) -> Bools:
        return np.asarray(count(self.restrictions) > 0)

    @cached_property
    def free_by_word(self) -> U64Array:
        """``free`` transposed, (slots.WORDS, n): one contiguous row per word of the week."""
        return np.ascontiguousarray(self.free.T)

    @classmethod
    def from_candidates(cls, candidates: Sequence[Candidate], vocab: Vocabularies) -> CandidatePool:
        return cls(
            ids=tuple(c.id for c in candidates),
            weekly_hours=np.array([c.weekly_hours for c in candidates], dtype=np.float64),
            free=slotbits.masks_to_words(c.free_time for c in candidates),
            danish=np.array([int(c.danish_level) for c in candidates], dtype=np.int64),
            restrictions=vocab.restrictions.encode_many(c.restrictions for c in candidates),
            certificates=vocab.certificates.encode_many(c.certificates for c in candidates),
            wished_sectors=vocab.sectors.encode_many(c.wished_sectors for c in candidates),
            wished_tasks=vocab.tasks.encode_many(c.wished_tasks for c in candidates),
            lat=np.array([c.lat for c in candidates], dtype=np.float64),
            lon=np.array([c.lon for c in candidates], dtype=np.float64),
            travel_km=np.array([c.travel_limit_km for c in candidates], dtype=np.float64),
            waiting_days=np.array([c.waiting_days for c in candidates], dtype=np.float64),
            consents=np.array([fact_bits(c.consents) for c in candidates], dtype=np.int64),
            readiness=tuple(c.readiness for c in candidates),
            vocab=vocab,
        )


@dataclass(frozen=True, eq=False)
class OpeningPool(_Located):
    ids: tuple[str, ...]
    company_ids: tuple[str, ...]
    hours_min: F64
    hours_max: F64
    slots: U64Array
    danish: I64
    accommodations: U64Array
    certificates: U64Array  # required
    sector: I64  # index in vocab.sectors; 0 = unknown or none
    tasks: U64Array
    lat: F64
    lon: F64
    free_places: I64
    kind: I64  # index in KINDS
    buddy: Bools
    placements: I64  # the company's finished placements …
    conversions: I64  # … and how many of them became paid hours
    employees: F64  # NaN when unknown
    disclosures: I64  # bits of model.FACT_BIT the task needs disclosed
    vocab: Vocabularies

    def __post_init__(self) -> None:
        m = len(self.ids)
        if len(self.company_ids) != m:
            raise InvalidMatchingInput("company_ids skal have én værdi pr. opgave.",
                                       field="company_ids")
        for name in ("hours_min", "hours_max", "slots", "danish", "accommodations",
                     "certificates", "sector", "tasks", "lat", "lon", "free_places", "kind",
                     "buddy", "placements", "conversions", "employees", "disclosures"):
            _check_rows(name, getattr(self, name), m)
        _check_hours("hours_min", self.hours_min)
        _check_hours("hours_max", self.hours_max)
        if (self.hours_max < self.hours_min).any():
            i = int(np.flatnonzero(self.hours_max < self.hours_min)[0])
            raise InvalidHours(
                f"Opgave {self.ids[i]}: hours_max skal være mindst hours_min "
                f"({self.hours_max[i]:g} < {self.hours_min[i]:g}).",
                field="hours_max",
            )
        check_coordinate_arrays(self.lat, self.lon, field="lat/lon")
        if (self.conversions > self.placements).any() or (self.conversions < 0).any():
            raise InvalidMatchingInput(
                "conversions skal ligge mellem 0 og placements for hver opgave.",
                field="conversions",
            )
        if (self.free_places < 0).any():
            raise InvalidMatchingInput("free_places må ikke være negativ.", field="free_places")

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def slots_by_word(self) -> U64Array:
        """``slots`` transposed, (slots.WORDS, m): one contiguous row per word of the week."""
        return np.ascontiguousarray(self.slots.T)

    @cached_property
    def conversion(self) -> F64:
        """Smoothed share of placements that became paid hours (see :func:`conversion_rate`)."""
        return np.asarray((self.conversions + 1) / (self.placements + 2), dtype=np.float64)

    @cached_property
    def small_company(self) -> F64:
        """1 for ≤ 10 employees, 0 for ≥ 250, log-linear between; 0.5 when unknown (004)."""
        e = self.employees
        lo, hi = np.log(SMALL_COMPANY_EMPLOYEES), np.log(LARGE_COMPANY_EMPLOYEES)
        with np.errstate(invalid="ignore", divide="ignore"):
            s = 1.0 - (np.log(np.maximum(e, 1.0)) - lo) / (hi - lo)
        return np.asarray(np.where(np.isnan(e), 0.5, np.clip(s, 0.0, 1.0)), dtype=np.float64)

    @classmethod
    def from_openings(cls, openings: Sequence[Opening], vocab: Vocabularies) -> OpeningPool:
        for o in openings:
            if o.sector:
                vocab.sectors.add(o.sector)
        return cls(
            ids=tuple(o.id for o in openings),
            company_ids=tuple(o.company_id for o in openings),
            hours_min=np.array([o.hours_min for o in openings], dtype=np.float64),
            hours_max=np.array([o.hours_max for o in openings], dtype=np.float64),
            slots=slotbits.masks_to_words(o.slots for o in openings),
            danish=np.array([int(o.danish_level) for o in openings], dtype=np.int64),
            accommodations=vocab.restrictions.encode_many(o.accommodations for o in openings),
            certificates=vocab.certificates.encode_many(o.required_certificates for o in openings),
            sector=np.array([vocab.sectors.index(o.sector) if o.sector else 0 for o in openings],
                            dtype=np.int64),
            tasks=vocab.tasks.encode_many(o.tasks for o in openings),
            lat=np.array([o.lat for o in openings], dtype=np.float64),
            lon=np.array([o.lon for o in openings], dtype=np.float64),
            free_places=np.array([o.free_places for o in openings], dtype=np.int64),
            kind=np.array([KINDS.index(OpeningKind(o.kind)) for o in openings], dtype=np.int64),
            buddy=np.array([o.buddy for o in openings], dtype=np.bool_),
            placements=np.array([o.company_placements for o in openings], dtype=np.int64),
            conversions=np.array([o.company_conversions for o in openings], dtype=np.int64),
            employees=np.array([np.nan if o.company_employees is None else o.company_employees
                                for o in openings], dtype=np.float64),
            disclosures=np.array([fact_bits(o.disclosures_needed) for o in openings],
                                 dtype=np.int64),
            vocab=vocab,
        )


def fact_bits(facts: Iterable[str]) -> int:
    bits = 0
    for f in facts:
        bits |= FACT_BIT[Fact(f)]
    return bits


def conversion_rate(placements: int, conversions: int) -> float:
    """Share of placements that became paid hours, smoothed towards ½ (Laplace's rule).

    A company with no record scores ½, one with 1 of 1 scores ⅔, 8 of 10 scores 0.75: a
    single success does not outrank a long good record.
    """
    return (conversions + 1) / (placements + 2)


def build_opening_pool(openings: Sequence[Opening]) -> OpeningPool:
    """The openings alone, to rank one person after another against (the pool is never changed
    by :func:`~smaajob.matching.ranking.top_openings_for`, so it can be kept and shared)."""
    return OpeningPool.from_openings(openings, Vocabularies())


def build_pools(
    candidates: Sequence[Candidate], openings: Sequence[Opening]
) -> tuple[CandidatePool, OpeningPool]:
    """Both pools with one shared vocabulary."""
    vocab = Vocabularies()
    opool = OpeningPool.from_openings(openings, vocab)
    cpool = CandidatePool.from_candidates(candidates, vocab)
    return cpool, opool
