# SPDX-License-Identifier: MPL-2.0
"""The events report on a fixture shaped like seed 003 (VTA, Roskilde): "Der er afholdt 7
Klyngemøder ... ca. 30-40 deltagere pr. klyngemøde" (003 §3.2) and buddy training for up to 20
employees with ERFA meetings every 6-8 weeks (003 §2, anbefalinger). The counts are computed from
the rows created here, so a wrong filter changes them."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from smaajob.courses.services.ledger import record_week
from smaajob.courses.services.placements import create_placement
from smaajob.events import selectors, services
from smaajob.events.models import Event
from smaajob.network.services import add_buddy, add_contact, create_company, create_opening
from tests.events.conftest import at
from tests.web.test_pages import log_in

# Seed 003: 7 cluster meetings with about 30-40 participants each.
CLUSTER_ATTENDANCE = [30, 34, 38, 40, 31, 36, 33]


def placement(consultant, course, company, *, start, buddy=None, converted=False, paid_hours=(0, 0)):
    opening = create_opening(
        actor=consultant,
        company=company,
        title=f"Opgave {start}",
        kind="placement",
        hours_min=2,
        hours_max=6,
        buddy=buddy,
    )
    first = create_placement(
        actor=consultant,
        course=course,
        company=company,
        opening=opening,
        kind="placement",
        planned_start=start,
        planned_end=start + timedelta(weeks=4),
    )
    if converted:
        paid = create_placement(
            actor=consultant,
            course=course,
            company=company,
            kind="paid",
            planned_start=start + timedelta(weeks=4, days=1),
            planned_end=start + timedelta(weeks=8),
            previous=first,
        )
        # Two weeks of paid hours on the continuation (4 + 6 with a trained buddy, 3 + 3 without).
        for week, hours in zip((1, 2), paid_hours, strict=True):
            record_week(
                actor=consultant,
                placement=paid,
                week=paid.planned_start + timedelta(weeks=week),
                hours_present=hours,
                hours_paid=hours,
            )
    return first


@pytest.fixture
def vta_year(municipality, consultant, company, course):
    newcomer = create_company(actor=consultant, municipality=municipality, cvr="10150817", name="Café Nyhavn")
    owner = add_contact(company=newcomer, name="Ejer")
    contacts = [add_contact(company=company, name=f"Deltager {n}") for n in range(40)]
    for n, attended in enumerate(CLUSTER_ATTENDANCE):
        day = (date(2025, 1, 14) + timedelta(weeks=7 * n)).isoformat()
        event = services.create_event(
            actor=consultant,
            municipality=municipality,
            kind="cluster",
            title=f"Klyngemøde {n + 1}",
            starts_at=at(day),
            ends_at=at(day, 12),
            capacity=45,
        )
        rows = [services.register(event=event, company=company, contact=c) for c in contacts]
        if n == 0:  # the newcomer's owner comes to the first meeting
            rows.insert(0, services.register(event=event, company=newcomer, contact=owner))
            attended += 1
        services.record_attendance(event=event, attended_ids=[r.pk for r in rows[:attended]])
    # Buddy training on 4.3.2025: Trine attends (trained), Anders is registered but absent.
    trained, absent = add_buddy(company=company, name="Trine"), add_buddy(company=company, name="Anders")
    training = services.create_event(
        actor=consultant,
        municipality=municipality,
        kind="buddy_training",
        title="Buddytræning",
        starts_at=at("2025-03-04"),
        ends_at=at("2025-03-04", 13),
        capacity=20,
    )
    present = services.register(event=training, company=company, buddy=trained)
    services.register(event=training, company=company, buddy=absent)
    services.record_attendance(event=training, attended_ids=[present.pk])
    # A meeting planned for 2026 is not "held" in 2025.
    services.create_event(
        actor=consultant,
        municipality=municipality,
        kind="erfa",
        title="ERFA 2026",
        starts_at=at("2026-01-06"),
        ends_at=at("2026-01-06", 10),
    )
    # Netto had a placement before the meetings (not recruited by them); the newcomer's first
    # placement starts three weeks after its first meeting (recruited).
    placement(consultant, course, company, start=date(2024, 6, 3))
    placement(consultant, course, newcomer, start=date(2025, 2, 3))
    placement(consultant, course, company, start=date(2025, 4, 1), buddy=trained, converted=True, paid_hours=(4, 6))
    placement(consultant, course, company, start=date(2025, 6, 2), buddy=trained)
    placement(consultant, course, company, start=date(2025, 8, 4), buddy=absent, converted=True, paid_hours=(3, 3))
    return municipality


def test_the_report_counts_seven_cluster_meetings_and_their_attendance(vta_year):
    report = selectors.report(
        Event.objects.all(), start=date(2025, 1, 1), end=date(2025, 12, 31), today=date(2026, 6, 1)
    )
    cluster = next(k for k in report.by_kind if k.kind == "cluster")
    assert (cluster.held, cluster.attended) == (7, sum(CLUSTER_ATTENDANCE) + 1)
    assert cluster.registered == 7 * 40 + 1
    training = next(k for k in report.by_kind if k.kind == "buddy_training")
    assert (training.held, training.registered, training.attended) == (1, 2, 1)
    assert report.held == 8
    assert report.attended == sum(CLUSTER_ATTENDANCE) + 1 + 1


def test_only_the_company_whose_first_placement_followed_the_meeting_counts_as_recruited(vta_year):
    report = selectors.report(
        Event.objects.all(), start=date(2025, 1, 1), end=date(2025, 12, 31), today=date(2026, 6, 1)
    )
    assert report.recruited_companies == ["Café Nyhavn"]


def test_half_the_placements_had_a_trained_buddy_and_one_of_each_group_converted(vta_year):
    buddies = selectors.report(
        Event.objects.all(), start=date(2025, 1, 1), end=date(2025, 12, 31), today=date(2026, 6, 1)
    ).buddies
    assert (buddies.placements, buddies.with_trained_buddy) == (4, 2)
    assert str(buddies.share_with_trained_buddy) == "50.0"
    assert (buddies.converted_with_trained_buddy, buddies.converted_without) == (1, 1)
    assert (buddies.paid_hours_with_trained_buddy, buddies.paid_hours_without) == (Decimal(10), Decimal(6))


def test_the_report_page_and_api_show_the_same_numbers(client, consultant, vta_year):
    log_in(client, consultant)
    page = client.get(reverse("web:event_report"), {"start": "2025-01-01", "end": "2025-12-31"}).content.decode()
    assert "8 arrangementer" in page and "Café Nyhavn" in page
    data = client.get("/api/v1/netvaerk/arrangementer/rapport", {"start": "2025-01-01", "end": "2025-12-31"}).json()
    assert (data["held"], data["attended"], data["share_with_trained_buddy"]) == (8, sum(CLUSTER_ATTENDANCE) + 2, 50.0)
    assert float(data["paid_hours_with_trained_buddy"]) == 10
