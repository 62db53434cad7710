# SPDX-License-Identifier: MPL-2.0
"""Time ``smaajob demo --size municipality`` on a fresh SQLite file and print rows/second.

    SMAAJOB_VAR_DIR=/tmp/bench .venv/bin/python benchmarks/demo_load.py [--size small] [--scale 1.0]

No thresholds: it reports; docs/performance.md records what was measured where.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="municipality", choices=("small", "municipality"))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    var_dir = Path(os.environ.get("SMAAJOB_VAR_DIR") or tempfile.mkdtemp(prefix="smaajob-bench-"))
    database = var_dir / "demo-bench.sqlite3"
    database.unlink(missing_ok=True)
    os.environ["SMAAJOB_VAR_DIR"] = str(var_dir)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smaajob.settings")
    os.environ.setdefault("SMAAJOB_DEMO", "1")  # synthetic data only: the public development CPR key (docs/security.md)

    import django

    django.setup()
    from django.core.management import call_command

    from smaajob.courses.models import WeeklyHours
    from smaajob.demo.loader import load_demo

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter() - started
    result = load_demo(args.size, args.seed, today=date(2026, 3, 2), scale=args.scale)
    rows = sum(result.counts.values())
    print(f"migrate: {migrated:.1f} s")
    print(f"load_demo({args.size!r}, scale={args.scale}): {result.seconds:.1f} s")
    for what, n in result.counts.items():
        print(f"  {n:>9} {what}")
    print(f"weekly hours rows in the database: {WeeklyHours.objects.count()}")
    print(f"≈ {rows / result.seconds:,.0f} rows/second (the counts above)")
    print(f"database file: {database.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
