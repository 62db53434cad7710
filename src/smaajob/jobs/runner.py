# SPDX-License-Identifier: MPL-2.0
"""The one task every job runs through: ``run_job(job_id)``.

It marks the job running, calls its kind (``smaajob.jobs.kinds``) with a progress callback
that writes straight to the job's row (the worker runs outside a transaction, so the export
page sees each step), and records the outcome. A failure is retried: the job goes back to the
queue after ``SMAAJOB_JOB_RETRY_SECONDS`` × the attempt number, up to ``max_attempts``
attempts; then it stays failed, with its last error, on the administrator's jobs page. The
exception is raised again so the queue's own row (``DBTaskResult``) records it as well.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from smaajob.jobs.kinds import KINDS
from smaajob.jobs.models import Job, JobStatus

# An error message is kept to this length: enough to see what went wrong, never a dump.
ERROR_LENGTH = 1000


@task()
def run_job(job_id: int) -> str:
    job = Job.objects.select_related("owner").get(pk=job_id)
    job.status, job.attempts, job.started_at = JobStatus.RUNNING, job.attempts + 1, timezone.now()
    job.save(update_fields=["status", "attempts", "started_at"])

    def progress(done: int, total: int) -> None:
        job.progress_done, job.progress_total = done, total
        Job.objects.filter(pk=job.pk).update(progress_done=done, progress_total=total)

    try:
        job.summary = KINDS[job.kind](job, progress)
    except Exception as exc:
        job.last_error = f"{type(exc).__name__}: {exc}"[:ERROR_LENGTH]
        job.finished_at = timezone.now()
        if job.attempts < job.max_attempts:
            job.status = JobStatus.RETRYING
            job.save(update_fields=["status", "last_error", "finished_at"])
            enqueue(job, delay=timedelta(seconds=settings.SMAAJOB_JOB_RETRY_SECONDS * job.attempts))
        else:
            job.status = JobStatus.FAILED
            job.save(update_fields=["status", "last_error", "finished_at"])
        raise
    job.status, job.finished_at = JobStatus.DONE, timezone.now()
    job.save(update_fields=["status", "summary", "file_name", "download_name", "finished_at"])
    return job.summary


def enqueue(job: Job, *, delay: timedelta = timedelta(0)) -> None:
    """Put ``job`` on the queue, to run now or after ``delay``."""
    if delay:
        run_job.using(run_after=timezone.now() + delay).enqueue(job.pk)
    else:
        run_job.enqueue(job.pk)
