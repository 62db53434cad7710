# SPDX-License-Identifier: MPL-2.0
"""The test suite's wall time at an earlier revision and at HEAD, measured side by side.

    .venv/bin/python benchmarks/suite_speed.py                        # the whole suite, main de4df19 vs HEAD
    .venv/bin/python benchmarks/suite_speed.py --rounds 3 tests/app   # a part of it, three rounds
    .venv/bin/python benchmarks/suite_speed.py --together             # both at once, each round
    .venv/bin/python benchmarks/suite_speed.py --database-url postgresql://…/h3   # the PostgreSQL stage
    .venv/bin/python benchmarks/suite_speed.py --together --database-url postgresql://…/h1 \
        --baseline-database-url postgresql://…/h2                         # both at once on PostgreSQL

Both revisions are checked out into temporary git worktrees (HEAD as committed: edits not yet
committed are not measured) and run with this checkout's virtual environment, each importing
its own ``src`` (``PYTHONPATH``). Each round runs the baseline and HEAD one after the other,
the first of the pair alternating between rounds, so a change in the machine's load falls on
both; ``--together`` starts both at the same moment instead (each then meets the other's load,
as when the machine is busy anyway). The same pytest options and the same random-order seed
are used for both; like ``scripts/test``, two xdist workers, handed out as the revision's own
scripts/test does (``--dist loadgroup`` from 2026-12-07 on).

It prints every run (wall seconds, load average at its start, pytest's summary line), then the
median per revision and the ratio HEAD / baseline. No thresholds: it reports, and
docs/performance.md records what was measured where.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = REPO / ".venv" / "bin" / "python"
# scripts/test's PostgreSQL stage: the database tests only.
POSTGRES_OPTIONS = ["-m", "not browser", "--ignore=tests/rules", "--ignore=tests/matching"]
# pytest's last line: "1632 passed, 3 skipped in 399.12s (0:06:39)", between "=" signs without -q.
_SUMMARY = re.compile(r"^=* ?(\d+ (?:passed|failed|errors?|skipped|deselected)\b.* in [\d.]+s\b.*?) ?=*$", re.MULTILINE)


@dataclass
class Run:
    label: str
    round: int
    seconds: float
    load: float
    summary: str
    returncode: int


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], check=True, capture_output=True, text=True).stdout.strip()


def _checkout(revision: str, where: Path) -> Path:
    _git("worktree", "add", "--detach", "--quiet", str(where), revision)
    # axe-core (the browser tests' accessibility checker) is fetched into var/node, not committed.
    node = REPO / "var" / "node"
    if node.exists():
        (where / "var").mkdir(exist_ok=True)
        (where / "var" / "node").symlink_to(node)
    return where


def _distribution(tree: Path) -> list[str]:
    """How the revision's own scripts/test hands tests to its workers: ``--dist loadgroup`` where it
    says so (modules that share a module-scoped fixture on one worker), else xdist's default."""
    script = tree / "scripts" / "test"
    return ["--dist", "loadgroup"] if script.exists() and "--dist loadgroup" in script.read_text() else []


def _run(label: str, tree: Path, round_: int, pytest_args: list[str], database_url: str | None, log: Path) -> Run:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PYTHONPATH")}
    env["PYTHONPATH"] = f"{tree / 'src'}{os.pathsep}{tree}"
    env["SMAAJOB_VAR_DIR"] = str(tree / "var" / f"test-{round_}")
    if database_url:
        env["DATABASE_URL"] = database_url
    command = [str(PYTHON), "-m", "pytest", "-p", "no:cacheprovider", "-q", *_distribution(tree), *pytest_args]
    load = os.getloadavg()[0]
    started = time.perf_counter()
    with log.open("w") as out:
        result = subprocess.run(command, cwd=tree, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    seconds = time.perf_counter() - started
    found = _SUMMARY.findall(log.read_text(errors="replace"))
    summary = found[-1] if found else f"(no summary; see {log})"
    return Run(label, round_, seconds, load, summary, result.returncode)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="test paths (default: the whole suite)")
    parser.add_argument("--baseline", default="de4df19", help="the revision to compare with (default: de4df19)")
    parser.add_argument("--rounds", type=int, default=1, help="pairs of runs (default 1)")
    parser.add_argument("--together", action="store_true", help="start both runs of a round at the same moment")
    parser.add_argument("--seed", type=int, default=20261203, help="pytest-randomly's seed, the same for both")
    parser.add_argument("--workers", default="2", help="pytest-xdist workers (default 2, as scripts/test)")
    parser.add_argument("--database-url", help="run on this database (PostgreSQL: the database tests only)")
    parser.add_argument("--keep", action="store_true", help="keep the worktrees and logs")
    parser.add_argument("--baseline-database-url",
                        help="the baseline's database (default: --database-url); with --together on PostgreSQL a "
                             "second database, since both runs would otherwise create and drop the same test databases")
    args = parser.parse_args()

    postgres = bool(args.database_url and args.database_url.startswith("postgres"))
    databases = {"HEAD": args.database_url, "baseline": args.baseline_database_url or args.database_url}
    if args.together and postgres and databases["HEAD"] == databases["baseline"]:
        # pytest-django names the test databases after the database (test_<name>_gw0, …): two runs
        # on one name would drop each other's.
        parser.error("--together on PostgreSQL needs --baseline-database-url naming another database")
    pytest_args = ["-p", "randomly", f"--randomly-seed={args.seed}", "-n", args.workers,
                   *(POSTGRES_OPTIONS if postgres else []), *args.paths]
    work = Path(tempfile.mkdtemp(prefix="smaajob-suite-speed-"))
    revisions = {"baseline": _git("rev-parse", args.baseline), "HEAD": _git("rev-parse", "HEAD")}
    print(f"baseline {args.baseline} = {revisions['baseline'][:10]}, HEAD = {revisions['HEAD'][:10]}; "
          f"pytest {' '.join(pytest_args)}; {'together' if args.together else 'interleaved'}; work dir {work}",
          flush=True)
    trees = {label: _checkout(rev, work / label) for label, rev in revisions.items()}
    runs: list[Run] = []
    try:
        for round_ in range(1, args.rounds + 1):
            order = ["baseline", "HEAD"] if round_ % 2 else ["HEAD", "baseline"]
            jobs = [(label, trees[label], round_, pytest_args, databases[label], work / f"{label}-{round_}.log")
                    for label in order]
            if args.together:
                with ThreadPoolExecutor(max_workers=2) as pool:
                    results = list(pool.map(lambda job: _run(*job), jobs))
            else:
                results = [_run(*job) for job in jobs]
            for run in sorted(results, key=lambda r: r.label):
                print(f"round {run.round} {run.label:>8}: {run.seconds:7.1f} s  load {run.load:5.1f}  "
                      f"exit {run.returncode}  {run.summary}", flush=True)
            runs.extend(results)
    finally:
        if not args.keep:
            for tree in trees.values():
                _git("worktree", "remove", "--force", str(tree))
            shutil.rmtree(work, ignore_errors=True)
    medians = {label: statistics.median(r.seconds for r in runs if r.label == label) for label in trees}
    print(f"median baseline {medians['baseline']:.1f} s, HEAD {medians['HEAD']:.1f} s "
          f"({len(runs) // 2} round(s)); HEAD / baseline = {medians['HEAD'] / medians['baseline']:.2f} "
          f"({1 - medians['HEAD'] / medians['baseline']:.0%} less wall time)")
    return 0 if all(r.returncode == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
