# SPDX-License-Identifier: MPL-2.0
"""API tokens: a named system calls the API with a bearer token, within its role, municipality
and scopes, until the token expires or is revoked; every call is audit-logged under its name."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from smaajob.apitokens.models import ApiToken
from smaajob.audit.models import AuditEntry
from smaajob.errors import InvalidInput
from tests.api.conftest import bearer

CITIZENS = "/api/v1/borgere/"


def test_a_token_reads_the_citizens_of_its_municipality_and_the_call_is_logged_by_name(client, make_token, citizen):
    created = make_token("loensystem")
    answer = client.get(CITIZENS, **bearer(created.secret))
    assert answer.status_code == 200, answer.content
    assert [row["id"] for row in answer.json()["items"]] == [citizen.pk]
    call = AuditEntry.objects.get(object_type="api_call")
    assert (call.actor_username, call.channel, call.action) == ("loensystem", "api", "read")
    assert call.detail == f"GET {CITIZENS} 200"
    read = AuditEntry.objects.get(object_type="citizen", citizen_id=citizen.pk, action="read")
    assert (read.actor_username, read.channel) == ("loensystem", "api")
    created.token.refresh_from_db()
    assert created.token.last_used_at is not None


def test_only_the_hash_of_the_secret_is_stored(make_token):
    created = make_token()
    row = ApiToken.objects.values().get(pk=created.token.pk)
    assert created.secret not in {str(v) for v in row.values()}
    assert row["secret_hash"] != created.secret and len(row["secret_hash"]) == 64
    assert not created.token.account.has_usable_password()


def test_an_expired_token_is_refused_with_401_and_logged_as_denied(client, make_token, citizen):
    created = make_token()
    ApiToken.objects.filter(pk=created.token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    answer = client.get(CITIZENS, **bearer(created.secret))
    assert answer.status_code == 401
    assert answer.json()["code"] == "invalid_token"
    assert answer["WWW-Authenticate"].startswith("Bearer")
    assert not AuditEntry.objects.filter(object_type="citizen", action="read").exists()
    assert AuditEntry.objects.filter(object_type="api_call", action="denied", channel="api").exists()


def test_a_revoked_token_is_refused_at_once(client, make_token, citizen):
    from smaajob.apitokens.services import revoke_token

    created = make_token()
    assert client.get(CITIZENS, **bearer(created.secret)).status_code == 200
    revoke_token(token=created.token, revoked_by=None)
    answer = client.get(CITIZENS, **bearer(created.secret))
    assert answer.status_code == 401
    created.token.account.refresh_from_db()
    assert created.token.account.is_active is False


def test_a_wrong_or_made_up_secret_is_refused(client, make_token):
    created = make_token()
    assert client.get(CITIZENS, **bearer(created.secret + "x")).status_code == 401
    assert client.get(CITIZENS, **bearer("smj_gaet")).status_code == 401
    assert client.get(CITIZENS, **bearer("")).status_code == 401


def test_a_call_outside_the_scope_answers_403_insufficient_scope(client, make_token, citizen):
    created = make_token(scopes=["loensedler:read"])
    answer = client.get(CITIZENS, **bearer(created.secret))
    assert answer.status_code == 403
    assert answer.json()["code"] == "insufficient_scope"
    assert "borgere:read" in answer.json()["message"]
    assert not AuditEntry.objects.filter(object_type="citizen", action="read").exists()
    assert AuditEntry.objects.get(object_type="api_call").detail == f"GET {CITIZENS} 403"


def test_read_scope_does_not_allow_writing(client, make_token, citizen):
    created = make_token(role="caseworker", scopes=["borgere:read"])
    answer = client.post(
        "/api/v1/borgere/visitation", data={}, content_type="application/json", **bearer(created.secret)
    )
    assert answer.status_code == 403


def test_a_token_of_another_municipality_gets_the_same_404_as_a_missing_citizen(
    client, make_token, citizen, other_municipality
):
    created = make_token("roskilde-esdh", municipality_=other_municipality)
    theirs = client.get(f"{CITIZENS}{citizen.pk}", **bearer(created.secret))
    missing = client.get(f"{CITIZENS}{citizen.pk + 1000}", **bearer(created.secret))
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json() == missing.json()
    assert client.get(CITIZENS, **bearer(created.secret)).json()["items"] == []


def test_the_role_gate_applies_to_a_token_as_to_a_person(client, make_token, citizen):
    # An analyst sees aggregates only: the citizen list is not an analyst's operation.
    created = make_token(role="analyst", scopes=["borgere:read", "rapporter:read"])
    assert client.get(CITIZENS, **bearer(created.secret)).status_code == 404
    assert client.get("/api/v1/rapporter/noegletal", **bearer(created.secret)).status_code != 404


def test_open_operations_need_no_scope(client, make_token):
    created = make_token(scopes=["loensedler:read"])
    assert client.get("/api/v1/sundhed", **bearer(created.secret)).status_code == 200


def test_the_schema_documents_the_bearer_scheme(client):
    schema = client.get("/api/v1/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert {"type": "http", "scheme": "bearer"}.items() <= schemes["TokenAuth"].items()
    operation = schema["paths"]["/api/v1/borgere/"]["get"]
    assert {"TokenAuth": []} in operation["security"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "Ikke Et Navn!"}, "name"),
        ({"role": "employer"}, "role"),
        ({"scopes": ["borgere:slet"]}, "scopes"),
        ({"scopes": ["ukendt:read"]}, "scopes"),
        ({"scopes": []}, "scopes"),
        ({"days": 400}, "expires_at"),
    ],
)
def test_a_bad_token_is_refused_with_the_field_and_nothing_is_saved(make_token, change, field):
    arguments = {"name": "esdh-test", "role": "administrator", "scopes": ["borgere:read"], "days": 30} | change
    name = arguments.pop("name")
    with pytest.raises(InvalidInput) as refused:
        make_token(name, **arguments)
    assert refused.value.field == field
    assert not ApiToken.objects.exists()


def test_a_name_already_used_by_a_log_in_is_refused(make_token, caseworker):
    with pytest.raises(InvalidInput) as refused:
        make_token(caseworker.username)
    assert refused.value.field == "name"


def test_a_session_still_works_beside_tokens(client, caseworker, citizen):
    client.force_login(caseworker)
    assert client.get(CITIZENS).status_code == 200
    assert not AuditEntry.objects.filter(object_type="api_call").exists()


def test_a_write_scope_lets_a_caseworker_token_write_without_a_csrf_token(client, make_token, project):
    from smaajob.citizens.models import Citizen

    created = make_token(role="caseworker", scopes=["borgere:write"])
    answer = client.post(
        "/api/v1/borgere/visitation",
        data={
            "cpr": "121212-1212",
            "first_name": "Tove",
            "last_name": "Token",
            "project_id": project.pk,
            "started_on": "2026-11-02",
        },
        content_type="application/json",
        **bearer(created.secret),
    )
    assert answer.status_code in (200, 201), answer.content
    call = AuditEntry.objects.get(object_type="api_call")
    assert (call.actor_username, call.channel, call.action) == ("esdh-test", "api", "create")
    citizen = Citizen.objects.get(first_name="Tove")
    created_entry = AuditEntry.objects.get(object_type="citizen", citizen_id=citizen.pk, action="create")
    assert (created_entry.actor_username, created_entry.channel) == ("esdh-test", "api")
