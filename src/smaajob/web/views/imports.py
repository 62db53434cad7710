# SPDX-License-Identifier: MPL-2.0
"""The import page (issue 17): upload a file, see the preview and the report, confirm; the
history of runs; templates and exports to download. Coordinators and administrators only
(``smaajob.access.imports``). A large file is checked and written in the background; its page
polls the run every second (``smaajob.imports.services``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from smaajob.access.imports import require_importer
from smaajob.access.requests import AuthenticatedRequest
from smaajob.downloads import file_response
from smaajob.errors import InvalidInput, SmaajobError
from smaajob.imports import services
from smaajob.imports.kinds import KINDS
from smaajob.imports.models import ImportRun, RunStatus
from smaajob.web.errors import form_error, renders_errors
from smaajob.web.forms.imports import ImportForm

# Above this size the check runs in the background and the page shows its progress.
BACKGROUND_BYTES = 256 * 1024
FORMATS = ("csv", "xlsx")


def _file_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise InvalidInput("Formatet skal være csv eller xlsx.", field="format")
    return fmt


def _download(data: bytes, name: str, fmt: str) -> HttpResponse:
    return file_response(data, f"{name}.{fmt}")


@login_required
@renders_errors
def import_page(request: AuthenticatedRequest) -> HttpResponse:
    require_importer(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        kind, system = form.cleaned_data["kind"], form.cleaned_data["source_system"]
        good_only = form.cleaned_data["good_rows_only"]
        try:
            if len(data) > BACKGROUND_BYTES:
                run = services.check_in_background(
                    actor=request.user,
                    kind=kind,
                    data=data,
                    file_name=upload.name,
                    source_system=system,
                    good_rows_only=good_only,
                )
                return redirect("web:import_run", run.pk)
            outcome = services.import_file(
                actor=request.user,
                kind=kind,
                data=data,
                file_name=upload.name,
                source_system=system,
                write=False,
                good_rows_only=good_only,
            )
        except SmaajobError as error:
            form_error(form, error)
        else:
            assert outcome.run is not None
            return redirect("web:import_run", outcome.run.pk)
    context = {
        "title": "Importér data",
        "form": form,
        "kinds": list(KINDS.values()),
        "runs": services.runs_for(request.user),
    }
    return render(request, "web/imports/page.html", context, status=400 if form.errors else 200)


def _run_context(request: AuthenticatedRequest, run: ImportRun) -> dict[str, object]:
    running = run.status in (RunStatus.QUEUED, RunStatus.CHECKING, RunStatus.WRITING)
    return {
        "run": run,
        "running": running,
        "progress": services.progress_of(run) if running else None,
        "problems": services.problem_lines(run.problems),
        "may_confirm": run.status == RunStatus.PREVIEWED and bool(run.content),
        "title": f"Import: {run.file_name}",
    }


@login_required
@renders_errors
def import_run(request: AuthenticatedRequest, import_run_id: int) -> HttpResponse:
    run = services.get_run(request.user, import_run_id)
    template = "web/imports/_run.html" if request.htmx else "web/imports/run.html"
    return render(request, template, _run_context(request, run))


@login_required
@require_POST
@renders_errors
def import_confirm(request: AuthenticatedRequest, import_run_id: int) -> HttpResponse:
    run = services.confirm(actor=request.user, run_id=import_run_id)
    if run.status == RunStatus.DONE:
        messages.success(request, f"Importen er gemt: {run.created} oprettet, {run.updated} ændret.")
    return redirect("web:import_run", run.pk)


@login_required
@renders_errors
def import_template(request: AuthenticatedRequest, kind: str, fmt: str) -> HttpResponse:
    require_importer(request.user)
    fmt = _file_format(fmt)
    the_kind = None if kind == "alle" else kind
    data = services.template_file(kind=the_kind, file_format=fmt)
    return _download(data, f"skabelon-{kind}", fmt)


@login_required
@renders_errors
def import_export(request: AuthenticatedRequest, kind: str, fmt: str) -> HttpResponse:
    fmt = _file_format(fmt)
    system = request.GET.get("kildesystem") or services.DEFAULT_SOURCE_SYSTEM
    data = services.export_file(actor=request.user, kind=kind, file_format=fmt, source_system=system)
    return _download(data, f"eksport-{kind}", fmt)
