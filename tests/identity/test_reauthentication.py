# SPDX-License-Identifier: MPL-2.0
"""The most sensitive actions (an exemption decision, a person's progression report as PDF)
need a recent log-in; without one the user confirms the password and comes back."""

from __future__ import annotations

import pytest

from smaajob.citizens.models import ExemptionDecision
from smaajob.identity import sessions
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _stale(client):
    session = client.session
    session[sessions.AUTH_AT] = sessions.now() - 601
    session.save()


@pytest.fixture
def signed_in(client, caseworker):
    client.force_login(caseworker)
    return client


def test_an_exemption_page_right_after_log_in_opens(signed_in, citizen):
    assert signed_in.get(f"/borgere/{citizen.pk}/fritagelse/").status_code == 200


def test_an_exemption_page_long_after_log_in_asks_for_the_password_and_comes_back(signed_in, citizen):
    _stale(signed_in)
    page = f"/borgere/{citizen.pk}/fritagelse/"
    answer = signed_in.get(page)
    assert (
        answer.status_code == 302
        and answer["Location"] == f"/log-ind/igen/?next=%2Fborgere%2F{citizen.pk}%2Ffritagelse%2F"
    )
    form = signed_in.get(answer["Location"])
    assert "Bekræft, at det er dig" in form.content.decode()
    back = signed_in.post("/log-ind/igen/", {"password": PASSWORD, "next": page})
    assert back.status_code == 302 and back["Location"] == page
    assert signed_in.get(page).status_code == 200


def test_a_wrong_password_on_re_authentication_says_so_and_confirms_nothing(signed_in, citizen):
    _stale(signed_in)
    answer = signed_in.post("/log-ind/igen/", {"password": "forkert", "next": "/"})
    assert answer.status_code == 400
    assert "Adgangskoden er forkert" in answer.content.decode()
    assert signed_in.get(f"/borgere/{citizen.pk}/fritagelse/").status_code == 302


def test_an_exemption_decision_sent_long_after_log_in_is_not_saved(signed_in, citizen):
    _stale(signed_in)
    answer = signed_in.post(
        f"/borgere/{citizen.pk}/fritagelse/",
        {
            "decided_on": "2026-11-02",
            "valid_from": "2026-11-02",
            "reason": "sygdom",
            "legal_basis": "LAS § 13 f",
            "review_on": "2027-02-01",
        },
    )
    assert answer.status_code == 302 and answer["Location"].startswith("/log-ind/igen/")
    assert not ExemptionDecision.objects.exists()


def test_the_api_refuses_an_exemption_from_a_stale_browser_session_with_a_stable_code(signed_in, citizen):
    _stale(signed_in)
    answer = signed_in.post(
        f"/api/v1/borgere/{citizen.pk}/fritagelser",
        {
            "decided_on": "2026-11-02",
            "valid_from": "2026-11-02",
            "reason": "sygdom",
            "legal_basis": "LAS § 13 f",
            "review_on": "2027-02-01",
        },
        content_type="application/json",
    )
    assert answer.status_code == 403
    assert answer.json()["code"] == "reauthentication_required"
    assert not ExemptionDecision.objects.exists()


def test_the_api_takes_the_same_exemption_from_a_fresh_browser_session(signed_in, citizen):
    answer = signed_in.post(
        f"/api/v1/borgere/{citizen.pk}/fritagelser",
        {"decided_on": "2026-11-02", "valid_from": "2026-11-02", "reason": "sygdom", "review_on": "2027-02-01"},
        content_type="application/json",
    )
    assert answer.status_code == 201, answer.content
    assert ExemptionDecision.objects.count() == 1


def test_a_progression_report_as_pdf_long_after_log_in_asks_for_the_password(signed_in, citizen):
    _stale(signed_in)
    answer = signed_in.get(f"/rapporter/borger/{citizen.pk}/progression.pdf")
    assert answer.status_code == 302 and answer["Location"].startswith("/log-ind/igen/?next=")


def test_re_authentication_never_sends_the_user_to_another_site(signed_in):
    _stale(signed_in)
    back = signed_in.post("/log-ind/igen/", {"password": PASSWORD, "next": "https://angriber.example/"})
    assert back.status_code == 302 and back["Location"] == "/"
