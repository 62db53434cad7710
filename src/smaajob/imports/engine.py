# SPDX-License-Identifier: MPL-2.0
"""Running an import: every cell checked, every row written through the services inside one
transaction, and the whole run rolled back unless every row is good (or the user asked for the
good rows only) — or, for a preview, always.

Two passes over the rows:

1. **Cells.** Each cell is read into canonical text (``smaajob.imports.cells``); the header must
   name every required column and no unknown one; a source id may appear once per file.
2. **Rows.** Each row, in its own savepoint, is looked up by its source id (then by its natural
   key), compared with the record it already is, and created or updated through the services
   (their checks — plausibility, overlapping hours, the 168-hour week — are the import's checks).
   A refusal is reported on the column the service names and only that row is undone.

A preview runs both passes and rolls everything back, so it shows exactly what confirming would
create and change. A row whose text is the same as last time (its hash) is unchanged without
looking at the record: importing the same file twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone

from smaajob.access.imports import importer_municipality as _municipality
from smaajob.audit import context as audit_context
from smaajob.audit.models import AuditChannel
from smaajob.errors import RowProblem, SmaajobError
from smaajob.imports.bulk_hours import write_weeks
from smaajob.imports.cells import CellError
from smaajob.imports.kinds import KINDS, Context, Hours, Kind
from smaajob.imports.models import ImportRun, SourceChange, SourceRecord
from smaajob.imports.reading import Table
from smaajob.organisation.models import User
from smaajob.spreadsheet import could_run

Progress = Callable[[int, int], None]


class _Rollback(Exception):
    """Raised inside the run's transaction to undo it; never leaves this module."""


@dataclass
class Outcome:
    kind: str
    total_rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    written: bool = False
    # What a preview shows: (row, source id, "create"/"update", changed columns), at most 500.
    changes: list[tuple[int, str, str, list[str]]] = field(default_factory=list)
    run: ImportRun | None = None

    @property
    def rejected_rows(self) -> int:
        return len({p.row for p in self.problems if p.row > 1})


def kind_named(name: str) -> Kind:
    from smaajob.errors import InvalidInput

    try:
        return KINDS[name]
    except KeyError:
        raise InvalidInput(f"Ukendt type »{name}«. Gyldige typer: {', '.join(KINDS)}.", field="kind") from None


def _row_hash(values: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _header_problems(kind: Kind, table: Table) -> list[RowProblem]:
    problems = []
    known = {c.name for c in kind.columns}
    for column in kind.columns:
        if column.required and column.name not in table.header:
            problems.append(RowProblem(1, column.name, "kolonnen mangler (hent skabelonen)", table.sheet))
    for name in table.header:
        if name and name not in known:
            problems.append(
                RowProblem(1, name, f"ukendt kolonne; gyldige kolonner: {', '.join(sorted(known))}", table.sheet)
            )
    seen = set()
    for name in table.header:
        if name and name in seen:
            problems.append(RowProblem(1, name, "kolonnen står to gange", table.sheet))
        seen.add(name)
    return problems


def read_cells(kind: Kind, table: Table) -> tuple[list[tuple[int, dict[str, str]]], list[RowProblem]]:
    """Pass 1: every row's cells as canonical text, and every bad cell."""
    problems = _header_problems(kind, table)
    if problems:
        return [], problems
    columns = [(i, kind.column(name)) for i, name in enumerate(table.header) if name]
    rows: list[tuple[int, dict[str, str]]] = []
    first_row_of: dict[str, int] = {}
    for number, cells in table.rows:
        values: dict[str, str] = {}
        bad = False
        for index, column in columns:
            assert column is not None
            raw = cells[index] if index < len(cells) else ""
            if raw.startswith("'") and could_run(raw[1:]):
                raw = raw[1:]  # our own exports quote text a spreadsheet would run (smaajob.spreadsheet)
            if not raw.strip():
                if column.required:
                    problems.append(RowProblem(number, column.name, f"skal udfyldes, fx {column.example}", table.sheet))
                    bad = True
                values[column.name] = ""
                continue
            try:
                values[column.name] = column.read(raw)
            except CellError as error:
                problems.append(
                    RowProblem(number, column.name, f"»{_shown(column.name, raw)}« {error.message}", table.sheet)
                )
                bad = True
        source_id = values.get("kilde_id", "")
        if source_id:
            if source_id in first_row_of:
                problems.append(
                    RowProblem(number, "kilde_id", f"samme kilde_id som række {first_row_of[source_id]}", table.sheet)
                )
                bad = True
            else:
                first_row_of[source_id] = number
        if not bad:
            rows.append((number, values))
    return rows, problems


# Cells about a person are never echoed back: the report is shown on a page, kept on the run
# and printed by the command line.
PERSONAL_COLUMNS = frozenset({"cpr", "fornavn", "efternavn", "adresse", "navn", "telefon", "email", "beskrivelse"})


def _shown(column: str, raw: str) -> str:
    if column in PERSONAL_COLUMNS:
        return "værdien"
    return raw.strip()[:60]


def _problem_of(kind: Kind, number: int, error: SmaajobError, sheet: str) -> RowProblem:
    name = (error.field or "").split("[")[0].split(".")[0]
    column = kind.field_columns.get(name, name if kind.column(name) else "kilde_id")
    return RowProblem(number, column, error.message, sheet)


def run_import(
    *,
    kind: Kind,
    table: Table,
    actor: User,
    source_system: str,
    file_name: str,
    write: bool,
    good_rows_only: bool = False,
    run: ImportRun | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> Outcome:
    """Check and write ``table`` as ``kind``; roll back unless ``write`` and (every row is good
    or ``good_rows_only``). The run's history entries are written only when it is kept."""
    ctx = Context(
        actor=actor, municipality=_municipality(actor), source_system=source_system, today=today or date.today()
    )
    outcome = Outcome(kind=kind.name, total_rows=len(table.rows))
    if run is None:
        run = ImportRun(municipality=actor.municipality, user=actor, kind=kind.name)
    if not run.channel:
        run.channel = audit_context.current_channel()  # the entry point: web, api or cli
    run.source_system, run.file_name, run.good_rows_only = source_system, file_name[:200], good_rows_only
    run.save()
    outcome.run = run
    rows, outcome.problems = read_cells(kind, table)
    if any(p.row == 1 for p in outcome.problems):
        return outcome
    total = len(table.rows)
    with audit_context.operation(AuditChannel.IMPORT, actor):
        try:
            with transaction.atomic():
                pending = _Pending()
                if isinstance(kind, Hours):
                    _bulk_hours(kind, ctx, pending, outcome, rows, table.sheet)
                    if progress is not None:
                        progress(total, total)
                for done, (number, values) in enumerate([] if isinstance(kind, Hours) else rows, start=1):
                    _one_row(kind, ctx, pending, outcome, number, values, table.sheet)
                    if progress is not None and (done % 200 == 0 or done == len(rows)):
                        progress(done, total)
                pending.save(run)
                if not (write and (good_rows_only or not outcome.problems)):
                    raise _Rollback
                outcome.written = True
        except _Rollback:
            pass
    outcome.problems.sort(key=lambda p: (p.row, p.column))
    outcome.run = run
    return outcome


def _count(outcome: Outcome, number: int, source_id: str, action: str, changed: list[str]) -> None:
    if action == "create":
        outcome.created += 1
    elif action == "update":
        outcome.updated += 1
    else:
        outcome.unchanged += 1
    if action and len(outcome.changes) < 500:
        outcome.changes.append((number, source_id, action, changed))


def _bulk_hours(
    kind: Hours, ctx: Context, pending: _Pending, outcome: Outcome, rows: list[tuple[int, dict[str, str]]], sheet: str
) -> None:
    """Weekly hours go the bulk path (``smaajob.imports.bulk_hours``), with the same checks."""

    def problem(number: int, error: Exception) -> None:
        if isinstance(error, CellError):
            outcome.problems.append(RowProblem(number, error.column or "kilde_id", error.message, sheet))
        else:
            assert isinstance(error, SmaajobError)
            outcome.problems.append(_problem_of(kind, number, error, sheet))

    def remember(source_id: str, object_id: int, row_hash: str, action: str, changed: list[str]) -> None:
        _remember(
            kind, ctx, pending, source_id, object_id, row_hash, action, changed, ctx.records(kind.name).get(source_id)
        )

    write_weeks(
        kind,
        ctx,
        rows,
        row_hash=_row_hash,
        problem=problem,
        remember=remember,
        counted=lambda number, source_id, action, changed: _count(outcome, number, source_id, action, changed),
    )


def _one_row(
    kind: Kind, ctx: Context, pending: _Pending, outcome: Outcome, number: int, values: dict[str, str], sheet: str
) -> None:
    source_id = values["kilde_id"]
    row_hash = _row_hash(values)
    record = ctx.records(kind.name).get(source_id)
    if record is not None and record.row_hash == row_hash:
        outcome.unchanged += 1
        return
    try:
        with transaction.atomic():
            refs = kind.check(values, ctx)
            obj = None
            if record is not None:
                obj = kind.load(record.object_id, ctx)
            else:
                object_id = ctx.object_id(kind.name, source_id)
                obj = kind.load(object_id, ctx) if object_id else kind.find(values, refs, ctx)
            if obj is None:
                obj = kind.create(values, refs, ctx)
                action, changed = "create", sorted(c for c in values if c != "kilde_id")
            else:
                now = kind.current(obj, ctx)
                changed = sorted(c for c in values if c != "kilde_id" and values[c] != now.get(c, ""))
                action = "update" if changed else ""
                if changed:
                    kind.update(obj, values, set(changed), refs, ctx)
            _remember(kind, ctx, pending, source_id, obj.pk, row_hash, action, changed, record)
    except CellError as error:
        outcome.problems.append(RowProblem(number, error.column or "kilde_id", error.message, sheet))
        return
    except SmaajobError as error:
        outcome.problems.append(_problem_of(kind, number, error, sheet))
        return
    _count(outcome, number, source_id, action, changed)


@dataclass
class _Pending:
    """Source ids and history entries of the rows written so far, saved in bulk at the end of the
    run (one statement per thousand rows instead of two per row)."""

    new: list[tuple[SourceRecord, str, list[str]]] = field(default_factory=list)
    changed: list[tuple[SourceRecord, str, list[str]]] = field(default_factory=list)

    def save(self, run: ImportRun) -> None:
        SourceRecord.objects.bulk_create([record for record, _, _ in self.new], batch_size=1000)
        SourceRecord.objects.bulk_update(
            [record for record, _, _ in self.changed], ["row_hash", "object_id", "updated_at"], batch_size=1000
        )
        SourceChange.objects.bulk_create(
            [
                SourceChange(record=record, run=run, action=action, columns=columns)
                for record, action, columns in [*self.new, *self.changed]
                if action
            ],
            batch_size=1000,
        )


def _remember(
    kind: Kind,
    ctx: Context,
    pending: _Pending,
    source_id: str,
    object_id: int,
    row_hash: str,
    action: str,
    changed: list[str],
    record: SourceRecord | None,
) -> None:
    if record is None:
        record = SourceRecord(
            municipality=ctx.municipality,
            source_system=ctx.source_system,
            kind=kind.name,
            source_id=source_id,
            object_id=object_id,
            row_hash=row_hash,
        )
        pending.new.append((record, action, changed))
    else:
        record.row_hash, record.object_id = row_hash, object_id
        record.updated_at = timezone.now()
        pending.changed.append((record, action, changed))


def finish(run: ImportRun, outcome: Outcome) -> ImportRun:
    """Store the outcome on the run (its counts and the problems it reports)."""
    run.total_rows = outcome.total_rows
    run.done_rows = outcome.total_rows
    run.created, run.updated, run.unchanged = outcome.created, outcome.updated, outcome.unchanged
    run.rejected = outcome.rejected_rows
    run.problems = [p.__dict__ for p in outcome.problems[:1000]]
    run.preview = [list(change) for change in outcome.changes]
    run.finished_at = timezone.now()
    return run
