# SPDX-License-Identifier: MPL-2.0
"""Starting jobs: an export for a user (the request returns at once, the worker makes the
file) and the system's nightly jobs (the schedule). Each start writes the job and its place
in the queue in one transaction, so there is never a job without a queue entry or the reverse.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from smaajob.errors import InvalidInput
from smaajob.jobs.models import EXPORT_KINDS, Job, JobKind
from smaajob.jobs.runner import enqueue
from smaajob.organisation.models import User

# The filter of an export is the list page's query string; longer than this is not a filter.
QUERY_LENGTH = 2000


@transaction.atomic
def start_export(*, actor: User, kind: str, query: str) -> Job:
    """An export of a list as ``actor`` sees it (``query``: the list page's filters)."""
    if kind not in EXPORT_KINDS:
        raise InvalidInput(
            f"»{kind}« er ikke en eksport; vælg {' eller '.join(sorted(EXPORT_KINDS))}.", field="kind"
        )
    if len(query) > QUERY_LENGTH:
        raise InvalidInput(f"Filteret er for langt (højst {QUERY_LENGTH} tegn).", field="query")
    job = Job.objects.create(kind=kind, owner=actor, municipality=actor.municipality, params={"query": query})
    enqueue(job)
    return job


@transaction.atomic
def start_system_job(*, kind: JobKind, params: dict[str, Any] | None = None) -> Job:
    """One of the nightly jobs, for every municipality (no owner)."""
    job = Job.objects.create(kind=kind, params=params or {})
    enqueue(job)
    return job
