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

from smaajob.identity.providers import password_login_enabled


class PasswordBackend(ModelBackend):
    def authenticate(self, request: Any, username: str | None = None, password: str | None = None, **kwargs: Any):  # type: ignore[override]
        if not password_login_enabled():
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class ProviderBackend(ModelBackend):
    def authenticate(self, request: Any, username: str | None = None, password: str | None = None, **kwargs: Any):  # type: ignore[override]
        return None
