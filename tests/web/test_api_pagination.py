# SPDX-License-Identifier: MPL-2.0
"""Every API list comes a page at a time with the whole list's count: ``{"items", "count"}``,
``?page=`` and ``?page_size=`` (documented in the OpenAPI schema), Danish errors for bad page
parameters. Before, lists were cut silently at 500 or 1,000 rows."""

from __future__ import annotations

from datetime import date

import pytest

from smaajob.audit.models import AuditEntry
from tests.web.test_pages import log_in

LISTS = [
    "/api/v1/borgere/",
    "/api/v1/netvaerk/virksomheder",
    "/api/v1/netvaerk/jobaabninger",
    "/api/v1/match/forslag",
    "/api/v1/loensedler/",
    "/api/v1/arbejdsliste/",
]


@pytest.fixture
def two_of_each(citizen, caseworker, consultant, company, opening, course, municipality):
    """Two citizens, two companies, two openings and two match proposals the consultant sees."""
    from smaajob.citizens.services import assign_staff, register_citizen
    from smaajob.courses.services import propose_match
    from smaajob.network.services import create_company, create_opening

    other = register_citizen(
        actor=caseworker, cpr="020290-1234", first_name="Lina", last_name="Andersen", municipality=municipality
    )
    for staff, role in ((caseworker, "caseworker"), (consultant, "consultant")):
        assign_staff(actor=caseworker, citizen=other, staff=staff, staff_role=role, valid_from=date(2024, 1, 1))
    create_company(actor=consultant, municipality=municipality, cvr="10150817", name="Fakta Bolbro", sector="detail")
    second = create_opening(
        actor=consultant, company=company, title="Vareopfyldning", kind="placement", hours_min=2, hours_max=8, slots=[]
    )
    for job in (opening, second):
        propose_match(actor=consultant, course=course, opening=job, on=date.today())


@pytest.mark.parametrize(
    "url",
    ["/api/v1/borgere/", "/api/v1/netvaerk/virksomheder", "/api/v1/netvaerk/jobaabninger", "/api/v1/match/forslag"],
)
def test_a_list_gives_its_total_count_and_the_next_page(client, consultant, two_of_each, url):
    log_in(client, consultant)
    first = client.get(url, {"page_size": 1}).json()
    second = client.get(url, {"page_size": 1, "page": 2}).json()
    assert first["count"] == second["count"] == 2
    assert len(first["items"]) == len(second["items"]) == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]
    everything = client.get(url).json()
    assert [row["id"] for row in everything["items"]] == [first["items"][0]["id"], second["items"][0]["id"]]


@pytest.mark.parametrize("url", LISTS)
def test_a_page_after_the_last_is_not_found_in_danish(client, consultant, two_of_each, url):
    log_in(client, consultant)
    count = client.get(url).json()["count"]
    response = client.get(url, {"page": count + 2, "page_size": 1})
    assert response.status_code == 404
    body = response.json()
    assert body["code"] == "not_found" and body["field"] == "page"
    assert f"Side {count + 2} findes ikke" in body["message"]


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"page": "0"}, "page", "skal være mindst 1"),
        ({"page": "to"}, "page", "skal være et helt tal"),
        ({"page_size": "0"}, "page_size", "skal være mindst 1"),
        ({"page_size": "501"}, "page_size", "må højst være 500"),
    ],
)
def test_a_bad_page_parameter_is_refused_in_danish(client, consultant, url, params, field, message):
    log_in(client, consultant)
    response = client.get(url, params)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_input" and body["field"] == field
    assert message in body["message"]


def test_the_company_list_counts_past_the_old_cut_at_500(client, consultant, municipality):
    from smaajob.network.models import Company

    Company.objects.bulk_create(
        Company(municipality=municipality, cvr=f"{n:08d}", name=f"Virksomhed {n:03d}") for n in range(501)
    )
    log_in(client, consultant)
    last = client.get("/api/v1/netvaerk/virksomheder", {"page": 11}).json()
    assert last["count"] == 501
    assert [c["name"] for c in last["items"]] == ["Virksomhed 500"]


def test_the_citizen_list_logs_a_read_only_for_the_citizens_on_the_page(client, consultant, two_of_each):
    log_in(client, consultant)
    before = AuditEntry.objects.filter(action="read", object_type="citizen").count()
    page = client.get("/api/v1/borgere/", {"page_size": 1}).json()
    reads = AuditEntry.objects.filter(action="read", object_type="citizen").order_by("pk")[before:]
    assert [entry.citizen_id for entry in reads] == [page["items"][0]["id"]]


def test_the_schema_documents_the_page_parameters_and_the_count(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    for url in LISTS:
        operation = schema["paths"][url]["get"]
        parameters = {p["name"]: p["schema"] for p in operation["parameters"]}
        assert parameters["page"]["minimum"] == 1
        assert parameters["page_size"]["maximum"] == 500
        reference = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        paged = schema["components"]["schemas"][reference.rsplit("/", 1)[1]]
        assert set(paged["required"]) == {"items", "count"}
