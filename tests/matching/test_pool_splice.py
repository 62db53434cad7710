# SPDX-License-Identifier: MPL-2.0
"""A kept opening pool spliced with the changed rows equals a pool built afresh (issue 22)."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest

from smaajob.matching import (
    InvalidMatchingInput,
    Opening,
    OpeningPool,
    Ranking,
    build_opening_pool,
    splice_opening_pool,
    top_openings_for,
    week_mask,
)
from tests.matching.factories import ROSKILDE, candidate, opening

SECTORS = ["detail", "lager", "køkken", "pleje", ""]
WORDS = ["opvask", "pakning", "kørsel", "rengøring", "kasse", "have"]
TAGS = ["løft", "stå", "støj", "trapper"]
CERTIFICATES = ["truck", "hygiejne", "kørekort-b"]


def random_opening(rng: random.Random, pk: int, extra: str = "") -> Opening:
    low = rng.randint(1, 8)
    days = sorted(rng.sample(range(5), rng.randint(2, 5)))
    return opening(
        str(pk), company_id=str(rng.randint(1, 30)), hours_min=low, hours_max=low + rng.randint(0, 8),
        lat=ROSKILDE[0] + rng.uniform(-0.1, 0.1), lon=ROSKILDE[1] + rng.uniform(-0.1, 0.1),
        slots=week_mask([(d, "08:00", "15:00") for d in days]),
        danish_level=rng.choice([0, 0, 1, 2]), sector=rng.choice(SECTORS) + extra,
        accommodations=frozenset(rng.sample(TAGS, rng.randint(0, 2))) | ({f"tag{extra}"} if extra else set()),
        required_certificates=frozenset(rng.sample(CERTIFICATES, rng.randint(0, 1))),
        tasks=frozenset(rng.sample(WORDS, rng.randint(1, 2)) + ([f"ord{extra}"] if extra else [])),
        capacity=rng.randint(1, 3), filled=rng.randint(0, 1), buddy=rng.random() < 0.2,
        company_placements=4, company_conversions=rng.randint(0, 4),
        company_employees=rng.choice([None, 5, 40, 300]),
    )


def decoded(pool: OpeningPool) -> dict[str, list[object]]:
    """Every column as values that do not depend on the vocabularies' bit positions."""
    out: dict[str, list[object]] = {}
    for field in dataclasses.fields(OpeningPool):
        name = field.name
        if name == "vocab":
            continue
        column = getattr(pool, name)
        if name in ("accommodations", "certificates", "tasks"):
            vocab = {"accommodations": pool.vocab.restrictions, "certificates": pool.vocab.certificates,
                     "tasks": pool.vocab.tasks}[name]
            out[name] = [sorted(vocab.decode(row)) for row in column]
        elif name == "sector":
            out[name] = [pool.vocab.sectors.name(int(i)) if i else "" for i in column]
        elif isinstance(column, tuple):
            out[name] = list(column)
        elif column.ndim == 2:
            out[name] = [x.tolist() for x in column]
        else:
            out[name] = [None if x != x else x for x in column.tolist()]  # NaN (unknown) as None
    return out


def explanation_texts(ranking: Ranking) -> list[str]:
    """Each suggestion's explanation as text (top_openings_for explains every suggestion by default)."""
    texts = []
    for s in ranking.suggestions:
        assert s.explanation is not None, s.id
        texts.append(s.explanation.text())
    return texts


@pytest.mark.parametrize("seed", range(8))
def test_a_spliced_pool_equals_a_pool_built_afresh(seed: int) -> None:
    rng = random.Random(seed)
    before = {pk: random_opening(rng, pk) for pk in rng.sample(range(1, 400), 60)}
    old = build_opening_pool([before[pk] for pk in sorted(before)])
    snapshot = decoded(old)
    # Some rows removed, some changed (with tags and a sector no row had), some new.
    removed = set(rng.sample(sorted(before), 10))
    changed = {pk: random_opening(rng, pk, extra="-ny") for pk in rng.sample(sorted(set(before) - removed), 8)}
    new = {pk: random_opening(rng, pk, extra=str(seed)) for pk in rng.sample(range(400, 500), 5)}
    after = {pk: o for pk, o in before.items() if pk not in removed}
    after.update(changed)
    after.update(new)
    keep = np.array([pk not in removed and pk not in changed for pk in sorted(before)])
    added = [o for _, o in sorted({**changed, **new}.items())]

    spliced = splice_opening_pool(old, keep, added, order=int)
    fresh = build_opening_pool([after[pk] for pk in sorted(after)])

    assert decoded(spliced) == decoded(fresh)
    assert decoded(old) == snapshot                    # the kept pool is not touched
    for k, citizen in enumerate([candidate("a"), candidate("b", weekly_hours=3, danish_level=1),
                                 candidate("c", restrictions=frozenset({"løft"}), wished_tasks=frozenset({"opvask"}),
                                           travel_limit_km=40)]):
        a = top_openings_for(citizen, spliced, 15)
        b = top_openings_for(citizen, fresh, 15)
        assert [(s.id, s.score) for s in a.suggestions] == [(s.id, s.score) for s in b.suggestions], k
        assert explanation_texts(a) == explanation_texts(b)


def test_splicing_needs_one_keep_value_per_row() -> None:
    pool = build_opening_pool([opening("1"), opening("2")])
    with pytest.raises(InvalidMatchingInput, match="én værdi pr. opgave"):
        splice_opening_pool(pool, np.array([True]), [])


def test_without_an_order_the_new_rows_come_last() -> None:
    pool = build_opening_pool([opening("5"), opening("7")])
    spliced = splice_opening_pool(pool, np.array([False, True]), [opening("1")])
    assert spliced.ids == ("7", "1")
