# SPDX-License-Identifier: MPL-2.0
"""A provider user sees only the orders sent to its own organisation, and of the citizen only
what the citizen consented to share; anything else answers exactly as a missing id does."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from smaajob.audit.models import AuditEntry
from smaajob.offers import services

pytestmark = pytest.mark.django_db

MISSING = 987_654_321


@pytest.fixture
def other_order(consultant, citizen, course, language_lift):
    return services.order_offer(actor=consultant, citizen=citizen, offer=language_lift, purpose="Dansk")


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_a_provider_lists_only_the_orders_sent_to_it(amu_user, order, other_order):
    page = _as(amu_user).get("/bestillinger/").content.decode()
    assert "Truckcertifikat (A)" in page
    assert "Sprogløft" not in page
    api = _as(amu_user).get("/api/v1/tilbud/bestillinger").json()
    assert [o["id"] for o in api["items"]] == [order.pk]


def test_another_providers_order_answers_exactly_as_a_missing_one(school_user, order):
    client = _as(school_user)
    for path in ("/bestillinger/{}/", "/api/v1/tilbud/bestillinger/{}"):
        real, missing = client.get(path.format(order.pk)), client.get(path.format(MISSING))
        assert real.status_code == missing.status_code == 404
        if path.startswith("/api"):
            assert (
                real.json()
                == missing.json()
                == {
                    "code": "not_found",
                    "message": "Bestillingen findes ikke, eller du har ikke adgang til den.",
                }
            )
        else:
            assert _main(real.content.decode()) == _main(missing.content.decode())
    # Both denied look-ups of the real order are in the audit log (as are those of the missing id).
    denied = AuditEntry.objects.filter(actor=school_user, action="denied", object_type="order")
    assert denied.filter(object_id=order.pk).count() == 2


def test_another_providers_order_cannot_be_moved_on_or_reported(school_user, order):
    client = _as(school_user)
    answer = client.post(
        f"/api/v1/tilbud/bestillinger/{order.pk}/status", {"to_state": "accepted"}, content_type="application/json"
    )
    assert answer.status_code == 404
    assert client.post(f"/bestillinger/{order.pk}/accepter/").status_code == 404
    order.refresh_from_db()
    assert order.state == "ordered"


def test_a_provider_cannot_open_the_citizen_or_a_citizen_not_ordered_to_it(amu_user, order, citizen):
    client = _as(amu_user)
    real, missing = client.get(f"/borgere/{citizen.pk}/"), client.get(f"/borgere/{MISSING}/")
    assert real.status_code == missing.status_code == 404
    assert _main(real.content.decode()) == _main(missing.content.decode())
    assert client.get(f"/api/v1/borgere/{citizen.pk}").status_code == 404


def test_a_provider_sees_only_the_facts_the_citizen_consented_to(amu_user, order, citizen, caseworker):
    from smaajob.citizens.services import record_consent

    page = _as(amu_user).get(f"/bestillinger/{order.pk}/").content.decode()
    assert "Omar" not in page and "Hansen" not in page
    assert "navn ikke delt" in page
    assert citizen.cpr[:6] not in page
    record_consent(actor=caseworker, citizen=citizen, facts=["name"], valid_from=date(2024, 1, 1))
    page = _as(amu_user).get(f"/bestillinger/{order.pk}/").content.decode()
    assert "Omar Hansen" in page
    assert "(ikke delt)" in page  # the language level and restrictions are still not shared
    assert citizen.cpr[:6] not in page


def test_staff_without_the_citizen_do_not_reach_the_order(make_user, order):
    stranger = make_user("consultant", username="anden-konsulent")
    client = _as(stranger)
    assert client.get(f"/bestillinger/{order.pk}/").status_code == 404
    assert client.get("/api/v1/tilbud/bestillinger").json()["items"] == []


def test_the_provider_accepts_starts_and_reports_on_its_own_order(amu_user, order):
    client = _as(amu_user)
    assert client.post(f"/bestillinger/{order.pk}/accepter/").status_code == 302
    assert client.post(f"/bestillinger/{order.pk}/start/", {"on": order.starts_on.isoformat()}).status_code == 302
    answer = client.post(
        f"/api/v1/tilbud/bestillinger/{order.pk}/statusrapporter",
        {
            "attendance": "full",
            "progress": "Har bestået teoriprøven",
            "next_step": "Praktisk prøve",
            "reported_on": order.starts_on.isoformat(),
        },
        content_type="application/json",
    )
    assert answer.status_code == 201, answer.content
    order.refresh_from_db()
    assert order.state == "started"
    assert order.reports.get().progress == "Har bestået teoriprøven"


def test_the_catalogue_of_another_municipality_is_not_found(other_municipality, make_user, forklift):
    outsider = make_user("consultant", username="roskilde", municipality=other_municipality, team=None)
    client = _as(outsider)
    assert client.get(f"/tilbud/{forklift.pk}/").status_code == 404
    assert client.get(f"/api/v1/tilbud/katalog/{forklift.pk}").json()["code"] == "not_found"
    assert client.get("/api/v1/tilbud/katalog").json()["items"] == []
