# SPDX-License-Identifier: MPL-2.0
"""The REST API: schema, authentication, access and error format."""

from tests.web.test_pages import log_in


def test_the_openapi_schema_is_published(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Småjob API"
    assert "/api/v1/borgere/" in schema["paths"]


def test_the_api_refuses_an_anonymous_caller_with_a_json_error(client, db):
    response = client.get("/api/v1/borgere/")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_a_caseworker_lists_own_citizens_without_whole_cpr_numbers(client, caseworker, citizen):
    body = log_in(client, caseworker).get("/api/v1/borgere/").json()["items"]
    assert [row["name"] for row in body] == ["Omar Hansen"]
    assert body[0]["masked_cpr"] == "010190-XXXX" and "0101901234" not in str(body)


def test_a_citizen_not_yours_is_a_404_with_a_stable_code(client, make_user, citizen):
    response = log_in(client, make_user("caseworker", username="fremmed")).get(f"/api/v1/borgere/{citizen.pk}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_malformed_id_is_a_clear_400_not_a_500(client, caseworker):
    response = log_in(client, caseworker).get("/api/v1/borgere/abc")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_input"
