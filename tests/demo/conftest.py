# SPDX-License-Identifier: MPL-2.0
"""Demo tests share one loaded small demo per module; the password hash is made cheap here
because Argon2 is deliberately slow and the demo creates eight log-ins per load."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction
from django.test import override_settings

TODAY = date(2026, 3, 2)
FAST_HASHER = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def small_demo(django_db_setup, django_db_blocker):
    """The small demo, loaded once for the module and rolled back afterwards."""
    from smaajob.demo.loader import load_demo

    with django_db_blocker.unblock(), FAST_HASHER, transaction.atomic():
        result = load_demo("small", today=TODAY)
        yield result
        transaction.set_rollback(True)
