# SPDX-License-Identifier: MPL-2.0
"""``SMAAJOB_PASSWORD_LOGIN``: on for the demo and emergencies, off in production."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

STAFF_IDP = {
    "name": "medarbejder",
    "label": "Log ind med kommunens login",
    "kind": "staff",
    "issuer": "https://idp.example",
    "client_id": "smaajob",
}


def test_with_password_log_in_on_the_password_works(client, caseworker):
    answer = client.post("/log-ind/", {"username": caseworker.username, "password": PASSWORD})
    assert answer.status_code == 302


def test_with_password_log_in_off_the_right_password_is_refused_and_the_form_is_gone(client, caseworker, settings):
    settings.SMAAJOB_PASSWORD_LOGIN = False
    settings.SMAAJOB_OIDC_PROVIDERS = [STAFF_IDP]
    page = client.get("/log-ind/").content.decode()
    assert "Log ind med kommunens login" in page and 'name="password"' not in page
    answer = client.post("/log-ind/", {"username": caseworker.username, "password": PASSWORD})
    assert answer.status_code == 403
    assert "slået fra" in answer.content.decode()
    assert client.get("/").status_code == 302  # not logged in


def test_with_password_log_in_off_the_admin_takes_no_password_either(client, caseworker, settings):
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    settings.SMAAJOB_PASSWORD_LOGIN = False
    request = RequestFactory().post("/admin/login/")
    assert authenticate(request, username=caseworker.username, password=PASSWORD) is None


def test_each_provider_gets_a_button_that_starts_its_log_in(client, settings):
    settings.SMAAJOB_OIDC_PROVIDERS = [STAFF_IDP]
    page = client.get("/log-ind/?next=/arbejdsliste/").content.decode()
    assert 'href="/log-ind/oidc/medarbejder/?next=/arbejdsliste/"' in page


def test_a_provider_that_is_not_configured_sends_the_user_to_the_log_in_page(client):
    answer = client.get("/log-ind/oidc/findes-ikke/")
    assert answer.status_code == 302 and answer["Location"] == "/log-ind/?grund=ukendt-udbyder"


def test_an_unreachable_provider_is_a_danish_page_not_a_server_error(client, settings):
    settings.SMAAJOB_OIDC_PROVIDERS = [{**STAFF_IDP, "issuer": "http://127.0.0.1:9"}]
    answer = client.get("/log-ind/oidc/medarbejder/")
    assert answer.status_code == 503
    assert "svarer ikke lige nu" in answer.content.decode()
