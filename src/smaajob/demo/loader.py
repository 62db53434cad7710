# SPDX-License-Identifier: MPL-2.0
"""Loading the demo municipality: sizes, users, the guard against real data, and reset.

``load_demo(size, seed=2026, today=…)`` is deterministic: the same seed and the same
``today`` give the same names, CPR/CVR numbers and hours (Faker and ``random.Random`` are
both seeded, and everything is generated in a fixed order). The history ends at ``today``:
no week in the ledger, follow-up or transition lies after it.

* ``small`` — one citizen per seed trajectory (29), written through the services;
* ``municipality`` — ≈ 5,000 citizens, 2,000 companies, 3,000 openings and two years of
  weekly hours, written in bulk (see ``smaajob.demo.bulk_writer``), a savepoint per batch.
  ``scale`` shrinks it proportionally (tests use ``scale=0.01``).

Either load — with ``reset=True``, the deletion of the previous demo too — is one
transaction: a failure, Ctrl+C or a killed process leaves the database as it was, the
previous demo and its log-ins included (issue 23, item 11). Readers (a running demo server)
see the old demo until the new one is complete.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.db.models import ProtectedError, QuerySet
from faker import Faker

from smaajob.audit import context
from smaajob.audit.models import AuditChannel
from smaajob.citizens.models import Citizen
from smaajob.demo import bulk_writer, country, service_writer
from smaajob.demo import deadlines as demo_deadlines
from smaajob.demo import events as demo_events
from smaajob.demo import intermediary as demo_intermediary
from smaajob.demo import lookups as demo_lookups
from smaajob.demo import offers as demo_offers
from smaajob.demo.citizens import make_citizen
from smaajob.demo.companies import (
    make_company,
    pick_companies,
    required_sectors,
    sector_pool,
    sector_sequence,
)
from smaajob.demo.organisation import (
    DEMO_EMAIL_DOMAIN,
    DEMO_PASSWORD,
    FOLLOW_UP_DAYS,
    ROLE_USERS,
    ensure_organisation,
    make_user,
)
from smaajob.demo.schedule import plan_course
from smaajob.demo.trajectories import TRAJECTORIES
from smaajob.errors import InvalidInput
from smaajob.events.models import Event
from smaajob.intermediary.models import Contract, Employment, Intermediary, MonthlyRun
from smaajob.money.models import Payslip
from smaajob.network.models import Company
from smaajob.offers.models import Offer, Provider
from smaajob.organisation.models import Role, Team, User

SIZES = ("small", "municipality", "country")
MUNICIPALITY_COUNTS = {"citizens": 5000, "companies": 2000, "openings": 3000}
EMPLOYER_TRAJECTORY = "001-samuel"  # the user ``virksomhed`` is a contact at Samuel's bakery
CITIZEN_TRAJECTORY = "004-lina"  # the user ``borger`` is Lina's demo double

Progress = Callable[[str, int], Callable[[int], None]]


@dataclass
class DemoResult:
    size: str
    seed: int
    today: date
    seconds: float
    counts: dict[str, int]
    users: list[tuple[str, str]] = field(default_factory=list)  # (username, role label)
    password: str = DEMO_PASSWORD
    deleted: dict[str, int] = field(default_factory=dict)  # what reset=True deleted first


def _no_progress(_label: str, _total: int) -> Callable[[int], None]:
    return lambda _n: None


# ---------------------------------------------------------------- guard and reset


def existing_data() -> tuple[int, int]:
    """(real citizens, synthetic citizens + companies) in the database."""
    real = Citizen.objects.filter(is_synthetic=False).count()
    synthetic = (Citizen.objects.filter(is_synthetic=True).count()
                 + Company.objects.filter(is_synthetic=True).count())
    return real, synthetic


def check_can_load(*, reset: bool) -> None:
    real, synthetic = existing_data()
    if real:
        raise InvalidInput(
            f"Databasen indeholder {real} rigtige borgere. Demodata indlæses aldrig i en database med "
            "rigtige personoplysninger; brug en tom database (fx SMAAJOB_VAR_DIR=/tmp/demo).",
            field="database",
        )
    if synthetic and not reset:
        raise InvalidInput(
            "Databasen indeholder allerede demodata. Brug »smaajob demo --reset« for at slette "
            "demodata og indlæse på ny.",
            field="reset",
        )


def delete_synthetic() -> dict[str, int]:
    """Delete synthetic citizens and companies and the demo log-ins — nothing else.

    The municipality, teams and projects stay (real users may belong to them), and the
    audit log keeps its rows: it is append-only by law.
    """
    deleted: Counter[str] = Counter()

    def delete(queryset: QuerySet[Any], label: str) -> None:
        # Django returns every row the delete cascaded to: count the rows asked for by name,
        # and the rest (courses, weeks, follow-ups …) as what they are — rows belonging to them.
        total, per_model = queryset.delete()
        own = per_model.get(queryset.model._meta.label, 0)
        deleted[label] += own
        deleted["tilknyttede rækker (forløb, timer, opfølgninger …)"] += total - own

    with transaction.atomic():
        # The demo intermediary's runs, payslips and contracts first: they refer to demo records.
        MonthlyRun.objects.filter(intermediary__is_synthetic=True).delete()
        Payslip.objects.filter(citizen__is_synthetic=True, submitted_via="intermediary").delete()
        Employment.objects.filter(contract__intermediary__is_synthetic=True).delete()
        Contract.objects.filter(intermediary__is_synthetic=True).delete()
        Intermediary.objects.filter(is_synthetic=True).delete()
        delete(Citizen.objects.filter(is_synthetic=True), "borgere")
        delete(Event.objects.filter(is_synthetic=True), "arrangementer")
        try:
            delete(Company.objects.filter(is_synthetic=True), "virksomheder")
            delete(User.objects.filter(email__endswith="@" + DEMO_EMAIL_DOMAIN), "brugere")
            delete(Offer.objects.filter(is_synthetic=True), "tilbud")
            delete(Provider.objects.filter(is_synthetic=True), "leverandører")
        except ProtectedError:
            raise InvalidInput(
                "Demodata kan ikke slettes, fordi rigtige data peger på dem (fx en placering hos en "
                "demovirksomhed eller en handling udført af en demobruger).",
                field="reset",
            ) from None
    return dict(deleted)


def demo_users() -> list[tuple[str, str]]:
    """The demo log-ins in the database now, as (username, role label), in log-in order."""
    return [(user.username, str(user.get_role_display()))
            for user in User.objects.filter(email__endswith="@" + DEMO_EMAIL_DOMAIN).order_by("pk")]


# ---------------------------------------------------------------- the load


def check_country_database(*, reset: bool = False) -> None:
    """The country size needs PostgreSQL (COPY, ``INSERT … SELECT`` over 10 M rows) and an empty database."""
    if connection.vendor != "postgresql":
        raise InvalidInput(
            "Størrelsen country (98 kommuner, ≈ 150.000 borgere, ≈ 10 mio. ugers timer) kræver PostgreSQL. "
            "Sæt DATABASE_URL=postgresql://bruger:adgangskode@vært:5432/database og prøv igen.",
            field="size",
        )
    if reset:
        raise InvalidInput(
            "Størrelsen country indlæses kun i en tom database (en nulstilling ville slette millioner af rækker "
            "én ad gangen); opret en ny database og sæt DATABASE_URL til den.",
            field="reset",
        )


def load_demo(size: str = "small", seed: int = 2026, *, today: date | None = None,
              progress: Progress | None = None, scale: float = 1.0, reset: bool = False,
              municipalities: int = country.MUNICIPALITY_COUNT,
              citizens_per_municipality: int = country.CITIZENS_PER_MUNICIPALITY) -> DemoResult:
    """Load the demo; with ``reset`` delete the previous one first — all in one transaction.

    ``municipalities`` and ``citizens_per_municipality`` size the country (tests make it small)."""
    if size not in SIZES:
        raise InvalidInput(f"Ukendt størrelse »{size}«. Vælg small, municipality eller country.", field="size")
    if size == "country":
        check_country_database(reset=reset)
        if not 1 <= municipalities <= country.MUNICIPALITY_COUNT or citizens_per_municipality < 1:
            raise InvalidInput("Landet har 1–98 kommuner og mindst én borger pr. kommune.", field="size")
    if not 0 < scale <= 1:
        raise InvalidInput("Skalaen skal være over 0 og højst 1.", field="scale")
    today = today or date.today()
    progress = progress or _no_progress
    rng = random.Random(seed)
    fake = Faker("da_DK")
    fake.seed_instance(seed)
    started = time.perf_counter()
    # What the loader writes through the services is logged as an import, not as web writes.
    with transaction.atomic(), context.operation(AuditChannel.IMPORT):
        check_can_load(reset=reset)
        deleted = delete_synthetic() if reset else {}
        if size == "small":
            users, counts = _load_small(rng, fake, today, progress)
        elif size == "country":
            users, counts = country.load(rng, fake, today, progress, municipalities=municipalities,
                                         citizens_per_municipality=citizens_per_municipality)
        else:
            scaled = {k: max(1, round(v * scale)) for k, v in MUNICIPALITY_COUNTS.items()}
            users, counts = bulk_writer.load(rng, fake, today, progress, scaled)
    return DemoResult(size, seed, today, time.perf_counter() - started, counts, users, deleted=deleted)


def _load_small(rng: random.Random, fake: Faker, today: date,
                progress: Progress) -> tuple[list[tuple[str, str]], dict[str, int]]:
    municipality, projects, groups = ensure_organisation()
    team, _ = Team.objects.get_or_create(municipality=municipality, name="Team Småjob")
    users = {u: make_user(u, role, first, last, municipality, team)
             for u, role, first, last in ROLE_USERS}
    staff = service_writer.Staff(users["raadgiver"], users["konsulent"])

    used_cvr: set[str] = set()
    required = required_sectors(TRAJECTORIES)
    sectors = sector_sequence(rng, len(required) + 10, required)
    specs = [make_company(rng, fake, s, today=today, used_cvr=used_cvr, n_openings=rng.randint(1, 3),
                          allow_placement_only=i >= len(required))
             for i, s in enumerate(sectors)]
    pool = sector_pool(specs)
    tick = progress("Virksomheder", len(specs))
    written = []
    for company_spec in specs:
        written.append(service_writer.write_company(company_spec, municipality=municipality,
                                                    actor=staff.consultant))
        tick(1)

    used_cpr: set[str] = set()
    tick = progress("Borgere og forløb", len(TRAJECTORIES))
    hours_total = 0
    citizens_by_key: dict[str, Citizen] = {}
    picks_by_key: dict[str, list[int]] = {}
    for trajectory in TRAJECTORIES:
        spec = make_citizen(rng, fake, trajectory, today=today, used_cpr=used_cpr)
        plan = plan_course(trajectory, today=today, rng=rng,
                           follow_up_days=FOLLOW_UP_DAYS[trajectory.project])
        picks = pick_companies(trajectory, pool, specs, rng)
        picks_by_key[trajectory.key] = picks
        places = [(written[i][0], written[i][1][0] if written[i][1] else None) for i in picks]
        citizen, _course = service_writer.write_citizen(
            spec, plan, municipality=municipality, project=projects[trajectory.project],
            target_group=groups[(trajectory.project, trajectory.target_group)], staff=staff,
            places=places, today=today,
        )
        citizens_by_key[trajectory.key] = citizen
        hours_total += len([w for j in plan.jobs for p in j.phases for w in p.weeks])
        tick(1)

    employer_company = written[picks_by_key[EMPLOYER_TRAJECTORY][0]][0]
    users["virksomhed"] = make_user("virksomhed", Role.EMPLOYER, fake.first_name(), fake.last_name(),
                                municipality, company=employer_company)
    borger = citizens_by_key[CITIZEN_TRAJECTORY]
    users["borger"] = make_user("borger", Role.CITIZEN, borger.first_name, borger.last_name, municipality)
    # No service links a citizen to a log-in yet; the one-to-one field is set directly.
    borger.user = users["borger"]
    borger.save(update_fields=["user"])
    # Rettidighed: three courses of 2012, when the deadline rules are known (docs/deadlines.md).
    n_historic = demo_deadlines.write_historic(
        rng, fake, municipality=municipality, project=next(iter(projects.values())), caseworker=staff.caseworker,
        consultant=staff.consultant, company=written[0][0], used_cpr=used_cpr)
    demo_lookups.write_lookups(borger, [staff.caseworker, staff.consultant])
    n_events = demo_events.write_events(
        rng, fake, municipality=municipality, actor=staff.consultant, companies=[c for c, _o in written],
        employer_company=employer_company, today=today)
    other_company = next(c for c, _o in written if c.pk != employer_company.pk and not c.placement_only)
    intermediary_counts = demo_intermediary.write_intermediary(
        municipality=municipality, consultant=staff.consultant, employer_company=employer_company,
        employer_user=users["virksomhed"], other_company=other_company, today=today)
    users["mellemled"] = User.objects.get(username="mellemled")
    users["kunde"] = User.objects.get(username="kunde")
    providers, offers = demo_offers.write_catalogue(rng, fake, municipality=municipality, today=today)
    users["leverandoer"] = make_user("leverandoer", Role.PROVIDER, fake.first_name(), fake.last_name(),
                                     municipality, provider=providers["amu"])
    n_orders = demo_offers.write_orders(
        rng, offers=offers, citizens=[citizens_by_key[t.key] for t in TRAJECTORIES], actor=staff.consultant,
        provider_user=users["leverandoer"], today=today)
    counts = {"borgere": len(TRAJECTORIES) + n_historic, "virksomheder": len(specs),
              "jobåbninger": sum(len(o) for _c, o in written), "ugers timer": hours_total,
              "arrangementer": n_events, "tilbud": len(offers), "bestillinger": n_orders,
              **intermediary_counts}
    return [(u.username, str(Role(u.role).label)) for u in users.values()], counts
