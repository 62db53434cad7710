# SPDX-License-Identifier: MPL-2.0
"""The access matrix: every route that addresses a record, as every role, with a real id and
with an id that does not exist. Where the real record is refused, the refusal is the very same
answer a missing record gets, so a probe learns nothing about which ids exist; no cell answers
403 (that would say "it exists, but not for you") or a server error.

The matrix's two walks, one test per role each, are in ``tests/app/test_route_walk.py``: their
GET cells are the role's recorded GET walk, the writes are asked there (issue 19 item 8).
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.app.conftest import WORLD_ROLES
from tests.app.route_walk import routes

pytestmark = pytest.mark.django_db

MISSING_ID = 987_654_321
_CSRF = re.compile(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[A-Za-z0-9]+"')


def _normalised(text: str, path: str) -> str:
    # The answer may name the address asked for; the CSRF token differs per answer.
    return _CSRF.sub(lambda m: m.group(1) + '"', text.replace(path, "<adresse>"))


def _id_routes(ids):
    for route in routes():
        if route.unwalked_reason() is None and any(p in ids for p in route.parameters):
            yield route


# The matrix refuses: at least these many cells per role (about two thirds of December 2026's;
# all roles together were more than 50 when the matrix was one test).
LEAST_REFUSED_RECORDS = {
    "anonym": 0,
    "caseworker": 17,
    "consultant": 18,
    "coordinator": 19,
    "benefit_office": 59,
    "analyst": 63,
    "administrator": 42,
    "employer": 52,
    "citizen": 56,
    "dpo": 62,
    "provider": 59,
    "intermediary": 59,
}
# The role table refuses: at least these many cells per role (as above; more than 400 together).
LEAST_REFUSED_CELLS = {
    "anonymous": 0,
    "caseworker": 26,
    "consultant": 32,
    "coordinator": 23,
    "benefit_office": 107,
    "analyst": 114,
    "administrator": 53,
    "employer": 99,
    "citizen": 108,
    "dpo": 116,
    "provider": 110,
    "intermediary": 111,
}


def test_the_least_refusals_cover_every_role_and_add_up_to_the_whole_matrix():
    assert set(LEAST_REFUSED_RECORDS) == {"anonym", *WORLD_ROLES}
    assert set(LEAST_REFUSED_CELLS) == {"anonymous", *WORLD_ROLES}
    assert sum(LEAST_REFUSED_RECORDS.values()) > 50
    assert sum(LEAST_REFUSED_CELLS.values()) > 400


def test_no_role_reaches_a_staff_page_for_a_citizen_it_may_not_see(world):
    """A few cells written out, so that the matrix above cannot pass by refusing nothing."""
    citizen_page = f"/borgere/{world.ids['citizen_id']}/"
    expected = {
        "caseworker": 200,
        "consultant": 200,
        "coordinator": 200,
        "administrator": 200,
        "analyst": 404,
        # the employer and the citizen himself may see him, on their own home page
        "employer": 302,
        "citizen": 302,
    }
    answers = {}
    for role in expected:
        client = Client()
        client.force_login(world.users[role])
        answers[role] = client.get(citizen_page).status_code
    assert answers == expected


# --------------------------------------------------------------------------- the role table
# Cells where the role may use the route but the fixture world holds nothing it may see there,
# so the object-level check answers "not found"; each with the reason and where it is shown.
OBJECT_LEVEL_REFUSALS: dict[tuple[str, str], str] = {
    ("analyst", "GET rapporter/tal/"): "every number of the small fixture world covers fewer than five people, so an "
    "analyst is shown no one behind it (small cells); tests/reports/test_vta_proof.py shows an analyst a drill-down",
}
# The correction pages are walked with a week of hours; which roles may correct depends on the
# record kind (smaajob.corrections.kinds): a week is the case writers', so the benefit office
# (payslips) and the administrator (openings) get "not found" for it.
# tests/web/test_corrections.py and tests/money/test_payslip_corrections.py show them their kinds.
_KIND_DECIDES = "a week of hours is not a record this role corrects; the record kind decides"
for _role in ("benefit_office", "administrator"):
    for _cell in (
        "GET rettelser/<slug:kind>/<id:record_id>/",
        "GET rettelser/<slug:kind>/<id:record_id>/ret/",
        "GET rettelser/<slug:kind>/<id:record_id>/annuller/",
        "GET api/v1/rettelser/<kind>/<record_id>",
        "PATCH api/v1/rettelser/<kind>/<record_id>",
        "POST api/v1/rettelser/<kind>/<record_id>/annuller",
    ):
        OBJECT_LEVEL_REFUSALS[(_role, _cell)] = _KIND_DECIDES
# An export is its owner's only (smaajob.access.jobs): the world's export is the consultant's,
# so the other staff who may make exports are told it is not there. tests/web/test_background_exports.py.
for _role in ("caseworker", "coordinator", "administrator"):
    for _cell in ("GET eksporter/<id:job_id>/", "GET eksporter/<id:job_id>/fil/"):
        OBJECT_LEVEL_REFUSALS[(_role, _cell)] = "an export is fetched by the user who made it, nobody else"
_MAIN = re.compile(r'<main id="indhold"[^>]*>(.*)</main>', re.S)


def _main(text: str) -> str:
    found = _MAIN.search(text)
    return found.group(1) if found else text


def _cells(route):
    """(method, allowed roles) for each way the route is used: pages by GET, API operations by their methods."""
    from smaajob.access import pages

    if route.is_api and pages.is_api_operation(route.url_name, route.route):
        for method in sorted(route.methods):
            entry = pages.API_OPERATIONS.get(pages.operation_key(method, route.route))
            yield method, entry.roles if entry is not None else frozenset()
    else:
        entry = pages.page_entry(route.url_name)
        yield "GET", entry.roles if entry is not None else frozenset()


def _ask(client: Client, method: str, url: str):
    """GET as it is; a write inside a savepoint that is rolled back, so no cell changes another."""
    from django.db import transaction

    if method == "GET":
        return client.get(url)
    with transaction.atomic():
        response = getattr(client, method.lower())(url, data={}, content_type="application/json")
        transaction.set_rollback(True)
    return response


def test_staff_lists_answer_citizens_analysts_employers_and_the_benefit_office_as_pages_that_are_not_there(world):
    """Issue 21: citizens and analysts could open the company network and the openings list, and
    employers were shown the list with "Find borgere" links that answered 404."""
    for role in ("citizen", "analyst", "employer", "benefit_office"):
        client = Client()
        client.force_login(world.users[role])
        for page in ("/virksomheder/", "/jobaabninger/", f"/virksomheder/{world.ids['company_id']}/"):
            answer = client.get(page)
            assert answer.status_code == 404, (role, page)
            assert "findes ikke, eller du har ikke adgang til den" in answer.content.decode(), (role, page)
        assert "Find borgere" not in client.get("/").content.decode(), role
    client = Client()
    client.force_login(world.users["consultant"])
    assert client.get("/jobaabninger/").status_code == 200
    assert "Find borgere" in client.get("/jobaabninger/").content.decode()
