# SPDX-License-Identifier: MPL-2.0
"""A year of network events for the small demo, shaped like seed 003 (VTA, Roskilde):
7 cluster meetings with about 30-40 participants each (003 §3.2), half-day buddy trainings for up
to 20 employees and ERFA meetings every 6-8 weeks (003 §2, anbefalinger), a call day whose calls
land in the companies' outreach logs, and coming events in the calendar."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from faker import Faker

from smaajob.events import services
from smaajob.events.models import Event
from smaajob.network.models import Buddy, Company, Contact
from smaajob.organisation.models import Municipality, User

CLUSTER_MEETINGS = 7  # seed 003 §3.2: "Der er afholdt 7 Klyngemøder"
CLUSTER_PARTICIPANTS = (30, 40)  # seed 003 §3.2: "ca. 30-40 deltagere pr. klyngemøde"
ERFA_WEEKS = 7  # seed 003 §2: "ERFA-møder hver 6.-8. uge"
BUDDY_TRAINING_SEATS = 20  # seed 003 §2: "3-5 timer for op til 20 medarbejdere"
PLACE = "Erhvervshuset, Odense"


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _event(
    municipality: Municipality,
    actor: User,
    *,
    kind: str,
    title: str,
    day: date,
    hours: tuple[int, int],
    capacity: int | None,
    agenda: str = "",
) -> Event:
    return services.create_event(
        actor=actor,
        municipality=municipality,
        kind=kind,
        title=title,
        starts_at=_at(day, hours[0]),
        ends_at=_at(day, hours[1]),
        place=PLACE,
        organiser="Jobcentret og erhvervsservice",
        agenda=agenda,
        capacity=capacity,
        is_synthetic=True,
    )


def _fill(rng: random.Random, fake: Faker, event: Event, companies: list[Company], n: int, *, held: bool) -> int:
    """Register ``n`` participants (contacts first, then named colleagues); tick ~85 % as attended."""
    rows = []
    contacts = list(Contact.objects.filter(company__in=companies).select_related("company"))
    rng.shuffle(contacts)
    for contact in contacts[:n]:
        services.invite(event=event, company=contact.company, contacts=[contact])
        rows.append(services.register(event=event, company=contact.company, contact=contact))
    while len(rows) < n:
        company = rng.choice(companies)
        services.invite(event=event, company=company)
        rows.append(services.register(event=event, company=company, name=fake.name()))
    if held:
        attended = [r.pk for r in rows if rng.random() < 0.85]
        services.record_attendance(event=event, attended_ids=attended)
        return len(attended)
    return 0


def write_events(
    rng: random.Random,
    fake: Faker,
    *,
    municipality: Municipality,
    actor: User,
    companies: list[Company],
    employer_company: Company,
    today: date,
) -> int:
    """Write the year; returns the number of events."""
    year_ago = today - timedelta(days=350)
    count = 0
    # Cluster meetings every 7 weeks over the past year, the last one still to come.
    topics = [
        "Buddyordningen",
        "Småjob i detailhandlen",
        "Ukrainske flygtninge i job",
        "Social ansvarlighed",
        "Fra praktik til løntimer",
        "Beskæftigelsesmodellen",
        "Erfaringer fra virksomhederne",
    ]
    for n in range(CLUSTER_MEETINGS):
        day = year_ago + timedelta(weeks=7 * n)
        event = _event(
            municipality,
            actor,
            kind="cluster",
            title=f"Klyngemøde: {topics[n]}",
            day=day,
            hours=(9, 12),
            capacity=45,
            agenda=f"1. Velkomst\n2. Oplæg: {topics[n]}\n3. Netværk",
        )
        services.invite(event=event, company=employer_company)
        _fill(rng, fake, event, companies, rng.randint(*CLUSTER_PARTICIPANTS), held=day <= today)
        count += 1
    coming = _event(
        municipality,
        actor,
        kind="cluster",
        title="Klyngemøde: Nye småjob",
        day=today + timedelta(days=21),
        hours=(9, 12),
        capacity=45,
    )
    services.invite(event=coming, company=employer_company)
    _fill(rng, fake, coming, companies, 12, held=False)
    count += 1
    # Two buddy trainings: the buddies not yet trained attend and are recorded as trained.
    untrained = list(Buddy.objects.filter(company__in=companies, trained_on__isnull=True).select_related("company"))
    for n, day in enumerate((year_ago + timedelta(days=30), today - timedelta(days=100))):
        training = _event(
            municipality,
            actor,
            kind="buddy_training",
            title=f"Buddytræning, hold {n + 1}",
            day=day,
            hours=(9, 13),
            capacity=BUDDY_TRAINING_SEATS,
        )
        group = untrained[n::2][:BUDDY_TRAINING_SEATS]
        rows = [services.register(event=training, company=b.company, buddy=b) for b in group]
        services.record_attendance(event=training, attended_ids=[r.pk for r in rows if rng.random() < 0.9])
        count += 1
    # ERFA meetings for the buddies every 7 weeks, one hour each; the future ones are in the calendar.
    series = services.create_series(
        actor=actor,
        municipality=municipality,
        title="ERFA-møde for buddies",
        first_starts_at=_at(year_ago, 15),
        duration=timedelta(hours=1),
        count=9,
        interval_weeks=ERFA_WEEKS,
        place=PLACE,
        organiser="Jobcentret",
        is_synthetic=True,
    )
    for event in series.events.order_by("starts_at"):
        _fill(rng, fake, event, companies, rng.randint(6, 12), held=event.starts_at.date() <= today)
        count += 1
    # A call day two months ago: eight companies called, each call in the company's outreach log.
    call_day = _event(
        municipality,
        actor,
        kind="call_day",
        title="Ringedag: småjob i handel og service",
        day=today - timedelta(days=60),
        hours=(9, 15),
        capacity=None,
    )
    for company in rng.sample(companies, min(8, len(companies))):
        services.log_call(
            actor=actor,
            event=call_day,
            company=company,
            note=rng.choice(["Interesseret, ring igen", "Vil gerne høre om småjob", "Ikke lige nu"]),
        )
    return count + 1
