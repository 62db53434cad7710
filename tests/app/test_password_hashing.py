# SPDX-License-Identifier: MPL-2.0
"""Passwords are hashed with Argon2 in production; the tests' fast MD5 hasher stays in the tests."""

from __future__ import annotations

from smaajob import settings as production
from tests.conftest import PASSWORD


def test_production_settings_hash_new_passwords_with_argon2():
    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert not any("MD5" in hasher for hasher in production.PASSWORD_HASHERS)


def test_a_caseworker_logs_in_with_a_password_hashed_by_argon2(production_hashers, make_user, client):
    user = make_user("caseworker", username="rikke")
    assert user.password.startswith("argon2$")
    response = client.post("/log-ind/", {"username": "rikke", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_a_wrong_password_is_refused_by_argon2(production_hashers, make_user, client):
    make_user("caseworker", username="rikke")
    response = client.post("/log-ind/", {"username": "rikke", "password": "forkert-adgangskode"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
