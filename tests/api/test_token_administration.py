# SPDX-License-Identifier: MPL-2.0
"""Creating, listing and revoking API tokens: on the command line and in the admin."""

from __future__ import annotations

import re

from django.urls import reverse

from smaajob.apitokens.models import ApiToken
from smaajob.cli.main import main
from tests.api.conftest import bearer
from tests.text_search import found

SECRET = re.compile(r"^smj_[A-Za-z0-9_-]{40,}$", re.MULTILINE)


def test_token_create_prints_the_secret_once_and_it_works(client, municipality, citizen, capsys):
    assert (
        main(
            [
                "token",
                "create",
                "dvh-odense",
                "--role",
                "administrator",
                "--municipality",
                "461",
                "--scope",
                "borgere:read",
                "--days",
                "30",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    secret = found(SECRET, out).group(0)
    assert client.get("/api/v1/borgere/", **bearer(secret)).status_code == 200
    assert main(["token", "list"]) == 0
    listing = capsys.readouterr().out
    assert "dvh-odense\taktiv" in listing and secret not in listing


def test_token_revoke_stops_the_token(client, municipality, capsys):
    main(
        ["token", "create", "dvh-odense", "--role", "administrator", "--municipality", "461", "--scope", "borgere:read"]
    )
    secret = found(SECRET, capsys.readouterr().out).group(0)
    assert main(["token", "revoke", "dvh-odense"]) == 0
    assert client.get("/api/v1/borgere/", **bearer(secret)).status_code == 401
    main(["token", "list"])
    assert "dvh-odense\ttilbagekaldt" in capsys.readouterr().out


def test_token_create_with_a_bad_scope_fails_with_a_message_and_exit_code_2(municipality, capsys):
    code = main(["token", "create", "dvh-odense", "--role", "administrator", "--municipality", "461", "--scope", "alt"])
    assert code == 2
    assert "område:read" in capsys.readouterr().err
    assert not ApiToken.objects.exists()


def test_revoking_an_unknown_token_fails_clearly(db, capsys):
    assert main(["token", "revoke", "findes-ikke"]) == 2
    assert "findes-ikke" in capsys.readouterr().err


def test_an_administrator_creates_a_token_in_the_admin_and_sees_the_secret_once(client, make_user, citizen):
    administrator = make_user("administrator", username="adam")
    client.force_login(administrator)
    answer = client.post(
        reverse("admin:apitokens_apitoken_add"),
        {
            "name": "esdh-sbsys",
            "description": "ESDH",
            "role": "administrator",
            "scopes": ["borgere:read"],
            "days": "60",
        },
    )
    assert answer.status_code == 200, answer.content.decode()[:2000]
    page = answer.content.decode()
    secret = found(r'value="(smj_[^"]+)"', page).group(1)
    token = ApiToken.objects.get(name="esdh-sbsys")
    assert token.municipality == administrator.municipality and token.created_by == administrator
    assert client.get(reverse("admin:apitokens_apitoken_change", args=[token.pk])).content.decode().count(secret) == 0
    client.logout()
    assert client.get("/api/v1/borgere/", **bearer(secret)).status_code == 200


def test_the_admin_refuses_a_name_in_use_next_to_the_field(client, make_user):
    administrator = make_user("administrator", username="adam")
    client.force_login(administrator)
    answer = client.post(
        reverse("admin:apitokens_apitoken_add"),
        {"name": "adam", "role": "administrator", "scopes": ["borgere:read"], "days": "60"},
    )
    assert answer.status_code == 200
    assert "allerede i brug" in answer.content.decode()
    assert not ApiToken.objects.exists()


def test_an_administrator_revokes_a_token_in_the_admin(client, make_user, make_token):
    administrator = make_user("administrator", username="adam")
    created = make_token("esdh-sbsys")
    client.force_login(administrator)
    client.post(
        reverse("admin:apitokens_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [created.token.pk]},
    )
    created.token.refresh_from_db()
    assert created.token.revoked_by == administrator


def test_another_municipalitys_token_is_not_in_the_admin(client, make_user, make_token, other_municipality):
    administrator = make_user("administrator", username="adam")
    theirs = make_token("roskilde-esdh", municipality_=other_municipality)
    client.force_login(administrator)
    assert "roskilde-esdh" not in client.get(reverse("admin:apitokens_apitoken_changelist")).content.decode()
    assert client.get(reverse("admin:apitokens_apitoken_change", args=[theirs.token.pk])).status_code == 404
