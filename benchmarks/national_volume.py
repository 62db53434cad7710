# SPDX-License-Identifier: MPL-2.0
"""Benchmark (not a timed test): national volume on PostgreSQL (issue 16 item 7, issue 22 item 3).

    .venv/bin/python benchmarks/national_volume.py --database-url postgresql://u:p@127.0.0.1:5432/db \\
        [--load] [--runs 3] [--orm-runs 1] [--partitions]

1. **Bulk load** (``--load``): the database the URL names is dropped, made anew and loaded with
   ``smaajob demo --size country`` (98 municipalities, ≈ 150,000 citizens, ≈ 10 M weekly-hours
   rows, the audit log with its hash chain; ``smaajob.demo.country``). Timed, with its peak
   memory. Without ``--load`` the database must hold the country already.
2. **The national funnel and STV shares** for every municipality, read from PostgreSQL and
   counted, three ways: (a) the reports' path: ``load_tables`` read as columns (ADBC → Arrow →
   polars, the paid weeks only) + the engine (``reports_funnel.engine``); (b) the baseline a
   competent Django developer writes: aggregating querysets grouped by municipality in SQL
   (``benchmarks/funnel_orm.py``); (c) the same tables as (a) read through Django's rows
   (``load_tables(columnar=False)``) + the engine, what the columnar reader saves. Each in its
   own process, so its peak memory (``ru_maxrss``) is its own; medians of ``--runs`` (the
   baselines ``--orm-runs``); all three must give the same numbers for every municipality (the
   script stops if not).
3. **One municipality's dashboard** (``reports.building.build`` for Odense's coordinator) in
   the national database, both readers; every copy must count the same as Odense (the copies
   are Odense's history).
4. **Partitioning by time** (``--partitions``): the weekly ledger and the audit log copied into
   tables partitioned by year (declarative ``PARTITION BY RANGE``), and the reads the app makes
   timed on both (``EXPLAIN ANALYZE``, medians): one municipality's ledger (the reports), one
   year of the ledger nationally, one citizen's audit trail, one month of the audit log.
   The copies are dropped afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
import urllib.parse
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
TODAY = "2026-12-01"  # the country's history ends here; the period below lies inside it


def psql(url: str, sql: str) -> str:
    done = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-tAc", sql], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"psql failed: {done.stderr}\n{sql[:500]}")
    return done.stdout.strip()


def url_of(url: str, db: str) -> str:
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path="/" + db))


COUNTED = ("organisation_municipality", "citizens_citizen", "courses_course", "courses_placement",
           "courses_weeklyhours", "courses_followup", "audit_auditentry", "organisation_user", "network_company")


def bulk_load(url: str) -> tuple[float, float, dict[str, int]]:
    """``smaajob demo --size country`` into a new database: (seconds, peak MiB of the loader, row counts)."""
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    server = url_of(url, "postgres")
    psql(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    psql(server, f"CREATE DATABASE {name}")
    env = {**os.environ, "DATABASE_URL": url, "SMAAJOB_DEMO": "1"}
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "peak-kib %M", str(ROOT / ".venv" / "bin" / "smaajob"), "demo",
                           "--size", "country", "--no-progress", "--today", TODAY],
                          capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"the country load failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    print(done.stdout)
    peak = re.search(r"peak-kib (\d+)", done.stderr)
    return seconds, int(peak.group(1)) / 1024 if peak else float("nan"), counts_of(url)


def counts_of(url: str) -> dict[str, int]:
    return {t: int(psql(url, f"SELECT count(*) FROM {t}")) for t in COUNTED}


# ---------------------------------------------------------------- measured in a child process


def child(db: str, what: str, runs: int) -> None:
    os.environ["DATABASE_URL"] = db
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smaajob.settings")
    import django

    django.setup()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import funnel_orm  # the aggregating ORM baseline
    import reports_funnel  # the same engine call as the reports benchmark

    from smaajob.organisation.models import User
    from smaajob.reports.building import Choices, build
    from smaajob.reports.counting.period import Period
    from smaajob.reports.counting.report import full_report
    from smaajob.reports.selectors import load_tables

    columnar = what.endswith("columnar")  # "-rows": the same tables through Django's rows
    period = Period(date(2025, 1, 1), date(2025, 12, 31), date(2026, 12, 3))  # inside the demo's history
    reports_funnel.PERIOD = period
    walls: list[float] = []
    cpus: list[float] = []
    loads: list[float] = []
    result: dict[str, list[Any]] | None = None
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        if what == "country-orm":  # the aggregating baseline: no tables, two grouped queries
            out = funnel_orm.orm_funnel(period)
            loaded = float("nan")
            result = {str(k): list(v) for k, v in sorted(out.items())}
            rows = len(out)  # rows that came back: one per municipality and query
        elif what.startswith("country"):
            tables = load_tables(columnar=columnar)
            loaded = time.perf_counter() - t0
            out = reports_funnel.engine(tables)
            result = {str(k): list(v) for k, v in sorted(out.items())}
            rows = sum(getattr(tables, n).height for n in ("citizens", "courses", "placements", "weeks"))
        else:
            # "dashboard-101": København's coordinator (koordinator-101); the rest: Odense's.
            suffix = what.removeprefix("dashboard") if what.startswith("dashboard") else ""
            coordinator = User.objects.get(username="koordinator" + suffix)
            if what.startswith("dashboard"):  # the dashboard's own path: build() (columnar), labels included
                report = build(coordinator, Choices(period, "maalgruppe")).report
            else:  # the counting of the same report from either reader
                assert coordinator.municipality_id is not None
                tables = load_tables(municipality_ids=[coordinator.municipality_id], columnar=columnar)
                report = full_report(tables, period, "maalgruppe")
            result = {k: [r.value(s) for s in ("visited", "placed", "job", "lasting")]
                      for k, r in report.funnel.items()}
            loaded = float("nan")
            rows = 0
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
        loads.append(loaded)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB → MiB on Linux
    print(json.dumps({"wall": statistics.median(walls), "cpu": statistics.median(cpus),
                      "load": statistics.median(loads), "peak_mib": peak, "rows": rows, "result": result}))


def measure(db: str, what: str, runs: int) -> dict[str, Any]:
    done = subprocess.run([PYTHON, __file__, "--child", what, "--database-url", db, "--runs", str(runs)],
                          capture_output=True, text=True, env={**os.environ, "SMAAJOB_DEMO": "1"})
    if done.returncode != 0:
        sys.exit(f"{what} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


# ---------------------------------------------------------------- partitioning by time

WEEKS_ONE_MUNICIPALITY = (
    "SELECT w.week_start, w.hours_paid FROM {weeks} w JOIN courses_placement p ON p.id = w.placement_id "
    "JOIN courses_course c ON c.id = p.course_id JOIN citizens_citizen z ON z.id = c.citizen_id "
    "WHERE z.municipality_id = (SELECT id FROM organisation_municipality WHERE code = '461')")
WEEKS_ONE_YEAR = ("SELECT count(*), sum(hours_paid) FROM {weeks} "
                  "WHERE week_start >= '2025-01-01' AND week_start < '2026-01-01'")
AUDIT_ONE_CITIZEN = ("SELECT * FROM {audit} WHERE citizen_id = (SELECT id FROM citizens_citizen "
                     "WHERE municipality_id = (SELECT id FROM organisation_municipality WHERE code = '101') "
                     "ORDER BY id LIMIT 1 OFFSET 500) ORDER BY at DESC")
AUDIT_ONE_MONTH = "SELECT action, count(*) FROM {audit} WHERE at >= '2026-03-01' AND at < '2026-04-01' GROUP BY action"


def partitioned_copies(db: str) -> float:
    """``bench_weeks`` and ``bench_audit``: the ledger and the log, partitioned by year, indexed as the originals."""
    first = int(psql(db, "SELECT extract(year FROM min(week_start)) FROM courses_weeklyhours"))
    first_audit = int(psql(db, "SELECT extract(year FROM min(at)) FROM audit_auditentry"))
    parts = []
    for table, source, column, start in (("bench_weeks", "courses_weeklyhours", "week_start", first),
                                         ("bench_audit", "audit_auditentry", "at", first_audit)):
        parts.append(f"DROP TABLE IF EXISTS {table}")
        parts.append(f"CREATE TABLE {table} (LIKE {source} INCLUDING DEFAULTS) PARTITION BY RANGE ({column})")
        for year in range(start, 2028):
            parts.append(f"CREATE TABLE {table}_{year} PARTITION OF {table} "
                         f"FOR VALUES FROM ('{year}-01-01') TO ('{year + 1}-01-01')")
        parts.append(f"INSERT INTO {table} SELECT * FROM {source}")
    parts += ["CREATE INDEX ON bench_weeks (placement_id)", "CREATE INDEX ON bench_weeks (week_start)",
              "CREATE INDEX ON bench_audit (citizen_id)", "CREATE INDEX ON bench_audit (at)",
              "ANALYZE bench_weeks", "ANALYZE bench_audit"]
    started = time.perf_counter()
    psql(db, "; ".join(parts))
    return time.perf_counter() - started


def execution_ms(db: str, sql: str, runs: int) -> tuple[float, str]:
    """Median ``EXPLAIN ANALYZE`` execution time, and the plan's top node, of ``sql``."""
    times, top = [], ""
    for _ in range(runs):
        plan = json.loads(psql(db, f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}"))[0]
        times.append(plan["Execution Time"])
        node = plan["Plan"]
        top = node["Node Type"]
        while node.get("Plans") and node["Node Type"] in ("Aggregate", "Sort", "Gather", "Gather Merge",
                                                           "Finalize Aggregate", "Partial Aggregate"):
            node = next((p for p in node["Plans"] if p.get("Parent Relationship") == "Outer"), node["Plans"][0])
            top += " → " + node["Node Type"]
    return statistics.median(times), top


def partition_figures(db: str, runs: int) -> None:
    print(f"Partitioned copies (by year) made in {partitioned_copies(db):.0f} s")
    for label, sql, plain, parted in (
            ("one municipality's ledger (reports)", WEEKS_ONE_MUNICIPALITY, {"weeks": "courses_weeklyhours"},
             {"weeks": "bench_weeks"}),
            ("one year of the ledger, national", WEEKS_ONE_YEAR, {"weeks": "courses_weeklyhours"},
             {"weeks": "bench_weeks"}),
            ("one citizen's audit trail", AUDIT_ONE_CITIZEN, {"audit": "audit_auditentry"}, {"audit": "bench_audit"}),
            ("one month of the audit log", AUDIT_ONE_MONTH, {"audit": "audit_auditentry"}, {"audit": "bench_audit"})):
        a, plan_a = execution_ms(db, sql.format(**plain), runs)
        b, plan_b = execution_ms(db, sql.format(**parted), runs)
        print(f"  {label}: plain {a:,.1f} ms ({plan_a}), partitioned {b:,.1f} ms ({plan_b}), "
              f"partitioned / plain × {b / a:.2f}", flush=True)
    psql(db, "DROP TABLE bench_weeks; DROP TABLE bench_audit")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--load", action="store_true", help="drop the database, make it anew and load the country")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--orm-runs", type=int, default=None,
                        help="runs of the two national baselines, aggregating ORM and Django rows (default --runs)")
    parser.add_argument("--partitions", action="store_true", help="also time the reads on tables partitioned by year")
    parser.add_argument("--no-verify", action="store_true", help="skip smaajob audit verify (minutes at 6.7 M rows)")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.database_url, args.child, args.runs)
        return 0
    db = args.database_url
    print(f"Load average before: {os.getloadavg()}")
    if args.load:
        seconds, peak, counts = bulk_load(db)
        print(f"Bulk load: {seconds:.1f} s, loader peak {peak:,.0f} MiB; {counts}", flush=True)
    else:
        counts = counts_of(db)
        print(f"Existing country: {counts}")
    if counts["organisation_municipality"] < 2:
        sys.exit("the database holds no country: run with --load")
    verify = [str(ROOT / ".venv" / "bin" / "smaajob"), "audit", "verify"]
    verified = None if args.no_verify else subprocess.run(
        verify, capture_output=True, text=True, env={**os.environ, "DATABASE_URL": db, "SMAAJOB_DEMO": "1"})
    if verified is not None:
        print(f"smaajob audit verify (rc {verified.returncode}): {verified.stdout.strip()} {verified.stderr.strip()}")
    figures = {}
    for what in ("country-columnar", "country-orm", "country-rows", "municipality-columnar", "municipality-rows",
                 "dashboard", "dashboard-101"):
        runs = args.orm_runs if what in ("country-orm", "country-rows") and args.orm_runs else args.runs
        figures[what] = measure(db, what, runs)
        f = figures[what]
        print(f"{what}: median wall {f['wall']:.2f} s (load {f['load']:.2f} s), CPU {f['cpu']:.2f} s, "
              f"peak {f['peak_mib']:.0f} MiB, rows {f['rows']:,}", flush=True)
    if figures["dashboard"]["result"] != figures["municipality-rows"]["result"]:
        sys.exit("the dashboard and the row reader gave different numbers")
    if sorted(figures["dashboard"]["result"].values()) != sorted(figures["dashboard-101"]["result"].values()):
        sys.exit("København (a copy of Odense) counted differently from Odense")
    for other in ("country-orm", "country-rows", "municipality-rows"):
        mine = figures["country-columnar" if other.startswith("country") else "municipality-columnar"]["result"]
        theirs = figures[other]["result"]
        if mine != theirs:
            diff = {k: (mine.get(k), theirs.get(k))
                    for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k)}
            sys.exit(f"{other} disagrees with the columnar reader + engine "
                     f"({len(diff)} municipalities, e.g. {dict(sorted(diff.items())[:3])})")
    print("All gave the same numbers: the aggregating ORM baseline and the row reader as the columnar reader + engine "
          "for every municipality (funnel and STV shares); one municipality's funnel from both readers; "
          "København's dashboard counts as Odense's.")
    a = figures["country-columnar"]
    for other, label in (("country-orm", "aggregating ORM"), ("country-rows", "Django rows + engine")):
        b = figures[other]
        print(f"country: {label} / columnar wall × {b['wall'] / a['wall']:.2f}, "
              f"CPU × {b['cpu'] / a['cpu']:.2f}, memory × {b['peak_mib'] / a['peak_mib']:.2f}")
    a, b = figures["municipality-columnar"], figures["municipality-rows"]
    print(f"municipality: rows / columnar wall × {b['wall'] / a['wall']:.2f}, "
          f"memory × {b['peak_mib'] / a['peak_mib']:.2f}")
    if args.partitions:
        partition_figures(db, args.runs)
    print(f"Measured {date.today().isoformat()}: nproc {os.cpu_count()}, Python {platform.python_version()}, "
          f"PostgreSQL {psql(db, 'SHOW server_version')}, load average {os.getloadavg()} after")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
