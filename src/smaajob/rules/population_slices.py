# SPDX-License-Identifier: MPL-2.0
"""The population engine over a population too large to hold at once, a slice at a time.

The whole country is about 1.5 million people; their monthly inputs and results over 15
years (270 million person-months, some 100 bytes each) do not fit in memory together. The
nightly recompute instead asks for the persons in slices of at most ``SLICE_CELLS``
person-months, computes each with ``hours_requirement_population`` and hands it on before the
next is loaded; only one slice's inputs and results are alive at a time (a few hundred MiB
at the default size). Persons are independent, so the sliced results are exactly the
unsliced ones (tested).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields

from smaajob.errors import InvalidInput
from smaajob.rules.parameters import ParameterSet, default_parameters
from smaajob.rules.population import (
    Population,
    PopulationHoursResult,
    hours_requirement_population,
)

# Person-months per slice: 8 million is 44,000 persons over 15 years, about 0.9 GiB with
# inputs, results and the engine's temporaries.
SLICE_CELLS = 1 << 23


@dataclass(frozen=True)
class PopulationSlice:
    """Persons ``start`` … ``stop − 1`` of the whole population, their inputs and results
    (row ``i`` is person ``start + i``)."""

    start: int
    stop: int
    population: Population
    hours: PopulationHoursResult


def slice_persons(months: int, cells: int = SLICE_CELLS) -> int:
    """Persons per slice for ``months`` months: ``cells`` person-months, at least one person."""
    return max(1, cells // max(months, 1))


def population_slices(persons: int, load: Callable[[int, int], Population], *,
                      cells: int = SLICE_CELLS,
                      params: ParameterSet | None = None) -> Iterator[PopulationSlice]:
    """The 225-hour status of ``persons`` citizens, one slice of persons at a time.

    ``load(start, stop)`` returns the inputs of persons ``start`` … ``stop − 1`` (for example
    read from the database or a file); each slice holds about ``cells`` person-months. A
    caller that keeps only what it needs of each slice (counts, the persons with a proposed
    reduction) keeps memory to one slice, whatever the size of the population.
    """
    if persons < 0:
        raise InvalidInput("antallet af personer kan ikke være negativt", field="persons")
    if cells < 1:
        raise InvalidInput("en del skal have mindst én personmåned", field="cells")
    params = params or default_parameters()
    step: int | None = None
    start = 0
    while start < persons:
        if step is None:
            # The first slice tells the number of months; later slices must have the same.
            first = load(start, min(start + 1, persons))
            step = slice_persons(first.shape[1], cells)
            months, first_month = first.shape[1], first.first_month
            del first
        stop = min(start + step, persons)
        population = load(start, stop)
        if population.shape != (stop - start, months) or population.first_month != first_month:
            raise InvalidInput(f"personerne {start}-{stop - 1} har ikke de samme måneder som de "
                               "første", field="load")
        yield PopulationSlice(start, stop, population,
                              hours_requirement_population(population, params))
        start = stop


def persons_of(population: Population, start: int, stop: int) -> Population:
    """Persons ``start`` … ``stop − 1`` of ``population`` (views, nothing copied)."""
    values = {f.name: getattr(population, f.name) for f in fields(Population)}
    return Population(**{name: value[start:stop] if name != "first_month" and value is not None
                         else value for name, value in values.items()})
