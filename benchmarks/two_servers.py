# SPDX-License-Identifier: MPL-2.0
"""Two app servers against one (issue 16, item 3): throughput of the same load, in the same run.

Makes a fresh PostgreSQL database on the server of ``--database-url`` (dropped afterwards),
starts an S3-compatible object store on loopback (moto), loads the small demo, then drives
``--users`` logged-in caseworkers who never pause (a stress load) through the home page and the
citizen list, ``--requests`` requests in all:

1. against one ``smaajob serve`` (``--workers`` processes), then
2. against two of them (same settings, own ``var`` folders), the users spread round-robin over
   both — what a load balancer does.

Prints requests per second, p50/p95 and the ratio two/one. The machine's load average is printed
before and after: on a shared machine the ratio says more than the absolute figures.

    .venv/bin/python benchmarks/two_servers.py --database-url postgresql://u:p@127.0.0.1:5432/db
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.app_servers import app_server, fresh_postgres_database, smaajob  # noqa: E402
from tests.object_store import running_object_store  # noqa: E402

PASSWORD = "smaajob-demo"
PAGES = ("/", "/api/v1/borgere/")


def log_in(base: str) -> requests.Session:
    session = requests.Session()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', session.get(f"{base}/log-ind/").text)
    assert token is not None
    answer = session.post(f"{base}/log-ind/", data={"username": "raadgiver", "password": PASSWORD,
                                                    "csrfmiddlewaretoken": token.group(1)}, allow_redirects=False)
    assert answer.status_code == 302, answer.status_code
    return session


def drive(bases: list[str], users: int, total: int) -> dict[str, float]:
    """``users`` threads, user i on server i mod n, ``total`` requests shared out; no pauses."""
    sessions = [log_in(bases[i % len(bases)]) for i in range(users)]
    for i, session in enumerate(sessions):  # warm each server's pages once
        for page in PAGES:
            session.get(bases[i % len(bases)] + page)
    latencies: list[float] = []
    lock, left = threading.Lock(), [total]

    def user(i: int) -> None:
        base, session, n = bases[i % len(bases)], sessions[i], 0
        while True:
            with lock:
                if left[0] == 0:
                    return
                left[0] -= 1
            started = time.perf_counter()
            answer = session.get(base + PAGES[n % len(PAGES)])
            elapsed = time.perf_counter() - started
            assert answer.status_code == 200, answer.status_code
            with lock:
                latencies.append(elapsed)
            n += 1

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {"rps": total / wall, "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True, help="a PostgreSQL server (a database is made on it)")
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--workers", type=int, default=1, help="gunicorn processes per server (default 1)")
    parser.add_argument("--rounds", type=int, default=3, help="one/two measured alternately this many times")
    args = parser.parse_args()
    print(f"machine: {platform.node()} {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f} (1 min)")
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="smaajob-two-servers-")))
        store = stack.enter_context(running_object_store())
        database_url = stack.enter_context(fresh_postgres_database(args.database_url, prefix="smaajob_bench"))
        env = {**os.environ, **store.environment(store.new_bucket()), "DATABASE_URL": database_url,
               "SMAAJOB_CACHE": "database", "SMAAJOB_DEMO": "1", "SMAAJOB_VAR_DIR": str(work / "loader"),
               "SMAAJOB_SECRET_KEY": "benchmark-" + "k" * 40}
        smaajob("migrate", env=env)
        smaajob("demo", "--no-progress", env=env)
        first = stack.enter_context(app_server(env, work / "a", workers=args.workers))
        second = stack.enter_context(app_server(env, work / "b", workers=args.workers))
        results: dict[str, list[dict[str, float]]] = {"one": [], "two": []}
        for _round in range(args.rounds):  # alternated, so a change in the machine's load hits both
            results["one"].append(drive([first.url], args.users, args.requests))
            results["two"].append(drive([first.url, second.url], args.users, args.requests))
    for label, runs in results.items():
        rps = statistics.median(r["rps"] for r in runs)
        p50 = statistics.median(r["p50_ms"] for r in runs)
        p95 = statistics.median(r["p95_ms"] for r in runs)
        print(f"{label} server(s): {rps:6.1f} req/s   p50 {p50:6.0f} ms   p95 {p95:6.0f} ms   "
              f"(median of {len(runs)}; rps per round {', '.join(f'{r['rps']:.1f}' for r in runs)})")
    ratio = statistics.median(r["rps"] for r in results["two"]) / statistics.median(r["rps"] for r in results["one"])
    print(f"throughput two/one: {ratio:.2f}   load after: {os.getloadavg()[0]:.2f} (1 min)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
