# SPDX-License-Identifier: MPL-2.0
"""The loop behind ``smaajob worker``: the schedule and the queue in one process.

Each round fires the schedule slots that are due (``smaajob.jobs.schedule``), then runs every
job that is ready, using django-tasks-db's own worker (``Worker`` in batch mode: it claims a
job with ``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, so several workers never run the
same job), then sleeps ``interval`` seconds. SIGTERM or Ctrl+C stops it between jobs (a
second one stops the job under way; the job is then left running and is not retried).
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import datetime

from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from smaajob.jobs.models import Job
from smaajob.jobs.schedule import Slot, fire_due


def _queue_worker(name: str) -> Worker:
    return Worker(
        queue_names=[DEFAULT_TASK_QUEUE_NAME],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False,
        max_tasks=None,
        worker_id=name,
    )


def work(*, slots: tuple[Slot, ...], interval: float, until_idle: bool, signals: bool = True) -> dict[str, int]:
    """Run until stopped (or, with ``until_idle``, until no job is ready); the jobs finished
    meanwhile, counted by status."""
    started: datetime = timezone.now()
    worker = _queue_worker(f"smaajob-{get_random_string(12)}")
    if signals:
        worker.configure_signals()
    while True:
        fire_due(slots)
        worker.run()
        if until_idle or not worker.running:
            break
        time.sleep(interval)
    finished = Job.objects.filter(finished_at__gte=started).values_list("status", flat=True)
    return dict(Counter(finished))
