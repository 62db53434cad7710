# SPDX-License-Identifier: MPL-2.0
"""Fixtures for network events: an event with companies, contacts and buddies."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone


def at(day: str, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(f"{day}T{hour:02d}:00"))


@pytest.fixture
def cluster_meeting(municipality, consultant):
    from smaajob.events.services import create_event

    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    return create_event(
        actor=consultant,
        municipality=municipality,
        kind="cluster",
        title="Klyngemøde om småjob",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        place="Corolab, Roskilde",
        organiser="Corolab",
        agenda="1. Velkomst\n2. Buddyordningen",
        capacity=40,
    )


@pytest.fixture
def contacts(company):
    from smaajob.network.services import add_contact

    return [add_contact(company=company, name=f"Kontakt {n}") for n in range(3)]
