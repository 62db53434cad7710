# SPDX-License-Identifier: MPL-2.0
"""The background-job queue's depth for the metrics endpoint (``SMAAJOB_JOB_QUEUE_DEPTH``).

``smaajob.ops.metrics`` reads it at scrape time as ``smaajob_job_queue_depth{state=…}``: how many
jobs wait, run, are done and have failed, over every municipality (counts only, no names).
"""

from __future__ import annotations

from django.db.models import Count

from smaajob.jobs.models import Job, JobStatus


def queue_depth() -> dict[str, int]:
    counts = {status.value: 0 for status in JobStatus}
    for row in Job.objects.values("status").annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    return counts
