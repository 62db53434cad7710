# SPDX-License-Identifier: MPL-2.0
"""A completed forklift course makes "truck" a met requirement in "Find jobåbninger"."""

from __future__ import annotations

from datetime import date

import pytest

from smaajob.courses import selectors as course_selectors
from smaajob.offers import services

pytestmark = pytest.mark.django_db


def test_after_the_forklift_course_the_opening_that_needs_truck_is_suggested_with_the_certificate_met(
    consultant, caseworker, citizen, course, company, order
):
    from smaajob import access
    from smaajob.citizens.models import DisclosableFact
    from smaajob.citizens.services import record_consent, update_resource_mapping
    from smaajob.network.services import create_opening

    slots = [{"weekday": d, "start": "08:00", "end": "14:00"} for d in range(5)]
    update_resource_mapping(actor=caseworker, citizen=citizen, weekly_hours_capacity="20", availability=slots)
    record_consent(actor=caseworker, citizen=citizen, facts=list(DisclosableFact.values), valid_from=date(2024, 1, 1))
    opening = create_opening(
        actor=consultant,
        company=company,
        title="Truckkørsel i varemodtagelsen",
        kind="paid",
        hours_min=2,
        hours_max=8,
        slots=slots,
        required_certificates=["truck"],
    )

    def suggested() -> list[int]:
        citizen.refresh_from_db()
        result = course_selectors.suggested_openings(citizen, access.openings_for(consultant), date.today())
        return [s.opening.pk for s in result.suggestions]

    assert opening.pk not in suggested()
    for state in ("accepted", "started", "completed"):
        services.change_order_state(actor=consultant, order=order, to_state=state)
    assert opening.pk in suggested()

    from django.test import Client

    client = Client()
    client.force_login(consultant)
    page = client.get(f"/borgere/{citizen.pk}/match/").content.decode()
    assert "Certifikater: borgeren har truck, som opgaven kræver." in page
