# SPDX-License-Identifier: MPL-2.0
"""Benchmark: monthly 225-hour status and earnings offset for 150,000 citizens × 36 months.

Runs, side by side and on the same synthetic population:

(a) the vectorised engine (``smaajob.rules.population``),
(b) a straightforward per-citizen Python loop over the single-case API (a subsample, then
    extrapolated — the output says so),
(c) the same formulas written for openfisca-core, in ``.venv-bench`` (a subprocess),

and the single-case explain latency. It also times the earnings offset alone on the same
wages for months from July 2025 (free amount by rate, 65 % taper, krone-for-krone cut-off)
against the same months under the hourly disregard, so both regimes are shown at the same
size. Prints medians and ratios against (a) measured in the same run. ``--write-docs`` also
replaces the "Benefit rules (issue 3)" section of
docs/performance.md. One command::

    benchmarks/setup-openfisca-venv   # once
    .venv/bin/python benchmarks/rules_population.py --write-docs
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from smaajob.errors import UnknownValue
from smaajob.rules import (
    FREE_AMOUNT_CODES,
    BenefitFacts,
    CitizenCase,
    MonthRecord,
    Period,
    Population,
    Rate,
    compute_keep,
    hours_requirement_population,
    hours_requirement_status,
    offset_population,
    parse_month,
)
from smaajob.rules import population as population_module
from smaajob.rules.hours_requirement import MAX_WINDOW_MONTHS, STATUS_CODES, month_rules
from smaajob.rules.months import days_in_month, month_end, month_start
from smaajob.rules.offset import (
    FULL_OFFSET_SHARE_PARAMETER,
    HOURLY,
    FreeAmountKind,
    offset_benefit,
    offset_regime,
)
from smaajob.rules.parameters import ParameterSet, default_parameters

ROOT = Path(__file__).resolve().parent.parent
BENCH_PYTHON = ROOT / ".venv-bench" / "bin" / "python"
FIRST = parse_month("2020-01")
REFORM = parse_month("2025-07")   # first month of the kontanthjælp system of lov nr. 1655/2024
SECTION = "## Benefit rules (issue 3)"
# Amounts from OpenFisca must agree to half an øre: it stores float variables as float32.
OPENFISCA_TOLERANCE = 0.005
# Written by hand when the engine changes; --write-docs keeps it under the measured figures.
HISTORY = """\
Earlier engine, for comparison: measured in one process, interleaved run by run with the
current engine (7 runs each, status + offset for 150,000 × 36, load average 8–10 on the 2
cores): **before 5.79 s wall / 2.21 s CPU, after 1.85 s wall / 0.85 s CPU** (medians). What
changed in `smaajob.rules.population`, with every result bit-for-bit the same (hypothesis
property test against the single case, plus a randomised comparison with the earlier engine
on about 300 populations: restored reductions, self-employment, sick leave, months 2012–2030):
per-month values worked out once per population and laid out as contiguous tiles, so numpy
runs one flat loop instead of one 36-element loop per person; the sick-leave window's first
round for all cells at once with a day→months table, later rounds only for the few cells still
growing; status and reason from a 512-entry decision table built from the single case's own
decision order; masks applied by exact products instead of masked copies; chunks writing
straight into the result (no concatenation); the offset computed per regime run only.
Plain numpy, no compiled extension."""


def synthetic_population(persons: int, months: int, seed: int = 2016,
                         first: int = FIRST) -> tuple[Population, np.ndarray]:
    """Citizens far from the labour market: most without hours, some with a småjob."""
    rng = np.random.default_rng(seed)
    pop = Population.empty(persons, months, first)
    working = rng.random(persons) < 0.3
    weekly = rng.choice([2.0, 5.0, 8.0, 12.0, 20.0], size=persons)
    noise = rng.random((persons, months)) < 0.8
    pop.ordinary_hours[:] = np.where(working[:, None] & noise,
                                     np.round(weekly[:, None] * 52 / 12 * 4) / 4, 0.0)
    pop.on_benefit[:] = rng.random((persons, months)) < 0.92
    pop.rate[:] = rng.choice([0, 1, 2], p=[0.7, 0.25, 0.05], size=(persons, 1))
    pop.benefit_amount[:] = rng.choice([11554.0, 15355.0, 7000.0], size=(persons, 1))
    pop.sick_days[:] = np.where(rng.random((persons, months)) < 0.03, 14, 0)
    exempt_from = rng.integers(0, months * 3, size=persons)
    pop.exempt[:] = np.arange(months)[None, :] >= exempt_from[:, None]
    pop.married_both_on_help[:] = rng.random(persons) < 0.05
    hourly_wage = rng.choice([120.0, 130.0, 150.0], size=(persons, 1))
    wage = pop.ordinary_hours * hourly_wage
    return pop, wage


def as_cases(pop: Population, people: range) -> list[CitizenCase]:
    cases = []
    first = pop.first_month
    for p in people:
        records = tuple(
            MonthRecord(first + c, ordinary_hours=float(pop.ordinary_hours[p, c]),
                        on_covered_benefit=bool(pop.on_benefit[p, c]),
                        rate=list(Rate)[int(pop.rate[p, c])],
                        benefit_amount=float(pop.benefit_amount[p, c]),
                        sick_days=int(pop.sick_days[p, c]))
            for c in range(pop.shape[1]))
        exempt_columns = np.flatnonzero(pop.exempt[p])
        exemptions = (Period(month_start(first + int(exempt_columns[0]))),) \
            if exempt_columns.size else ()
        cases.append(CitizenCase(records, exemptions=exemptions,
                                 married_both_on_help=bool(pop.married_both_on_help[p])))
    return cases


def median_time(fn: Callable[[], object], repeats: int) -> float:
    return median_times(fn, repeats)[0]


def median_times(fn: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median wall time and median CPU time (all threads of this process) of ``fn``."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def vectorised_both_ways(pop: Population, wage: np.ndarray,
                         repeats: int) -> dict[str, tuple[float, float]]:
    """(a) with one thread per core and with one thread, runs interleaved so load drift hits both."""
    runs: dict[str, list[tuple[float, float]]] = {"threads": [], "one": []}
    try:
        for _ in range(repeats):
            for name, workers in (("threads", None), ("one", 1)):
                population_module.WORKERS = workers
                runs[name].append(median_times(lambda: vectorised(pop, wage), 1))
    finally:
        population_module.WORKERS = None
    return {name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
            for name, values in runs.items()}


def vectorised(pop: Population, wage: np.ndarray) -> tuple[Any, Any]:
    hours = hours_requirement_population(pop)
    offset = offset_population(pop.first_month, wage=wage, hours=pop.ordinary_hours,
                               benefit=pop.benefit_amount)
    return hours, offset


def offset_by_regime(wage: np.ndarray, hours: np.ndarray, benefit: np.ndarray,
                     repeats: int, seed: int = 2025) -> dict[str, tuple[float, float]]:
    """The offset alone on the same person-months, dated from 2020-01 (hourly disregard) and
    from 2025-07 (free amount by rate, taper, cut-off), runs interleaved."""
    rng = np.random.default_rng(seed)
    kinds = rng.choice(np.array(list(FREE_AMOUNT_CODES.values()), dtype=np.int8),
                       p=[0.5, 0.4, 0.1], size=(wage.shape[0], 1))
    runs: dict[str, list[tuple[float, float]]] = {"hourly": [], "reform": []}
    calls: dict[str, Callable[[], object]] = {
        "hourly": lambda: offset_population(FIRST, wage=wage, hours=hours, benefit=benefit),
        "reform": lambda: offset_population(REFORM, wage=wage, hours=hours, benefit=benefit,
                                            free_amount_kind=kinds),
    }
    for call in calls.values():
        call()  # warm-up: parameter caches
    for _ in range(repeats):
        for name, call in calls.items():
            runs[name].append(median_times(call, 1))
    return {name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
            for name, values in runs.items()}


def per_citizen_loop(cases: list[CitizenCase], wage: np.ndarray, months: int,
                     first: int) -> dict[str, np.ndarray]:
    """(b): status, proposed amount and benefit after the offset of every person-month of
    ``cases``, one single-case call at a time (NaN where an amount is not given or not known)."""
    out = {"status": np.empty((len(cases), months), dtype=np.int8),
           "amount": np.full((len(cases), months), np.nan),
           "benefit_after": np.full((len(cases), months), np.nan)}
    for p, case in enumerate(cases):
        for c in range(months):
            month = first + c
            status = hours_requirement_status(case, month)
            out["status"][p, c] = STATUS_CODES[status.status]
            if status.amount is not None:
                out["amount"][p, c] = status.amount
            record = case.record(month)
            # An unknown legal value raises; the vectorised engine gives NaN instead.
            with contextlib.suppress(UnknownValue):
                out["benefit_after"][p, c] = offset_benefit(
                    month_end(month), benefit=record.benefit_amount or 0.0,
                    wage=float(wage[p, c]), hours=record.ordinary_hours).benefit_after
    return out


def disagreements(name: str, engine: dict[str, np.ndarray], other: dict[str, np.ndarray],
                  first_month: int, tolerance: float = 1e-6) -> list[str]:
    """Every field of ``other`` against the engine's, cell by cell: statuses exactly, amounts
    to ``tolerance`` kr. (sums in another order may differ in the last bit); NaN only where NaN."""
    found = []
    for field, theirs in other.items():
        ours = engine[field][:theirs.shape[0]]
        if field == "status":
            bad = ours != theirs
        else:
            both_nan = np.isnan(ours) & np.isnan(theirs)
            bad = ~both_nan & ~(np.abs(ours - theirs) <= tolerance)
        if bad.any():
            cells = np.argwhere(bad)[:5]
            shown = ", ".join(f"person {p} {label(first_month + c)}: engine {ours[p, c]!r}, "
                              f"{name} {theirs[p, c]!r}" for p, c in cells)
            found.append(f"{name} disagrees with the engine on {field} in {int(bad.sum()):,} of "
                         f"{bad.size:,} person-months ({shown})")
    return found


def label(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def engine_arrays(pop: Population, wage: np.ndarray) -> dict[str, np.ndarray]:
    hours, offset = vectorised(pop, wage)
    return {"status": hours.status, "amount": hours.amount, "benefit_after": offset.benefit_after}


def parameter_columns(first: int, months: int) -> dict[str, dict[str, float]]:
    params = default_parameters()
    columns: dict[str, dict[str, float]] = {}
    lo = first - MAX_WINDOW_MONTHS - 40
    for month in range(lo, first + months + 2):
        key = f"{month // 12:04d}-{month % 12 + 1:02d}"
        rules = month_rules(params, month)
        values = {
            "in_force": float(rules.in_force), "payable": float(rules.payable),
            "suspended": float(rules.suspended), "suspension_days": float(rules.suspension_days),
            "days": float(days_in_month(month)), "required": rules.required_hours,
            "window": float(rules.window_months), "coverage": float(rules.coverage_months),
            "lookback": float(rules.coverage_lookback), "se_min": 20.0,
            "reduction_full": math.nan if rules.reduction_full is None else rules.reduction_full,
            "reduction_lower": math.nan if rules.reduction_lower is None else rules.reduction_lower,
            "extension": float(rules.extension_days),
            "married_only": float(rules.in_force and rules.married_only),
        }
        day = month_end(month)
        if day.year >= 2011:
            values["am"] = params.number("labour_market_contribution_rate", day)
            hourly = offset_regime(params, day) == HOURLY
            values["hourly"] = float(hourly)
            for name, param in (("per_hour", "earnings_disregard_per_hour"),
                                ("cap", "earnings_disregard_max_hours_per_month"),
                                ("free", "earnings_free_amount_per_month"),
                                ("share", "earnings_excess_deduction_rate")):
                entry = params.entry(param, day)
                values[name] = math.nan if entry.value is None else float(entry.value)
            values["threshold"] = (
                _number(params, FULL_OFFSET_SHARE_PARAMETER[FreeAmountKind.STANDARD], day)
                * _number(params, "dagpenge_max_per_month", day)) if not hourly else math.nan
        for name, value in values.items():
            columns.setdefault(name, {})[key] = value
    return columns


def _number(params: ParameterSet, name: str, day: dt.date) -> float:
    entry = params.entry(name, day)
    return math.nan if entry.value is None or not entry.usable else float(entry.value)


def run_openfisca(pop: Population, wage: np.ndarray, repeats: int) -> dict[str, object] | None:
    if not BENCH_PYTHON.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        npz = Path(tmp) / "population.npz"
        np.savez(npz, ordinary_hours=pop.ordinary_hours,
                 self_employment_hours=pop.self_employment_hours,
                 self_employment_weekly_hours=pop.self_employment_weekly_hours,
                 on_benefit=pop.on_benefit, rate=pop.rate.astype(np.int64),
                 benefit_amount=pop.benefit_amount, sick_days=pop.sick_days.astype(np.int64),
                 exempt=pop.exempt, restore_from=pop.restore_from.astype(np.int64),
                 married=pop.married_both_on_help, wage=wage)
        params_path = Path(tmp) / "params.json"
        params_path.write_text(json.dumps({"first_month": pop.first_month,
                                           "columns": parameter_columns(*reversed_shape(pop))}))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run(
            [str(BENCH_PYTHON), str(Path(__file__).with_name("rules_openfisca.py")), str(npz),
             str(params_path), str(repeats), str(Path(tmp) / "result.npz")],
            capture_output=True, text=True, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
        with np.load(Path(tmp) / "result.npz") as arrays:
            result["arrays"] = {name: arrays[name] for name in arrays.files}
        # CPU of the whole child (start-up, loading and every repeat), spread over the repeats:
        # an upper bound for one run's CPU time.
        result["cpu_seconds_per_run"] = (after.ru_utime + after.ru_stime - before.ru_utime
                                         - before.ru_stime) / repeats
        return result


INPUT_FIELDS = ("ordinary_hours", "self_employment_hours", "self_employment_weekly_hours",
                "on_benefit", "rate", "benefit_amount", "sick_days", "exempt", "restore_from",
                "married_both_on_help")


def engine_processes(pop: Population, wage: np.ndarray, before: str | None, repeats: int,
                     rounds: int) -> tuple[list[str], list[str]]:
    """The engine (and, with ``before``, git revision ``before``'s engine, from a temporary
    folder) each in its own process on the same saved population, with one thread and with
    one per core, rounds interleaved so load drift hits both alike: median wall and CPU time,
    page faults and peak RSS per process. Returns table lines and disagreements (the two
    revisions must give the same status, amounts and offset, bit for bit)."""
    tmp = Path(tempfile.mkdtemp(prefix="smaajob-bench-rules-"))
    try:
        npz = tmp / "population.npz"
        np.savez(npz, first_month=pop.first_month, wage=wage,
                 **{name: getattr(pop, name) for name in INPUT_FIELDS})
        sources = {"current": ROOT / "src"}
        if before:
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", before,
                                      "src"], capture_output=True, check=True).stdout
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(tmp / "before", filter="data")
            sources = {f"before ({before})": tmp / "before" / "src", **sources}
        runs: dict[tuple[str, int], list[dict[str, float]]] = {}
        for _ in range(rounds):
            for threads in (1, 0):
                for name, src in sources.items():
                    result = tmp / f"result-{len(runs)}.npz"
                    out = subprocess.run(
                        [sys.executable, str(Path(__file__).with_name("rules_engine_run.py")),
                         str(npz), str(repeats), str(threads), str(result)],
                        capture_output=True, text=True, check=True,
                        env={**os.environ, "PYTHONPATH": str(src)})
                    runs.setdefault((name, threads), []).append(
                        json.loads(out.stdout.strip().splitlines()[-1]))
                    result.rename(tmp / f"{name.split()[0]}-{threads}.npz")
        problems = []
        if before:
            with np.load(tmp / "before-0.npz") as old, np.load(tmp / "current-0.npz") as new:
                problems = disagreements(f"revision {before}", {k: new[k] for k in new.files},
                                         {k: old[k] for k in old.files}, pop.first_month,
                                         tolerance=0.0)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    workers = os.cpu_count() or 1
    lines = ["| engine | threads | median wall s | median CPU s | of which kernel s | "
             "page faults per run | peak RSS MiB |", "|---|---:|---:|---:|---:|---:|---:|"]
    medians: dict[tuple[str, int], dict[str, float]] = {}
    for (name, threads), values in runs.items():
        m = medians[name, threads] = {key: statistics.median(v[key] for v in values)
                                      for key in values[0]}
        lines.append(f"| {name} | {threads or workers} | {m['wall_s']:.3f} | {m['cpu_s']:.3f} | "
                     f"{m['system_s_last']:.3f} | {m['minor_faults'] + m['major_faults']:,.0f} | "
                     f"{m['peak_rss_mib']:,.0f} |")
    if before:
        for threads in (1, 0):
            old, new = medians[f"before ({before})", threads], medians["current", threads]
            lines.append(f"| ratio before / current | {threads or workers} | "
                         f"{old['wall_s'] / new['wall_s']:.2f}× | {old['cpu_s'] / new['cpu_s']:.2f}× "
                         f"| | {old['minor_faults'] / max(new['minor_faults'], 1):.1f}× | |")
    lines += ["", f"Each row: its own process, {repeats} runs after a warm-up, the median; "
              f"{rounds} rounds, the processes interleaved; the population saved once and "
              "loaded by each. Page faults (minor + major) and kernel time are "
              "`resource.getrusage` around the runs; peak RSS is the process's `ru_maxrss` "
              "(inputs and results included)."]
    if before:
        lines.append(f"The revision {before} is extracted with `git archive` into a temporary "
                     "folder and imported from there; both give the same status, amounts and "
                     "offset bit for bit (checked, the run fails otherwise).")
    return lines, problems


def reversed_shape(pop: Population) -> tuple[int, int]:
    return pop.first_month, pop.shape[1]


def machine() -> str:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal"))
        memory = f"{mem_kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        memory = "unknown"
    return (f"nproc {os.cpu_count()}, CPU {model}, memory {memory}, "
            f"Python {platform.python_version()}, numpy {np.__version__}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=150_000)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--first", default="2020-01",
                        help="first month (YYYY-MM); the checks cover whatever rules apply from it")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--loop-sample", type=int, default=300,
                        help="citizens run through the Python loop, then extrapolated")
    parser.add_argument("--openfisca-persons", type=int, default=0,
                        help="persons for OpenFisca (0 = all; lower = extrapolated)")
    parser.add_argument("--openfisca-repeats", type=int, default=3)
    parser.add_argument("--before", metavar="REV",
                        help="also run git revision REV's engine on the same population, "
                             "each in its own process, and report both with their ratio")
    parser.add_argument("--process-rounds", type=int, default=3,
                        help="interleaved rounds of the per-process measurement")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()

    pop, wage = synthetic_population(args.persons, args.months, first=parse_month(args.first))
    load_before = os.getloadavg()[0]
    vectorised(pop, wage)  # warm-up: parameter caches, numpy pages
    timings = vectorised_both_ways(pop, wage, args.repeats)
    t_vec, cpu_vec = timings["threads"]
    t_one, cpu_one = timings["one"]
    result, _ = vectorised(pop, wage)
    counts = {k: int(v.sum()) for k, v in result.counts().items()}
    engine = engine_arrays(pop, wage)

    sample = min(args.loop_sample, args.persons)
    cases = as_cases(pop, range(sample))
    single: dict[str, np.ndarray] = {}

    def loop() -> None:
        single.update(per_citizen_loop(cases, wage, args.months, pop.first_month))
    t_loop_sample, cpu_loop_sample = median_times(loop, max(1, args.repeats // 2))
    problems = disagreements("the single case (b)", engine, single, pop.first_month)
    t_loop = t_loop_sample * args.persons / sample
    cpu_loop = cpu_loop_sample * args.persons / sample

    of_persons = args.openfisca_persons or args.persons
    of = None
    t_of = cpu_of = math.nan
    if BENCH_PYTHON.exists():
        of_pop = pop if of_persons >= args.persons else _slice(pop, of_persons)
        of = run_openfisca(of_pop, wage[:of_persons], args.openfisca_repeats)
        if of is not None:
            scale = args.persons / of_persons
            t_of = float(of["median_seconds"]) * scale  # type: ignore[arg-type]
            cpu_of = float(of["cpu_seconds_per_run"]) * scale  # type: ignore[arg-type]
            # OpenFisca keeps float variables as float32: 24 bits, 0.001 kr. at 15,000 kr.
            problems += disagreements("OpenFisca (c)", engine, of.pop("arrays"),  # type: ignore[arg-type]
                                      pop.first_month, tolerance=OPENFISCA_TOLERANCE)

    process_lines, process_problems = engine_processes(pop, wage, args.before, args.repeats,
                                                       args.process_rounds)
    problems += process_problems
    regimes = offset_by_regime(wage, pop.ordinary_hours, pop.benefit_amount, args.repeats)

    day = dt.date(2017, 6, 1)
    t_keep = median_time(lambda: compute_keep(day, hours_per_week=5, hourly_wage=130)
                         .render_text(), 200)
    today, facts = dt.date(2026, 12, 2), BenefitFacts(age=35)
    t_keep_facts = median_time(lambda: compute_keep(today, hours_per_week=5, hourly_wage=140,
                                                    facts=facts, benefit_amount=12000.0)
                               .render_text(), 200)
    explain_case = cases[0]
    t_status = median_time(lambda: hours_requirement_status(explain_case, pop.first_month + args.months - 1)
                           .render_text(), 200)

    workers = os.cpu_count() or 1
    rows = [
        (f"(a) vectorised engine (numpy), {workers} threads", t_vec, cpu_vec,
         "measured, full population"),
        ("(a) the same, 1 thread", t_one, cpu_one, "measured, full population"),
        ("(b) per-citizen Python loop", t_loop, cpu_loop,
         f"extrapolated from {sample} citizens ({t_loop_sample:.2f} s)"),
        ("(c) openfisca-core", t_of, cpu_of,
         "not run: create .venv-bench with benchmarks/setup-openfisca-venv" if of is None else
         ("measured, full population" if of_persons >= args.persons else
          f"extrapolated from {of_persons} citizens")
         + "; CPU = the child process's total (start-up included) / repeats"),
    ]
    load_after = os.getloadavg()[0]
    lines = [f"Load average (1 min) {load_before:.1f} at the start and {load_after:.1f} at the end "
             f"of the run, on {workers} cores (other work shares the machine; wall times then "
             "inflate, CPU times much less).", "",
             f"Population: {args.persons:,} citizens × {args.months} months from {args.first} "
             f"(status + offset for every person-month); medians of {args.repeats} runs, "
             "the two (a) variants interleaved.", "",
             "| engine | median wall s | median CPU s | wall × slower than (a) | note |",
             "|---|---:|---:|---:|---|"]
    for name, seconds, cpu, note in rows:
        ratio = seconds / t_vec if not math.isnan(seconds) else math.nan
        lines.append(f"| {name} | {seconds:.3f} | {cpu:.3f} | {ratio:.1f} | {note} |")
    lines += ["", "The engine in a process of its own: time, kernel time, page faults and peak "
              "memory" + (f", against revision {args.before}" if args.before else "") + ":", "",
              *process_lines]
    lines += ["", f"Earnings offset alone, same {args.persons:,} × {args.months} wages, "
              f"{workers} threads:", "",
              "| months | median wall s | median CPU s |", "|---|---:|---:|",
              "| from 2020-01: hourly disregard | "
              f"{regimes['hourly'][0]:.3f} | {regimes['hourly'][1]:.3f} |",
              "| from 2025-07: free amount by rate, 65 % taper, krone-for-krone cut-off | "
              f"{regimes['reform'][0]:.3f} | {regimes['reform'][1]:.3f} |"]
    lines += ["", "| single case, explained (compute + Danish text) | median ms |", "|---|---:|",
              f"| `compute_keep` (2017, 5 h/week) | {t_keep * 1000:.2f} |",
              "| `compute_keep` (2 Dec 2026, 5 h/week, rate from the facts) | "
              f"{t_keep_facts * 1000:.2f} |",
              f"| `hours_requirement_status` (36-month history) | {t_status * 1000:.2f} |", "",
              f"Status counts over all person-months (a): {counts}"]
    if of is not None:
        lines.append(f"Status counts (c), {of_persons:,} persons: {of['counts']}")
    checked = [f"(b) on {sample * args.months:,}"]
    if of is not None:
        checked.append(f"(c) on {of_persons * args.months:,}")
    lines += ["", "Checked cell by cell against (a), the run failing on any difference: status, "
              "proposed reduction and benefit after the offset of every person-month, "
              f"{' and '.join(checked)} person-months — "
              + ("**they differ** (see the errors)." if problems else "all equal.")]
    lines += ["", verdict(t_vec, cpu_vec, t_of, cpu_of, t_status, workers, load_after)]
    report = "\n".join(lines)
    print(machine())
    print(report)
    if problems:
        for problem in problems:
            print(f"FEJL: {problem}", file=sys.stderr)
        print("FEJL: motorerne er uenige; tallene skrives ikke i docs/performance.md.",
              file=sys.stderr)
        return 1
    if args.write_docs:
        write_docs(report)
    return 0


def verdict(t_vec: float, cpu_vec: float, t_of: float, cpu_of: float, t_status: float,
            workers: int, load: float) -> str:
    """The goals of issue 3 against this run's numbers, said plainly."""
    def met(ok: bool) -> str:
        return "met" if ok else "**not met**"
    quiet_wall = cpu_vec / workers  # what the CPU time allows when the cores are free
    parts = [
        f"Goals (issue 3) in this run: whole population under 1 s wall — {met(t_vec < 1.0)} "
        f"({t_vec:.2f} s at load {load:.1f}); its CPU time is {cpu_vec:.2f} s, so on {workers} "
        f"free cores the wall time would be about {quiet_wall:.2f} s "
        f"({met(quiet_wall < 1.0)} on a quiet machine, if the two threads scale fully).",
    ]
    if not math.isnan(t_of):
        parts.append(f"At least 5× faster than OpenFisca — wall {t_of / t_vec:.1f}× "
                     f"({met(t_of / t_vec >= 5)}), CPU {cpu_of / cpu_vec:.1f}× "
                     f"({met(cpu_of / cpu_vec >= 5)}; OpenFisca's CPU includes its start-up).")
    parts.append(f"Single-case explain under 5 ms — {met(t_status < 0.005)} "
                 f"({t_status * 1000:.2f} ms).")
    return " ".join(parts)


def _slice(pop: Population, persons: int) -> Population:
    return Population(pop.first_month, *(getattr(pop, f)[:persons] for f in (
        "ordinary_hours", "self_employment_hours", "self_employment_weekly_hours", "on_benefit",
        "rate", "benefit_amount", "sick_days", "exempt", "restore_from",
        "married_both_on_help")))


def write_docs(report: str) -> None:
    path = ROOT / "docs" / "performance.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    section = "\n".join([
        SECTION, "",
        f"Measured {dt.date.today().isoformat()} on: {machine()}.",
        "Command: `.venv/bin/python benchmarks/rules_population.py --write-docs` "
        "(after `benchmarks/setup-openfisca-venv` once). A benchmark, not a timed test.", "",
        report, "", HISTORY, "",
    ])
    if SECTION in text:
        start = text.index(SECTION)
        after = text.find("\n## ", start + len(SECTION))
        rest = text[after + 1:] if after != -1 else ""
        text = text[:start] + section.rstrip() + "\n" + ("\n" + rest if rest else "")
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
