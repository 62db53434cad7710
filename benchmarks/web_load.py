# SPDX-License-Identifier: MPL-2.0
"""Load benchmark for the working tool's main pages (issue 5).

One command: migrates the database given by ``--database-url`` (SQLite file or PostgreSQL),
loads the municipality demo if it is not there, starts ``smaajob serve`` on a loopback port,
logs in virtual users (each a different demo consultant or caseworker), and drives the main
pages — home, worklist, weekly hours, openings list, network, dashboard, a citizen's case and
a company page — first with 1 user (the in-run baseline), then with N concurrent users.
A bounded number of requests per run; only 127.0.0.1 is used.

A level is ``USERS@THINK``: ``20@1-3`` is 20 users who each wait 1–3 s (uniformly, a seeded
draw) after a page arrives before they ask for the next — people reading a page before they
click — while ``20@0`` is 20 users who never pause (a stress test: 20 requests in flight at
all times, far more than 20 people at work produce). Both are reported.

    .venv/bin/python benchmarks/web_load.py --database-url sqlite:////tmp/bench-web/db.sqlite3
    .venv/bin/python benchmarks/web_load.py --database-url postgresql://u:p@127.0.0.1:5432/db --write-docs

Prints p50/p95 latency and throughput per run, per page at the highest concurrency, and the
ratios to the 1-user baseline. ``--write-docs`` replaces the "## Web pages (issue 5)" section
of docs/performance.md (other sections are kept) with this database's results.
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import os
import platform
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from smaajob.cli.serve import default_workers

ROOT = Path(__file__).resolve().parents[1]
SMAAJOB = str(ROOT / ".venv" / "bin" / "smaajob")
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PASSWORD = "smaajob-demo"
SECTION = "## Web pages (issue 5)"
GOAL_P95_MS = 150


def run(cmd: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def ensure_demo(env: dict[str, str], load: str) -> None:
    run([SMAAJOB, "migrate"], env)
    probe = (
        "import django; django.setup(); from smaajob.organisation.models import User; "
        "print(User.objects.filter(username='konsulent001').exists())"
    )
    has = run([PYTHON, "-c", probe], {**env, "DJANGO_SETTINGS_MODULE": "smaajob.settings"}).strip() == "True"
    if has or load == "no":
        return
    print("Indlæser kommunedemoen (municipality) – det tager nogle minutter …", flush=True)
    run([SMAAJOB, "demo", "--size", "municipality", "--no-progress", "--reset"], env)


class VirtualUser:
    """One logged-in browser: its own cookie jar and the pages it will visit."""

    def __init__(self, base: str, username: str) -> None:
        self.base = base
        self.username = username
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.pages: list[tuple[str, str]] = []

    def get(self, path: str) -> tuple[int, str]:
        with self.opener.open(self.base + path, timeout=60) as response:
            return response.status, response.read().decode()

    def log_in(self) -> None:
        self.get("/log-ind/")
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        body = urllib.parse.urlencode(
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(
            self.base + "/log-ind/", data=body, headers={"Referer": self.base + "/log-ind/"}
        )
        with self.opener.open(request, timeout=60) as response:
            if "/log-ind/" in response.url:
                sys.exit(f"log-in failed for {self.username}")
        _, home = self.get("/")
        citizen = re.search(r'href="(/borgere/\d+/)"', home)
        self.pages = [
            ("forside", "/"),
            ("arbejdsliste", "/arbejdsliste/"),
            ("jobåbninger", "/jobaabninger/"),
            ("virksomheder", "/virksomheder/"),
            ("overblik", "/overblik/"),
        ]
        if citizen:
            self.pages.append(("borgerside", citizen.group(1)))
        if self.username.startswith("konsulent"):
            self.pages.append(("ugens timer", "/timer/"))
            _, network = self.get("/virksomheder/")
            company = re.search(r'href="(/virksomheder/\d+/)"', network)
            if company:
                self.pages.append(("virksomhedsside", company.group(1)))


def parse_level(text: str) -> tuple[int, float, float]:
    """``"20@1-3"`` → (20, 1.0, 3.0); ``"1"`` or ``"1@0"`` → (1, 0.0, 0.0)."""
    users, _, think = text.partition("@")
    low, _, high = (think or "0").partition("-")
    return int(users), float(low), float(high or low)


def level_label(users: int, low: float, high: float) -> str:
    pause = "no pause" if high == 0 else f"{low:g}–{high:g} s pause" if high != low else f"{low:g} s pause"
    return f"{users} ({pause})"


def drive(users: list[VirtualUser], total: int, think: tuple[float, float] = (0.0, 0.0)) -> dict[str, object]:
    """``len(users)`` threads share ``total`` requests; each walks its own pages in turn,
    pausing a seeded uniform draw from ``think`` seconds after each page."""
    lock = threading.Lock()
    issued = 0
    samples: list[tuple[str, float]] = []
    errors: list[str] = []

    def worker(user: VirtualUser, seed: int) -> None:
        nonlocal issued
        rng = random.Random(seed)
        i = 0
        if think[1] > 0:  # users arrive spread over one pause, not all at once
            time.sleep(rng.uniform(0, think[1]))
        while True:
            with lock:
                if issued >= total:
                    return
                issued += 1
            name, path = user.pages[i % len(user.pages)]
            i += 1
            started = time.perf_counter()
            try:
                status, _ = user.get(path)
            except Exception as error:  # noqa: BLE001 - a benchmark reports, it does not stop
                errors.append(f"{path}: {error}")
                continue
            elapsed = time.perf_counter() - started
            with lock:
                samples.append((name, elapsed))
            if status != 200:
                errors.append(f"{path}: HTTP {status}")
            if think[1] > 0:
                time.sleep(rng.uniform(*think))

    threads = [threading.Thread(target=worker, args=(u, k)) for k, u in enumerate(users)]
    client_cpu = time.process_time()  # this process is the load generator: its CPU is not the server's
    wall = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - wall
    client_cpu = time.process_time() - client_cpu
    times = sorted(s for _, s in samples)
    per_page: dict[str, list[float]] = defaultdict(list)
    for name, s in samples:
        per_page[name].append(s)
    return {
        "users": len(users),
        "label": level_label(len(users), *think),
        "think": think,
        "requests": len(samples),
        "errors": errors,
        "wall": wall,
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "throughput": len(samples) / wall if wall else 0.0,
        "client_cpu_ms": 1000 * client_cpu / len(samples) if samples else float("nan"),
        "pages": {k: (percentile(sorted(v), 50), percentile(sorted(v), 95), len(v)) for k, v in per_page.items()},
    }


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def machine() -> str:
    info: dict[str, str] = {}
    for name in ("/proc/cpuinfo", "/proc/meminfo"):
        with contextlib.suppress(OSError), open(name) as handle:
            for line in handle:
                key, _, value = line.partition(":")
                info.setdefault(key.strip(), value.strip())
    cpu = info.get("model name", "unknown CPU")
    mem = info.get("MemTotal", "")
    memory = f"{int(mem.split()[0]) / 1024 / 1024:.1f} GiB" if mem else "?"
    return f"nproc {os.cpu_count()}, CPU {cpu}, memory {memory}, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=None, help="server processes (default: smaajob serve's)")
    parser.add_argument("--threads", type=int, default=4, help="threads per server process (serve's default: 4)")
    parser.add_argument(
        "--levels",
        default="1@0,20@1-3,20@0.5-1.5,20@0",
        help="USERS@THINK levels, comma-separated; the first is the baseline (default 1@0,20@1-3,20@0.5-1.5,20@0)",
    )
    parser.add_argument(
        "--compare-workers",
        type=int,
        default=None,
        help="also run every level against a server with this many processes (e.g. 1), in the same run",
    )
    parser.add_argument("--requests", type=int, default=400, help="requests per concurrency level")
    parser.add_argument("--load-demo", choices=["auto", "no"], default="auto")
    parser.add_argument("--var-dir", default="/tmp/smaajob-bench-web")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()

    # Synthetic data only: the servers may use the public development CPR key (docs/security.md).
    env = {**os.environ, "DATABASE_URL": args.database_url, "SMAAJOB_VAR_DIR": args.var_dir, "SMAAJOB_DEMO": "1"}
    env.pop("SMAAJOB_DEBUG", None)
    Path(args.var_dir).mkdir(parents=True, exist_ok=True)
    ensure_demo(env, args.load_demo)
    levels = [parse_level(x) for x in args.levels.split(",")]
    configs = [args.workers or default_workers()] + ([args.compare_workers] if args.compare_workers else [])
    load_before = os.getloadavg()[0]
    runs = [(workers, measure(env, args, workers, levels)) for workers in configs]
    load_after = os.getloadavg()[0]

    engine = "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite"
    lines = report(runs, engine, args, load_before, load_after)
    print("\n".join(lines))
    if args.write_docs:
        write_docs(engine, lines)
    return 0


def measure(env: dict[str, str], args: argparse.Namespace, workers: int,
            levels: list[tuple[int, float, float]]) -> list[dict[str, object]]:
    """Start a server with ``workers`` processes, log the users in, warm up, drive every level."""
    base = f"http://127.0.0.1:{args.port}"
    command = [SMAAJOB, "serve", "--host", "127.0.0.1", "--port", str(args.port), "--threads", str(args.threads),
               "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/sundhed/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            sys.exit("the server did not start")
        users = []
        for k in range(max(n for n, _, _ in levels)):
            prefix = "konsulent" if k % 3 else "raadgiver"
            user = VirtualUser(base, f"{prefix}{k // 3 + 1:03d}")
            user.log_in()
            users.append(user)
        for _ in range(2):  # warm-up: every page twice, in every worker process, not measured
            drive(users, sum(len(u.pages) for u in users))
        print(f"server with {workers} processes: driving {len(levels)} levels …", flush=True)
        return [drive(users[:n], args.requests, (low, high)) for n, low, high in levels]
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(
    runs: list[tuple[int, list[dict[str, Any]]]], engine: str, args: argparse.Namespace,
    load_before: float, load_after: float,
) -> list[str]:
    out = [
        f"### {engine}",
        "",
        f"Measured {date.today().isoformat()} on: {machine()}; load average (1 min) {load_before:.1f} before and "
        f"{load_after:.1f} after. `smaajob serve` (gunicorn, {args.threads} threads per process) on 127.0.0.1, the "
        f"municipality demo (5,000 citizens). {args.requests} requests per level after a warm-up; each virtual user "
        "is a different demo consultant or caseworker walking the main pages in turn. The load generator runs on "
        "the same two cores.",
        "",
        "| server processes | concurrent users | requests | errors | p50 ms | p95 ms | throughput req/s "
        "| p95 × baseline | load generator's CPU ms per request |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    base = runs[0][1][0]
    for workers, results in runs:
        for r in results:
            out.append(
                f"| {workers} | {r['label']} | {r['requests']} | {len(r['errors'])} | "
                f"{r['p50'] * 1000:.0f} | {r['p95'] * 1000:.0f} | {r['throughput']:.1f} | "
                f"{r['p95'] / base['p95']:.1f} | {r['client_cpu_ms']:.1f} |"
            )
    for r in runs[0][1][1:]:
        out += [
            "",
            f"Per page, {r['label']} users, {runs[0][0]} processes:",
            "",
            "| page | requests | p50 ms | p95 ms |",
            "|---|---:|---:|---:|",
        ]
        for name, (p50, p95, n) in sorted(r["pages"].items()):
            out.append(f"| {name} | {n} | {p50 * 1000:.0f} | {p95 * 1000:.0f} |")
    out.append("")
    for r in runs[0][1][1:]:
        met = r["p95"] * 1000 < GOAL_P95_MS
        out.append(
            f"Goal p95 under {GOAL_P95_MS} ms, {r['label']} users: **{'met' if met else 'not met'}** "
            f"({r['p95'] * 1000:.0f} ms)."
        )
        if r["errors"]:
            out.append(f"First errors: {r['errors'][:3]}")
    return out


def write_docs(engine: str, lines: list[str]) -> None:
    path = ROOT / "docs" / "performance.md"
    text = path.read_text() if path.exists() else "# Performance\n"
    start = text.find(SECTION)
    if start == -1:
        section = ""
        before, after = text.rstrip() + "\n\n", ""
    else:
        nxt = text.find("\n## ", start + len(SECTION))
        section = text[start:] if nxt == -1 else text[start : nxt + 1]
        before, after = text[:start], "" if nxt == -1 else text[nxt + 1 :]
    sub = f"### {engine}"
    kept = ""
    if section:
        body = section[len(SECTION) :]
        # keep the other engine's subsection and the prose; replace this engine's subsection
        parts = re.split(r"(?m)^(?=### )", body)
        kept_parts = [p for p in parts if not p.startswith(sub)]
        kept = "".join(kept_parts).rstrip() + "\n\n"
    else:
        kept = (
            "\nCommand: `.venv/bin/python benchmarks/web_load.py --database-url <URL> --write-docs` (one run per "
            "database). A benchmark, not a timed test.\n\n"
        )
    new = SECTION + kept + "\n".join(lines) + "\n"
    path.write_text(before + new + ("\n" + after if after else ""))
    print(f"Skrev afsnittet »{SECTION}« ({engine}) i {path}")


if __name__ == "__main__":
    raise SystemExit(main())
