# SPDX-License-Identifier: MPL-2.0
"""Every request is one operation on the ``web`` channel, by the logged-in user, for the
audit log (``smaajob.audit.context``); the API's authentication narrows it to ``api``."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from smaajob.audit import context
from smaajob.audit.models import AuditChannel


class OperationMiddleware:
    """After ``AuthenticationMiddleware``: the actor is ``request.user``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = context.begin(AuditChannel.WEB, getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            context.end(token)
