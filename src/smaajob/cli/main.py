# SPDX-License-Identifier: MPL-2.0
"""The ``smaajob`` command: one entry point for operators, with Danish help texts.

Each command group lives in its own module under ``smaajob.cli`` and exposes
``register(subparsers)``, which adds its parser and sets ``handler(args) -> int``.
Errors from ``smaajob.errors`` become a message on stderr and exit code 2; nothing else is
caught, because anything else is a bug and should be seen as one.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

import django

from smaajob.errors import SmaajobError

# Command groups, in the order `smaajob --help` lists them.
COMMAND_MODULES = (
    "smaajob.cli.database",
    "smaajob.cli.demo",
    "smaajob.cli.serve",
    "smaajob.cli.users",
    "smaajob.cli.tokens",
    "smaajob.cli.rules",
    "smaajob.cli.money",
    "smaajob.cli.locations",
    "smaajob.cli.docs",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smaajob",
        description="Småjob – arbejdsværktøj til småjobs. DATABASE_URL vælger databasen "
        "(standard: SQLite-filen var/smaajob.sqlite3).",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smaajob.settings")
    # Set Django up once, before any command module is imported: several of them name
    # models in their options (roles, benefit types). This touches no database.
    django.setup()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    from smaajob.audit import context  # needs django.setup() (it names the audit model)
    from smaajob.audit.models import AuditChannel

    try:
        with context.operation(AuditChannel.CLI):
            return int(args.handler(args) or 0)
    except SmaajobError as exc:
        print(f"fejl [{exc.code}]: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("afbrudt", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
