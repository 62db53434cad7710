# SPDX-License-Identifier: MPL-2.0
"""Answers to a logged-in user carry personal data and are never cached: every page and API
answer says ``Cache-Control: no-store``; static files keep their cache (issue 23, item 11)."""

from __future__ import annotations

from tests.web.test_pages import log_in


def _directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_a_citizen_page_is_not_stored_in_any_cache(client, caseworker, citizen):
    log_in(client, caseworker)
    response = client.get(f"/borgere/{citizen.pk}/")
    assert response.status_code == 200
    assert {"no-store", "private"} <= _directives(response)


def test_an_api_answer_with_citizen_data_is_not_stored_in_any_cache(client, caseworker, citizen):
    log_in(client, caseworker)
    response = client.get(f"/api/v1/borgere/{citizen.pk}")
    assert response.status_code == 200
    assert "no-store" in _directives(response)


def test_an_error_answer_to_a_logged_in_user_is_not_stored_either(client, caseworker):
    log_in(client, caseworker)
    assert "no-store" in _directives(client.get("/borgere/999999/"))


def test_the_citizen_s_own_payslip_page_is_not_stored(client, make_user, citizen):
    user = make_user("citizen", username="omar")
    citizen.user = user
    citizen.save(update_fields=["user"])
    log_in(client, user)
    assert "no-store" in _directives(client.get("/loensedler/mine/"))


def test_static_files_keep_their_cache_lifetime(client, caseworker):
    log_in(client, caseworker)
    response = client.get("/static/web/smaajob.css")
    response.close()
    assert response.status_code == 200
    assert "no-store" not in _directives(response)
