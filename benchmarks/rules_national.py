# SPDX-License-Identifier: MPL-2.0
"""Benchmark (issue 22 item 5): the 225-hour status and the offset for the whole country.

1.5 million citizens × 15 years (180 months) is 270 million person-months: the inputs and
results alone would take about 28 GiB. ``smaajob.rules.population_slices`` runs them a slice
at a time; each slice's inputs are made (here: synthetic, seeded by the slice) when asked for,
and only counts and sums are kept. Side by side, each in its own process so its peak memory is
its own:

(a) sliced: the whole country, status and offset, peak RSS and time;
(b) unsliced baseline: the engine on ``--baseline-persons`` at once, its peak RSS per
    person-month extrapolated to the country (the memory the sliced run saves);
(c) a check: on ``--check-persons`` the sliced and the unsliced counts and sums must be equal,
    else the run fails.

    .venv/bin/python benchmarks/rules_national.py                    # 1.5 M × 180 (minutes)
    .venv/bin/python benchmarks/rules_national.py --persons 200000   # a first look
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rules_population import machine, synthetic_population  # noqa: E402

from smaajob.rules import (  # noqa: E402
    Population,
    hours_requirement_population,
    offset_population,
    population_slices,
)
from smaajob.rules.population_slices import SLICE_CELLS  # noqa: E402

WAGES: dict[int, np.ndarray] = {}


def load(start: int, stop: int, months: int) -> Population:
    """Persons ``start`` … ``stop − 1``: the same persons whatever the slicing (seeded by
    person blocks of 1,000, generated block by block)."""
    blocks = [synthetic_population(1000, months, seed=2016 + block)
              for block in range(start // 1000, (stop - 1) // 1000 + 1)]
    lo = start - (start // 1000) * 1000
    pops = [p for p, _ in blocks]
    wage = np.concatenate([w for _, w in blocks])[lo:lo + stop - start]
    WAGES[start] = wage
    fields = ("ordinary_hours", "self_employment_hours", "self_employment_weekly_hours",
              "on_benefit", "rate", "benefit_amount", "sick_days", "exempt", "restore_from",
              "married_both_on_help", "help_counts_from", "benefit_excluded")
    return Population(pops[0].first_month, **{
        f: np.concatenate([getattr(p, f) for p in pops])[lo:lo + stop - start] for f in fields})


def totals(pop: Population, hours: object, wage: np.ndarray) -> dict[str, int]:
    offset = offset_population(pop.first_month, wage=wage, hours=pop.ordinary_hours,
                               benefit=pop.benefit_amount)
    status = hours.status  # type: ignore[attr-defined]
    out = {f"status_{code}": int((status == code).sum()) for code in range(5)}
    # Sums in whole øre, as integers: the same in any order of adding, sliced or not.
    out["proposed_ore"] = _ore(hours.amount)  # type: ignore[attr-defined]
    out["benefit_after_ore"] = _ore(offset.benefit_after)
    return out


def _ore(amounts: np.ndarray) -> int:
    return int(np.rint(np.nan_to_num(amounts) * 100).astype(np.int64).sum())


def child(mode: str, persons: int, months: int, cells: int) -> dict[str, object]:
    before = resource.getrusage(resource.RUSAGE_SELF)
    wall = time.perf_counter()
    sums: dict[str, int] = {}
    slices = 0
    if mode == "sliced":
        for part in population_slices(persons, lambda a, b: load(a, b, months), cells=cells):
            for key, value in totals(part.population, part.hours, WAGES.pop(part.start)).items():
                sums[key] = sums.get(key, 0) + value
            slices += 1
    else:
        pop = load(0, persons, months)
        sums = totals(pop, hours_requirement_population(pop), WAGES.pop(0))
        slices = 1
    after = resource.getrusage(resource.RUSAGE_SELF)
    return {"wall_s": time.perf_counter() - wall,
            "cpu_s": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime,
            "kernel_s": after.ru_stime - before.ru_stime,
            "page_faults": after.ru_minflt - before.ru_minflt + after.ru_majflt - before.ru_majflt,
            "peak_rss_mib": after.ru_maxrss / 1024, "slices": slices, "sums": sums}


def run_child(mode: str, persons: int, months: int, cells: int) -> dict[str, object]:
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--persons", str(persons),
                          "--months", str(months), "--cells", str(cells)],
                         capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=1_500_000)
    parser.add_argument("--months", type=int, default=180)
    parser.add_argument("--cells", type=int, default=SLICE_CELLS, help="person-months per slice")
    parser.add_argument("--baseline-persons", type=int, default=50_000)
    parser.add_argument("--check-persons", type=int, default=20_000)
    parser.add_argument("--child", choices=("sliced", "whole"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.persons, args.months, args.cells)))
        return 0
    load_before = os.getloadavg()[0]
    # (c) first: a sliced run that disagrees with the unsliced one makes every figure void.
    small_cells = max(args.months, args.check_persons * args.months // 7)
    check_sliced = run_child("sliced", args.check_persons, args.months, small_cells)
    check_whole = run_child("whole", args.check_persons, args.months, args.cells)
    if check_sliced["sums"] != check_whole["sums"]:
        print(f"FEJL: delt og udelt kørsel er uenige: {check_sliced['sums']} != "
              f"{check_whole['sums']}", file=sys.stderr)
        return 1
    baseline = run_child("whole", args.baseline_persons, args.months, args.cells)
    national = run_child("sliced", args.persons, args.months, args.cells)
    load_after = os.getloadavg()[0]
    cells = args.persons * args.months
    per_cell = float(baseline["peak_rss_mib"]) / (args.baseline_persons * args.months)  # type: ignore[arg-type]
    print(machine())
    print(f"Load average (1 min) {load_before:.1f} at the start, {load_after:.1f} at the end.\n")
    print("| run | persons × months | slices | wall s | CPU s | kernel s | page faults | "
          "peak RSS MiB |\n|---|---|---:|---:|---:|---:|---:|---:|")
    for name, persons, result in (
            ("(a) sliced, status + offset", args.persons, national),
            ("(b) unsliced baseline", args.baseline_persons, baseline),
            ("(c) check, sliced", args.check_persons, check_sliced),
            ("(c) check, unsliced", args.check_persons, check_whole)):
        print(f"| {name} | {persons:,} × {args.months} | {result['slices']} | "
              f"{result['wall_s']:.1f} | {result['cpu_s']:.1f} | {result['kernel_s']:.2f} | "
              f"{result['page_faults']:,} | {result['peak_rss_mib']:,.0f} |")
    print(f"\n(b) at {per_cell * 1024 * 1024:.0f} bytes of peak RSS per person-month, "
          f"{cells:,} person-months unsliced would need about {per_cell * cells / 1024:,.1f} GiB; "
          f"sliced, the peak was {float(national['peak_rss_mib']) / 1024:.2f} GiB "  # type: ignore[arg-type]
          f"({per_cell * cells / float(national['peak_rss_mib']):.0f}× less). "  # type: ignore[arg-type]
          f"CPU per million person-months: sliced {float(national['cpu_s']) / cells * 1e6:.2f} s, "  # type: ignore[arg-type]
          f"unsliced {float(baseline['cpu_s']) / (args.baseline_persons * args.months) * 1e6:.2f} s "  # type: ignore[arg-type]
          "(both include making the synthetic inputs).")
    print(f"(c) sliced and unsliced status counts and sums (øre) are equal: {check_whole['sums']}")
    print(f"(a) totals: {national['sums']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
