# SPDX-License-Identifier: MPL-2.0
"""Every page and API route, requested as every role with real ids: an answer that shows a
citizen's personal data has written a READ audit entry for that citizen, by that user.

The walk requests each route with GET (a read); routes that only take writes answer 405 and
show nothing, and their services audit the write. Personal data is recognised by the fixture
citizens' names, the birth-date part of their CPR numbers and the payslip's wage (see
``tests/app/conftest.py``). PDFs are searched in the HTML they are printed from.

The walk itself, one test per role, is ``test_no_answer_shows_a_citizen_without_an_audited_read_by_that_user``
in ``tests/app/test_route_walk.py``: it reads the role's recorded GET walk (issue 19 item 8).
"""

from __future__ import annotations

import pytest
from django.test import Client

from smaajob.audit.models import AuditAction, AuditEntry
from tests.app.conftest import WORLD_ROLES
from tests.app.route_walk import UNWALKED, UNWALKED_PREFIXES, answer_text, build_url, html_as_pdf, routes

pytestmark = pytest.mark.django_db


def _last_audit_id() -> int:
    last = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first()
    return last or 0


def _walk(client: Client, ids: dict[str, int]):
    """(url, answer) for every walked route."""
    for route in routes():
        if route.unwalked_reason() is not None:
            continue
        url = build_url(route, ids)
        assert url is not None, f"{route.route}: no id for it and not listed in UNWALKED"
        yield url, client.get(url)


def test_every_route_is_walked_or_listed_with_a_reason(world):
    known = routes()
    assert len(known) > 60, "the resolver should list every page and API route"
    unfilled = [r.route for r in known if r.unwalked_reason() is None and build_url(r, world.ids) is None]
    assert unfilled == [], "new routes the walk cannot fill in; give them ids or list them in UNWALKED"
    stale = [route for route in UNWALKED if route not in {r.route for r in known}]
    assert stale == [], "UNWALKED lists routes that no longer exist"
    for prefix in UNWALKED_PREFIXES:
        assert any(r.route.startswith(prefix) for r in known), f"no route under {prefix} any more"


def test_the_walk_covers_the_api_operations_and_the_pages(world):
    walked = [r for r in routes() if r.unwalked_reason() is None]
    api_reads = [r for r in walked if r.is_api and "GET" in r.methods]
    assert any("<citizen_id>" in r.route or "<int:citizen_id>" in r.route for r in api_reads)
    assert any("PUT" in r.methods or "POST" in r.methods for r in walked if r.is_api)
    assert any(r.route == "loensedler/mine/" for r in walked)
    assert any(r.route == "" for r in walked), "the home page"


# The detector works: the answers in which each role at least is shown a citizen (about two thirds
# of December 2026's). All roles together were more than 60 when the walk was one test.
LEAST_SEEN = {
    "anonym": 0,
    "caseworker": 36,
    "consultant": 32,
    "coordinator": 36,
    "benefit_office": 6,
    "analyst": 0,
    "administrator": 22,
    "employer": 9,
    "citizen": 6,
    "dpo": 1,
    "provider": 4,
    "intermediary": 4,
}


def test_the_least_answers_showing_a_citizen_cover_every_role_and_add_up_to_the_whole_walk():
    assert set(LEAST_SEEN) == {"anonym", *WORLD_ROLES}
    assert sum(LEAST_SEEN.values()) > 60


def test_the_walk_recognises_a_citizen_in_a_pdf_and_in_an_uploaded_file(world, monkeypatch):
    """The detector itself: it finds the citizen where the walk must look for them."""
    monkeypatch.setattr("smaajob.pdf.html_pdf", html_as_pdf)
    client = Client()
    client.force_login(world.users["caseworker"])
    pdf = client.get(f"/rapporter/borger/{world.ids['citizen_id']}/progression.pdf")
    upload = client.get(f"/loensedler/{world.ids['payslip_id']}/fil/")
    assert pdf.status_code == upload.status_code == 200
    omar = world.people[0]
    assert any(m in answer_text(pdf) for m in omar.markers)
    assert any(m in answer_text(upload) for m in omar.markers)


def test_the_employer_home_page_logs_a_read_of_each_proposed_citizen(world):
    employer = world.users["employer"]
    zakarias = world.people[1].citizen_id
    client = Client()
    client.force_login(employer)
    before = _last_audit_id()
    page = client.get("/").content.decode()
    assert "Zakarias Quistgaard" in page
    reads = AuditEntry.objects.filter(id__gt=before, actor=employer, action=AuditAction.READ, citizen_id=zakarias)
    assert list(reads.values_list("detail", flat=True)) == ["forside: matchforslag"]


def test_a_citizen_opening_their_own_payslips_is_an_audited_read(world):
    citizen = world.users["citizen"]
    omar = world.people[0].citizen_id
    client = Client()
    client.force_login(citizen)
    before = _last_audit_id()
    page = client.get("/loensedler/mine/").content.decode()
    assert "3.381,17" in page
    reads = AuditEntry.objects.filter(id__gt=before, actor=citizen, action=AuditAction.READ, citizen_id=omar)
    assert list(reads.values_list("detail", flat=True)) == ["egne lønsedler"]
