# SPDX-License-Identifier: MPL-2.0
"""API: imports for a nightly sync under ``/api/v1/import/`` (issue 17), with the same rules as
the import page: coordinators and administrators of the municipality, all or nothing unless
``good_rows_only``, ``dry_run`` to see what would happen.

A file with bad rows answers 400 ``import_rejected`` with every problem (sheet, row, column,
message) and writes nothing; with ``good_rows_only`` it answers 200 with the good rows written
and the bad ones listed."""

# No ``from __future__ import annotations`` (django-ninja reads the annotations).

from datetime import datetime
from typing import Literal

from django.http import HttpResponse
from ninja import File, Query, Router, Schema, UploadedFile

from smaajob.access.requests import AuthenticatedRequest
from smaajob.downloads import file_response
from smaajob.errors import ImportRejected, InvalidInput
from smaajob.imports import services

PREFIX = "/import"
TAG = "import"
router = Router()


class ProblemOut(Schema):
    sheet: str
    row: int
    column: str
    message: str


class ImportOut(Schema):
    run_id: int
    kind: str
    written: bool
    total_rows: int
    created: int
    updated: int
    unchanged: int
    rejected_rows: int
    problems: list[ProblemOut]


class RunOut(Schema):
    id: int
    kind: str
    source_system: str
    file_name: str
    status: str
    user: str
    started_at: datetime
    total_rows: int
    created: int
    updated: int
    unchanged: int
    rejected: int


class ImportOptions(Schema):
    source_system: str = "standard"
    dry_run: bool = False
    good_rows_only: bool = False


@router.get("/koersler", response=list[RunOut], summary="Tidligere importkørsler i kommunen")
def runs(request: AuthenticatedRequest) -> list[RunOut]:
    return [
        RunOut(
            id=r.pk,
            kind=r.kind,
            source_system=r.source_system,
            file_name=r.file_name,
            status=r.status,
            user=r.user.username if r.user else "",
            started_at=r.started_at,
            total_rows=r.total_rows,
            created=r.created,
            updated=r.updated,
            unchanged=r.unchanged,
            rejected=r.rejected,
        )
        for r in services.runs_for(request.user)
    ]


@router.post("/{kind}", response={200: ImportOut}, summary="Importér en CSV- eller Excel-fil")
def import_kind(
    request: AuthenticatedRequest,
    kind: str,
    file: File[UploadedFile],
    options: Query[ImportOptions],
) -> ImportOut:
    outcome = services.import_file(
        actor=request.user,
        kind=kind,
        data=file.read(),
        file_name=file.name or "fil.csv",
        source_system=options.source_system,
        write=not options.dry_run,
        good_rows_only=options.good_rows_only,
    )
    if outcome.problems and not (options.good_rows_only and outcome.written):
        raise ImportRejected(outcome.problems, total_rows=outcome.total_rows)
    assert outcome.run is not None
    return ImportOut(
        run_id=outcome.run.pk,
        kind=outcome.kind,
        written=outcome.written,
        total_rows=outcome.total_rows,
        created=outcome.created,
        updated=outcome.updated,
        unchanged=outcome.unchanged,
        rejected_rows=outcome.rejected_rows,
        problems=[ProblemOut(sheet=p.sheet, row=p.row, column=p.column, message=p.message) for p in outcome.problems],
    )


@router.get("/{kind}/eksport", summary="Eksportér i importskabelonens kolonner (CSV eller Excel)")
def export_kind(
    request: AuthenticatedRequest, kind: str, format: Literal["csv", "xlsx"] = "csv", source_system: str = "standard"
) -> HttpResponse:
    if format not in ("csv", "xlsx"):
        raise InvalidInput("Formatet skal være csv eller xlsx.", field="format")
    data = services.export_file(actor=request.user, kind=kind, file_format=format, source_system=source_system)
    return file_response(data, f"eksport-{kind}.{format}")
