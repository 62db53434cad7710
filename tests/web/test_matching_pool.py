# SPDX-License-Identifier: MPL-2.0
"""The kept matching pool (issue 22 item 1): built once, reused, and never out of date.

"Find jobåbninger" ranks against a pool of arrays kept between requests; these tests show the
answer is the same as building it afresh, that every kind of change (an opening saved, closed,
added in bulk; a company moved; a placement filling the last place) is seen by the next request,
and that another server process loads the pool instead of building it.
"""

from __future__ import annotations

from datetime import date
from typing import NoReturn

import pytest
from django.urls import reverse

from smaajob import access
from smaajob.courses import selectors
from smaajob.courses.selectors import opening_pool as matching_pool
from smaajob.network.models import Opening
from smaajob.network.services import create_opening, update_opening
from tests.web.test_pages import log_in

ON = date(2026, 12, 2)
SLOTS = [{"weekday": d, "start": "08:00", "end": "14:00"} for d in range(5)]


@pytest.fixture
def openings(company, consultant, opening):
    more = [
        create_opening(actor=consultant, company=company, title=f"Opgave {n}", kind="placement", hours_min=2,
                       hours_max=8 + n, slots=SLOTS)
        for n in range(4)
    ]
    return [opening, *more]


def _titles(consultant, citizen) -> list[str]:
    result = selectors.suggested_openings(citizen, access.openings_for(consultant), ON)
    return [s.opening.title for s in result.suggestions]


def _fresh_titles(consultant, citizen) -> list[str]:
    result = selectors.suggested_openings(citizen, access.openings_for(consultant), ON, kept_pool=False)
    return [s.opening.title for s in result.suggestions]


def test_the_kept_pool_gives_the_same_suggestions_scores_and_explanations_as_a_fresh_build(
    consultant, citizen, openings
):
    kept = selectors.suggested_openings(citizen, access.openings_for(consultant), ON)
    fresh = selectors.suggested_openings(citizen, access.openings_for(consultant), ON, kept_pool=False)
    assert len(kept.suggestions) == len(openings)
    assert [(s.opening.pk, s.score, s.explanation.text()) for s in kept.suggestions] == [
        (s.opening.pk, s.score, s.explanation.text()) for s in fresh.suggestions
    ]
    assert kept.note == fresh.note and kept.rejected == fresh.rejected


def test_a_second_request_reuses_the_pool_instead_of_building_it(consultant, citizen, openings, monkeypatch):
    first = _titles(consultant, citizen)
    builds: list[tuple[object, ...]] = []

    def built_again(*a: object) -> NoReturn:
        builds.append(a)
        pytest.fail("built again")

    monkeypatch.setattr(matching_pool, "_built", built_again)
    assert _titles(consultant, citizen) == first
    assert builds == []


def test_another_server_process_loads_the_pool_from_the_shared_cache(consultant, citizen, openings, monkeypatch):
    first = _titles(consultant, citizen)
    matching_pool._local.clear()  # what a second process has: nothing of its own yet
    monkeypatch.setattr(matching_pool, "_built", lambda *a: pytest.fail("built instead of loaded"))
    assert _titles(consultant, citizen) == first


def test_a_change_is_patched_into_the_kept_pool_without_building_it_afresh(consultant, citizen, openings,
                                                                          monkeypatch):
    before = _titles(consultant, citizen)
    monkeypatch.setattr(matching_pool, "_built", lambda *a: pytest.fail("built afresh for one change"))
    update_opening(actor=consultant, opening=Opening.objects.get(title=before[0]), status="closed")
    after = _titles(consultant, citizen)
    assert before[0] not in after
    monkeypatch.undo()
    assert after == _fresh_titles(consultant, citizen)


def test_a_placement_taking_the_last_place_takes_the_opening_out_of_the_suggestions(
    consultant, citizen, course, company, openings
):
    from smaajob.courses.services import create_placement

    full = Opening.objects.get(title="Opgave 3")
    assert full.capacity == 1 and full.title in _titles(consultant, citizen)
    create_placement(actor=consultant, course=course, company=company, kind="placement",
                     planned_start=date(2026, 12, 7), opening=full)
    assert full.title not in _titles(consultant, citizen)
    assert _titles(consultant, citizen) == _fresh_titles(consultant, citizen)


def test_an_opening_closed_or_changed_is_seen_by_the_next_request(consultant, citizen, openings):
    before = _titles(consultant, citizen)
    top = Opening.objects.get(title=before[0])
    update_opening(actor=consultant, opening=top, status="closed")
    assert top.title not in _titles(consultant, citizen)
    assert _titles(consultant, citizen) == _fresh_titles(consultant, citizen)

    other = Opening.objects.get(title=before[1])
    update_opening(actor=consultant, opening=other, hours_min=30, hours_max=37)  # beyond the citizen's hours
    assert _titles(consultant, citizen) == _fresh_titles(consultant, citizen)


def test_openings_added_in_bulk_without_signals_are_seen(consultant, citizen, company, openings):
    before = _titles(consultant, citizen)
    Opening.objects.bulk_create([
        Opening(company=company, title="Lager i bulk", kind="placement", hours_min=2, hours_max=10, slots=SLOTS)
    ])
    after = _titles(consultant, citizen)
    assert "Lager i bulk" in after and after != before
    assert after == _fresh_titles(consultant, citizen)


def test_a_company_that_moves_out_of_reach_takes_its_openings_out_of_the_suggestions(
    consultant, citizen, company, openings
):
    assert _titles(consultant, citizen)
    company.latitude, company.longitude = 57.72, 10.58  # Skagen: beyond the citizen's travel limit from Odense
    company.save()
    assert _titles(consultant, citizen) == _fresh_titles(consultant, citizen) == []


def test_ranking_a_person_never_changes_the_kept_pools_vocabulary(consultant, citizen, openings):
    pool = matching_pool.opening_pool(access.openings_for(consultant).filter(status="open"), ON).pool
    sizes = [len(v) for v in (pool.vocab.restrictions, pool.vocab.certificates, pool.vocab.sectors,
                              pool.vocab.tasks)]
    citizen.certificates = ["truckcertifikat-som-ingen-opgave-kræver"]
    citizen.wished_sectors = ["en-sektor-ingen-har"]
    citizen.save()
    _titles(consultant, citizen)
    assert [len(v) for v in (pool.vocab.restrictions, pool.vocab.certificates, pool.vocab.sectors,
                             pool.vocab.tasks)] == sizes


def test_the_page_shows_the_kept_pools_suggestions(client, consultant, citizen, openings):
    log_in(client, consultant)
    page = client.get(reverse("web:match_citizen", args=[citizen.pk])).content.decode()
    for title in _fresh_titles(consultant, citizen):
        assert title in page
    assert f"{len(openings)} af {len(openings)} åbne opgaver passer" in page


def test_a_change_encodes_only_the_changed_opening_and_splices_the_rest(consultant, citizen, openings,
                                                                         monkeypatch):
    from smaajob.matching import pools

    before = _titles(consultant, citizen)
    encoded: list[int] = []
    real = pools.OpeningPool.from_openings  # bound to OpeningPool, the class the patch is called on

    def counting(cls, rows, vocab):
        encoded.append(len(rows))
        return real(rows, vocab)

    monkeypatch.setattr(pools.OpeningPool, "from_openings", classmethod(counting))
    update_opening(actor=consultant, opening=Opening.objects.get(title=before[-1]), hours_max=12)
    after = _titles(consultant, citizen)
    assert encoded == [1]  # the changed opening; the other rows' arrays are spliced in
    monkeypatch.undo()
    assert after == _fresh_titles(consultant, citizen)
