# SPDX-License-Identifier: MPL-2.0
"""The header's one search box (issue 15, item 2): citizens by name or by CPR number (posted,
never in a URL), companies and openings; only what the user may see, the listed citizens
audit-logged."""

from __future__ import annotations

import pytest
from django.urls import reverse

from smaajob.audit.models import AuditAction, AuditEntry
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _logged_in(client, user):
    client.force_login(user)
    return client


def _search(client, term: str):
    return client.post(reverse("web:search"), {"q": term})


def test_a_citizen_is_found_by_name_and_the_listed_citizen_is_audit_logged(client, consultant, citizen):
    before = AuditEntry.objects.filter(action=AuditAction.READ, citizen_id=citizen.pk).count()
    answer = _search(_logged_in(client, consultant), "omar hans")
    page = answer.content.decode()
    assert answer.status_code == 200
    assert reverse("web:citizen", args=[citizen.pk]) in page and "Omar Hansen" in page
    assert AuditEntry.objects.filter(action=AuditAction.READ, citizen_id=citizen.pk).count() == before + 1


def test_a_citizen_is_found_by_cpr_number_and_the_number_is_not_shown_again(client, consultant, citizen):
    answer = _search(_logged_in(client, consultant), "010190-1234")
    page = answer.content.decode()
    assert "Omar Hansen" in page and "Søgt på CPR-nummer" in page
    assert "010190-1234" not in page and "0101901234" not in page


def test_a_citizen_the_user_may_not_see_is_not_found_by_name_or_cpr(client, make_user, citizen):
    stranger = make_user("caseworker", username="anden", first_name="Anne", last_name="Anden")
    client = _logged_in(client, stranger)
    assert "Omar Hansen" not in _search(client, "Omar").content.decode()
    by_cpr = _search(client, "0101901234").content.decode()
    assert "Omar Hansen" not in by_cpr and "Ingen borger med det CPR-nummer" in by_cpr


def test_companies_and_openings_are_found_by_name_cvr_and_task(client, consultant, company):
    from smaajob.network.services import create_opening

    create_opening(actor=consultant, company=company, title="Morgenopfyldning", kind="paid", hours_min=2, hours_max=6)
    client = _logged_in(client, consultant)
    assert "Netto Vollsmose" in _search(client, "13585628").content.decode()
    found = _search(client, "morgenopf").content.decode()
    assert "Morgenopfyldning" in found and "1 jobåbning" in found


def test_a_malformed_cpr_number_and_a_too_short_term_are_refused_in_danish_without_echo(client, consultant):
    client = _logged_in(client, consultant)
    bad = _search(client, "320190-1234")
    assert bad.status_code == 400
    assert "gyldig fødselsdato" in bad.content.decode() and "320190-1234" not in bad.content.decode()
    short = _search(client, "a")
    assert short.status_code == 400 and "Skriv mindst 2 tegn" in short.content.decode()


def test_the_search_form_posts_so_no_term_reaches_a_url(client, consultant):
    page = _logged_in(client, consultant).get("/").content.decode()
    assert f'method="post" action="{reverse("web:search")}"' in page


def test_roles_outside_the_network_staff_have_no_search(client, make_user):
    employer = make_user("analyst", username="analytiker")
    client.post(reverse("web:login"), {"username": employer.username, "password": PASSWORD})
    assert client.get(reverse("web:search")).status_code == 404
