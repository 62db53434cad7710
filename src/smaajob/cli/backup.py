# SPDX-License-Identifier: MPL-2.0
"""``smaajob backup FILE`` and ``smaajob restore FILE``: the whole installation in one archive.

    smaajob backup /sikkerhed/smaajob-2026-12-03.tar      # database + every stored file
    smaajob restore /sikkerhed/smaajob-2026-12-03.tar     # into an EMPTY database and file store

What the archive holds and why a restore only goes into an empty database: ``smaajob.backup``.
Point-in-time recovery with PostgreSQL's own tools: docs/operations.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("backup", help="tag en sikkerhedskopi: database og alle gemte filer i én fil")
    parser.add_argument("file", metavar="FIL", type=Path, help="arkivet, der skrives (fx smaajob-2026-12-03.tar)")
    parser.add_argument("--overskriv", action="store_true", help="erstat en eksisterende fil med samme navn")
    parser.set_defaults(handler=handle_backup)
    parser = subparsers.add_parser("restore", help="gendan en sikkerhedskopi i en tom database og et tomt fillager")
    parser.add_argument("file", metavar="FIL", type=Path, help="arkivet fra smaajob backup")
    parser.set_defaults(handler=handle_restore)


def _size(size: int) -> str:
    from smaajob.danish_numbers import format_decimal

    return f"{format_decimal(size / 1024 / 1024, max_decimals=1, min_decimals=1)} MB"


def handle_backup(args: argparse.Namespace) -> int:
    from smaajob.backup.run import backup

    summary = backup(args.file, overwrite=args.overskriv)
    print(f"Sikkerhedskopi skrevet: {args.file} ({summary.engine}, {summary.files} filer, {_size(summary.size)}).")
    return 0


def handle_restore(args: argparse.Namespace) -> int:
    from smaajob.backup.run import restore

    summary = restore(args.file)
    print(f"Gendannet fra {args.file}: databasen ({summary.engine}) og {summary.files} filer.")
    return 0
