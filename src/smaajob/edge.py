# SPDX-License-Identifier: MPL-2.0
"""Middleware for what every request meets at the edge, before any view: a body size limit,
and no caching of answers that carry personal data (issue 23, items 6 and 11).

* ``RequestSizeLimitMiddleware`` refuses a request whose declared ``Content-Length`` exceeds
  ``SMAAJOB_MAX_REQUEST_BYTES`` with 413 before a byte of the body is read — so a 200 MB
  upload is never parsed, never written to a temporary file, logged in or not. It must be
  the first middleware: CSRF and sessions would otherwise read the body first. (Without a
  ``Content-Length`` Django reads no body at all.)
* ``NoStoreMiddleware`` marks every answer to a logged-in user ``Cache-Control: no-store``:
  pages and API answers show citizens' data, which must not stay in a shared computer's
  browser cache or in a proxy. Static files (served by WhiteNoise before this runs) keep
  their long cache lifetime.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control

Handler = Callable[[HttpRequest], HttpResponse]


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


class RequestSizeLimitMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = int(settings.SMAAJOB_MAX_REQUEST_BYTES)
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0  # Django then reads no body either
        if declared > limit:
            return self._too_large(request, limit)
        return self.get_response(request)

    @staticmethod
    def _too_large(request: HttpRequest, limit: int) -> HttpResponse:
        message = (
            f"Forespørgslen er for stor ({_megabytes(int(request.META['CONTENT_LENGTH']))}); højst "
            f"{_megabytes(limit)}. En lønseddel må højst fylde {_megabytes(settings.SMAAJOB_MAX_UPLOAD_BYTES)}: "
            "tag et billede i lavere opløsning eller send en PDF."
        )
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse(
                {"code": "request_too_large", "message": message, "field": None}, status=413
            )
        else:
            response = HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        # The unread body is still on the socket: close the connection rather than reuse it.
        response["Connection"] = "close"
        return response


class NoStoreMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
