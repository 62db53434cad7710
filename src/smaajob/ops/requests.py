# SPDX-License-Identifier: MPL-2.0
"""Every request gets an id, a line in the request log and its place in the metrics.

The id comes from the load balancer's ``X-Request-ID`` header when it sends a plausible one
(letters, digits, ``-``, ``_`` and ``.``, at most 64), so one request can be followed from the
proxy through every app server's log; otherwise a new one is made. It is sent back in the
answer's ``X-Request-ID`` header, put on every log record written meanwhile
(``smaajob.ops.log_format``) and is what a user quotes to the service desk.

The request log line (logger ``smaajob.requests``, level INFO) names the route by its URL name,
never the path or query string, which may hold ids or a searched name.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from smaajob.ops import metrics
from smaajob.ops.log_format import current_request_id

HEADER = "X-Request-ID"
_PLAUSIBLE = re.compile(r"[A-Za-z0-9._-]{8,64}")
log = logging.getLogger("smaajob.requests")


def request_id_of(request: HttpRequest) -> str:
    offered = request.headers.get(HEADER, "")
    return offered if _PLAUSIBLE.fullmatch(offered) else uuid.uuid4().hex


def route_of(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None and match.view_name else metrics.UNROUTED


class RequestObservationMiddleware:
    """First in ``MIDDLEWARE``: it times and counts everything the others do, refusals included."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_of(request)
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response[HEADER] = request_id
            return response
        finally:
            seconds = time.perf_counter() - started
            route = route_of(request)
            method = request.method or "GET"
            metrics.observe(method=method, route=route, status=status, seconds=seconds)
            log.info(
                "%s %s %s %.1f ms", method, route, status, seconds * 1000,
                extra={"method": method, "route": route, "status": status, "duration_ms": round(seconds * 1000, 1)},
            )
            current_request_id.reset(token)
