# SPDX-License-Identifier: MPL-2.0
"""Hypothesis strategies: small random populations of citizens and tasks around Roskilde."""

from __future__ import annotations

from hypothesis import strategies as st

from smaajob.matching import Candidate, Opening, week_mask

RESTRICTIONS = ("pauser", "ingen tunge løft", "stille miljø")
CERTIFICATES = ("truck", "hygiejne")
SECTORS = ("detail", "lager", "it", "rengøring")
TASKS = ("kasse", "opfyldning", "support", "pakning")
FACTS = ("restrictions", "health", "competences")


@st.composite
def week(draw: st.DrawFn, *, free_time: bool) -> int:
    slots = []
    for day in draw(st.sets(st.integers(0, 6), min_size=1, max_size=3)):
        start = draw(st.integers(6, 14))
        length = draw(st.integers(2, 8))
        slots.append((day, f"{start:02d}:00", f"{start + length:02d}:00"))
    return week_mask(slots, free_time=free_time)


@st.composite
def candidates(draw: st.DrawFn, id: str) -> Candidate:
    return Candidate(
        id=id,
        weekly_hours=draw(st.sampled_from([0, 2, 5, 8, 12, 20])),
        lat=55.64 + draw(st.floats(-0.1, 0.1)), lon=12.08 + draw(st.floats(-0.15, 0.15)),
        travel_limit_km=draw(st.sampled_from([3, 8, 15, 30])),
        available=draw(week(free_time=True)),
        commitments=draw(st.one_of(st.just(0), week(free_time=False))),
        danish_level=draw(st.integers(0, 3)),
        restrictions=draw(st.frozensets(st.sampled_from(RESTRICTIONS), max_size=2)),
        certificates=draw(st.frozensets(st.sampled_from(CERTIFICATES), max_size=2)),
        wished_sectors=draw(st.frozensets(st.sampled_from(SECTORS), max_size=2)),
        wished_tasks=draw(st.frozensets(st.sampled_from(TASKS), max_size=2)),
        waiting_days=draw(st.integers(0, 800)),
        consents=draw(st.frozensets(st.sampled_from(FACTS))),
        readiness=draw(st.sampled_from(["jobparat", "aktivitetsparat", "ukendt"])),
    )


@st.composite
def openings(draw: st.DrawFn, id: str) -> Opening:
    slots = draw(week(free_time=False))
    window = slots.bit_count() / 2
    hours_min: float = draw(st.sampled_from([0, 2, 4, 8, 12]))
    hours_min = min(hours_min, window)
    capacity = draw(st.integers(0, 3))
    return Opening(
        id=id, company_id=f"firma-{id}", hours_min=hours_min,
        hours_max=max(hours_min, 1) + draw(st.sampled_from([0, 2, 6])),
        lat=55.64 + draw(st.floats(-0.1, 0.1)), lon=12.08 + draw(st.floats(-0.15, 0.15)),
        slots=slots,
        danish_level=draw(st.integers(0, 3)),
        accommodations=draw(st.frozensets(st.sampled_from(RESTRICTIONS))),
        required_certificates=draw(st.frozensets(st.sampled_from(CERTIFICATES), max_size=1)),
        sector=draw(st.sampled_from(SECTORS + ("",))),
        tasks=draw(st.frozensets(st.sampled_from(TASKS), max_size=2)),
        capacity=capacity, filled=draw(st.integers(0, capacity)),
        buddy=draw(st.booleans()),
        company_employees=draw(st.one_of(st.none(), st.integers(1, 500))),
        required_disclosures=draw(st.frozensets(st.sampled_from(FACTS), max_size=1)),
    )


@st.composite
def populations(draw: st.DrawFn, max_candidates: int = 8,
                max_openings: int = 6) -> tuple[list[Candidate], list[Opening]]:
    n = draw(st.integers(1, max_candidates))
    m = draw(st.integers(1, max_openings))
    return ([draw(candidates(f"c{i}")) for i in range(n)],
            [draw(openings(f"o{j}")) for j in range(m)])
