# SPDX-License-Identifier: MPL-2.0
"""The catalogue and orders through HTTP: ordering from the citizen page, bad input refused with
the Danish message next to the field and nothing saved, the API and the Excel exports."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.test import Client
from openpyxl import load_workbook

from smaajob.offers.models import Offer, Order

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_citizen_page_links_to_ordering_and_an_order_needs_only_offer_and_purpose(
    consultant, citizen, course, forklift
):
    client = _as(consultant)
    assert f"/borgere/{citizen.pk}/bestil-tilbud/" in client.get(f"/borgere/{citizen.pk}/").content.decode()
    answer = client.post(
        f"/borgere/{citizen.pk}/bestil-tilbud/", {"offer": forklift.pk, "purpose": "Truck til lagerjob"}
    )
    assert answer.status_code == 302
    order = Order.objects.get()
    assert answer["Location"] == f"/bestillinger/{order.pk}/"
    assert (order.starts_on, order.price_kr) == (TODAY + timedelta(days=7), forklift.price_kr)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"starts_on": TODAY.isoformat(), "ends_on": (TODAY - timedelta(days=3)).isoformat()}, "efter starten"),
        ({"price_kr": "-500"}, "Prisen kan ikke være negativ"),
        ({"hours_per_week": "170"}, "højst 168 (en uges timer)"),
    ],
)
def test_bad_order_input_on_the_page_is_shown_next_to_the_field_and_nothing_is_saved(
    consultant, citizen, course, forklift, fields, message
):
    answer = _as(consultant).post(
        f"/borgere/{citizen.pk}/bestil-tilbud/", {"offer": forklift.pk, "purpose": "Truck", **fields}
    )
    assert answer.status_code == 200
    assert message in answer.content.decode()
    assert Order.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        (
            {"starts_on": TODAY.isoformat(), "ends_on": (TODAY - timedelta(days=1)).isoformat()},
            "invalid_period",
            "ends_on",
        ),
        ({"price_kr": "-1"}, "invalid_input", "price_kr"),
        ({"hours_per_week": "168.5"}, "invalid_hours", "hours_per_week"),
    ],
)
def test_bad_order_input_in_the_api_is_a_400_with_a_stable_code_and_nothing_is_saved(
    consultant, citizen, course, forklift, fields, code, field
):
    answer = _as(consultant).post(
        "/api/v1/tilbud/bestillinger",
        {"citizen_id": citizen.pk, "offer_id": forklift.pk, "purpose": "Truck", **fields},
        content_type="application/json",
    )
    assert answer.status_code == 400
    assert (answer.json()["code"], answer.json()["field"]) == (code, field)
    assert Order.objects.count() == 0


def test_the_api_orders_and_moves_an_order_on_with_its_history(consultant, citizen, course, hygiene):
    client = _as(consultant)
    created = client.post(
        "/api/v1/tilbud/bestillinger",
        {"citizen_id": citizen.pk, "offer_id": hygiene.pk, "purpose": "Hygiejnebevis", "starts_on": TODAY.isoformat()},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["price_kr"] == "15000.00" and body["state"] == "ordered"
    moved = client.post(
        f"/api/v1/tilbud/bestillinger/{body['id']}/status",
        {"to_state": "interrupted", "reason": "Borgeren fik job"},
        content_type="application/json",
    )
    assert moved.status_code == 200
    assert [(t["to_state"], t["reason"]) for t in moved.json()["transitions"]] == [
        ("ordered", ""),
        ("interrupted", "Borgeren fik job"),
    ]


def test_the_catalogue_is_paginated_and_in_the_openapi_schema(consultant, forklift, hygiene, language_lift):
    client = _as(consultant)
    page = client.get("/api/v1/tilbud/katalog?page_size=2").json()
    assert page["count"] == 3 and len(page["items"]) == 2
    assert page["items"][0]["legal_reference"].startswith("Lov nr. 548 af 7. maj 2019")
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/tilbud/katalog" in schema["paths"]
    assert "/api/v1/tilbud/bestillinger/{order_id}/statusrapporter" in schema["paths"]


def test_a_consultant_adds_an_offer_with_start_dates_and_a_negative_price_is_refused(consultant, amu):
    client = _as(consultant)
    fields = {
        "provider": amu.pk,
        "title": "Lagerkursus",
        "kind": "course",
        "duration_weeks": 3,
        "hours_per_week": "20",
        "price_kr": "-1",
        "price_unit": "week",
        "legal_basis": "lab2019_91",
        "start_dates": "2027-01-04, 2027-02-01",
    }
    refused = client.post("/tilbud/nyt/", fields)
    assert "Prisen kan ikke være negativ" in refused.content.decode()
    assert Offer.objects.count() == 0
    created = client.post("/tilbud/nyt/", {**fields, "price_kr": "1800"})
    assert created.status_code == 302
    offer = Offer.objects.get()
    assert [s.starts_on.isoformat() for s in offer.starts.all()] == ["2027-01-04", "2027-02-01"]


def test_the_catalogue_and_the_teams_orders_export_to_excel(coordinator_with_team, order):
    client = _as(coordinator_with_team)
    book = load_workbook(io.BytesIO(client.get("/tilbud/katalog.xlsx").content))
    rows = list(book.active.values)
    assert rows[0][:3] == ("Leverandør", "Tilbud", "Type")
    assert rows[1][:2] == ("AMU Fyn", "Truckcertifikat (A)")
    book = load_workbook(io.BytesIO(client.get("/bestillinger/bestillinger.xlsx").content))
    rows = list(book.active.values)
    assert rows[1][:3] == ("Omar Hansen", "Truckcertifikat (A)", "AMU Fyn")


@pytest.fixture
def coordinator_with_team(make_user):
    return make_user("coordinator", username="koordinator")


def test_an_unknown_state_or_an_overlong_title_is_a_clear_refusal_not_a_server_error(consultant, order, amu):
    client = _as(consultant)
    answer = client.post(
        f"/api/v1/tilbud/bestillinger/{order.pk}/status", {"to_state": "done"}, content_type="application/json"
    )
    assert answer.status_code == 409
    assert answer.json()["code"] == "illegal_transition"
    assert "kan kun blive: accepteret, afbrudt" in answer.json()["message"]
    answer = client.post(
        "/api/v1/tilbud/katalog",
        {
            "provider_id": amu.pk,
            "title": "K" * 201,
            "kind": "course",
            "duration_weeks": 1,
            "hours_per_week": "5",
            "price_kr": "100",
            "price_unit": "hour",
            "legal_basis": "lab2019_91",
            "capacity": 40000,
        },
        content_type="application/json",
    )
    assert answer.status_code == 400
    assert answer.json()["field"] == "title"
    assert Offer.objects.count() == 1  # the fixture's own


def test_the_catalogue_says_one_week_and_several_weeks_in_danish(consultant, forklift, hygiene):
    page = _as(consultant).get("/tilbud/").content.decode()
    assert "<td>1 uge</td>" in page and "<td>2 uger</td>" in page and "1 uger" not in page
    detail = _as(consultant).get(f"/tilbud/{hygiene.pk}/").content.decode()
    assert "1 uge, 25 timer pr. uge" in detail
