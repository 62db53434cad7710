# SPDX-License-Identifier: MPL-2.0
"""Exports made in the background (issue 16): start one (the answer comes at once), follow
its progress (the page asks again every two seconds while it runs), fetch the file when it is
ready; and the administrator's view of the municipality's jobs (``smaajob.jobs``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from smaajob.access.jobs import get_job, get_job_file, jobs_administered_by, jobs_for
from smaajob.access.requests import AuthenticatedRequest
from smaajob.downloads import CONTENT_TYPES
from smaajob.jobs.models import JobStatus
from smaajob.jobs.services import start_export
from smaajob.web.errors import renders_errors

# The administrator's page shows the latest jobs; older ones stay in the admin.
ADMIN_PAGE_ROWS = 200


@login_required
@require_POST
@renders_errors
def export_start(request: AuthenticatedRequest) -> HttpResponse:
    job = start_export(actor=request.user, kind=request.POST.get("kind", ""), query=request.POST.get("query", ""))
    return redirect("web:export", job.pk)


@login_required
@renders_errors
def export_list(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "web/exports/list.html", {"jobs": jobs_for(request.user)[:50]})


@login_required
@renders_errors
def export_detail(request: AuthenticatedRequest, job_id: int) -> HttpResponse:
    job = get_job(request.user, job_id)
    template = "web/exports/_job.html" if request.htmx else "web/exports/detail.html"
    return render(request, template, {"job": job})


@login_required
@renders_errors
def export_file(request: AuthenticatedRequest, job_id: int) -> FileResponse:
    job = get_job_file(request.user, job_id)
    extension = job.download_name.rsplit(".", 1)[-1].lower()
    return FileResponse(
        default_storage.open(job.file_name, "rb"),
        as_attachment=True,
        filename=job.download_name,
        content_type=CONTENT_TYPES[extension],
    )


@login_required
@renders_errors
def jobs_admin(request: AuthenticatedRequest) -> HttpResponse:
    jobs = jobs_administered_by(request.user).select_related("owner")
    context = {
        "jobs": jobs[:ADMIN_PAGE_ROWS],
        "failed": jobs.filter(status=JobStatus.FAILED).count(),
        "retrying": jobs.filter(status=JobStatus.RETRYING).count(),
    }
    return render(request, "web/exports/admin.html", context)
