# SPDX-License-Identifier: MPL-2.0
"""Ids and text are checked at the edge: a number beyond 64 bits, a NUL character or a title
longer than its column is refused with a 404 or a Danish 400 — never a 500 (issue 23, item 5).

Run these on PostgreSQL too: it is there that NUL and over-long text used to crash."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from smaajob.access import pages
from smaajob.ids import MAX_ID, IdConverter
from smaajob.network.models import Opening
from tests.web.test_pages import log_in

JSON = "application/json"
BEYOND_64_BITS = 2**64
TOO_LONG_TITLE = "Opvask " * 40  # 280 characters; the column holds 200


def _web_routes_with_ids(patterns=None, prefix: str = ""):
    """Every web address (outside the API and the admin) that takes an id, with the id filled in."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith(("api/", "admin/")):
                continue
            yield from _web_routes_with_ids(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern) and any(
            isinstance(c, IdConverter) for c in entry.pattern.converters.values()
        ):
            filled = re.sub(r"<id:\w+>", str(BEYOND_64_BITS), prefix + route)
            yield "/" + re.sub(r"<(?:str|slug):\w+>", "godkend", filled)


def test_every_web_address_with_an_id_uses_the_64_bit_id_converter():
    int_routes = []
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and not str(entry.pattern).startswith(("api/", "admin/")):
            int_routes += [str(p.pattern) for p in entry.url_patterns if "<int:" in str(p.pattern)]
    assert int_routes == []
    assert len(list(_web_routes_with_ids())) >= 25


def test_an_id_beyond_64_bits_in_any_web_address_is_not_found(client, caseworker):
    log_in(client, caseworker)
    answers = {url: client.get(url).status_code for url in _web_routes_with_ids()}
    assert {url: status for url, status in answers.items() if status != 404} == {}


def test_the_largest_64_bit_id_is_still_a_valid_address_that_finds_nothing(client, caseworker):
    log_in(client, caseworker)
    assert client.get(f"/borgere/{MAX_ID}/").status_code == 404
    assert client.get(f"/borgere/{MAX_ID + 1}/").status_code == 404


def _api_operations_with_path_ids(client):
    for path, operations in client.get("/api/v1/openapi.json").json()["paths"].items():
        if re.search(r"\{\w*_id\}", path):
            for method in operations:
                yield method, re.sub(r"\{\w*_id\}", str(BEYOND_64_BITS), path)


def test_an_id_beyond_64_bits_in_any_api_path_gets_the_danish_400_body(client, make_user, company):
    # Each operation is called by a role the role table lets call it (smaajob.access.pages);
    # any other role is refused before the id is read, with the 404 of a missing record.
    users = {
        "caseworker": make_user("caseworker"),
        "benefit_office": make_user("benefit_office"),
        "employer": make_user("employer", company=company, municipality=None, team=None),
    }
    operations = list(_api_operations_with_path_ids(client))
    assert len(operations) >= 15
    for method, url in operations:
        route = resolve(url).route
        role = next(r for r, u in users.items() if pages.may_call(u, method, route))
        client.force_login(users[role])
        response = getattr(client, method)(url, content_type=JSON, data={})
        assert response.status_code == 400, (method, url, response.status_code)
        body = response.json()
        assert body["code"] == "invalid_input"
        assert re.fullmatch(r"\w*_id", body["field"]), body
        assert f"Et id er et helt tal fra 1 til {MAX_ID}." in body["message"]


def test_every_id_the_api_accepts_is_bounded_in_its_schema(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    unbounded: list[tuple[str, ...]] = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                if parameter["name"].endswith("_id") and "maximum" not in str(parameter["schema"]):
                    unbounded.append((method, path, parameter["name"]))
    for name, component in schema["components"]["schemas"].items():
        if name.endswith(("In", "Patch", "Filter", "FormParams", "Query")) or "Form" in name:
            for field, spec in component.get("properties", {}).items():
                if field.endswith("_id") and "maximum" not in str(spec):
                    unbounded.append((name, field))
    assert unbounded == []


def test_a_proposal_naming_a_citizen_beyond_64_bits_is_refused_by_field(client, consultant, opening):
    log_in(client, consultant)
    response = client.post("/api/v1/match/forslag", content_type=JSON,
                           data={"citizen_id": BEYOND_64_BITS, "opening_id": opening.pk})
    assert response.status_code == 400
    assert response.json()["field"] == "citizen_id"


def test_an_opening_title_with_a_nul_character_is_refused_through_the_api(client, consultant, company):
    log_in(client, consultant)
    response = client.post(
        f"/api/v1/netvaerk/virksomheder/{company.pk}/jobaabninger", content_type=JSON,
        data={"title": "Opvask\x00", "kind": "paid", "hours_min": 2, "hours_max": 6},
    )
    assert response.status_code == 400
    assert response.json()["field"] == "title"
    assert "ugyldigt tegn (NUL" in response.json()["message"]
    assert not Opening.objects.filter(company=company).exists()


def test_an_opening_title_longer_than_its_column_is_refused_through_the_api(client, consultant, company):
    log_in(client, consultant)
    response = client.post(
        f"/api/v1/netvaerk/virksomheder/{company.pk}/jobaabninger", content_type=JSON,
        data={"title": TOO_LONG_TITLE, "kind": "paid", "hours_min": 2, "hours_max": 6},
    )
    assert response.status_code == 400
    assert response.json()["field"] == "title"
    assert "højst være 200 tegn lang" in response.json()["message"]


def test_free_text_and_tags_with_a_nul_character_are_refused_through_the_api(client, consultant, company):
    log_in(client, consultant)
    response = client.post(
        f"/api/v1/netvaerk/virksomheder/{company.pk}/jobaabninger", content_type=JSON,
        data={"title": "Opvask", "kind": "paid", "hours_min": 2, "hours_max": 6,
              "description": "ok", "accommodation_tags": ["ro\x00lig"]},
    )
    assert response.status_code == 400
    assert response.json()["field"] == "accommodation_tags.0"


def test_a_search_word_with_a_nul_character_is_refused_through_the_api(client, consultant, opening):
    log_in(client, consultant)
    response = client.get("/api/v1/netvaerk/jobaabninger", {"q": "frugt\x00"})
    assert response.status_code == 400
    assert response.json()["field"] == "q"


def test_an_api_type_error_is_explained_in_danish(client, caseworker):
    log_in(client, caseworker)
    response = client.get("/api/v1/borgere/syv")
    assert response.status_code == 400
    assert response.json()["message"] == "Ugyldig værdi i citizen_id: skal være et helt tal"


@pytest.mark.parametrize(
    ("title", "message"),
    [("Opvask\x00", "Null"), (TOO_LONG_TITLE, "200")],
    ids=["nul", "too-long"],
)
def test_the_opening_form_refuses_a_nul_or_over_long_title_next_to_the_field(client, consultant, company, title,
                                                                             message):
    log_in(client, consultant)
    response = client.post(f"/virksomheder/{company.pk}/jobaabning/", {
        "title": title, "kind": "paid", "hours_min": "2", "hours_max": "6", "capacity": "1",
        "language_requirement": "0",
    })
    assert response.status_code == 400
    assert message in str(response.context["form"].errors["title"])
    assert not Opening.objects.filter(company=company).exists()


@pytest.mark.parametrize("title", ["Opvask\x00", TOO_LONG_TITLE], ids=["nul", "too-long"])
def test_the_employer_task_form_refuses_a_nul_or_over_long_title(client, employer_user, company, title):
    log_in(client, employer_user)
    response = client.post("/virksomhed/opgave/", {"title": title, "hours_min": "2", "hours_max": "6"})
    assert response.status_code == 400
    assert response.context["form"].errors["title"]
    assert not Opening.objects.filter(company=company).exists()
