# SPDX-License-Identifier: MPL-2.0
"""Reads for matching: the openings and the citizen as the matching engine's inputs, consent, suggestions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q

from smaajob import places
from smaajob.citizens.models import Citizen
from smaajob.citizens.selectors import consented_facts_on, readiness_on
from smaajob.courses.models import Course, Placement
from smaajob.courses.selectors.ledger import active_on
from smaajob.network.models import Company, Opening


def _company_records(company_ids: set[int]) -> dict[int, tuple[int, int]]:
    """Per company: finished placements and how many of them became paid hours."""
    rows = (
        Placement.objects.filter(company_id__in=company_ids, actual_end__isnull=False)
        .values("company_id")
        .annotate(n=Count("id"), converted=Count("converted_to", filter=~Q(converted_to__kind="placement")))
    )
    return {r["company_id"]: (r["n"], min(r["n"], r["converted"])) for r in rows}


def _filled(opening_ids: set[int], on: date) -> dict[int, int]:
    rows = (
        Placement.objects.filter(active_on(on) | Q(actual_start__isnull=True, planned_start__gte=on))
        .filter(opening_id__in=opening_ids)
        .values("opening_id")
        .annotate(n=Count("id"))
    )
    return {r["opening_id"]: r["n"] for r in rows}


def matching_openings(openings: Any, on: date) -> tuple[list[Any], dict[str, Opening]]:
    """Openings as the matching engine's plain data; openings it cannot use are left out."""
    from smaajob import matching
    from smaajob.errors import SmaajobError

    rows = list(openings.select_related("company", "buddy"))
    records = _company_records({o.company_id for o in rows})
    filled = _filled({o.pk for o in rows}, on)
    out, by_id = [], {}
    for o in rows:
        c = o.company
        if c.latitude is None or c.longitude is None:
            continue
        placed, converted = records.get(c.pk, (0, 0))
        try:
            out.append(
                matching.Opening(
                    id=str(o.pk),
                    company_id=str(c.pk),
                    hours_min=float(o.hours_min),
                    hours_max=float(o.hours_max),
                    lat=c.latitude,
                    lon=c.longitude,
                    slots=matching.week_mask(o.slots) if o.slots else matching.ALL_WEEK,
                    danish_level=o.language_requirement,
                    accommodations=frozenset(o.accommodation_tags),
                    required_certificates=frozenset(o.required_certificates),
                    sector=o.sector or c.sector,
                    tasks=frozenset(o.title.lower().split()),
                    capacity=o.capacity,
                    filled=min(filled.get(o.pk, 0), o.capacity),
                    kind=o.kind,
                    buddy=o.buddy_id is not None,
                    company_placements=placed,
                    company_conversions=converted,
                )
            )
        except SmaajobError:
            continue  # e.g. an opening whose times cannot hold its hours; shown on the opening page
        by_id[str(o.pk)] = o
    return out, by_id


def matching_candidate(citizen: Citizen, on: date) -> Any | None:
    """The citizen as the matching engine's plain data, or None without a known address."""
    from smaajob import matching

    if citizen.latitude is None or citizen.longitude is None:
        return None
    commitments = [
        s
        for c in citizen.commitments.all()
        if c.starts_on <= on and (c.ends_on is None or c.ends_on >= on)
        for s in c.slots
    ]
    readiness = readiness_on(citizen, on)
    capacity = citizen.weekly_hours_capacity
    return matching.Candidate(
        id=str(citizen.pk),
        weekly_hours=float(capacity) if capacity is not None else 37.0,
        lat=citizen.latitude,
        lon=citizen.longitude,
        travel_limit_km=citizen.travel_limit_km,
        available=matching.week_mask(citizen.availability, free_time=True)
        if citizen.availability
        else matching.ALL_WEEK,
        commitments=matching.week_mask(commitments) if commitments else 0,
        danish_level=citizen.danish_level,
        restrictions=frozenset(citizen.restriction_tags),
        certificates=frozenset(citizen.certificates),
        wished_sectors=frozenset(citizen.wished_sectors),
        wished_tasks=frozenset(citizen.job_goal.lower().split()),
        waiting_days=max(0, (on - citizen.waiting_since).days) if citizen.waiting_since else 0,
        consents=consented_facts_on(citizen, on),
        readiness=readiness.category if readiness else "aktivitetsparat",
    )


def missing_consents(citizen: Citizen, opening: Opening, on: date) -> frozenset[str]:
    """What a match of ``citizen`` to ``opening`` needs the employer to be told that the citizen
    has not consented to disclose on ``on``: the engine's consent rule, which holds also where
    it cannot run (an address not yet located)."""
    from smaajob import matching

    return frozenset(
        matching.missing_consents(
            restrictions=[t for t in citizen.restriction_tags if t.strip()],
            consents=consented_facts_on(citizen, on),
            required_certificates=[c for c in opening.required_certificates if c.strip()],
        )
    )


@dataclass(frozen=True)
class OpeningSuggestion:
    opening: Opening
    score: float
    explanation: Any  # the engine's ``Explanation``


@dataclass(frozen=True)
class CitizenSuggestion:
    citizen: Citizen
    score: float
    explanation: Any


@dataclass(frozen=True)
class Suggestions[S]:
    """The engine's best matches, best first, with a Danish note on how many were considered and
    the reasons the others were refused (reason code -> count)."""

    suggestions: list[S]
    note: str
    rejected: dict[str, int] = field(default_factory=dict)
    # Why nothing could be matched, as a stable code for the API (a missing location).
    problem: str | None = None
    # Companies left out for want of a location (openings for a citizen only).
    unlocated_companies: list[UnlocatedCompany] = field(default_factory=list)


def suggested_openings(citizen: Citizen, openings: Any, on: date, k: int = 10) -> Suggestions[OpeningSuggestion]:
    """The engine's best openings for a citizen, each with its Danish explanation; the note says
    why none could be found when the citizen or companies have no location."""
    from smaajob import matching

    candidate = matching_candidate(citizen, on)
    if candidate is None:
        return Suggestions([], citizen_location_note(citizen), problem="citizen_location_missing")
    open_openings = openings.filter(status="open")
    unlocated = unlocated_companies(open_openings)
    plain, by_id = matching_openings(open_openings, on)
    if not plain:
        note = _with_unlocated("Ingen åbne jobåbninger at matche med.", unlocated)
        return Suggestions([], note, unlocated_companies=unlocated)
    ranking = matching.top_openings_for(candidate, plain, k=k)
    return Suggestions(
        [OpeningSuggestion(by_id[s.id], s.score, s.explanation) for s in ranking.suggestions],
        _with_unlocated(f"{ranking.feasible} af {ranking.considered} åbne opgaver passer.", unlocated),
        dict(ranking.rejected),
        unlocated_companies=unlocated,
    )


def citizen_location_note(citizen: Citizen) -> str:
    """Why a citizen cannot be matched for want of a location, and how to fix it."""
    if citizen.postcode and places.lookup(citizen.postcode) is None:
        return (
            f"Borgeren har ingen placering: postnummeret {citizen.postcode} findes ikke i postnummertabellen. "
            "Ret postnummeret, eller angiv placeringen i hånden, under »Adresse og placering« på borgerens side."
        )
    if citizen.postcode:
        # Saved before locations were derived, and not yet back-filled.
        return (
            "Borgeren har ingen placering endnu: gem adressen under »Adresse og placering« på borgerens side, "
            "så får borgeren postnummerets placering."
        )
    return (
        "Borgeren har ingen placering: angiv postnummer under »Adresse og placering« på borgerens side, "
        "så kan afstanden til opgaverne beregnes."
    )


@dataclass(frozen=True)
class UnlocatedCompany:
    """A company whose open openings matching leaves out because it has no location."""

    company: Company
    openings: int


def unlocated_companies(openings: Any) -> list[UnlocatedCompany]:
    """Companies whose open openings matching leaves out because the company has no location, by name."""
    rows = (
        openings.filter(Q(company__latitude__isnull=True) | Q(company__longitude__isnull=True))
        .values("company_id")
        .annotate(n=Count("id"))
    )
    counts = {r["company_id"]: r["n"] for r in rows}
    companies = Company.objects.filter(pk__in=counts).order_by("name")
    return [UnlocatedCompany(c, counts[c.pk]) for c in companies]


def _with_unlocated(note: str, unlocated: list[UnlocatedCompany]) -> str:
    n = sum(u.openings for u in unlocated)
    if not n:
        return note
    which = "åben opgave er" if n == 1 else "åbne opgaver er"
    return (
        f"{note} {n} {which} ikke med, fordi virksomheden ikke har nogen placering: "
        "angiv postnummer på virksomhedens side."
    )


def suggested_citizens(opening: Opening, citizens: Any, on: date, k: int = 10) -> Suggestions[CitizenSuggestion]:
    """The engine's best citizens for an opening (among those the caller may see)."""
    from smaajob import matching

    company = opening.company
    if company.latitude is None or company.longitude is None:
        return Suggestions(
            [],
            "Virksomheden har ingen placering: angiv postnummer under »Adresse og placering« på "
            "virksomhedens side, så kan afstanden til borgerne beregnes.",
            problem="company_location_missing",
        )
    plain, _ = matching_openings(Opening.objects.filter(pk=opening.pk), on)
    if not plain:
        return Suggestions([], "Opgaven kan ikke matches: tiderne rummer ikke timerne.")
    open_ids = Course.objects.exclude(state="exited").values("citizen_id")
    people = {str(c.pk): c for c in citizens.filter(pk__in=open_ids).prefetch_related("commitments")}
    candidates = [cand for c in people.values() if (cand := matching_candidate(c, on)) is not None]
    unlocated = len(people) - len(candidates)
    left_out = (
        f" {unlocated} {'borger er' if unlocated == 1 else 'borgere er'} ikke med, fordi "
        f"{'borgeren' if unlocated == 1 else 'de'} ingen placering har: angiv postnummer på borgerens side."
        if unlocated
        else ""
    )
    if not candidates:
        return Suggestions([], "Ingen af dine borgere i åbne forløb kan matches." + left_out)
    ranking = matching.top_candidates_for(plain[0], candidates, k=k)
    return Suggestions(
        [CitizenSuggestion(people[s.id], s.score, s.explanation) for s in ranking.suggestions],
        f"{ranking.feasible} af {ranking.considered} borgere passer." + left_out,
        dict(ranking.rejected),
    )
