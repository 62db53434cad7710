# SPDX-License-Identifier: MPL-2.0
"""``smaajob serve``: the web application on waitress, a production-grade pure-Python
WSGI server (no compiler, no extra service), with static files from whitenoise."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="start webapplikationen")
    parser.add_argument("--port", type=int, default=8000, help="port (standard 8000)")
    parser.add_argument("--host", default="127.0.0.1", help="adresse (standard 127.0.0.1, kun denne maskine)")
    parser.add_argument("--threads", type=int, default=8, help="antal tråde (standard 8)")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from smaajob.errors import InvalidInput

    if not 1 <= args.port <= 65535:
        raise InvalidInput("Porten skal være et tal fra 1 til 65535, fx 8000.", field="port")
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("Databasen er ikke opdateret; kører migreringer først …")
        call_command("migrate", verbosity=0)

    from waitress import serve

    from smaajob.wsgi import application

    print(f"Småjob kører på http://{args.host}:{args.port}/  (stop med Ctrl+C)", flush=True)
    serve(application, host=args.host, port=args.port, threads=args.threads, ident="smaajob")
    return 0
