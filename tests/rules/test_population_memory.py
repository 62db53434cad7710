# SPDX-License-Identifier: MPL-2.0
"""The population engine's chunks and slices: the same answers however the persons are cut.

The single-case property test (test_properties.py) proves one chunk right; these prove that
cutting a population into chunks (each thread reusing its workspace) and into slices
(``population_slices``) changes nothing, on populations that use every input.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from smaajob.errors import InvalidInput
from smaajob.rules import (
    Population,
    PopulationHoursResult,
    hours_requirement_population,
    offset_population,
    parse_month,
    persons_of,
    population_slices,
)
from smaajob.rules import population as engine
from smaajob.rules.hours_requirement import REASON_CODES, Reason

MONTHS = 30
FIRSTS = ("2015-09", "2020-02", "2024-03")


def rich_population(persons: int, first: str, seed: int) -> Population:
    """Random inputs touching every branch: self-employment, sick leave, decided reductions,
    exemptions, the married, help that does not count and benefits outside the rule."""
    rng = np.random.default_rng(seed)
    start = parse_month(first)
    pop = Population.empty(persons, MONTHS, start)
    shape = (persons, MONTHS)
    pop.ordinary_hours[:] = np.where(rng.random(shape) < 0.5, rng.integers(0, 160, shape) / 4, 0)
    pop.self_employment_hours[:] = np.where(rng.random(shape) < 0.1, rng.integers(0, 80, shape) / 4,
                                            0)
    pop.self_employment_weekly_hours[:] = rng.choice([0.0, 10.0, 25.0], size=shape)
    pop.on_benefit[:] = rng.random(shape) < 0.9
    pop.rate[:] = rng.choice([0, 1, 2], p=[0.6, 0.3, 0.1], size=shape)
    pop.benefit_amount[:] = np.where(rng.random(shape) < 0.1, np.nan,
                                     rng.choice([7000.0, 11554.0, 15355.0], size=shape))
    pop.sick_days[:] = np.where(rng.random(shape) < 0.1, rng.integers(1, 31, shape), 0)
    pop.exempt[:] = rng.random(shape) < 0.05
    decided = rng.random(shape) < 0.1
    columns = np.broadcast_to(np.arange(MONTHS), shape)
    pop.restore_from[:] = np.where(decided, start + columns - rng.integers(0, 6, shape), -1)
    pop.married_both_on_help[:] = rng.random(persons) < 0.2
    assert pop.help_counts_from is not None and pop.benefit_excluded is not None
    pop.help_counts_from[:] = np.where(rng.random(persons) < 0.2, start + 5, -1)
    pop.benefit_excluded[:] = np.where(rng.random(shape) < 0.05,
                                       REASON_CODES[Reason.INTEGRATION_BENEFIT_UNMARRIED], 0)
    return pop


def assert_same(a: object, b: object) -> None:
    for field in dataclasses.fields(a):  # type: ignore[arg-type]
        left, right = getattr(a, field.name), getattr(b, field.name)
        if isinstance(left, np.ndarray):
            assert left.dtype == right.dtype, field.name
            assert np.array_equal(left, right, equal_nan=left.dtype.kind == "f"), field.name
        else:
            assert left == right, field.name


@pytest.mark.parametrize("first", FIRSTS)
@pytest.mark.parametrize("workers", [1, 2])
def test_chunks_give_what_one_chunk_gives(monkeypatch: pytest.MonkeyPatch, first: str,
                                          workers: int) -> None:
    pop = rich_population(23, first, seed=len(first) + workers)
    wage = pop.ordinary_hours * 130.0
    monkeypatch.setattr(engine, "CHUNK_CELLS", 10**9)
    whole = hours_requirement_population(pop)
    whole_offset = offset_population(pop.first_month, wage=wage, hours=pop.ordinary_hours,
                                     benefit=pop.benefit_amount)
    # 4 persons a chunk: six chunks, the last of 3, every workspace used again and again.
    monkeypatch.setattr(engine, "CHUNK_CELLS", 4 * (MONTHS + 1))
    monkeypatch.setattr(engine, "WORKERS", workers)
    assert engine.chunk_persons(MONTHS) == 4
    assert_same(hours_requirement_population(pop), whole)
    assert_same(offset_population(pop.first_month, wage=wage, hours=pop.ordinary_hours,
                                  benefit=pop.benefit_amount), whole_offset)


def test_a_thread_allocates_its_temporaries_once_not_per_chunk(
        monkeypatch: pytest.MonkeyPatch) -> None:
    created: list[str] = []

    class CountingWorkspace(engine._Workspace):
        def get(self, name: str, persons: int, width: int, dtype: type[np.generic]) -> np.ndarray:
            if name not in self._arrays:
                created.append(name)
            return super().get(name, persons, width, dtype)

    monkeypatch.setattr(engine, "_Workspace", CountingWorkspace)
    monkeypatch.setattr(engine, "WORKERS", 1)
    monkeypatch.setattr(engine, "CHUNK_CELLS", 4 * (MONTHS + 1))
    pop = rich_population(4, "2020-02", seed=7)
    hours_requirement_population(pop)
    one_chunk = len(created)
    created.clear()
    hours_requirement_population(rich_population(40, "2020-02", seed=7))
    assert one_chunk > 10
    assert len(created) == one_chunk        # ten chunks, the same arrays as one


@pytest.mark.parametrize("first", FIRSTS)
@pytest.mark.parametrize("cells", [1, MONTHS * 5, MONTHS * 5 + 7, 10**6])
def test_slices_give_what_the_whole_population_gives(first: str, cells: int) -> None:
    pop = rich_population(17, first, seed=cells % 97)
    whole = hours_requirement_population(pop)
    asked: list[tuple[int, int]] = []

    def load(start: int, stop: int) -> Population:
        asked.append((start, stop))
        return persons_of(pop, start, stop)

    slices = list(population_slices(17, load, cells=cells))
    per_slice = max(1, cells // MONTHS)
    assert [(s.start, s.stop) for s in slices] == [
        (lo, min(lo + per_slice, 17)) for lo in range(0, 17, per_slice)]
    assert all(stop - start <= per_slice for start, stop in asked)
    joined = PopulationHoursResult(first_month=whole.first_month, **{
        f.name: np.concatenate([getattr(s.hours, f.name) for s in slices])
        for f in dataclasses.fields(PopulationHoursResult) if f.name != "first_month"})
    assert_same(joined, whole)


def test_slices_refuse_persons_with_other_months() -> None:
    pop = rich_population(6, "2020-02", seed=1)
    other = rich_population(6, "2020-03", seed=1)

    def load(start: int, stop: int) -> Population:
        return persons_of(pop if start == 0 else other, start, stop)

    with pytest.raises(InvalidInput, match="samme måneder"):
        list(population_slices(6, load, cells=2 * MONTHS))
    with pytest.raises(InvalidInput, match="mindst én personmåned"):
        list(population_slices(6, load, cells=0))


def test_no_persons_no_slices() -> None:
    def load(start: int, stop: int) -> Population:
        raise AssertionError("nothing to load")

    assert list(population_slices(0, load)) == []
