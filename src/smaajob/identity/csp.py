# SPDX-License-Identifier: MPL-2.0
"""The Content-Security-Policy's ``form-action`` names the configured identity providers.

Every page's policy allows forms to post only to Småjob itself (``form-action 'self'``). Log-out
is a form (POST ``/log-ud/``) whose answer sends the browser on to the provider's end-session
address, and browsers apply ``form-action`` to that redirect too — so without the providers'
origins a log-out at the provider is blocked by Småjob's own policy. This middleware (after
django-csp's in ``MIDDLEWARE``, so it runs first on the way out) adds the origin of each
configured provider's issuer to ``form-action`` and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponseBase

from smaajob.identity.providers import configured_providers


def provider_origins() -> list[str]:
    origins = []
    for provider in configured_providers():
        parts = urlsplit(provider.issuer)
        if parts.scheme in ("https", "http") and parts.netloc:
            origin = f"{parts.scheme}://{parts.netloc}"
            if origin not in origins:
                origins.append(origin)
    return origins


class ProviderFormActionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        origins = provider_origins()
        if origins:
            update = dict(getattr(response, "_csp_update", None) or {})
            update["form-action"] = [*update.get("form-action", []), *origins]
            response._csp_update = update  # type: ignore[attr-defined]
        return response
