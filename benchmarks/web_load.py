# SPDX-License-Identifier: MPL-2.0
"""Load benchmark for the working tool: a realistic mix of pages, exports and saves (issues 5, 22).

One command per database. Every server gets a fresh copy of the municipality demo (loaded
once a day into a template: a SQLite file under ``var/bench-templates``, a PostgreSQL template
database ``<db>_webload_tpl``), since the mix saves data; ``smaajob serve`` runs on a free
loopback port with its own private temporary folder, and the copy is dropped afterwards.

Virtual users alternate between consultants and caseworkers, each logged in as a different
demo user and working through up to eight citizens of their own caseload (taken from their
own home page), one citizen a round. A consultant's round: home, worklist, the citizen's
page, the matching page (»Find jobåbninger«), the citizen's calculator, the follow-up form
and its save, this week's hours and a save (»Godkend som planlagt« for one row), the placement
form opened from a matching proposal and its save, the openings list, the network, a company
page and an Excel export of the openings up to 10 hours a week. A caseworker's round: home,
worklist, citizen, matching, calculator, the follow-up form and save, the overview, the
deadlines page and the offer catalogue in Excel. Saves are real POSTs with the CSRF token,
filled in as a browser sends the form (``web_forms``).

A level is ``USERS@THINK``: ``20@0.5-1.5`` is 20 users who each wait 0.5–1.5 s (uniformly, a
seeded draw) after a response before the next request; ``20@0`` is the no-pause stress test.
Users begin their rounds at different steps and every step of the mix is requested at every
level — ``--quick`` included; the run stops with an error if one is not.

    .venv/bin/python benchmarks/web_load.py --database-url sqlite --compare-workers 1
    .venv/bin/python benchmarks/web_load.py --database-url postgresql://u:p@127.0.0.1:5432/db --write-docs
    .venv/bin/python benchmarks/web_load.py --quick
    .venv/bin/python benchmarks/web_load.py --workers 4 --threads 4 --compare-workers 8 --compare-threads 1

Prints p50/p95 and throughput per level, p95 without the exports, p95 per page and level, what
the saves did (saved, nothing to save, refused, with the first refusal's message), and the
ratios to the 1-user baseline and to a second server (``--compare-workers`` processes,
``--compare-threads`` threads each; one thread is gunicorn's sync worker) measured in the same run.
``--write-docs`` replaces this database's subsection of the section "Web pages: a realistic mix
(issue 22, item 2)" of docs/performance.md (other sections are kept).
"""

from __future__ import annotations

import argparse
import contextlib
import html
import http.cookiejar
import math
import os
import platform
import random
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from web_forms import Form, page_form

from smaajob.cli.serve import DEFAULT_THREADS, default_workers

ROOT = Path(__file__).resolve().parents[1]
SMAAJOB = str(ROOT / ".venv" / "bin" / "smaajob")
PYTHON = str(ROOT / ".venv" / "bin" / "python")
TEMPLATES = ROOT / "var" / "bench-templates"
PASSWORD = "smaajob-demo"
SECTION = "## Web pages: a realistic mix (issue 22, item 2)"
GOAL_P95_MS = 150


def run(cmd: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def free_port() -> int:
    """A port nobody listens on now (the OS picks it), so runs side by side do not collide."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# ---------------------------------------------------------------- a fresh demo database per run
#
# The mix saves hours, follow-ups and placements, so a run changes its database. Every run
# therefore gets its own copy of a demo loaded once per day into a template (a SQLite file
# under var/bench-templates, a PostgreSQL template database), and the copy is dropped after.


def _template_env(env: dict[str, str], url: str) -> dict[str, str]:
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    return {**env, "DATABASE_URL": url, "SMAAJOB_VAR_DIR": str(TEMPLATES)}


def _load_demo(env: dict[str, str]) -> None:
    print("Indlæser kommunedemoen (municipality) i en skabelon – det tager nogle minutter …", flush=True)
    run([SMAAJOB, "migrate"], env)
    run([SMAAJOB, "demo", "--size", "municipality", "--no-progress"], env)


def fresh_sqlite(env: dict[str, str], run_dir: Path) -> str:
    template = TEMPLATES / f"demo-{date.today().isoformat()}.sqlite3"
    if not template.exists():
        partial = template.with_suffix(".part")
        partial.unlink(missing_ok=True)
        _load_demo(_template_env(env, f"sqlite:///{partial}"))
        partial.rename(template)
    copy = run_dir / "db.sqlite3"
    with contextlib.closing(sqlite3.connect(template)) as source, contextlib.closing(sqlite3.connect(copy)) as target:
        source.backup(target)  # SQLite's own copy: consistent even if a WAL file lies beside it
    return f"sqlite:///{copy}"


def fresh_postgres(env: dict[str, str], url: str, given_template: str | None = None) -> tuple[str, Callable[[], None]]:
    """A new database ``<db>_webload_run`` made from the template ``<db>_webload_tpl`` (or from
    ``given_template``, an existing database used as it is: e.g. the country demo)."""
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    template, copy = given_template or f"{name}_webload_tpl", f"{name}_webload_run"
    stamp = f"smaajob municipality demo {date.today().isoformat()}"

    def sql(statement: str) -> str:
        return run(["psql", url, "-v", "ON_ERROR_STOP=1", "-tAc", statement], env).strip()

    def url_of(db: str) -> str:
        return urllib.parse.urlunsplit(parts._replace(path="/" + db))

    if given_template is None and sql(
            f"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{template}'") != stamp:
        sql(f"DROP DATABASE IF EXISTS {template}")
        sql(f"CREATE DATABASE {template}")
        _load_demo(_template_env(env, url_of(template)))
        sql(f"COMMENT ON DATABASE {template} IS '{stamp}'")
    sql(f"DROP DATABASE IF EXISTS {copy}")
    sql(f"CREATE DATABASE {copy} TEMPLATE {template}")

    def drop() -> None:
        sql(f"DROP DATABASE IF EXISTS {copy} WITH (FORCE)")

    return url_of(copy), drop


# ---------------------------------------------------------------- the virtual users


CASELOAD = 8  # citizens each user works through, from the user's own home page
SHOWN_BY = {  # a save → the step that showed its form
    "opfølgning gemt": "opfølgning (formular)",
    "placering gemt": "placering (formular)",
    "ugens timer gemt": "ugens timer",
}


@dataclass
class Sample:
    page: str
    seconds: float
    status: int
    export: bool


class VirtualUser:
    """One logged-in browser: its own cookie jar, its own caseload and the walk it repeats.

    A walk is a list of steps, each one request: pages (GET), a form shown (GET) and the same
    form saved (POST, as a browser sends it, with the CSRF token). The citizen of a walk moves
    on through the user's caseload each round, so twenty users ask for many different citizens.
    """

    def __init__(self, base: str, username: str, offset: int) -> None:
        self.base = base
        self.username = username
        self.offset = offset  # users start their walks at different steps (see ``drive``)
        self.jar = http.cookiejar.CookieJar()
        handlers = [urllib.request.HTTPCookieProcessor(self.jar)]
        self.opener = urllib.request.build_opener(*handlers)
        self.poster = urllib.request.build_opener(*handlers, _NoRedirect())
        self.caseload: list[tuple[int, int]] = []  # (citizen id, open course id)
        self.company: str | None = None
        self.forms: dict[str, tuple[str, Form | None]] = {}
        self.suggested: dict[int, list[str]] = {}  # citizen → openings the matching page proposed
        self.saved: Counter[str] = Counter()  # what the saves did: saved, nothing to save, refused
        self.refusals: dict[str, str] = {}  # a save → the first refusal's message, for the report
        self.refused: Counter[str] = Counter()  # "save: the message's first words" → how many
        self.intent = ""

    @property
    def is_consultant(self) -> bool:
        return self.username.startswith("konsulent")

    def request(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        try:
            with (self.poster if data is not None else self.opener).open(req, timeout=120) as response:
                raw = response.read()
                status = response.status
        except urllib.error.HTTPError as answer:  # a redirect after a save, or a refusal
            raw, status = answer.read(), answer.code
        kind = response_kind(raw)
        return status, raw.decode() if kind == "html" else kind

    def log_in(self) -> None:
        self.request("/log-ind/")
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        status, _ = self.request(
            "/log-ind/", {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token or ""}
        )
        if status != 302:
            sys.exit(f"log-in failed for {self.username} (HTTP {status})")
        _, home = self.request("/")
        citizens = list(dict.fromkeys(int(x) for x in re.findall(r'href="/borgere/(\d+)/"', home)))
        for citizen in citizens:  # citizens with an open course: the ones a follow-up and a placement need
            _, page = self.request(f"/borgere/{citizen}/")
            course = re.search(r'href="/forloeb/(\d+)/opfoelgning/"', page)
            if course:
                self.caseload.append((citizen, int(course.group(1))))
            if len(self.caseload) == CASELOAD:
                break
        if not self.caseload:
            sys.exit(f"{self.username} has no citizen in an open course on the home page: is the demo loaded?")
        _, network = self.request("/virksomheder/")
        company = re.search(r'href="(/virksomheder/\d+/)"', network)
        self.company = company.group(1) if company else None

    def walk(self) -> list[str]:
        """The step names of one round, in order (every user does each of them every round)."""
        steps = ["forside", "arbejdsliste", "borgerside", "matchning", "beregner"]
        steps += ["opfølgning (formular)", "opfølgning gemt"]
        if self.is_consultant:
            steps += ["ugens timer", "ugens timer gemt", "placering (formular)", "placering gemt"]
            steps += ["jobåbninger", "virksomheder", "virksomhedsside", "eksport: jobåbninger (Excel)"]
        else:
            steps += ["overblik", "rettidighed", "eksport: tilbudskatalog (Excel)"]
        return steps

    def step(self, name: str, round_no: int) -> tuple[str, dict[str, str] | None]:
        """The request for one step: (path, form data for a POST or None for a GET)."""
        citizen, course = self.caseload[round_no % len(self.caseload)]
        pages = {
            "forside": "/",
            "arbejdsliste": "/arbejdsliste/",
            "borgerside": f"/borgere/{citizen}/",
            "matchning": f"/borgere/{citizen}/match/",
            "beregner": f"/beregner/borger/{citizen}/",
            "jobåbninger": "/jobaabninger/",
            "virksomheder": "/virksomheder/",
            "virksomhedsside": self.company or "/virksomheder/",
            "overblik": "/overblik/",
            "rettidighed": "/rettidighed/",
            # A filtered export a consultant makes for a citizen's conversation, and the catalogue.
            "eksport: jobåbninger (Excel)": "/jobaabninger/?hours_max=10&format=xlsx",
            "eksport: tilbudskatalog (Excel)": "/tilbud/katalog.xlsx",
            "opfølgning (formular)": f"/forloeb/{course}/opfoelgning/",
        }
        if name == "ugens timer":  # this week: the demo's ledger holds every week before it
            return f"/timer/?uge={date.today().isoformat()}", None
        if name == "placering (formular)":  # »Registrér placering direkte« on the matching page
            proposed = self.suggested.get(citizen, [])
            query = f"?jobaabning={proposed[round_no % len(proposed)]}" if proposed else ""
            return f"/borgere/{citizen}/placering/{query}", None
        if name in pages:
            return pages[name], None
        path, form = self.forms.get(SHOWN_BY[name], ("/", None))
        return path.split("?")[0], self._filled(name, form)

    def _filled(self, name: str, form: Form | None) -> dict[str, str]:
        """What the person types into the form just shown (defaults kept, as people keep them)."""
        if form is None:  # the page showed no form: post the token alone, and count the refusal
            token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
            return {"csrfmiddlewaretoken": token or ""}
        data = dict(form.fields)
        self.intent = "gemt"
        if name == "ugens timer gemt":
            rows = [value for key, value in form.buttons if key == "godkend" and value != "alle"]
            if rows:  # »Godkend som planlagt« for one citizen's week
                data["godkend"] = rows[0]
            else:  # every week recorded already: the unchanged screen is posted, and nothing is saved
                self.intent = "intet at gemme"
        elif name == "opfølgning gemt":
            data["effectiveness"] = "7"
            data["notes"] = "Går godt; møder til tiden."
        elif name == "placering gemt":
            openings = [v for v in form.options.get("opening", []) if v]
            if data.get("opening"):
                self.intent = "gemt (forslag)"  # the opening the matching page proposed
            elif openings:  # no proposal: the person picks one from the list
                data["opening"] = openings[(self.offset * 7 + len(self.saved)) % len(openings)]
                self.intent = "gemt (valgt fra listen)"
            data["deviation_reason"] = "Aftalt med borgeren og virksomheden."
        return data

    def record(self, name: str, path: str, status: int, body: str) -> None:
        """Keep a form just shown for the next step; count what a save did."""
        if name.endswith("(formular)") or name == "ugens timer":
            self.forms[name] = (path, page_form(body, path.split("?")[0]) if status == 200 else None)
        if name == "matchning" and status == 200:
            citizen = int(path.split("/")[2])
            self.suggested[citizen] = re.findall(r"placering/\?jobaabning=(\d+)", body)
        if name.endswith("gemt"):
            # A placement's source (a proposal, or picked from the list) is kept for a refusal too.
            source = self.intent[len("gemt"):] if self.intent.startswith("gemt") else ""
            outcome = self.intent if status == 302 else f"afvist{source}" if status == 400 else str(status)
            self.saved[f"{name}: {outcome}"] += 1
            if status == 400:
                message = refusal_message(body)
                self.refusals.setdefault(name, message)
                self.refused[f"{name}{source}: {refusal_kind(message)}"] += 1

    def show_form_first(self, name: str, round_no: int) -> None:
        """A save whose form this user has not shown yet (a walk may begin anywhere): show it,
        unmeasured, as the person opened it before the measurement began. The placement form is
        opened from this level's matching page, as a person opens it from the page just read
        (proposals from an earlier level may name a company the citizen has been placed at since)."""
        citizen, _ = self.caseload[round_no % len(self.caseload)]
        if name in ("placering (formular)", "placering gemt") and citizen not in self.suggested:
            path, _ = self.step("matchning", round_no)
            status, body = self.request(path)
            self.record("matchning", path, status, body)
        shown = SHOWN_BY.get(name)
        if shown is not None and shown not in self.forms:
            path, _ = self.step(shown, round_no)
            status, body = self.request(path)
            self.record(shown, path, status, body)


def refusal_message(body: str) -> str:
    """The first message of a refused save: the error summary's first line (DKFDS's
    ``error-summary``, »Felt: besked«), or an older page's ``field-error`` / ``error`` text."""
    found = re.search(r'class="alert-text[^"]*"[^>]*>\s*<li>(.*?)</li>', body, re.S) or re.search(
        r'class="(?:[^"]*\s)?(?:field-error|error)(?:\s[^"]*)?"[^>]*>(.*?)</(?:p|li|div)>', body, re.S
    )
    if not found:
        return "?"
    text = re.sub(r"<[^>]+>", " ", found.group(1)).replace("Fejl:", " ")
    return html.unescape(" ".join(text.split()))[:300] or "?"


def refusal_kind(message: str) -> str:
    """A refusal's message without the names, dates and times that differ between citizens:
    its words up to the first colon or semicolon after the field name (»Borgeren har allerede en
    placering hos …«, »Tiderne støder sammen med …«)."""
    text = message.split(": ", 1)[1] if ": " in message[:40] else message
    words = re.split(r"[;:]", text, maxsplit=1)[0].split()
    kept = [w for w in words if not any(c.isdigit() for c in w)][:6]
    return " ".join(kept) + " …"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A save answers 302 (post/redirect/get): measure the save, not the page it leads to."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def response_kind(raw: bytes) -> str:
    if raw[:2] == b"PK":
        return "xlsx"
    if raw[:4] == b"%PDF":
        return "pdf"
    return "html"


def parse_level(text: str) -> tuple[int, float, float]:
    """``"20@1-3"`` → (20, 1.0, 3.0); ``"1"`` or ``"1@0"`` → (1, 0.0, 0.0)."""
    users, _, think = text.partition("@")
    low, _, high = (think or "0").partition("-")
    return int(users), float(low), float(high or low)


def level_label(users: int, low: float, high: float) -> str:
    pause = "no pause" if high == 0 else f"{low:g}–{high:g} s pause" if high != low else f"{low:g} s pause"
    return f"{users} ({pause})"


def drive(users: list[VirtualUser], total: int, think: tuple[float, float] = (0.0, 0.0)) -> dict[str, Any]:
    """``len(users)`` threads, each making its share of ``total`` requests along its own walk,
    pausing a seeded uniform draw from ``think`` seconds after each response."""
    lock = threading.Lock()
    quota = math.ceil(total / len(users))
    samples: list[Sample] = []
    errors: list[str] = []

    def worker(user: VirtualUser, seed: int) -> None:
        rng = random.Random(seed)
        walk = user.walk()
        if think[1] > 0:  # users arrive spread over one pause, not all at once
            time.sleep(rng.uniform(0, think[1]))
        for i in range(user.offset, user.offset + quota):
            name = walk[i % len(walk)]
            user.show_form_first(name, i // len(walk))
            path, data = user.step(name, i // len(walk))
            started = time.perf_counter()
            try:
                status, body = user.request(path, data)
            except Exception as error:  # noqa: BLE001 - a benchmark reports, it does not stop
                with lock:
                    errors.append(f"{name} {path}: {error}")
                continue
            elapsed = time.perf_counter() - started
            user.record(name, path, status, body)
            with lock:
                samples.append(Sample(name, elapsed, status, name.startswith("eksport")))
                if status not in ((302, 400) if data is not None else (200,)):
                    errors.append(f"{name} {path}: HTTP {status}")
            if think[1] > 0:
                time.sleep(rng.uniform(*think))

    for user in users:
        user.saved.clear()
        user.refusals.clear()
        user.refused.clear()
        user.suggested.clear()  # each level's placements start from that level's matching page
    threads = [threading.Thread(target=worker, args=(u, k)) for k, u in enumerate(users)]
    client_cpu = time.process_time()  # this process is the load generator: its CPU is not the server's
    wall = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - wall
    client_cpu = time.process_time() - client_cpu
    per_page: dict[str, list[float]] = defaultdict(list)
    for sample in samples:
        per_page[sample.page].append(sample.seconds)
    missing = {name for u in users for name in u.walk()} - set(per_page)
    if missing:  # every page of the mix is measured at every level, --quick included
        sys.exit(f"these pages were never requested at {level_label(len(users), *think)}: {sorted(missing)}")
    saves: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    refusals: dict[str, str] = {}
    for user in users:
        saves.update(user.saved)
        refused.update(user.refused)
        for save, message in user.refusals.items():
            refusals.setdefault(save, message)
    pages = sorted(s.seconds for s in samples if not s.export)
    return {
        "users": len(users),
        "label": level_label(len(users), *think),
        "think": think,
        "requests": len(samples),
        "errors": errors,
        "wall": wall,
        "p50": percentile(sorted(s.seconds for s in samples), 50),
        "p95": percentile(sorted(s.seconds for s in samples), 95),
        "pages_p95": percentile(pages, 95),
        "throughput": len(samples) / wall if wall else 0.0,
        "client_cpu_ms": 1000 * client_cpu / len(samples) if samples else float("nan"),
        "pages": {k: (percentile(sorted(v), 50), percentile(sorted(v), 95), len(v)) for k, v in per_page.items()},
        "saves": saves,
        "refused": refused,
        "refusals": refusals,
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
    parser.add_argument(
        "--database-url",
        default="sqlite",
        help="sqlite (a private file) or postgresql://…/DB (runs in DB_webload_run, made from DB_webload_tpl)",
    )
    parser.add_argument(
        "--template-database",
        default=None,
        help="PostgreSQL: copy this existing database for each server instead of DB_webload_tpl "
        "(e.g. one loaded with smaajob demo --size country)",
    )
    parser.add_argument("--workers", type=int, default=None, help="server processes (default: smaajob serve's)")
    parser.add_argument(
        "--threads",
        type=int,
        default=DEFAULT_THREADS,
        help=f"threads per server process (serve's default: {DEFAULT_THREADS})",
    )
    parser.add_argument(
        "--levels",
        default="1@0,20@0.5-1.5,20@0",
        help="USERS@THINK levels, comma-separated; the first is the baseline (default 1@0,20@0.5-1.5,20@0)",
    )
    parser.add_argument(
        "--compare-workers",
        type=int,
        default=None,
        help="also run every level against a server with this many processes (e.g. 1), in the same run",
    )
    parser.add_argument(
        "--compare-threads",
        type=int,
        default=None,
        help="also run every level against a server with this many threads per process (1: gunicorn's "
        "sync worker), with --compare-workers processes or as many as the first, in the same run",
    )
    parser.add_argument("--requests", type=int, default=None, help="requests per level (default 480; --quick 120)")
    parser.add_argument("--quick", action="store_true", help="fewer requests per level; every page still requested")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    args.requests = args.requests or (120 if args.quick else 480)

    # Synthetic data only: the servers may use the public development CPR key (docs/security.md).
    env = {**os.environ, "SMAAJOB_DEMO": "1"}
    env.pop("SMAAJOB_DEBUG", None)
    levels = [parse_level(x) for x in args.levels.split(",")]
    first = (args.workers or default_workers(), args.threads)
    configs = [first]
    if args.compare_workers or args.compare_threads:
        configs.append((args.compare_workers or first[0], args.compare_threads or args.threads))
    engine = "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite"
    load_before = os.getloadavg()[0]
    runs = []
    for workers, threads in configs:  # each server on its own fresh copy of the demo: the saves change it
        with tempfile.TemporaryDirectory(prefix="smaajob-web-load-") as run_dir:
            drop: Callable[[], None] = lambda: None  # noqa: E731
            if engine == "SQLite":
                url = fresh_sqlite(env, Path(run_dir))
            else:
                url, drop = fresh_postgres(env, args.database_url, args.template_database)
            try:
                server_env = {**env, "DATABASE_URL": url, "SMAAJOB_VAR_DIR": run_dir}
                runs.append((server_label(workers, threads), measure(server_env, workers, threads, levels, args)))
            finally:
                drop()
    load_after = os.getloadavg()[0]
    lines = report(runs, engine, args, load_before, load_after)
    print("\n".join(lines))
    if args.write_docs:
        write_docs(engine, lines)
    return 0


def server_label(workers: int, threads: int) -> str:
    return f"{workers} × {threads} thread{'s' if threads != 1 else ''}"


def measure(env: dict[str, str], workers: int, threads: int, levels: list[tuple[int, float, float]],
            args: argparse.Namespace) -> list[dict[str, Any]]:
    """Start a server with ``workers`` processes of ``threads`` threads, log the users in, warm up,
    drive every level."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [SMAAJOB, "serve", "--host", "127.0.0.1", "--port", str(port), "--threads", str(threads),
               "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(base + "/sundhed/", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    sys.exit(f"the server stopped: {server.stderr.read() if server.stderr else ''}")
                time.sleep(0.5)
        else:
            sys.exit("the server did not start")
        most = max(n for n, _, _ in levels)
        quota = math.ceil(args.requests / most)
        users = []
        for k in range(most):
            # Consultants and caseworkers alternate; the first (the 1-user baseline) is a consultant,
            # whose walk holds every page but the caseworker's three.
            prefix = "konsulent" if k % 2 == 0 else "raadgiver"
            user = VirtualUser(base, f"{prefix}{k // 2 + 1:03d}", offset=k * quota)
            user.log_in()
            users.append(user)
        # Warm-up, not measured: every step of every walk once, in every worker process.
        drive(users, sum(len(u.walk()) for u in users))
        print(f"server with {server_label(workers, threads)}: driving {len(levels)} levels …", flush=True)
        return [drive(users[:n], args.requests, (low, high)) for n, low, high in levels]
    finally:
        server.terminate()
        server.wait(timeout=60)


def report(runs: list[tuple[str, list[dict[str, Any]]]], engine: str, args: argparse.Namespace,
           load_before: float, load_after: float) -> list[str]:
    data = (f"the database {args.template_database}" if getattr(args, "template_database", None)
            else "the municipality demo (5,000 citizens)")
    out = [
        f"### {engine}",
        "",
        f"Measured {date.today().isoformat()} on: {machine()}; load average (1 min) {load_before:.1f} before and "
        f"{load_after:.1f} after. `smaajob serve` (gunicorn; processes × threads per process below; one thread is "
        f"gunicorn's sync worker) on a free "
        f"loopback port, each server on its own fresh copy of {data}. "
        f"{args.requests} requests per level after a warm-up. Users alternate between consultants and "
        f"caseworkers, each with up to {CASELOAD} citizens of their own caseload. The load generator runs "
        "on the same two cores.",
        "",
        "| server (processes × threads) | concurrent users | requests | errors | p50 ms | p95 ms "
        "| p95 ms without exports | throughput req/s | p95 × baseline | load generator's CPU ms per request |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    base = runs[0][1][0]
    for workers, results in runs:
        for r in results:
            out.append(
                f"| {workers} | {r['label']} | {r['requests']} | {len(r['errors'])} | "
                f"{r['p50'] * 1000:.0f} | {r['p95'] * 1000:.0f} | {r['pages_p95'] * 1000:.0f} | "
                f"{r['throughput']:.1f} | {r['p95'] / base['p95']:.1f} | {r['client_cpu_ms']:.1f} |"
            )
    if len(runs) > 1:
        out += ["", "Same level, the default server against the one with "
                f"{runs[1][0]} (p95 ratio, lower is better for the first):", ""]
        for a, b in zip(runs[0][1], runs[1][1], strict=True):
            out.append(f"- {a['label']}: p95 {a['p95'] * 1000:.0f} ms against {b['p95'] * 1000:.0f} ms "
                       f"(× {a['p95'] / b['p95']:.2f}); throughput × {a['throughput'] / b['throughput']:.2f}")
    names = sorted({n for r in runs[0][1] for n in r["pages"]})
    labels = [r["label"] for r in runs[0][1]]
    for server, results in runs:
        out += ["", f"p95 ms per page, {server} (requests in brackets):", "",
                "| page | " + " | ".join(labels) + " |", "|---|" + "---:|" * len(labels)]
        for name in names:
            cells = []
            for r in results:
                got = r["pages"].get(name)
                cells.append(f"{got[1] * 1000:.0f} ({got[2]})" if got else "–")
            out.append(f"| {name} | " + " | ".join(cells) + " |")
    saves: Counter[str] = Counter()
    for _, results in runs:
        for r in results:
            saves.update(r["saves"])
    out += ["", "What the saves did (all levels and servers): " + ", ".join(
        f"{k} {v}" for k, v in sorted(saves.items())) + "."]
    refusals = {k: v for _, results in runs for r in results for k, v in r["refusals"].items()}
    for save, message in sorted(refusals.items()):
        out.append(f"First refusal of »{save}«: {message}")
    refused: Counter[str] = Counter()
    for _, results in runs:
        for r in results:
            refused.update(r["refused"])
    if refused:
        out.append("Refusals by message (all levels and servers): " + "; ".join(
            f"{k} {v}" for k, v in sorted(refused.items())) + ".")
    out.append("")
    for server, results in runs:
        for r in results[1:]:
            met = r["pages_p95"] * 1000 < GOAL_P95_MS
            out.append(
                f"Goal p95 under {GOAL_P95_MS} ms for the pages (exports apart), {r['label']} users, {server}: "
                f"**{'met' if met else 'not met'}** ({r['pages_p95'] * 1000:.0f} ms)."
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
            "\nCommand: `.venv/bin/python benchmarks/web_load.py --database-url sqlite|<URL> --compare-workers 1 "
            "--write-docs` (one run per database). A benchmark, not a timed test.\n\n"
        )
    new = SECTION + kept + "\n".join(lines) + "\n"
    path.write_text(before + new + ("\n" + after if after else ""))
    print(f"Skrev afsnittet »{SECTION}« ({engine}) i {path}")


if __name__ == "__main__":
    raise SystemExit(main())
