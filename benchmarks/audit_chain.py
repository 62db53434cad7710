# SPDX-License-Identifier: MPL-2.0
"""Benchmark (not a timed test): what the audit log's hash chain costs per insert.

    .venv/bin/python benchmarks/audit_chain.py [--entries 2000] [--list-size 50] [--runs 3]

On a fresh SQLite database (or PostgreSQL with SMAAJOB_BENCH_POSTGRES_URL), in the same run:

(a) baseline — the insert as it was before the chain: one ``AuditEntry`` row per read
    (``objects.create``), and a list page's rows in one ``executemany`` (the old ``record_many``);
(b) chained — ``smaajob.audit.services.record`` / ``record_many``: the chain head locked,
    the SHA-256 computed, the row inserted and the head updated, in one transaction.

Prints the median microseconds per entry of each and the ratio (b)/(a).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--list-size", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="smaajob-bench-audit-"))
    os.environ["DATABASE_URL"] = os.environ.get("SMAAJOB_BENCH_POSTGRES_URL") or f"sqlite:///{tmp / 'db.sqlite3'}"
    os.environ["SMAAJOB_VAR_DIR"] = str(tmp)
    os.environ.setdefault("SMAAJOB_DEMO", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "smaajob.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from smaajob.audit.models import AuditEntry
    from smaajob.audit.services import record, record_many, verify_chain

    call_command("migrate", verbosity=0)
    n: int = args.entries
    size: int = args.list_size

    def baseline_single() -> None:
        for i in range(n):
            AuditEntry.objects.create(
                at=timezone.now(),
                actor_username="bench",
                action="read",
                channel="system",
                object_type="citizen",
                object_id=i,
                citizen_id=i,
                detail="benchmark",
            )

    def chained_single() -> None:
        for i in range(n):
            record(actor=None, action="read", object_type="citizen", object_id=i, citizen_id=i, detail="benchmark")

    def baseline_lists() -> None:
        # The pre-chain record_many: one executemany of the row's columns, no hashes, no lock.
        meta = AuditEntry._meta
        column = {f.name: f.column for f in meta.concrete_fields if f.column}
        # (the hash columns are NOT NULL now: written empty, as no chain is computed)
        names = ["at", "actor_username", "action", "channel", "object_type", "detail", "prev_hash", "entry_hash"]
        names += ["object_id", "citizen_id"]
        sql = "INSERT INTO {} ({}) VALUES ({})".format(
            connection.ops.quote_name(meta.db_table),
            ", ".join(connection.ops.quote_name(column[c]) for c in names),
            ", ".join(["%s"] * len(names)),
        )
        for start in range(0, n, size):
            at = meta.get_field("at").get_db_prep_save(timezone.now(), connection)
            with connection.cursor() as cursor:
                cursor.executemany(
                    sql,
                    [
                        (at, "bench", "read", "system", "citizen", "liste", "", "", i, i)
                        for i in range(start, min(start + size, n))
                    ],
                )

    def chained_lists() -> None:
        for start in range(0, n, size):
            record_many(
                actor=None,
                action="read",
                object_type="citizen",
                citizen_ids=list(range(start, min(start + size, n))),
                detail="liste",
            )

    def timed(work: Callable[[], None]) -> float:
        times: list[float] = []
        for _ in range(args.runs):
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        return statistics.median(times) / n * 1e6

    print(f"Database: {connection.vendor}; {n} entries per run, lists of {size}, median of {args.runs} runs")
    rows = [
        ("one entry per read", timed(baseline_single), timed(chained_single)),
        (f"a list page ({size} rows)", timed(baseline_lists), timed(chained_lists)),
    ]
    print(f"{'':28} {'baseline µs':>12} {'chained µs':>12} {'ratio':>7}")
    for label, base, chained in rows:
        print(f"{label:28} {base:12.1f} {chained:12.1f} {chained / base:7.2f}")
    # The baseline rows have no hashes, so the chain is broken at the first of them: as expected.
    broken = verify_chain()
    print(
        "Chain check over the mixed log:", "holds" if broken is None else f"breaks at {broken.entry_id} (baseline rows)"
    )


if __name__ == "__main__":
    main()
