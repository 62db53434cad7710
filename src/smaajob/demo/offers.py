# SPDX-License-Identifier: MPL-2.0
"""The small demo's offer catalogue and orders (issue 12).

Providers as seed 002 (SFI 2012, kap. 3) lists them for the non-job-ready: an AMU centre, a
language school, a mentor provider and an "anden aktør". The catalogue has VTA's competence
lifts with their unit prices (seed 003 §2.6: a food-hygiene course of about 25 hours at 600 kr,
a language lift of about 2,800 kr a week for 10–12 weeks) and a forklift certificate; the other
prices are synthetic. Orders are in every state, with progress reports (one overdue), and the
AMU centre has a log-in, ``leverandoer``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from faker import Faker

from smaajob.citizens.models import Citizen
from smaajob.offers import services
from smaajob.offers.models import Offer, Provider
from smaajob.organisation.models import Municipality, User

HYGIENE_HOURS, HYGIENE_PRICE = 25, 600  # seed 003 §2.6: "ca. 25 timer á 600 kr."
LANGUAGE_WEEK_PRICE, LANGUAGE_WEEKS = 2800, 10  # seed 003 §2.6: "ca. 2800 kr. om ugen i 10-12 uger"
LANGUAGE_HOURS = 2  # ibid.: "2 timers undervisning om ugen på virksomheden"
FORKLIFT_WEEKS = 2  # seed 003 §4 (Aneta): "truckkursus i to uger"


def _mondays(today: date, count: int, every_weeks: int) -> list[date]:
    first = today + timedelta(days=7 - today.weekday())
    return [first + timedelta(weeks=every_weeks * n) for n in range(count)]


def write_catalogue(
    rng: random.Random, fake: Faker, *, municipality: Municipality, today: date
) -> tuple[dict[str, Provider], dict[str, Offer]]:
    providers = {}
    for key, name, kind in (
        ("amu", "AMU Fyn", "amu"),
        ("sprog", "Sprogcenter Odense", "language_school"),
        ("mentor", "Mentorhuset Fyn", "mentor"),
        ("aktoer", "Job & Trivsel Fyn", "other_actor"),
    ):
        provider = services.create_provider(
            municipality=municipality, name=name, kind=kind, address=fake.street_address(), is_synthetic=True
        )
        services.add_provider_contact(
            provider=provider,
            name=fake.name(),
            title="Kontaktperson",
            phone=fake.phone_number(),
            email=f"kontakt@{key}.example",
        )
        providers[key] = provider

    def offer(key: str, provider: str, **fields: object) -> None:
        offers[key] = services.create_offer(provider=providers[provider], is_synthetic=True, **fields)  # type: ignore[arg-type]

    offers: dict[str, Offer] = {}
    offer(
        "hygiejne",
        "amu",
        title="Hygiejnekursus (fødevarer)",
        kind="course",
        duration_weeks=1,
        hours_per_week=HYGIENE_HOURS,
        price_kr=HYGIENE_PRICE,
        price_unit="hour",
        capacity=16,
        certificate="hygiejnebevis",
        legal_basis="lab2019_91",
        content="Hygiejnebevis til arbejde med fødevarer (bageri, køkken, kantine).",
        start_dates=_mondays(today, 6, 4),
    )
    offer(
        "truck",
        "amu",
        title="Truckcertifikat (A)",
        kind="competence_lift",
        duration_weeks=FORKLIFT_WEEKS,
        hours_per_week=30,
        price_kr=9500,
        price_unit="course",
        capacity=12,
        certificate="truck",
        legal_basis="lab2019_91",
        content="Teori og praktisk prøve til gaffeltruck.",
        start_dates=_mondays(today, 4, 6),
    )
    offer(
        "sprog",
        "sprog",
        title="Sprogløft: dansk på arbejdspladsen",
        kind="language_lift",
        duration_weeks=LANGUAGE_WEEKS,
        hours_per_week=LANGUAGE_HOURS,
        price_kr=LANGUAGE_WEEK_PRICE,
        price_unit="week",
        capacity=14,
        legal_basis="lab2019_91",
        content="Arbejdspladsdansk koblet til praktikken.",
        start_dates=_mondays(today, 3, 12),
    )
    offer(
        "mentor",
        "mentor",
        title="Mentorstøtte i virksomheden",
        kind="mentor",
        duration_weeks=12,
        hours_per_week=2,
        price_kr=450,
        price_unit="hour",
        legal_basis="lab2019_167",
        content="Mentor i de første måneder med løntimer.",
    )
    offer(
        "trivsel",
        "aktoer",
        title="Trivsel og smertehåndtering",
        kind="health",
        duration_weeks=8,
        hours_per_week=6,
        price_kr=1900,
        price_unit="week",
        capacity=10,
        legal_basis="lab2019_91",
        start_dates=_mondays(today, 2, 8),
    )
    return providers, offers


# (offer, final state, weeks before today the order started or starts, with reports, reason)
ORDERS = (
    ("truck", "ordered", -1, 0, ""),
    ("hygiejne", "accepted", -1, 0, ""),
    ("truck", "started", 5, 0, ""),  # no report 28 days in: overdue on the worklist
    ("sprog", "started", 3, 1, ""),
    ("hygiejne", "completed", 10, 1, ""),
    ("truck", "completed", 20, 2, ""),
    ("mentor", "interrupted", 6, 1, "Borgeren blev sygemeldt"),
    ("trivsel", "started", 2, 0, ""),
)
PATH = ("accepted", "started", "completed")


def write_orders(
    rng: random.Random,
    *,
    offers: dict[str, Offer],
    citizens: Sequence[Citizen],
    actor: User,
    provider_user: User,
    today: date,
) -> int:
    written = 0
    for n, (key, state, weeks_ago, reports, reason) in enumerate(ORDERS):
        citizen = citizens[n % len(citizens)]
        offer = offers[key]
        start = today - timedelta(weeks=weeks_ago)
        start -= timedelta(days=start.weekday())
        ordered_on = min(today, start - timedelta(days=10))
        order = services.order_offer(
            actor=actor,
            citizen=citizen,
            offer=offer,
            starts_on=start,
            purpose=_purpose(offer),
            today=ordered_on,
            is_synthetic=True,
        )
        mover = provider_user if offer.provider_id == provider_user.provider_id else actor
        if state == "interrupted":
            services.change_order_state(actor=mover, order=order, to_state="accepted", on=ordered_on)
            services.change_order_state(actor=mover, order=order, to_state="started", on=start)
        for step in PATH[: PATH.index(state) + 1] if state in PATH else ():
            on = {"accepted": ordered_on, "started": start, "completed": min(order.ends_on, today)}[step]
            if step == "completed":
                _reports(mover, order, reports, final=True, today=today)
            services.change_order_state(actor=mover, order=order, to_state=step, on=on)
        if state == "started":
            _reports(mover, order, reports, final=False, today=today)
        if state == "interrupted":
            _reports(mover, order, reports, final=False, today=today)
            services.change_order_state(
                actor=actor, order=order, to_state="interrupted", reason=reason, on=min(today, start + timedelta(14))
            )
        written += 1
    return written


def _purpose(offer: Offer) -> str:
    if offer.certificate:
        return f"Certifikat »{offer.certificate}« til en opgave, der kræver det"
    return f"{offer.get_kind_display()} som forberedelse til løntimer"


def _reports(actor: User, order: object, count: int, *, final: bool, today: date) -> None:
    from smaajob.offers.models import Order

    assert isinstance(order, Order)
    for k in range(count):
        day = min(today, order.starts_on + timedelta(days=7 * (k + 1)))
        is_final = final and k == count - 1
        services.submit_report(
            actor=actor,
            order=order,
            reported_on=order.ends_on if is_final and order.ends_on <= today else day,
            attendance="full" if k % 2 == 0 else "mostly",
            hours_attended=order.hours_per_week,
            progress="Følger planen og møder stabilt." if not is_final else "Forløbet er gennemført med bevis.",
            next_step="Tal løntimer med virksomheden." if is_final else "Fortsæt som aftalt.",
            is_final=is_final,
        )
