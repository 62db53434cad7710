# SPDX-License-Identifier: MPL-2.0
"""``smaajob demo``: fill the database with the synthetic demo municipality.

    smaajob demo [--size small|municipality|country] [--seed N] [--today ÅÅÅÅ-MM-DD] [--reset]
                 [--no-progress]
    smaajob demo --show-users      # only print the demo log-ins already in the database

Missing migrations are applied first (so ``smaajob demo`` works on a fresh SQLite file).
The command refuses a database with real (non-synthetic) citizens; ``--reset`` deletes the
synthetic data of an earlier demo — and nothing else — before loading, in the same
transaction as the load: if the load fails or is stopped, the earlier demo is still there. At the end it prints
the demo log-ins and their shared password.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from smaajob.danish_numbers import format_date


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"forventede en dato ÅÅÅÅ-MM-DD, fik {text!r}") from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "demo", help="indlæs en syntetisk demokommune (Odense) med borgere, virksomheder og timer"
    )
    parser.add_argument("--size", choices=("small", "municipality", "country"), default="small",
                        help="small (standard, få sekunder), municipality (≈ 5.000 borgere) eller country "
                             "(98 kommuner, ≈ 150.000 borgere; kun PostgreSQL, tom database)")
    # The country size made small, for tests of the same code path (not in --help).
    parser.add_argument("--municipalities", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--citizens-per-municipality", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=2026, help="samme seed giver samme data (standard 2026)")
    parser.add_argument("--today", type=_date, default=None,
                        help="historikken slutter denne dato (standard: i dag)")
    parser.add_argument("--reset", action="store_true",
                        help="slet tidligere demodata (kun syntetiske data) før indlæsning")
    parser.add_argument("--no-progress", action="store_true", help="vis ingen fremdriftslinje")
    parser.add_argument("--show-users", action="store_true",
                        help="indlæs intet; vis demobrugerne, der allerede er i databasen, og deres adgangskode")
    parser.set_defaults(handler=handle)


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, int], Callable[[int], None]] | None]:
    console = Console(file=sys.stderr)
    if not enabled or not console.is_terminal:
        yield None
        return
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=False) as bar:
        def start(label: str, total: int) -> Callable[[int], None]:
            task = bar.add_task(label, total=total)
            return lambda n: bar.advance(task, n)

        yield start


def handle(args: argparse.Namespace) -> int:
    import django

    django.setup()
    from smaajob.cli.database import migrate_if_needed
    from smaajob.demo.loader import check_can_load, check_country_database, load_demo

    if args.size == "country":  # before the migrations: a refusal writes nothing
        check_country_database(reset=args.reset)
    applied = migrate_if_needed()
    if applied:
        print(f"Databasen var ikke opdateret; anvendte {len(applied)} migreringer.")
    if args.show_users:
        return _show_users()
    check_can_load(reset=args.reset)  # before the progress bar: a refusal needs no load
    with _progress(not args.no_progress) as progress:
        sizing = {k: v for k, v in (("municipalities", args.municipalities),
                                    ("citizens_per_municipality", args.citizens_per_municipality)) if v is not None}
        result = load_demo(args.size, args.seed, today=args.today, progress=progress, reset=args.reset, **sizing)
    # The demo intermediary's computed month gets its payslips once the load has committed.
    from smaajob.intermediary.payslips import file_pending_payslips

    file_pending_payslips()
    if args.reset:
        print("Slettede tidligere demodata: " + ", ".join(f"{n} {what}" for what, n in result.deleted.items()) + ".")
    print(f"Demokommunen er indlæst ({result.size}, seed {result.seed}, historik til "
          f"{format_date(result.today)}) på {result.seconds:.1f} sekunder:")
    for what, n in result.counts.items():
        print(f"  {n:>8} {what}")
    print("Alle personer, CPR- og CVR-numre er opdigtede (markeret som syntetiske).")
    _print_users(result.users)
    return 0


def _show_users() -> int:
    from smaajob.demo.loader import demo_users

    users = demo_users()
    if not users:
        print("Der er ingen demobrugere i databasen. Indlæs demoen med: smaajob demo")
        return 1
    _print_users(users)
    return 0


def _print_users(users: list[tuple[str, str]]) -> None:
    from smaajob.demo.organisation import DEMO_PASSWORD

    print(f"Brugere (adgangskode for alle: {DEMO_PASSWORD}):")
    for username, role in users:
        print(f"  {username:<14} {role}")
