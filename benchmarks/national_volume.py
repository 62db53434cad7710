# SPDX-License-Identifier: MPL-2.0
"""Benchmark (not a timed test): national volume on PostgreSQL (issue 16 item 7, issue 22 item 3).

    .venv/bin/python benchmarks/national_volume.py --database-url postgresql://u:p@127.0.0.1:5432/db \\
        [--copies 29] [--runs 3]

1. **Bulk load.** A new database ``<db>_national`` is made from the web benchmark's template
   (``<db>_webload_tpl``: the municipality demo, 5,000 citizens, loaded by ``web_load.py``) and
   the demo's citizens with everything the reports read about them — courses, placements, the
   weekly-hours ledger, memberships, staff assignments, benefits, readiness, exemptions, work
   duties — are copied ``--copies`` times into new municipalities, inside PostgreSQL
   (``INSERT … SELECT`` over ``generate_series``: one statement per table for all copies, ids
   offset per copy, no row through Python). Companies, openings, projects and staff are shared
   by the copies. Timed, with rows per second.
2. **The national funnel and STV shares** for every municipality, read from PostgreSQL and
   counted by the engine: (a) the columnar reader (ADBC → Arrow → polars), (b) the ORM baseline
   a competent developer writes (the same ``values_list`` querysets through Django's rows).
   Each in its own process, so its peak memory (``ru_maxrss``) is its own; medians of
   ``--runs``; both must give the same numbers (the script stops if not).
3. **One municipality's dashboard** (``reports.building.build`` for the demo coordinator) in
   the national database, both readers.
4. **Partitioning by time**: the weekly ledger's read plan for one municipality and for the
   country, to decide whether time partitions would help the reads.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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
OFFSET = 10_000_000  # id offset per copy: larger than any demo id

# The citizen-side tables, in the order their foreign keys need; each column that holds an id of
# a copied table is offset, the municipality is the copy's, a citizen's own log-in is left out.
COPIED = {
    "citizens_citizen": {"id": "citizens_citizen", "spouse_id": "citizens_citizen"},
    "courses_course": {"id": "courses_course", "citizen_id": "citizens_citizen"},
    "courses_placement": {"id": "courses_placement", "course_id": "courses_course", "previous_id": "courses_placement"},
    "courses_weeklyhours": {"id": "courses_weeklyhours", "placement_id": "courses_placement"},
    "citizens_projectmembership": {"id": "", "citizen_id": "citizens_citizen"},
    "citizens_assignment": {"id": "", "citizen_id": "citizens_citizen"},
    "citizens_benefit": {"id": "", "citizen_id": "citizens_citizen"},
    "citizens_readiness": {"id": "", "citizen_id": "citizens_citizen"},
    "citizens_exemptiondecision": {"id": "", "citizen_id": "citizens_citizen"},
    "citizens_workduty": {"id": "", "citizen_id": "citizens_citizen"},
}


def psql(url: str, sql: str) -> str:
    done = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-tAc", sql], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"psql failed: {done.stderr}\n{sql[:500]}")
    return done.stdout.strip()


def url_of(url: str, db: str) -> str:
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path="/" + db))


def bulk_load(url: str, copies: int) -> tuple[str, float, dict[str, int]]:
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    template, target = f"{name}_webload_tpl", f"{name}_national"
    if not psql(url, f"SELECT 1 FROM pg_database WHERE datname = '{template}'"):
        sys.exit(f"no template {template}: run benchmarks/web_load.py --database-url {url} first")
    psql(url, f"DROP DATABASE IF EXISTS {target} WITH (FORCE)")
    psql(url, f"CREATE DATABASE {target} TEMPLATE {template}")
    db = url_of(url, target)
    columns = {}
    for table in COPIED:
        columns[table] = psql(db, f"SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM "
                                  f"information_schema.columns WHERE table_name = '{table}'").split(",")
    statements = [
        "CREATE TEMP TABLE copy_of (k int PRIMARY KEY, municipality_id bigint)",
        # New municipalities with codes 901…; the demo's is Odense (461).
        f"""WITH made AS (
              INSERT INTO organisation_municipality (code, name)
              SELECT (900 + k)::text, 'Kopikommune ' || k FROM generate_series(1, {copies}) k
              RETURNING id, code)
            INSERT INTO copy_of SELECT code::int - 900, id FROM made""",
    ]
    for table, offsets in COPIED.items():
        cols = [c for c in columns[table] if not (c == "id" and offsets.get("id") == "")]
        select = []
        for c in cols:
            if c in offsets and offsets[c]:
                select.append(f"t.{c} + c.k * {OFFSET}")
            elif c == "municipality_id":
                select.append("c.municipality_id")
            elif c == "user_id" and table == "citizens_citizen":
                select.append("NULL")
            else:
                select.append(f"t.{c}")
        statements.append(
            f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(select)} "
            f"FROM {table} t CROSS JOIN copy_of c WHERE t.{'id' if offsets.get('id') else list(offsets)[-1]} < {OFFSET}"
        )
    for table in COPIED:
        statements.append(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
        )
    started = time.perf_counter()
    psql(db, "BEGIN; SET LOCAL synchronous_commit = off; " + "; ".join(statements) + "; COMMIT; ANALYZE;")
    seconds = time.perf_counter() - started
    counts = {t: int(psql(db, f"SELECT count(*) FROM {t}")) for t in COPIED}
    counts["organisation_municipality"] = int(psql(db, "SELECT count(*) FROM organisation_municipality"))
    return db, seconds, counts


# ---------------------------------------------------------------- measured in a child process


def child(db: str, what: str, runs: int) -> None:
    os.environ["DATABASE_URL"] = db
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smaajob.settings")
    import django

    django.setup()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import reports_funnel  # the same engine call as the reports benchmark

    from smaajob.organisation.models import User
    from smaajob.reports.building import Choices, build
    from smaajob.reports.counting.period import Period
    from smaajob.reports.counting.report import full_report
    from smaajob.reports.selectors import load_tables

    columnar = what.endswith("columnar")
    period = Period(date(2025, 1, 1), date(2025, 12, 31), date(2026, 12, 3))  # inside the demo's history
    reports_funnel.PERIOD = period
    walls: list[float] = []
    cpus: list[float] = []
    loads: list[float] = []
    result: dict[str, list[Any]] | None = None
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        if what.startswith("country"):
            tables = load_tables(columnar=columnar)
            loaded = time.perf_counter() - t0
            out = reports_funnel.engine(tables)
            result = {str(k): list(v) for k, v in sorted(out.items())}
            rows = sum(getattr(tables, n).height for n in ("citizens", "courses", "placements", "weeks"))
        else:
            coordinator = User.objects.get(username="koordinator")
            if what == "dashboard":  # the dashboard's own path: build() (columnar), labels included
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


def plans(db: str) -> list[str]:
    one = psql(db, "EXPLAIN (FORMAT TEXT) SELECT w.week_start FROM courses_weeklyhours w JOIN courses_placement p "
                   "ON p.id = w.placement_id JOIN courses_course c ON c.id = p.course_id JOIN citizens_citizen z "
                   "ON z.id = c.citizen_id WHERE z.municipality_id = (SELECT id FROM organisation_municipality "
                   "WHERE code = '461')")
    return one.splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--copies", type=int, default=29, help="copies of the demo municipality (default 29)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help="keep an existing <db>_national (no new load)")
    args = parser.parse_args()
    if args.child:
        child(args.database_url, args.child, args.runs)
        return 0
    load_before = os.getloadavg()[0]
    if args.keep:
        db = url_of(args.database_url, urllib.parse.urlsplit(args.database_url).path.lstrip("/") + "_national")
        seconds, counts = float("nan"), dict[str, int]()
    else:
        db, seconds, counts = bulk_load(args.database_url, args.copies)
        copied = sum(counts[t] for t in COPIED) * args.copies / (args.copies + 1)
        print(f"Bulk load: {seconds:.1f} s for {copied:,.0f} copied rows ({copied / seconds:,.0f} rows/s); {counts}")
    figures = {}
    for what in ("country-columnar", "country-orm", "municipality-columnar", "municipality-orm", "dashboard"):
        figures[what] = measure(db, what, args.runs)
        f = figures[what]
        print(f"{what}: median wall {f['wall']:.2f} s (load {f['load']:.2f} s), CPU {f['cpu']:.2f} s, "
              f"peak {f['peak_mib']:.0f} MiB, rows {f['rows']:,}", flush=True)
    if figures["dashboard"]["result"] != figures["municipality-orm"]["result"]:
        sys.exit("the dashboard and the ORM reader gave different numbers")
    for scope in ("country", "municipality"):
        if figures[f"{scope}-columnar"]["result"] != figures[f"{scope}-orm"]["result"]:
            sys.exit(f"{scope}: the columnar and ORM readers gave different numbers")
    print("Both readers gave the same numbers (country: every municipality; one municipality's funnel).")
    for scope in ("country", "municipality"):
        a, b = figures[f"{scope}-columnar"], figures[f"{scope}-orm"]
        print(f"{scope}: ORM / columnar wall × {b['wall'] / a['wall']:.2f}, "
              f"memory × {b['peak_mib'] / a['peak_mib']:.2f}")
    print("Plan for one municipality's weekly ledger:")
    print("\n".join("  " + line for line in plans(db)))
    print(f"Measured {date.today().isoformat()}: nproc {os.cpu_count()}, Python {platform.python_version()}, "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
