# SPDX-License-Identifier: MPL-2.0
"""The ``Permissions-Policy`` header (``settings.PERMISSIONS_POLICY``) on every answer.

Django sets X-Content-Type-Options, Referrer-Policy, X-Frame-Options and
Cross-Origin-Opener-Policy, and django-csp the Content-Security-Policy; Django has no setting
for this one.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = str(getattr(settings, "PERMISSIONS_POLICY", ""))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response
