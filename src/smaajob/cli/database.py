# SPDX-License-Identifier: MPL-2.0
"""``smaajob migrate``: bring the database schema up to date, with Danish output.

    smaajob migrate            # apply what is missing
    smaajob migrate --check    # exit 1 if migrations are missing, change nothing

The database is chosen by DATABASE_URL (default: the SQLite file under SMAAJOB_VAR_DIR).
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("migrate", help="opdatér databasens skema (migreringer)")
    parser.add_argument("--check", action="store_true",
                        help="ændr intet; afslut med kode 1, hvis der mangler migreringer")
    parser.set_defaults(handler=handle)


def pending_migrations() -> list[str]:
    """Names of the migrations not yet applied, in the order they would run."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def migrate_if_needed() -> list[str]:
    """Apply missing migrations quietly; return what was applied (empty when up to date).

    Inside an open transaction (a test, or a caller's ``atomic``) nothing is applied: SQLite
    cannot change its schema there, and that caller owns the schema anyway.
    """
    from django.core.management import call_command
    from django.db import connection

    if connection.in_atomic_block:
        return []
    pending = pending_migrations()
    if pending:
        call_command("migrate", verbosity=0, interactive=False)
    # The database cache's tables (SMAAJOB_CACHE=database); does nothing for other caches or
    # tables that exist.
    call_command("createcachetable", verbosity=0)
    return pending


def handle(args: argparse.Namespace) -> int:
    import django

    django.setup()
    from django.db import connection

    where = connection.settings_dict.get("NAME")
    pending = pending_migrations()
    if args.check:
        if pending:
            print(f"Der mangler {len(pending)} migreringer i {where}:")
            for name in pending:
                print(f"  {name}")
            return 1
        print(f"Databasen {where} er opdateret.")
        return 0
    if not pending:
        migrate_if_needed()  # only the cache tables, if a database cache is configured and lacks them
        print(f"Databasen {where} er allerede opdateret; intet at gøre.")
        return 0
    print(f"Anvender {len(pending)} migreringer på {where} …")
    migrate_if_needed()
    print("Færdig: databasen er opdateret.")
    return 0
