# SPDX-License-Identifier: MPL-2.0
"""The demo municipality's companies and their openings, as plain data (no database).

Sectors are the ones the seeds' citizens worked in (supermarket, bakery, warehouse, kitchen,
school, builders' merchant, drivers …). Openings have the shapes the seeds describe: 1–15
hours a week, hard-to-fill morning and afternoon slots (drivers), certificates such as
forklift or food hygiene, a buddy or not (DOMAIN.md §5). Industry codes are DB07 codes
chosen to be believable, not looked up per company.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from faker import Faker

from smaajob.demo.geography import Place, random_place
from smaajob.demo.identifiers import synthetic_cvr
from smaajob.demo.trajectories import PLACEMENT, Trajectory


@dataclass(frozen=True)
class Sector:
    key: str
    industry_code: str
    industry_name: str
    name_pattern: str  # {last} = a Faker surname, {area} = a district name
    tasks: tuple[tuple[str, tuple[tuple[int, str, str], ...], tuple[str, ...]], ...]
    # (task title, slot pattern, required certificates)
    weight: int = 1  # how common the sector is in the municipality


def _slots(days: tuple[int, ...], start: str, end: str) -> tuple[tuple[int, str, str], ...]:
    return tuple((d, start, end) for d in days)


MORNING = "07:00", "10:00"
AFTERNOON = "13:00", "16:00"

SECTORS: tuple[Sector, ...] = (
    Sector("supermarked", "471100", "Supermarkeder", "Købmand {last}", (
        ("Opfyldning af frugt og grønt", _slots((0, 2, 4), *MORNING), ()),
        ("Flaskeretur og oprydning på lager", _slots((1, 3), *AFTERNOON), ()),
        ("Bagerafdeling: afbagning", _slots((0, 1, 2, 3, 4), "06:00", "08:00"), ("hygiejnebevis",)),
    ), weight=6),
    Sector("bageri", "107120", "Bagerier", "{last}s Bageri", (
        ("Opvask og rengøring af bageriet", _slots((0, 2, 4), *AFTERNOON), ()),
        ("Smøring af sandwich", _slots((1, 3), "06:00", "09:00"), ("hygiejnebevis",)),
        ("Bestillinger og fakturaer", _slots((1, 3), "10:00", "12:00"), ()),
    ), weight=3),
    Sector("lager", "521000", "Oplagring og lagerhoteller", "{area} Lagerhotel", (
        ("Plukning af varer og labels på kasser", _slots((0, 1, 2, 3, 4), "08:00", "12:00"), ()),
        ("Truckkørsel i varemodtagelsen", _slots((0, 2, 4), "06:00", "10:00"), ("truck",)),
    ), weight=3),
    Sector("restaurant", "561010", "Restauranter", "Restaurant {last}", (
        ("Køkkenhjælp: forberedelse af grøntsager", _slots((1, 3, 5), "14:00", "17:00"), ("hygiejnebevis",)),
        ("Opvask", _slots((4, 5), "17:00", "21:00"), ()),
    ), weight=4),
    Sector("pizzeria", "561020", "Pizzeriaer, grillbarer, isbarer mv.", "{area} Pizza", (
        ("Udbringning af mad", _slots((4, 5), "17:00", "20:00"), ("kørekort b",)),
    ), weight=2),
    Sector("kantine", "562900", "Kantiner", "{last} Kantine og Catering", (
        ("Køkkenhjælp i frokostkøkkenet", _slots((0, 1, 2, 3), "09:00", "13:00"), ("hygiejnebevis",)),
    ), weight=1),
    Sector("skole", "852010", "Grundskoler", "{area} Skole", (
        ("Pedelhjælp: oprydning og småreparationer", _slots((0, 1, 2, 3, 4), "07:00", "10:00"), ()),
        ("Hjælp i SFO'en", _slots((0, 1, 2, 3), *AFTERNOON), ()),
        ("Kantinehjælp", _slots((0, 2, 4), "10:00", "13:00"), ("hygiejnebevis",)),
    ), weight=3),
    Sector("byggemarked", "475210", "Byggemarkeder", "{area} Byggemarked", (
        ("Trælast: sortering og opfyldning", _slots((0, 2, 4), *MORNING), ("truck",)),
        ("Retur og prismærkning", _slots((1, 3), *AFTERNOON), ()),
    ), weight=2),
    Sector("chauffoer", "494100", "Vejgodstransport", "{last} Transport", (
        ("Morgenrute: madudbringning til ældre", _slots((0, 1, 2, 3, 4), "06:30", "09:00"), ("kørekort b",)),
        ("Eftermiddagsrute: varelevering", _slots((0, 1, 2, 3, 4), "14:00", "16:30"), ("kørekort b",)),
    ), weight=2),
    Sector("rengoering", "812100", "Almindelig rengøring i bygninger", "{last} Rengøring", (
        ("Rengøring af kontorer", _slots((0, 2, 4), "06:00", "09:00"), ()),
        ("Trappevask", _slots((1, 3), "09:00", "12:00"), ()),
    ), weight=2),
    Sector("specialbutik", "477800", "Anden detailhandel fra specialforretninger", "{last}s Butik", (
        ("Ekspedition og varepåfyldning", _slots((1, 3, 5), "10:00", "14:00"), ()),
    ), weight=2),
    Sector("stormagasin", "471900", "Stormagasiner og varehuse", "{area} Varehus", (
        ("Varemodtagelse", _slots((0, 2, 4), "07:00", "11:00"), ()),
    ), weight=1),
    Sector("reparation", "951200", "Reparation af kommunikationsudstyr", "{area} Mobilreparation", (
        ("Reparation af mobiltelefoner", _slots((0, 1, 2, 3), "10:00", "14:00"), ()),
    ), weight=1),
    Sector("landbrug", "014100", "Opdræt af kvæg", "{last}gård", (
        ("Staldarbejde og fodring", _slots((0, 2, 4), "06:00", "09:00"), ()),
    ), weight=1),
    Sector("idraet", "931100", "Drift af sportsanlæg", "{area} Idrætscenter", (
        ("Reception: telefon og gæster", _slots((0, 2, 4), "10:00", "13:00"), ()),
    ), weight=1),
    Sector("bosted", "879000", "Andre institutioner med overnatning", "Bostedet {area}", (
        ("Morgenhjælp til beboere", _slots((0, 1, 2, 3, 4), "07:00", "10:00"), ()),
    ), weight=1),
    Sector("bolig", "683210", "Administration af fast ejendom", "Boligforeningen {area}", (
        ("Pedelarbejde: grønne områder", _slots((0, 1, 2, 3, 4), "08:00", "12:00"), ()),
    ), weight=1),
    Sector("kontor", "829900", "Andre serviceydelser", "{last} & Co. ApS", (
        ("Klargøring af mødelokaler og køkken", _slots((0, 2, 4), "08:00", "11:00"), ()),
        ("Scanning og arkivering", _slots((1, 3), "09:00", "13:00"), ()),
    ), weight=2),
    Sector("kultur", "900300", "Kunstnerisk virksomhed og drift af spillesteder", "Spillestedet {area}", (
        ("Administrative opgaver", _slots((1, 2, 3), "10:00", "14:00"), ()),
    ), weight=1),
    Sector("gartneri", "813000", "Landskabspleje", "{last} Anlægsgartner", (
        ("Gartnerarbejde", _slots((0, 2, 4), "07:00", "11:00"), ()),
    ), weight=1),
    Sector("laboratorium", "721900", "Anden forskning inden for naturvidenskab", "{area} Laboratorium", (
        ("Klargøring af laboratoriet", _slots((1, 3), *AFTERNOON), ()),
    ), weight=1),
    Sector("toej", "477110", "Tøjforretninger", "{last} Mode", (
        ("Salgsassistent i weekenden", _slots((5, 6), "10:00", "17:30"), ()),
    ), weight=1),
    Sector("uddannelse", "855900", "Anden undervisning", "{area} Uddannelsescenter", (
        ("IT-support", _slots((1, 3), "09:00", "13:00"), ()),
    ), weight=1),
    Sector("byggeri", "431100", "Nedrivning", "{last} Nedbrydning", (
        ("Nedrivning", _slots((0, 1, 2, 3, 4), "07:00", "15:00"), ()),
    ), weight=1),
)

SECTORS_BY_KEY = {s.key: s for s in SECTORS}
SIZES = ("micro", "micro", "micro", "small", "small", "medium", "large")
ACCOMMODATIONS = ["pauser", "faste opgaver", "skærmet plads", "ro"]
LANGUAGE_NOTE = {"lager": "engelsk", "byggeri": "engelsk/russisk"}


@dataclass
class OpeningSpec:
    title: str
    kind: str
    hours_min: int
    hours_max: int
    slots: list[dict[str, object]]
    certificates: list[str]
    language_requirement: int
    capacity: int
    with_buddy: bool
    opens_on: date
    accommodation_tags: list[str] = field(default_factory=list)


@dataclass
class CompanySpec:
    cvr: str
    name: str
    sector: Sector
    size: str
    place: Place
    contact_name: str
    contact_phone: str
    buddy_names: list[str]
    buddy_trained_on: date | None
    partner_declaration_on: date | None
    cluster: str
    social_economy: bool
    maturity: str
    willingness_to_pay_tested: bool
    placement_only: bool
    headcount_cap: int | None
    openings: list[OpeningSpec] = field(default_factory=list)


def _slot_dicts(pattern: tuple[tuple[int, str, str], ...]) -> list[dict[str, object]]:
    return [{"weekday": d, "start": s, "end": e} for d, s, e in pattern]


def make_company(rng: random.Random, fake: Faker, sector: Sector, *, today: date,
                 used_cvr: set[str], n_openings: int, allow_placement_only: bool = True) -> CompanySpec:
    place = random_place(rng)
    name = sector.name_pattern.format(last=fake.last_name(), area=place.district)
    # Some companies offer unpaid placements only (000); never those the seed courses pay at.
    placement_only = allow_placement_only and rng.random() < 0.1
    experienced = rng.random() < 0.4
    spec = CompanySpec(
        cvr=synthetic_cvr(rng, used=used_cvr), name=name, sector=sector, size=rng.choice(SIZES),
        place=place, contact_name=f"{fake.first_name()} {fake.last_name()}",
        contact_phone=f"{rng.randint(20, 99)}{rng.randrange(10**6):06d}",
        buddy_names=[fake.first_name() for _ in range(rng.choice((0, 1, 1, 2)))],
        buddy_trained_on=today - timedelta(days=rng.randint(30, 700)) if rng.random() < 0.6 else None,
        partner_declaration_on=today - timedelta(days=rng.randint(30, 900)) if rng.random() < 0.5 else None,
        cluster=rng.choice(("", "", "Klynge Handel", "Klynge Service", "Klynge Produktion")),
        social_economy=rng.random() < 0.08,
        maturity="experienced" if experienced else rng.choice(("new", "interested", "ready")),
        willingness_to_pay_tested=experienced or rng.random() < 0.2,
        placement_only=placement_only,
        headcount_cap=rng.choice((None, None, 1, 2, 3)),
    )
    for i in range(n_openings):
        title, pattern, certificates = sector.tasks[(i + rng.randrange(len(sector.tasks))) % len(sector.tasks)]
        hours_max = rng.choice((2, 3, 4, 5, 6, 8, 10, 12, 15))
        kind = "placement" if placement_only else rng.choice(("placement", "placement", "paid", "hybrid"))
        spec.openings.append(OpeningSpec(
            title=title, kind=kind, hours_min=max(1, hours_max // 3), hours_max=hours_max,
            slots=_slot_dicts(pattern), certificates=list(certificates),
            language_requirement=rng.choice((0, 0, 1, 2)) if sector.key not in LANGUAGE_NOTE else 0,
            capacity=rng.choice((1, 1, 1, 2, 3)), with_buddy=bool(spec.buddy_names) and rng.random() < 0.8,
            opens_on=today - timedelta(days=rng.randint(0, 300)),
            accommodation_tags=sorted(rng.sample(ACCOMMODATIONS, k=rng.randint(0, 2))),
        ))
    return spec


def sector_sequence(rng: random.Random, count: int, required: list[str]) -> list[Sector]:
    """``count`` sectors, the ``required`` ones first, the rest drawn by weight."""
    chosen = [SECTORS_BY_KEY[key] for key in required][:count]
    weights = [s.weight for s in SECTORS]
    chosen += rng.choices(SECTORS, weights=weights, k=count - len(chosen))
    return chosen


def required_sectors(trajectories: Iterable[Trajectory]) -> list[str]:
    """Enough sectors that every trajectory finds a distinct company for each of its jobs."""
    need: dict[str, int] = {}
    for t in trajectories:
        per: dict[str, int] = {}
        for job in t.jobs:
            per[job.sector] = per.get(job.sector, 0) + 1
        for sector, n in per.items():
            need[sector] = max(need.get(sector, 0), n)
    return [s for s, n in sorted(need.items()) for _ in range(n)]


def pick_companies(trajectory: Trajectory, pool: dict[str, list[int]], specs: list[CompanySpec],
                   rng: random.Random) -> list[int]:
    """One distinct company per job, of the job's sector; paid jobs avoid placement-only ones."""
    chosen: list[int] = []
    for job in trajectory.jobs:
        needs_pay = any(p.kind != PLACEMENT for p in job.phases)
        candidates = [i for i in pool[job.sector]
                      if i not in chosen and not (needs_pay and specs[i].placement_only)]
        chosen.append(rng.choice(candidates))
    return chosen


def sector_pool(specs: list[CompanySpec]) -> dict[str, list[int]]:
    pool: dict[str, list[int]] = {key: [] for key in SECTORS_BY_KEY}
    for i, spec in enumerate(specs):
        pool[spec.sector.key].append(i)
    return pool
