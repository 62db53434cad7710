# SPDX-License-Identifier: MPL-2.0
"""The open openings as the matching engine's pool — kept up to date, never rebuilt per request.

"Find jobåbninger" ranks every open opening the user may see. Reading them through the ORM and
encoding them as arrays costs far more than the ranking itself (issue 22: 820 ms of loading
against 73 ms in the engine for 3,000 openings; seconds at 50,000), so the encoded
:class:`smaajob.matching.OpeningPool` is kept and brought up to date with only what changed.

What changed is known from the database, so every server process sees it:

* ``MatchingPoolChange`` gets a row whenever an opening, company or placement is saved or deleted
  (Django's ``post_save``/``post_delete``, connected in :func:`connect` from the courses app's
  ``ready``) — in the same transaction as the change, so a rolled-back change leaves none;
* rows added in bulk (``bulk_create`` sends no signals: the demo loader, imports) are found by
  their ids, higher than the highest id the pool has seen.

Per request that is four small indexed reads (:func:`current_state`). When they show a change,
only the openings concerned are read again (:func:`_patched`) — an opening, every opening of a
changed company, the opening and company of a changed placement — and only they are encoded: the
other rows' arrays are spliced in (``smaajob.matching.splice_opening_pool``). After very many
changes, or for a new day (the places filled depend on the placements running on that day), the
pool is built afresh. A snapshot holds arrays only (no row objects), so writing it to the shared
cache after a change and loading it in another process are quick.

A pool is kept per (database, the user's scope of openings, day): in the process, and in Django's
``matching`` cache (``settings.CACHES``; a file cache under ``var/`` by default), so another server
process loads it instead of building it. With several servers, point that cache at a shared store.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
from django.core.cache import caches
from django.db import connection
from django.db.models import Count, Max, Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from smaajob.courses.models import MatchingPoolChange, Placement
from smaajob.courses.selectors.ledger import active_on
from smaajob.network.models import Company, Opening

CACHE = "matching"
KEEP = 8  # pools kept in a process: one per scope (municipality) in use today
PATCH_AT_MOST = 2000  # changes beyond this are read by building afresh


@dataclass(frozen=True)
class State:
    """How far a pool has seen the database: the last change and the highest ids."""

    change: int
    opening: int
    company: int
    placement: int


@dataclass(frozen=True)
class PoolSnapshot:
    """A pool and what it was made from; ``pool`` is None when no opening can be used.

    The pool's rows are in the order of the openings' ids, and hold each opening's id and company
    (so a change re-reads only what it concerns); only arrays, so the shared cache stores and
    loads it quickly. ``unlocated``: per company without a location, how many open openings the
    pool leaves out.
    """

    state: State
    pool: Any  # smaajob.matching.OpeningPool | None
    unlocated: dict[int, int]


_local: OrderedDict[str, PoolSnapshot] = OrderedDict()
_lock = threading.Lock()


def changed(sender: type, instance: Any, **_: object) -> None:
    """Record that a watched row was saved or deleted."""
    if sender is Opening:
        MatchingPoolChange.objects.create(opening_id=instance.pk)
    elif sender is Company:
        MatchingPoolChange.objects.create(company_id=instance.pk)
    else:  # a placement fills a place of its opening and adds to its company's record
        MatchingPoolChange.objects.create(opening_id=instance.opening_id, company_id=instance.company_id)


def connect() -> None:
    for model in (Opening, Company, Placement):
        post_save.connect(changed, sender=model, dispatch_uid=f"matching-pool-{model.__name__}-save")
        post_delete.connect(changed, sender=model, dispatch_uid=f"matching-pool-{model.__name__}-delete")


def current_state() -> State:
    def highest(model: Any) -> int:
        return int(model._base_manager.aggregate(m=Max("pk"))["m"] or 0)

    return State(highest(MatchingPoolChange), highest(Opening), highest(Company), highest(Placement))


def _key(scope: QuerySet[Opening], on: date) -> str:
    sql, params = scope.query.sql_with_params()
    parts = [connection.alias, str(connection.settings_dict.get("NAME")), sql, repr(params), on.isoformat()]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def opening_pool(scope: QuerySet[Opening], on: date) -> PoolSnapshot:
    """The engine's pool of the open openings in ``scope`` on ``on``, up to date."""
    key, state = _key(scope, on), current_state()
    snapshot = _local.get(key)
    if snapshot is not None and snapshot.state == state:
        return snapshot
    with _lock:  # one build per process at a time; a second request waits and reuses it
        snapshot = _local.get(key)
        if snapshot is None or snapshot.state != state:
            snapshot = caches[CACHE].get(key) or snapshot
        if snapshot is None:
            snapshot = _built(scope, on, state)
            caches[CACHE].set(key, snapshot)
        elif snapshot.state != state:
            snapshot = _patched(snapshot, scope, on, state)
            caches[CACHE].set(key, snapshot)
        _local[key] = snapshot
        _local.move_to_end(key)
        while len(_local) > KEEP:
            _local.popitem(last=False)
    return snapshot


def forget() -> None:
    """Drop every kept pool (tests; after restoring a database backup)."""
    with _lock:
        _local.clear()
        caches[CACHE].clear()


def _snapshot(openings: list[Any], scope: QuerySet[Opening], state: State) -> PoolSnapshot:
    from smaajob import matching

    ordered = sorted(openings, key=lambda o: int(o.id))  # by id, so a patched pool equals a fresh one
    pool = matching.build_opening_pool(ordered) if ordered else None
    return PoolSnapshot(state, pool, unlocated_counts(scope))


def _built(scope: QuerySet[Opening], on: date, state: State) -> PoolSnapshot:
    # A fresh build is also the moment to forget changes older than any pool still in use.
    MatchingPoolChange.objects.filter(at__lt=timezone.now() - timedelta(days=3)).delete()
    return _snapshot(matching_openings(scope, on), scope, state)


def _patched(old: PoolSnapshot, scope: QuerySet[Opening], on: date, state: State) -> PoolSnapshot:
    """``old`` brought up to ``state`` by reading again only the openings the changes concern."""
    changes = MatchingPoolChange.objects.filter(pk__gt=old.state.change).values_list("opening_id", "company_id")
    if state.change - old.state.change > PATCH_AT_MOST or state.change < old.state.change:
        return _built(scope, on, state)
    openings, companies = set(), set()
    for opening_id, company_id in changes:
        if opening_id is not None:
            openings.add(opening_id)
        if company_id is not None:
            companies.add(company_id)
    # Bulk-added rows have no change rows: everything above the highest id seen is new.
    new_placements = Placement.objects.filter(pk__gt=old.state.placement).values_list("opening_id", "company_id")
    for opening_id, company_id in new_placements:
        openings.add(opening_id)
        companies.add(company_id)
    concerned = (Q(pk__in=openings) | Q(company_id__in=companies) | Q(pk__gt=old.state.opening)
                 | Q(company_id__gt=old.state.company))
    fresh = sorted(matching_openings(scope.filter(concerned), on), key=lambda o: int(o.id))
    if old.pool is None:
        return _snapshot(fresh, scope, state)
    from smaajob import matching

    read_again = openings | {int(o.id) for o in fresh}
    kept = np.array([int(pk) not in read_again and int(company) not in companies
                     for pk, company in zip(old.pool.ids, old.pool.company_ids, strict=True)], dtype=np.bool_)
    if not fresh and not kept.any():
        return PoolSnapshot(state, None, unlocated_counts(scope))
    # Only the fresh rows are encoded; the kept rows' arrays are spliced in (issue 22: encoding
    # all 50,000 rows again made the first request after a change take seconds).
    pool = matching.splice_opening_pool(old.pool, kept, fresh, order=int)
    return PoolSnapshot(state, pool, unlocated_counts(scope))


# ---------------------------------------------------------------- what a pool is built from


def _company_records(openings: QuerySet[Opening]) -> dict[int, tuple[int, int]]:
    """Per company of ``openings``: finished placements and how many of them became paid hours."""
    rows = (
        Placement.objects.filter(company_id__in=openings.values("company_id"), actual_end__isnull=False)
        .values("company_id")
        .annotate(n=Count("id"), converted=Count("converted_to", filter=~Q(converted_to__kind="placement")))
    )
    return {r["company_id"]: (r["n"], min(r["n"], r["converted"])) for r in rows}


def _filled(openings: QuerySet[Opening], on: date) -> dict[int, int]:
    """Per opening: the placements running on ``on`` or planned to start later."""
    rows = (
        Placement.objects.filter(active_on(on) | Q(actual_start__isnull=True, planned_start__gte=on))
        .filter(opening_id__in=openings.values("pk"))
        .values("opening_id")
        .annotate(n=Count("id"))
    )
    return {r["opening_id"]: r["n"] for r in rows}


OPENING_COLUMNS = ("pk", "company_id", "hours_min", "hours_max", "slots", "language_requirement",
                   "accommodation_tags", "required_certificates", "sector", "title", "capacity", "kind",
                   "buddy_id", "company__latitude", "company__longitude", "company__sector")


def matching_openings(openings: Any, on: date) -> list[Any]:
    """Openings as the matching engine's plain data; openings it cannot use are left out.

    Read as plain columns (``values``), not model instances: at 10,000 openings building the
    instances cost most of the time (issue 22).
    """
    from smaajob import matching
    from smaajob.errors import SmaajobError

    rows = list(openings.values(*OPENING_COLUMNS))
    records = _company_records(openings)
    filled = _filled(openings, on)
    out = []
    for o in rows:
        lat, lon = o["company__latitude"], o["company__longitude"]
        if lat is None or lon is None:
            continue
        placed, converted = records.get(o["company_id"], (0, 0))
        try:
            out.append(
                matching.Opening(
                    id=str(o["pk"]),
                    company_id=str(o["company_id"]),
                    hours_min=float(o["hours_min"]),
                    hours_max=float(o["hours_max"]),
                    lat=lat,
                    lon=lon,
                    slots=matching.week_mask(o["slots"]) if o["slots"] else matching.ALL_WEEK,
                    danish_level=o["language_requirement"],
                    accommodations=frozenset(o["accommodation_tags"]),
                    required_certificates=frozenset(o["required_certificates"]),
                    sector=o["sector"] or o["company__sector"],
                    tasks=frozenset(o["title"].lower().split()),
                    capacity=o["capacity"],
                    filled=min(filled.get(o["pk"], 0), o["capacity"]),
                    kind=o["kind"],
                    buddy=o["buddy_id"] is not None,
                    company_placements=placed,
                    company_conversions=converted,
                )
            )
        except SmaajobError:
            continue  # e.g. an opening whose times cannot hold its hours; shown on the opening page
    return out


def unlocated_counts(openings: Any) -> dict[int, int]:
    """Per company without a location: how many of ``openings`` matching leaves out for it."""
    rows = (
        openings.filter(Q(company__latitude__isnull=True) | Q(company__longitude__isnull=True))
        .values("company_id")
        .annotate(n=Count("id"))
    )
    return {r["company_id"]: r["n"] for r in rows}
