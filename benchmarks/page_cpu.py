# SPDX-License-Identifier: MPL-2.0
"""Page CPU per request, this revision against an older one, side by side (issue 15).

The redesign (Det Fælles Designsystem's page shell, grouped menu, breadcrumbs, error summary)
must not make pages slower. This renders each main page N times through Django's test client
(no HTTP server: only Småjob's own work, in one process) and reports the median CPU time
(``time.process_time``) per request, for this working tree and for ``--baseline`` (a git
revision whose ``src/`` is unpacked with ``git archive`` into a temporary folder), on the same
demo database, in alternating rounds so machine load hits both alike.

    .venv/bin/python benchmarks/page_cpu.py                       # against de4df19, 30 renders
    .venv/bin/python benchmarks/page_cpu.py --baseline main --renders 50 --write-docs

``--write-docs`` replaces the "## Page CPU (issue 15)" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
SECTION = "## Page CPU (issue 15)"

# Runs inside a fresh interpreter with the revision's src/ first on sys.path; prints JSON.
MEASURE = r"""
import json, os, sys, time
import django
os.environ["DJANGO_SETTINGS_MODULE"] = "smaajob.settings"
django.setup()
from django.test import Client
from smaajob.organisation.models import User
from smaajob.courses.models import Course, Placement
from smaajob.network.models import Company

renders = int(sys.argv[1])
course = Course.objects.filter(state__in=["placement", "paid_hours", "follow_up"],
                               citizen__assignments__staff__username="konsulent").order_by("pk").first()
placement = Placement.objects.filter(course=course).order_by("pk").first()
company = Company.objects.filter(openings__isnull=False).order_by("pk").first()
pages = {
    "forside (konsulent)": ("konsulent", "/"),
    "borgerens side": ("konsulent", f"/borgere/{course.citizen_id}/"),
    "placering": ("konsulent", f"/placeringer/{placement.pk}/"),
    "ugens timer": ("konsulent", "/timer/"),
    "opfølgning": ("konsulent", f"/forloeb/{course.pk}/opfoelgning/"),
    "arbejdsliste": ("konsulent", "/arbejdsliste/"),
    "virksomheder": ("konsulent", "/virksomheder/"),
    "virksomhed": ("konsulent", f"/virksomheder/{company.pk}/"),
    "jobåbninger": ("konsulent", "/jobaabninger/"),
    "arbejdsgiverens forside": ("virksomhed", "/"),
    "borgerens forside": ("borger", "/"),
    "beregneren": (None, "/beregner/"),
}
clients = {}
result = {}
for name, (username, path) in pages.items():
    client = clients.get(username)
    if client is None:
        client = clients[username] = Client()
        if username:
            client.force_login(User.objects.get(username=username))
    answer = client.get(path)  # warm: templates compiled, caches filled
    assert answer.status_code == 200, (name, answer.status_code)
    times = []
    for _ in range(renders):
        started = time.process_time()
        client.get(path)
        times.append(time.process_time() - started)
    result[name] = times
print(json.dumps(result))
"""


def baseline_src(revision: str, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", revision, "src"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into / "src"


def measure(src: Path, renders: int, env: dict[str, str]) -> dict[str, list[float]]:
    run_env = {**env, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [PYTHON, "-c", MEASURE, str(renders)], env=run_env, capture_output=True, text=True, check=False, cwd=ROOT
    )
    if done.returncode != 0:
        sys.exit(f"målingen fejlede ({src}):\n{done.stderr[-3000:]}")
    figures: dict[str, list[float]] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def ensure_demo(env: dict[str, str]) -> None:
    smaajob = str(ROOT / ".venv" / "bin" / "smaajob")
    subprocess.run([smaajob, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run([smaajob, "demo", "--reset", "--no-progress"], env=env, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Side-CPU pr. forespørgsel: denne udgave mod en ældre.")
    parser.add_argument("--baseline", default="de4df19", help="git-revision at sammenligne med (standard: de4df19)")
    parser.add_argument("--renders", type=int, default=30, help="gengivelser pr. side pr. runde (standard: 30)")
    parser.add_argument("--rounds", type=int, default=3, help="skiftevise runder (standard: 3)")
    parser.add_argument("--write-docs", action="store_true", help="skriv resultatet i docs/performance.md")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="smaajob-page-cpu-") as tmp:
        work = Path(tmp)
        env = {
            **os.environ,
            "SMAAJOB_VAR_DIR": str(work / "var"),
            "SMAAJOB_DEMO": "1",
            "DATABASE_URL": f"sqlite:///{work / 'demo.sqlite3'}",
        }
        env.pop("SMAAJOB_DEBUG", None)
        print("Indlæser den lille demo …", flush=True)
        ensure_demo(env)
        old_src = baseline_src(args.baseline, work / "baseline")
        new_src = ROOT / "src"
        old: dict[str, list[float]] = {}
        new: dict[str, list[float]] = {}
        for round_no in range(args.rounds):
            # Alternate which goes first, so a load change during the run hits both alike.
            order = [(old_src, old), (new_src, new)] if round_no % 2 == 0 else [(new_src, new), (old_src, old)]
            for src, into in order:
                for name, times in measure(src, args.renders, env).items():
                    into.setdefault(name, []).extend(times)
            print(f"runde {round_no + 1} af {args.rounds} færdig", flush=True)

    rows = []
    for name in new:
        before, after = statistics.median(old[name]) * 1000, statistics.median(new[name]) * 1000
        rows.append((name, before, after, after / before))
    overall = statistics.median([r[3] for r in rows])
    lines = [
        f"| Side | {args.baseline} (ms CPU, median) | denne udgave (ms CPU, median) | forhold |",
        "|---|---:|---:|---:|",
        *[f"| {n} | {b:.1f} | {a:.1f} | {r:.2f} |" for n, b, a, r in rows],
        f"| **median af forholdene** | | | **{overall:.2f}** |",
    ]
    print("\n".join(lines))
    if args.write_docs:
        write_docs(lines, args)


def write_docs(lines: list[str], args: argparse.Namespace) -> None:
    machine = f"{platform.machine()}, {os.cpu_count()} kerner, Python {platform.python_version()}"
    load = os.getloadavg()[0]
    body = "\n".join(
        [
            SECTION,
            "",
            f"Målt {date.today().isoformat()} med `benchmarks/page_cpu.py --baseline {args.baseline} "
            f"--renders {args.renders} --rounds {args.rounds}` på {machine}; belastning ved slut "
            f"{load:.1f} (maskinen deles med andre kørsler, så tallene er støjfyldte: se forholdene). "
            "CPU-tid pr. forespørgsel gennem Djangos testklient, den lille demo på SQLite, "
            "begge udgaver på samme database i skiftevise runder.",
            "",
            *lines,
            "",
        ]
    )
    path = ROOT / "docs" / "performance.md"
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(body + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + body
    path.write_text(text, encoding="utf-8")
    print(f"docs/performance.md: {SECTION} opdateret")


if __name__ == "__main__":
    main()
