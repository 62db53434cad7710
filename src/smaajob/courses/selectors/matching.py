# SPDX-License-Identifier: MPL-2.0
"""Reads for matching: the openings and the citizen as the matching engine's inputs, consent, suggestions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from smaajob import places
from smaajob.citizens.models import Citizen
from smaajob.citizens.selectors import consented_facts_on, readiness_on
from smaajob.courses.models import Course
from smaajob.courses.selectors.clashes import Taken, clash, default_period, taken_from
from smaajob.courses.selectors.opening_pool import matching_openings, opening_pool, unlocated_counts
from smaajob.network.models import Company, Opening


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


def suggested_openings(citizen: Citizen, openings: Any, on: date, k: int = 10, *,
                       kept_pool: bool = True, avoid_clashes: bool = True) -> Suggestions[OpeningSuggestion]:
    """The engine's best openings for a citizen, each with its Danish explanation; the note says
    why none could be found when the citizen or companies have no location.

    The openings are ranked as the pool ``courses.selectors.opening_pool`` keeps until they change
    (``kept_pool=False`` builds it for this call only: for one opening, as a proposal does).

    Openings the placement rule would refuse for this citizen in the placement form's default
    period are left out (``avoid_clashes``; ``courses.selectors.clashes``): one at a company the
    citizen is placed at already, or with times that overlap a current placement or another
    activity. A proposal, which may be meant for later, ranks its one opening without that test.
    """
    from smaajob import matching

    candidate = matching_candidate(citizen, on)
    if candidate is None:
        return Suggestions([], citizen_location_note(citizen), problem="citizen_location_missing")
    open_openings = openings.filter(status="open")
    if kept_pool:
        kept = opening_pool(open_openings, on)
        pool, unlocated = kept.pool, unlocated_companies(open_openings, kept.unlocated)
    else:
        plain = matching_openings(open_openings, on)
        pool = matching.build_opening_pool(plain) if plain else None
        unlocated = unlocated_companies(open_openings)
    if pool is None:
        note = _with_unlocated("Ingen åbne jobåbninger at matche med.", unlocated)
        return Suggestions([], note, unlocated_companies=unlocated)
    # What the citizen has already in the period a placement from this page would run (the
    # placement form's default): openings the placement rule would refuse are not proposed.
    start, end = default_period(on)
    taken = taken_from([citizen.pk], start).get(citizen.pk, Taken()) if avoid_clashes else Taken()
    busy = taken.busy_slots(start, end)
    filters = matching.MatchFilters(
        not_companies=frozenset(str(c) for c in taken.companies(start, end)) or None,
        avoid=matching.week_mask(busy) if busy else 0,
    )
    ranking = matching.top_openings_for(candidate, pool, k=k, filters=filters)
    # Only the few openings shown are read as rows; the pool holds the rest as arrays.
    by_id = open_openings.select_related("company", "buddy").in_bulk([int(s.id) for s in ranking.suggestions])
    shown = [
        OpeningSuggestion(by_id[int(s.id)], s.score, s.explanation)
        for s in ranking.suggestions
        if int(s.id) in by_id
        # The rule's own test as well: the week mask rounds times to half hours.
        and clash(taken, start, end, by_id[int(s.id)].slots, by_id[int(s.id)].company_id,
                  by_id[int(s.id)].company.name) is None
    ]
    note = f"{ranking.feasible} af {ranking.considered} åbne opgaver passer."
    if ranking.filtered_out:
        which = "åben opgave er" if ranking.filtered_out == 1 else "åbne opgaver er"
        note += (f" {ranking.filtered_out} {which} ikke med, fordi tiderne eller virksomheden støder sammen "
                 "med borgerens placering eller andre aktiviteter de næste fire uger.")
    return Suggestions(shown, _with_unlocated(note, unlocated), dict(ranking.rejected), unlocated_companies=unlocated)


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


def unlocated_companies(openings: Any, counts: dict[int, int] | None = None) -> list[UnlocatedCompany]:
    """Companies whose open openings matching leaves out because the company has no location, by name."""
    counts = unlocated_counts(openings) if counts is None else counts
    if not counts:
        return []
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
    plain = matching_openings(Opening.objects.filter(pk=opening.pk), on)
    if not plain:
        return Suggestions([], "Opgaven kan ikke matches: tiderne rummer ikke timerne.")
    open_ids = Course.objects.exclude(state="exited").values("citizen_id")
    people = {str(c.pk): c for c in citizens.filter(pk__in=open_ids).prefetch_related("commitments")}
    # Citizens the placement rule would refuse this opening for (placed at the company already,
    # or taken at its times in the placement form's default period) are not proposed.
    start, end = default_period(on)
    taken = taken_from(citizens.filter(pk__in=open_ids).values("pk"), start)
    clashing = {
        key for key, c in people.items()
        if c.pk in taken and clash(taken[c.pk], start, end, opening.slots, company.pk, company.name) is not None
    }
    people = {key: c for key, c in people.items() if key not in clashing}
    candidates = [cand for c in people.values() if (cand := matching_candidate(c, on)) is not None]
    unlocated = len(people) - len(candidates)
    left_out = (
        f" {unlocated} {'borger er' if unlocated == 1 else 'borgere er'} ikke med, fordi "
        f"{'borgeren' if unlocated == 1 else 'de'} ingen placering har: angiv postnummer på borgerens side."
        if unlocated
        else ""
    )
    if clashing:
        left_out += (
            f" {len(clashing)} {'borger er' if len(clashing) == 1 else 'borgere er'} ikke med: placeret hos "
            "virksomheden allerede, eller optaget af en placering eller anden aktivitet på opgavens tider "
            "de næste fire uger."
        )
    if not candidates:
        return Suggestions([], "Ingen af dine borgere i åbne forløb kan matches." + left_out)
    ranking = matching.top_candidates_for(plain[0], candidates, k=k)
    return Suggestions(
        [CitizenSuggestion(people[s.id], s.score, s.explanation) for s in ranking.suggestions],
        f"{ranking.feasible} af {ranking.considered} borgere passer." + left_out,
        dict(ranking.rejected),
    )
