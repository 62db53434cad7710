# SPDX-License-Identifier: MPL-2.0
"""Import throughput (issue 17): 10,000 citizens and 100,000 weekly-hours rows, imported through
``smaajob.imports`` on SQLite and PostgreSQL, in rows per second.

    .venv/bin/python benchmarks/imports_bench.py [--database-url postgresql://…/db] [--quick]

Baseline, measured in the same run on the same database: the same rows written by calling the
services directly (``register_citizen`` + ``set_benefit``; ``record_week``) in one transaction,
without the import's reading, checking, savepoints and source ids. The ratio says what the
import layer costs on top of the services. A PostgreSQL database given by URL is emptied first.
No thresholds: it reports; docs/performance.md records what was measured where.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TODAY = date(2026, 6, 1)
FIRST_MONDAY = date(2024, 1, 1)


def _cprs(n: int, rng: random.Random) -> list[str]:
    seen: set[str] = set()
    while len(seen) < n:
        born = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 40))
        seen.add(f"{born:%d%m%y}{rng.randrange(4000):04d}")
    return sorted(seen)


def _csv(header: str, rows: list[str]) -> bytes:
    return ("\r\n".join([header, *rows]) + "\r\n").encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--citizens", type=int, default=10_000)
    parser.add_argument("--hours", type=int, default=100_000)
    parser.add_argument("--weeks", type=int, default=50, help="weeks per placement")
    parser.add_argument("--baseline-rows", type=int, default=2_000)
    parser.add_argument("--quick", action="store_true", help="a tenth of the rows")
    args = parser.parse_args()
    if args.quick:
        args.citizens, args.hours, args.baseline_rows = args.citizens // 10, args.hours // 10, 500
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        var_dir = Path(tempfile.mkdtemp(prefix="smaajob-bench-import-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{var_dir / 'import.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smaajob.settings")
    os.environ.setdefault("SMAAJOB_DEMO", "1")  # synthetic data only: the public development CPR key (docs/security.md)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    call_command("migrate", verbosity=0)
    if args.database_url:
        call_command("flush", interactive=False, verbosity=0)

    from smaajob.audit import context
    from smaajob.audit.models import AuditChannel
    from smaajob.citizens.services import register_citizen, set_benefit
    from smaajob.courses.models import Placement
    from smaajob.courses.services import record_week
    from smaajob.imports import services
    from smaajob.organisation.services import create_municipality, create_project, create_user

    municipality = create_municipality(code="461", name="Odense Kommune")
    create_project(municipality=municipality, name="VTA", follow_up_interval_days=7)
    user = create_user(
        username="koordinator", password="benchmark-adgangskode-47", role="coordinator", municipality=municipality
    )
    rng = random.Random(2026)
    engine = connection.vendor
    print(f"database: {engine}")

    def timed(kind: str, data: bytes) -> tuple[float, int]:
        started = time.perf_counter()
        outcome = services.import_file(
            actor=user, kind=kind, data=data, file_name=f"{kind}.csv", source_system="momentum", write=True, today=TODAY
        )
        seconds = time.perf_counter() - started
        assert outcome.written and not outcome.problems, outcome.problems[:3]
        return seconds, outcome.total_rows

    def report(what: str, seconds: float, rows: int, baseline: float | None = None) -> None:
        rate = rows / seconds
        ratio = f"  ({rate / baseline:.2f} × the services called directly)" if baseline else ""
        print(f"  {what}: {rows:,} rows in {seconds:.1f} s = {rate:,.0f} rows/s{ratio}")

    cprs = _cprs(args.citizens + args.baseline_rows, rng)
    # Baseline: the services alone, one transaction.
    with context.operation(AuditChannel.IMPORT, user):
        started = time.perf_counter()
        with transaction.atomic():
            for i, cpr in enumerate(cprs[args.citizens :]):
                citizen = register_citizen(
                    actor=user,
                    cpr=cpr,
                    first_name="Base",
                    last_name=f"Linje {i}",
                    municipality=municipality,
                    postcode="5000",
                )
                set_benefit(actor=user, citizen=citizen, benefit_type="kontanthjaelp", valid_from=date(2026, 1, 1))
        citizens_baseline = args.baseline_rows / (time.perf_counter() - started)
    print(f"  baseline, register_citizen + set_benefit: {citizens_baseline:,.0f} rows/s")
    citizens_csv = _csv(
        "kilde_id;cpr;fornavn;efternavn;postnummer;by;ydelse;ydelse_fra",
        [
            f"B{i};{cpr};Borger;Nummer {i};5000;Odense C;kontanthjaelp;2026-01-01"
            for i, cpr in enumerate(cprs[: args.citizens])
        ],
    )
    seconds, rows = timed("borgere", citizens_csv)
    report("citizens imported", seconds, rows, citizens_baseline)
    started = time.perf_counter()
    again = services.import_file(
        actor=user,
        kind="borgere",
        data=citizens_csv,
        file_name="borgere.csv",
        source_system="momentum",
        write=True,
        today=TODAY,
    )
    assert again.unchanged == rows
    report("the same citizens again (nothing changes)", time.perf_counter() - started, rows)

    placements = max(1, args.hours // args.weeks)
    timed("virksomheder", _csv("kilde_id;cvr;navn", ["V1;31240018;Benchmark ApS"]))
    timed(
        "forloeb",
        _csv(
            "kilde_id;borger_kilde_id;projekt;visiteret_den", [f"F{i};B{i};VTA;2023-12-01" for i in range(placements)]
        ),
    )
    seconds, rows = timed(
        "placeringer",
        _csv(
            "kilde_id;forloeb_kilde_id;virksomhed_cvr;type;planlagt_start;optrapning",
            [f"P{i};F{i};31240018;smaajob;{FIRST_MONDAY};2 → 4" for i in range(placements)],
        ),
    )
    report("placements imported (set-up)", seconds, rows)

    # Baseline: record_week alone on the placements' later weeks.
    sample = list(Placement.objects.select_related("course")[: max(1, args.baseline_rows // 10)])
    with context.operation(AuditChannel.IMPORT, user):
        started = time.perf_counter()
        n = 0
        with transaction.atomic():
            for placement in sample:
                for week in range(args.weeks, args.weeks + 10):
                    record_week(
                        actor=user,
                        placement=placement,
                        week=FIRST_MONDAY + timedelta(weeks=week),
                        hours_present=4,
                        hours_paid=4,
                        today=TODAY,
                    )
                    n += 1
        hours_baseline = n / (time.perf_counter() - started)
    print(f"  baseline, record_week: {hours_baseline:,.0f} rows/s")
    hours_csv = _csv(
        "kilde_id;placering_kilde_id;uge;timer_til_stede;loentimer",
        [
            f"T{p}-{w};P{p};{FIRST_MONDAY + timedelta(weeks=w)};4;{rng.choice(['2', '3,5', '4'])}"
            for p in range(placements)
            for w in range(args.weeks)
        ],
    )
    seconds, rows = timed("timer", hours_csv)
    report("weekly hours imported", seconds, rows, hours_baseline)


if __name__ == "__main__":
    main()
