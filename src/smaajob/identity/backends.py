# SPDX-License-Identifier: MPL-2.0
"""Authentication backends: the password (which a setting turns off) and the providers.

``PasswordBackend`` is Django's ``ModelBackend`` that checks no password while
``SMAAJOB_PASSWORD_LOGIN`` is off, wherever the password is sent (the log-in page, the admin,
re-authentication). ``ProviderBackend`` authenticates nobody by itself: a provider log-in is
verified in ``smaajob.identity.oidc`` and logged in with this backend named, so the session
remembers how the user came in; both load the user and the permissions as ``ModelBackend`` does.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from smaajob.identity.providers import password_login_enabled
from smaajob.organisation.models import User


class PasswordBackend(ModelBackend):
    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> User | None:
        if not password_login_enabled():
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class ProviderBackend(ModelBackend):
    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> User | None:
        return None
