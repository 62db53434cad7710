# SPDX-License-Identifier: MPL-2.0
"""What the import page, the ``smaajob import`` command and the API call: import a file (or
preview it), confirm a previewed run, run one in the background, and write the export and the
empty templates in the same columns.

The background job is the smallest honest mechanism until issue 16's task framework is in: a
thread in the web process writes the run's progress to its ``ImportRun`` row, which the page
polls every second. Issue 16 will move it to ``django.tasks`` (the run row stays the record).
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.db import connection

from smaajob.access.imports import RUN_NOT_FOUND, require_importer
from smaajob.access.imports import importer_municipality as _municipality
from smaajob.audit import context as audit_context
from smaajob.audit.models import AuditAction
from smaajob.audit.services import record_many
from smaajob.errors import ImportRejected, InvalidInput, NotFound, RowProblem
from smaajob.imports.engine import Outcome, Progress, finish, kind_named, run_import
from smaajob.imports.kinds import KINDS, Context, Kind
from smaajob.imports.models import ImportRun, RunStatus
from smaajob.imports.reading import read_table
from smaajob.organisation.models import User
from smaajob.spreadsheet import ExcelBook, csv_row

DEFAULT_SOURCE_SYSTEM = "standard"
# Above this many rows the import page runs the check and the write in the background.
BACKGROUND_ROWS = getattr(settings, "SMAAJOB_IMPORT_BACKGROUND_ROWS", 2000)


def _source_system(value: str) -> str:
    value = (value or DEFAULT_SOURCE_SYSTEM).strip().lower()
    if not value or len(value) > 40 or not all(c.isalnum() or c in "-_." for c in value):
        raise InvalidInput("Kildesystemet skal være et kort navn, fx momentum eller fasit.", field="source_system")
    return value


def import_file(
    *,
    actor: User,
    kind: str,
    data: bytes,
    file_name: str,
    source_system: str = DEFAULT_SOURCE_SYSTEM,
    write: bool,
    good_rows_only: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    run: ImportRun | None = None,
) -> Outcome:
    """Check (``write=False``: preview) or import ``data``; the outcome carries its run."""
    require_importer(actor)
    the_kind = kind_named(kind)
    system = _source_system(source_system)
    if run is not None:
        run.status = RunStatus.CHECKING if not write else RunStatus.WRITING
        run.save(update_fields=["status"])
    try:
        table = read_table(data, file_name=file_name, sheet_name=the_kind.sheet)
    except ImportRejected as rejected:
        outcome = Outcome(kind=the_kind.name, problems=rejected.problems)
        run = run or ImportRun(
            municipality=actor.municipality,
            user=actor,
            kind=the_kind.name,
            channel=audit_context.current_channel(),
            source_system=system,
            file_name=file_name[:200],
        )
        outcome.run = run
    else:
        outcome = run_import(
            kind=the_kind,
            table=table,
            actor=actor,
            source_system=system,
            file_name=file_name,
            write=write,
            good_rows_only=good_rows_only,
            today=today,
            progress=progress,
            run=run,
        )
    assert outcome.run is not None
    finished = finish(outcome.run, outcome)
    if outcome.written:
        finished.status, finished.content = RunStatus.DONE, b""
    elif outcome.problems and not (good_rows_only and not any(p.row == 1 for p in outcome.problems)):
        finished.status, finished.content = RunStatus.REJECTED, b""
    else:
        finished.status = RunStatus.PREVIEWED
        finished.content = data
    finished.save()
    return outcome


def runs_for(user: User, limit: int = 30) -> list[ImportRun]:
    require_importer(user)
    return list(
        ImportRun.objects.filter(municipality=user.municipality).select_related("user").defer("content")[:limit]
    )


def get_run(user: User, run_id: int) -> ImportRun:
    require_importer(user)
    run = ImportRun.objects.filter(municipality=user.municipality, pk=run_id).first()
    if run is None:
        raise NotFound(RUN_NOT_FOUND)
    return run


def confirm(*, actor: User, run_id: int, background: bool | None = None) -> ImportRun:
    """Write a previewed run (in the background for a large file)."""
    run = get_run(actor, run_id)
    if run.status != RunStatus.PREVIEWED or not run.content:
        raise InvalidInput(
            "Kørslen kan ikke gemmes (den er allerede gemt eller afvist); indlæs filen igen.", field="run"
        )
    large = run.total_rows > BACKGROUND_ROWS if background is None else background
    if large:
        start_in_background(actor=actor, run=run, write=True)
        return run
    import_file(
        actor=actor,
        kind=run.kind,
        data=bytes(run.content),
        file_name=run.file_name,
        source_system=run.source_system,
        write=True,
        good_rows_only=run.good_rows_only,
        run=run,
    )
    return run


# Progress of the runs this process works on in the background: (rows done, rows in all). It is
# kept in memory, not in the run row, because the rows are written inside the run's transaction
# (on SQLite a second writer would wait for it); the page asks ``progress_of``. With several
# worker processes the page may ask another one; it then shows the run's status without a count.
_PROGRESS: dict[int, tuple[int, int]] = {}
_PROGRESS_LOCK = threading.Lock()


def progress_of(run: ImportRun) -> tuple[int, int] | None:
    with _PROGRESS_LOCK:
        return _PROGRESS.get(run.pk)


def _progress_for(run_id: int) -> Progress:
    def progress(done: int, total: int) -> None:
        with _PROGRESS_LOCK:
            _PROGRESS[run_id] = (done, total)

    return progress


def check_in_background(
    *, actor: User, kind: str, data: bytes, file_name: str, source_system: str, good_rows_only: bool
) -> ImportRun:
    """Keep the uploaded file on a new run and check it in the background (a large file)."""
    require_importer(actor)
    the_kind = kind_named(kind)
    run = ImportRun.objects.create(
        municipality=_municipality(actor),
        user=actor,
        channel=audit_context.current_channel(),
        kind=the_kind.name,
        source_system=_source_system(source_system),
        file_name=file_name[:200],
        good_rows_only=good_rows_only,
        content=data,
    )
    start_in_background(actor=actor, run=run, write=False)
    return run


def start_in_background(*, actor: User, run: ImportRun, write: bool) -> threading.Thread:
    """Check or write ``run`` in a thread of this process; the page polls the run row."""
    run.status = RunStatus.WRITING if write else RunStatus.CHECKING
    run.save(update_fields=["status"])
    channel = run.channel

    def work() -> None:
        # The thread opens its own database connection on first use and closes it at the end.
        try:
            with audit_context.operation(channel, actor):
                fresh = ImportRun.objects.get(pk=run.pk)
                import_file(
                    actor=actor,
                    kind=fresh.kind,
                    data=bytes(fresh.content),
                    file_name=fresh.file_name,
                    source_system=fresh.source_system,
                    write=write,
                    good_rows_only=fresh.good_rows_only,
                    run=fresh,
                    progress=_progress_for(fresh.pk),
                )
        except Exception:  # noqa: BLE001 - a failed job is shown on the run, never lost silently
            ImportRun.objects.filter(pk=run.pk).update(status=RunStatus.FAILED)
            raise
        finally:
            with _PROGRESS_LOCK:
                _PROGRESS.pop(run.pk, None)
            connection.close()

    thread = threading.Thread(target=work, name=f"import-{run.pk}", daemon=True)
    thread.start()
    return thread


# --- export and templates ---------------------------------------------------------------------
def _rows(kind: Kind, actor: User, source_system: str) -> list[list[str]]:
    """The rows of an export; the citizens in it are read, so each gets an audit entry."""
    ctx = Context(actor=actor, municipality=_municipality(actor), source_system=source_system, today=date.today())
    names = [c.name for c in kind.columns]
    rows, citizens = [], set()
    for obj in kind.export(ctx):
        values = kind.current(obj, ctx)
        values["kilde_id"] = ctx.source_id_of(kind.name, obj.pk)
        rows.append([values.get(n, "") for n in names])
        citizen = kind.citizen_of(obj)
        if citizen is not None:
            citizens.add(citizen)
    record_many(
        actor=actor,
        action=AuditAction.READ,
        object_type=kind.name,
        citizen_ids=sorted(citizens),
        detail=f"eksport ({kind.name})",
    )
    return rows


def _csv(header: list[str], rows: Iterable[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(csv_row(row))
    # UTF-8 with BOM and semicolons: what Danish Excel opens without asking.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(sheets: list[tuple[Kind, Iterable[list[str]]]], *, guide: bool) -> bytes:
    book = ExcelBook()
    for kind, rows in sheets:
        sheet = book.sheet(kind.sheet)
        sheet.row([c.name for c in kind.columns], bold=True)
        for row in rows:
            sheet.row(row)
    if guide:
        sheet = book.sheet("Vejledning")
        sheet.row(["ark", "kolonne", "skal udfyldes", "eksempel", "gyldig værdi"], bold=True)
        for kind, _ in sheets:
            for column in kind.columns:
                sheet.row([kind.sheet, column.name, "ja" if column.required else "nej", column.example,
                           column.explanation])
    return book.to_bytes()


def export_file(*, actor: User, kind: str, file_format: str, source_system: str = DEFAULT_SOURCE_SYSTEM) -> bytes:
    """The municipality's records of ``kind`` in the import template's columns."""
    require_importer(actor)
    the_kind = kind_named(kind)
    system = _source_system(source_system)
    header = [c.name for c in the_kind.columns]
    if file_format == "csv":
        return _csv(header, _rows(the_kind, actor, system))
    if file_format == "xlsx":
        return _xlsx([(the_kind, _rows(the_kind, actor, system))], guide=False)
    raise InvalidInput("Formatet skal være csv eller xlsx.", field="format")


def template_file(*, kind: str | None, file_format: str) -> bytes:
    """An empty template: one kind's header (CSV), or every kind's sheet and a guide (Excel)."""
    if file_format == "xlsx":
        kinds = [kind_named(kind)] if kind else list(KINDS.values())
        return _xlsx([(k, []) for k in kinds], guide=True)
    if file_format == "csv" and kind:
        return _csv([c.name for c in kind_named(kind).columns], [])
    raise InvalidInput("Skabelonen findes som csv (én type) eller xlsx.", field="format")


def problem_lines(problems: list[RowProblem] | list[dict[str, object]]) -> list[str]:
    out = []
    for p in problems:
        problem = p if isinstance(p, RowProblem) else RowProblem(**p)  # type: ignore[arg-type]
        out.append(f"{problem.where()}: {problem.message}")
    return out
