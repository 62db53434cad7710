# SPDX-License-Identifier: MPL-2.0
"""Benchmark (not a timed test): the "Find jobåbninger" page at municipality and national size.

    .venv/bin/python benchmarks/matching_page.py [--openings 10000,50000] [--requests 40]
        [--database-url postgresql://…]      # default: a fresh SQLite file in a private temp folder

Loads the small demo into a fresh database, adds synthetic companies and open openings around
Odense (fixed seed) until there are ``--openings`` open ones, logs in as the demo consultant and
requests the real page (Django's test client: URL routing, access checks, audit log, template)
for ten different citizens of the consultant's caseload in turn. Side by side in the same run:

* **rebuilt per request** — the pool of openings is read through the ORM and encoded on every
  request, as the page did before issue 22 (the baseline);
* **kept pool** — the pool ``smaajob.courses.selectors.opening_pool`` keeps until openings change;
* **after a change** — the first request after one opening was saved (patched in), and the
  first request of another server process (loads the pool from the shared cache);
* **spliced against rebuilt** — the first request after a change, interleaved: the kept rows'
  arrays spliced (now) against the pool built afresh on the change (the baseline).

Both paths must suggest the same openings with the same scores; the run stops if they differ.
Prints median and p95 per path and the ratio to the baseline.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from unittest import mock

if TYPE_CHECKING:  # imported for real after Django is set up
    from django.db.models import QuerySet
    from django.test import Client

    from smaajob.citizens.models import Citizen
    from smaajob.network.models import Opening
    from smaajob.organisation.models import User

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _setup(database_url: str | None, folder: Path) -> None:
    os.environ["SMAAJOB_VAR_DIR"] = str(folder)
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smaajob.settings")
    os.environ.setdefault("SMAAJOB_DEMO", "1")  # synthetic data only: the public development CPR key (docs/security.md)
    import django

    django.setup()
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # log-in is not measured
    settings.ALLOWED_HOSTS = ["testserver"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if database_url:  # a PostgreSQL given by the caller: start from an empty demo
        call_command("flush", verbosity=0, interactive=False)
        call_command("migrate", verbosity=0)


def _add_openings(target: int, rng: random.Random) -> int:
    """Synthetic companies (10 openings each) around Odense until ``target`` openings are open."""
    from smaajob.network.models import Company, Opening
    from smaajob.organisation.models import Municipality

    have = Opening.objects.filter(status="open").count()
    missing = max(0, target - have)
    municipality = Municipality.objects.get(code="461")
    sectors = ["detail", "lager", "rengøring", "køkken", "transport", "pleje", "kontor", "landbrug"]
    words = ["opfyldning", "pakning", "opvask", "rengøring", "kassebetjening", "lagerarbejde", "havearbejde",
             "kørsel", "sortering", "kantine"]
    n_companies = (missing + 9) // 10
    start = Company.objects.count()
    companies = Company.objects.bulk_create([
        Company(municipality=municipality, cvr=f"9{start + i:07d}", name=f"Benchmark {start + i} ApS",
                sector=rng.choice(sectors), latitude=55.25 + rng.random() * 0.35, longitude=10.1 + rng.random() * 0.7,
                location_source="manual", is_synthetic=True)
        for i in range(n_companies)
    ], batch_size=2000)
    openings: list[Opening] = []
    for company in companies:
        for _ in range(10):
            if len(openings) == missing:
                break
            days = rng.sample(range(5), rng.randint(2, 5))
            low = rng.randint(1, 8)
            openings.append(Opening(
                company=company, title=f"{rng.choice(words).capitalize()} {rng.randint(1, 99)}", kind="placement",
                sector=company.sector, hours_min=low, hours_max=low + rng.randint(0, 10),
                slots=[{"weekday": d, "start": "08:00", "end": "15:00"} for d in sorted(days)],
                capacity=rng.randint(1, 3), language_requirement=rng.choice([0, 0, 1, 2]),
            ))
    Opening.objects.bulk_create(openings, batch_size=5000)
    return Opening.objects.filter(status="open").count()


def _citizens(consultant: User, n: int) -> list[Citizen]:
    from smaajob import access
    from smaajob.courses.models import Course

    open_ids = Course.objects.exclude(state="exited").values("citizen_id")
    located = access.citizens_for(consultant).filter(pk__in=open_ids, latitude__isnull=False)
    return list(located.order_by("pk")[:n])


def _time_pages(client: Client, urls: list[str], requests: int) -> list[float]:
    times = []
    for i in range(requests):
        started = time.perf_counter()
        response = client.get(urls[i % len(urls)])
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            sys.exit(f"{urls[i % len(urls)]} svarede {response.status_code}")
    return times


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


def _same_answers(consultant: User, citizens: list[Citizen], on: date) -> None:
    """The kept pool and a fresh build must suggest the same openings with the same scores."""
    from smaajob import access
    from smaajob.courses import selectors

    for citizen in citizens:
        kept = selectors.suggested_openings(citizen, access.openings_for(consultant), on)
        fresh = selectors.suggested_openings(citizen, access.openings_for(consultant), on, kept_pool=False)
        a = [(s.opening.pk, round(s.score, 9)) for s in kept.suggestions]
        b = [(s.opening.pk, round(s.score, 9)) for s in fresh.suggestions]
        if a != b:
            sys.exit(f"Forskellige forslag for borger {citizen.pk}: {a} != {b}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--openings", default="10000,50000", help="open openings, comma-separated sizes")
    parser.add_argument("--requests", type=int, default=40, help="requests per path and size")
    parser.add_argument("--baseline-requests", type=int, default=10, help="requests of the slow baseline")
    parser.add_argument("--change-rounds", type=int, default=5,
                        help="changes timed per variant (rebuilt / spliced), interleaved")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    sizes = [int(s) for s in args.openings.split(",")]

    with tempfile.TemporaryDirectory(prefix="smaajob-bench-matching-") as tmp:
        _setup(args.database_url, Path(tmp))
        from django.db import connection
        from django.test import Client
        from django.urls import reverse

        from smaajob.courses.selectors import opening_pool as matching_pool
        from smaajob.demo.loader import load_demo
        from smaajob.network.models import Opening
        from smaajob.network.services import update_opening
        from smaajob.organisation.models import User

        load_demo("small", 2026)
        consultant = User.objects.get(username="konsulent")
        client = Client()
        client.force_login(consultant)  # the log-in itself is not what is measured
        citizens = _citizens(consultant, 10)
        if not citizens:
            sys.exit("ingen borgere med placering og åbent forløb hos konsulenten")
        urls = [reverse("web:match_citizen", args=[c.pk]) for c in citizens]
        rng = random.Random(22)
        print(f"Maskine: {platform.machine()}, {os.cpu_count()} kerner, Python {platform.python_version()}, "
              f"database {connection.vendor}; {len(citizens)} forskellige borgere, dato {date.today()}")
        from smaajob.courses.selectors import matching as page_selectors

        for size in sizes:
            n = _add_openings(size, rng)
            # Baseline: today's page before issue 22 — the pool read and encoded on every request.
            def rebuilt(scope: QuerySet[Opening], on: date) -> matching_pool.PoolSnapshot:
                return matching_pool._built(scope, on, matching_pool.current_state())

            with mock.patch.object(page_selectors, "opening_pool", rebuilt):
                before = _time_pages(client, urls, args.baseline_requests)
            matching_pool.forget()
            cold = _time_pages(client, urls[:1], 1)[0]
            after = _time_pages(client, urls, args.requests)
            top = Opening.objects.filter(status="open").order_by("pk").first()
            assert top is not None  # _add_openings made sure there are open openings
            update_opening(actor=consultant, opening=top, capacity=(top.capacity % 3) + 1)
            changed = _time_pages(client, urls[:1], 1)[0]
            # The first request after a change, side by side: the kept rows' arrays spliced
            # (now) against the pool built afresh on every change (the baseline), interleaved.
            spliced: list[float] = []
            fresh: list[float] = []
            real_patched = matching_pool._patched

            def rebuild(old, scope, on, state):  # type: ignore[no-untyped-def]
                return matching_pool._built(scope, on, state)

            for change in range(2 * args.change_rounds):
                times = fresh if change % 2 == 0 else spliced
                matching_pool._patched = rebuild if times is fresh else real_patched
                some = Opening.objects.filter(status="open").order_by("pk")[change + 1]
                update_opening(actor=consultant, opening=some, capacity=(some.capacity % 3) + 1)
                times.extend(_time_pages(client, urls[:1], 1))
            matching_pool._patched = real_patched
            matching_pool._local.clear()  # a second server process: nothing of its own yet
            loaded = _time_pages(client, urls[:1], 1)[0]
            _same_answers(consultant, citizens, date.today())
            b50, b95 = statistics.median(before), _p95(before)
            a50, a95 = statistics.median(after), _p95(after)
            print(f"\n{n:,} åbne jobåbninger".replace(",", "."))
            print(f"  genopbygget pr. forespørgsel (før): median {b50:7.1f} ms, p95 {b95:7.1f} ms "
                  f"({len(before)} forespørgsler)")
            print(f"  bevaret pulje (nu):                 median {a50:7.1f} ms, p95 {a95:7.1f} ms "
                  f"({len(after)} forespørgsler) — {b50 / a50:.1f}× hurtigere (median), {b95 / a95:.1f}× (p95)")
            print(f"  første forespørgsel: kold {cold:.0f} ms, efter en ændret jobåbning {changed:.0f} ms, "
                  f"ny serverproces (fra cachen) {loaded:.0f} ms")
            s50, r50 = statistics.median(spliced), statistics.median(fresh)
            print(f"  første efter en ændring, {len(spliced)} gange hver, skiftevis: puljen bygget forfra "
                  f"median {r50:.0f} ms, splejset (nu) median {s50:.0f} ms — {r50 / s50:.1f}× hurtigere")


if __name__ == "__main__":
    main()
