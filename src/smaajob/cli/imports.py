# SPDX-License-Identifier: MPL-2.0
"""``smaajob import KIND FILE`` and ``smaajob export KIND FILE``: moving a jobcentre's data in
(and out) from the command line, with a progress bar (issue 17, docs/import.md).

Exit codes: 0 everything written (or, with ``--dry-run``, everything would be); 2 the file has
bad rows and nothing was written (each listed by sheet, row and column); 1 ``--good-rows-only``
wrote the good rows and lists the others.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

KIND_HELP = "borgere, virksomheder, kontakter, buddies, jobaabninger, forloeb, placeringer, timer eller opfoelgninger"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("import", help="indlæs en CSV- eller Excel-fil (borgere, timer …)")
    parser.add_argument("kind", metavar="TYPE", help=KIND_HELP)
    parser.add_argument("file", metavar="FIL", type=Path, help="CSV (komma eller semikolon) eller .xlsx")
    parser.add_argument("--user", required=True, help="brugernavn på koordinatoren/administratoren, der importerer")
    parser.add_argument("--source-system", default="standard", help="kildesystemet, fx momentum (standard: standard)")
    parser.add_argument("--dry-run", action="store_true", help="kontrollér og vis, hvad der ville ske; gem intet")
    parser.add_argument("--good-rows-only", action="store_true", help="gem de gode rækker, selv om andre har fejl")
    parser.add_argument("--today", type=date.fromisoformat, help="dato (ÅÅÅÅ-MM-DD), standard: i dag")
    parser.add_argument("--no-progress", action="store_true", help="ingen statuslinje")
    parser.set_defaults(handler=handle_import)

    export = subparsers.add_parser("export", help="skriv data i importskabelonens kolonner (CSV eller .xlsx)")
    export.add_argument("kind", metavar="TYPE", help=KIND_HELP)
    export.add_argument("file", metavar="FIL", type=Path, help="fil at skrive; .xlsx giver Excel, ellers CSV")
    export.add_argument("--user", required=True, help="brugernavn på koordinatoren/administratoren")
    export.add_argument("--source-system", default="standard", help="kildesystemet, hvis id'er skrives")
    export.set_defaults(handler=handle_export)


def _user(username: str):  # type: ignore[no-untyped-def]
    from smaajob.errors import NotFound
    from smaajob.organisation.models import User

    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise NotFound(f"Brugeren »{username}« findes ikke (eller er deaktiveret).")
    return user


def _read(path: Path) -> bytes:
    from smaajob.errors import InvalidInput

    try:
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Kan ikke læse filen {path} ({exc.strerror}).", field="file") from None


@contextmanager
def _bar(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(file=sys.stderr)
    if not enabled or not console.is_terminal:
        yield None
        return
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    ) as bar:
        task = bar.add_task("Rækker", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


def handle_import(args: argparse.Namespace) -> int:
    from smaajob.errors import ImportRejected
    from smaajob.imports import services

    user = _user(args.user)
    data = _read(args.file)
    with _bar(not args.no_progress) as progress:
        outcome = services.import_file(
            actor=user,
            kind=args.kind,
            data=data,
            file_name=args.file.name,
            source_system=args.source_system,
            write=not args.dry_run,
            good_rows_only=args.good_rows_only,
            today=args.today,
            progress=progress,
        )
    if outcome.problems and not (args.good_rows_only and outcome.written):
        raise ImportRejected(outcome.problems, total_rows=outcome.total_rows)
    verb = "ville blive" if args.dry_run else "blev"
    print(
        f"{outcome.total_rows} rækker: {outcome.created} {verb} oprettet, {outcome.updated} {verb} ændret, "
        f"{outcome.unchanged} uændrede."
    )
    if outcome.problems:
        print(f"{outcome.rejected_rows} rækker med fejl blev ikke gemt:", file=sys.stderr)
        for line in services.problem_lines(outcome.problems):
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


def handle_export(args: argparse.Namespace) -> int:
    from smaajob.errors import InvalidInput
    from smaajob.imports import services

    user = _user(args.user)
    file_format = "xlsx" if args.file.suffix.lower() == ".xlsx" else "csv"
    data = services.export_file(actor=user, kind=args.kind, file_format=file_format, source_system=args.source_system)
    try:
        args.file.write_bytes(data)
    except OSError as exc:
        raise InvalidInput(f"Kan ikke skrive filen {args.file} ({exc.strerror}).", field="file") from None
    print(f"Skrev {args.file}.")
    return 0
