# SPDX-License-Identifier: MPL-2.0
"""One process that runs the population engine on a saved population and reports its cost.

Run by ``rules_population.py`` (the memory table and ``--before REV``): with ``PYTHONPATH``
pointing at another revision's ``src`` it measures that revision on exactly the same inputs.
Uses only the engine's long-standing API (``Population.empty``, ``hours_requirement_population``,
``offset_population``), so older revisions run it too. Prints one JSON line: median wall and CPU
seconds, minor and major page faults per run (``getrusage``), the process's peak RSS, and
writes status, proposed amount and benefit after the offset to an ``.npz`` so the caller can
check that both revisions give the same answers.

    python rules_engine_run.py POPULATION.npz REPEATS THREADS RESULT.npz
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time

import numpy as np

from smaajob.rules import population as population_module
from smaajob.rules.population import Population, hours_requirement_population, offset_population


def load(path: str) -> tuple[Population, np.ndarray]:
    with np.load(path) as data:
        persons, months = data["ordinary_hours"].shape
        pop = Population.empty(persons, months, int(data["first_month"]))
        for name in data.files:
            if name not in ("first_month", "wage"):
                getattr(pop, name)[...] = data[name]
        return pop, data["wage"]


def main() -> None:
    path, repeats, threads, result_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    pop, wage = load(path)
    population_module.WORKERS = threads or None

    def run() -> tuple[object, object]:
        hours = hours_requirement_population(pop)
        offset = offset_population(pop.first_month, wage=wage, hours=pop.ordinary_hours,
                                   benefit=pop.benefit_amount)
        return hours, offset

    run()  # warm-up: parameter caches
    walls, cpus, minor, major = [], [], [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_SELF)
        wall = time.perf_counter()
        hours, offset = run()
        walls.append(time.perf_counter() - wall)
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        minor.append(after.ru_minflt - before.ru_minflt)
        major.append(after.ru_majflt - before.ru_majflt)
        system = after.ru_stime - before.ru_stime
    np.savez(result_path, status=hours.status, amount=hours.amount,  # type: ignore[attr-defined]
             benefit_after=offset.benefit_after)  # type: ignore[attr-defined]
    print(json.dumps({
        "wall_s": statistics.median(walls), "cpu_s": statistics.median(cpus),
        "system_s_last": system, "minor_faults": statistics.median(minor),
        "major_faults": statistics.median(major),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main()
