# SPDX-License-Identifier: MPL-2.0
"""Access to background jobs: an export and its file belong to the user who started it, and
to nobody else (not even an administrator: the file is that user's view of the data, made
with that user's access). An administrator sees the jobs of the own municipality and the
system's nightly jobs — status, attempts and errors, never the files.

Fetching a job's file is audit-logged (``get_job_file``); following its progress is not.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from smaajob.access.audited import get_audited, get_visible
from smaajob.errors import NotFound
from smaajob.jobs.models import Job, JobStatus
from smaajob.organisation.models import Role, User

NOT_FOUND = "Jobbet findes ikke, eller du har ikke adgang til det."
NO_FILE = "Filen er ikke klar endnu."


def jobs_for(user: User) -> QuerySet[Job]:
    """The jobs ``user`` started."""
    if not user.is_authenticated:
        return Job.objects.none()
    return Job.objects.filter(owner=user)


def get_job(user: User, job_id: int | str) -> Job:
    return get_visible(jobs_for(user), job_id, not_found=NOT_FOUND)


def get_job_file(user: User, job_id: int | str) -> Job:
    """The user's own finished job with a file, audit-logged as a read of the export."""
    job = get_audited(
        user, jobs_for(user), job_id, object_type="export", citizen_of=lambda job: None, not_found=NOT_FOUND
    )
    if job.status != JobStatus.DONE or not job.file_name:
        raise NotFound(NO_FILE)
    return job


def jobs_administered_by(user: User) -> QuerySet[Job]:
    """An administrator's view of the queue: the own municipality's jobs and the nightly ones."""
    if not user.is_authenticated or user.role != Role.ADMINISTRATOR:
        return Job.objects.none()
    return Job.objects.filter(Q(municipality__isnull=True) | Q(municipality=user.municipality_id))
