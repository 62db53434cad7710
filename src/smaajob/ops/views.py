# SPDX-License-Identifier: MPL-2.0
"""Health, readiness and metrics: the three addresses an operator's tools call.

* ``/sundhed/`` — alive: the process answers (a load balancer's liveness probe). Reveals nothing.
* ``/sundhed/klar/`` — ready: 200 when every readiness check passes (``smaajob.ops.checks``),
  503 with the failing parts named otherwise, so the balancer sends traffic elsewhere.
* ``/drift/metrics`` — Prometheus' text format, only with ``Authorization: Bearer <token>``
  matching ``SMAAJOB_METRICS_TOKEN``; without a configured token the address does not exist.
"""

from __future__ import annotations

import hmac

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from prometheus_client import CONTENT_TYPE_LATEST

from smaajob.ops import checks, metrics


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and the README's start check; reveals nothing."""
    return JsonResponse({"status": "ok"})


@never_cache
def ready(request: HttpRequest) -> JsonResponse:
    results = checks.run()
    all_ok = all(answer == "ok" for answer in results.values())
    return JsonResponse({"status": "klar" if all_ok else "ikke klar", "checks": results}, status=200 if all_ok else 503)


@never_cache
def metrics_view(request: HttpRequest) -> HttpResponse:
    expected = settings.SMAAJOB_METRICS_TOKEN
    if not expected:
        raise Http404("Målinger er slået fra: sæt SMAAJOB_METRICS_TOKEN.")
    offered = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(offered.encode(), expected.encode()):
        message = "Målingerne kræver headeren Authorization: Bearer <SMAAJOB_METRICS_TOKEN>."
        response = JsonResponse({"code": "unauthorized", "message": message}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="smaajob-metrics"'
        return response
    return HttpResponse(metrics.scrape(), content_type=CONTENT_TYPE_LATEST)
