# SPDX-License-Identifier: MPL-2.0
"""The ``smaajob`` command: one entry point for operators, with Danish help texts.

Each command group lives in its own module under ``smaajob.cli`` and exposes
``register(subparsers)``, which adds its parser and sets ``handler(args) -> int``.
Errors from ``smaajob.errors`` become a message on stderr and exit code 2 — with ``--json``,
the error's object (``code``, ``message``, ``field``: the API's body) as JSON on stderr; a call
argparse refuses is ``invalid_arguments`` the same way, and so are the mistakes an operator can
make outside the program: a ``DATABASE_URL`` that names no known database, or a database server
that does not answer. Nothing else is caught, because anything else is a bug and should be seen
as one. argparse's own texts are in Danish (``smaajob.cli.argparse_da``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import django
from django.core.exceptions import ImproperlyConfigured
from django.db import OperationalError

from smaajob.cli import argparse_da
from smaajob.errors import InvalidArguments, SmaajobError

# Command groups, in the order `smaajob --help` lists them.
COMMAND_MODULES = (
    "smaajob.cli.database",
    "smaajob.cli.demo",
    "smaajob.cli.serve",
    "smaajob.cli.worker",
    "smaajob.cli.users",
    "smaajob.cli.tokens",
    "smaajob.cli.rules",
    "smaajob.cli.money",
    "smaajob.cli.locations",
    "smaajob.cli.imports",
    "smaajob.cli.docs",
    "smaajob.cli.privacy",
    "smaajob.cli.backup",
)


class _Parser(argparse_da.DanishTypeNames):
    """Refuses a bad call with ``InvalidArguments`` (exit 2, like every error), not ``SystemExit``;
    sub-commands' parsers are of this class too (argparse copies the class to its subparsers)."""

    def error(self, message: str) -> NoReturn:
        raise InvalidArguments(f"{message}\n{self.format_usage().strip()}")


class _CommandParser(_Parser):
    """A sub-command's parser: refuses words it does not know itself, with its own usage line
    (»brug: smaajob worker …«), where argparse would hand them up to the top parser, whose
    usage names no option of the command."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[Any, list[str]]:
        namespace, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(argparse_da.gettext("unrecognized arguments: %s") % " ".join(extras))
        return namespace, extras


def build_parser() -> argparse.ArgumentParser:
    argparse_da.install()
    parser = _Parser(
        prog="smaajob",
        description="Småjob – arbejdsværktøj til småjobs. DATABASE_URL vælger databasen "
        "(standard: SQLite-filen var/smaajob.sqlite3).",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_CommandParser)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smaajob.settings")
    # Set Django up once, before any command module is imported: several of them name
    # models in their options (roles, benefit types). This touches no database.
    try:
        django.setup()
    except ImproperlyConfigured as exc:
        print(f"fejl [configuration]: {exc}", file=sys.stderr)
        return 2
    words = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in words
    parser = build_parser()
    from smaajob.audit import context  # needs django.setup() (it names the audit model)
    from smaajob.audit.models import AuditChannel

    try:
        args = parser.parse_args(words)
        if not getattr(args, "handler", None):
            parser.print_help()
            return 2
        with context.operation(AuditChannel.CLI):
            return int(args.handler(args) or 0)
    except SmaajobError as exc:
        return _refuse(exc.as_dict(), as_json)
    except OperationalError as exc:
        return _refuse({"code": "database_unavailable", "message": database_problem(exc), "field": None}, as_json)
    except KeyboardInterrupt:
        print("afbrudt", file=sys.stderr)
        return 130


def _refuse(error: dict[str, object], as_json: bool) -> int:
    if as_json:
        print(json.dumps(error, ensure_ascii=False), file=sys.stderr)
    else:
        print(f"fejl [{error['code']}]: {error['message']}", file=sys.stderr)
    return 2


def database_problem(exc: Exception) -> str:
    """What to tell an operator whose database does not answer: where we looked (without the
    password), what the driver said (its first line), and what to check."""
    from django.db import connection

    settings = connection.settings_dict
    said = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if settings["ENGINE"].endswith("sqlite3"):
        where = f"SQLite-filen {settings['NAME']}"
        check = "Tjek, at mappen findes, og at du må skrive i den (DATABASE_URL=sqlite:///sti/til/fil.sqlite3)."
    else:
        host, port = settings.get("HOST") or "localhost", settings.get("PORT") or 5432
        where = f"databasen {settings.get('NAME')} på {host}:{port}"
        check = ("Tjek DATABASE_URL (postgresql://bruger:adgangskode@vært:5432/navn), og at databaseserveren "
                 "kører og tager imod forbindelser.")
    return f"Kan ikke bruge {where} ({said}). {check}"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
