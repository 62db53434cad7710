# SPDX-License-Identifier: MPL-2.0
"""The Prometheus metrics (prometheus_client) and the scrape that reads them.

gunicorn runs several worker processes; a scrape reaches one of them. ``smaajob serve`` therefore
sets ``PROMETHEUS_MULTIPROC_DIR`` (one fresh folder per server) before any metric exists, every
process writes its counts there, and the scrape adds them up (prometheus_client's multiprocess
mode). Without it (the tests, ``runserver``) the process's own registry answers.

Labels are the route's URL name (``web:citizen``), never the path: paths carry record ids and a
search may carry a name, and one label value per citizen would also swamp Prometheus.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.utils.module_loading import import_string
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector

REQUESTS = Counter("smaajob_requests", "Besvarede forespørgsler", ["method", "route", "status"])
LATENCY = Histogram(
    "smaajob_request_duration_seconds",
    "Svartid pr. forespørgsel, i sekunder",
    ["route"],
    buckets=(0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
ERRORS = Counter("smaajob_request_errors", "Forespørgsler, der endte med en serverfejl (5xx)", ["route"])
UNROUTED = "(ingen rute)"


def observe(*, method: str, route: str, status: int, seconds: float) -> None:
    REQUESTS.labels(method=method, route=route, status=str(status)).inc()
    LATENCY.labels(route=route).observe(seconds)
    if status >= 500:
        ERRORS.labels(route=route).inc()


def _queue_depths(registry: CollectorRegistry) -> None:
    """The job queue's depth per state, read at scrape time, when the installation names a source."""
    source = getattr(settings, "SMAAJOB_JOB_QUEUE_DEPTH", "")
    if not source:
        return
    gauge = Gauge("smaajob_job_queue_depth", "Baggrundsjob pr. tilstand", ["state"], registry=registry)
    for state, count in import_string(source)().items():
        gauge.labels(state=state).set(count)


def scrape() -> bytes:
    """The metrics in Prometheus' text format: every server process's counts, and the queue."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]  # prometheus_client leaves it unannotated
    else:
        for collector in (REQUESTS, LATENCY, ERRORS):
            registry.register(collector)
    _queue_depths(registry)
    return generate_latest(registry)
