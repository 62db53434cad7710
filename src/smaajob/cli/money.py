# SPDX-License-Identifier: MPL-2.0
"""``smaajob money remind``: the nightly job that creates payslip reminders.

Run it from cron (or a systemd timer) once a night; it is safe to run more often, because
it makes at most one reminder per recipient and subject.
"""

from __future__ import annotations

import argparse
from datetime import date


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("money", help="lønsedler og ydelse")
    commands = parser.add_subparsers(dest="money_command", metavar="KOMMANDO", required=True)
    remind = commands.add_parser("remind", help="opret påmindelser om lønsedler før d. 20. og før udbetaling")
    remind.add_argument("--today", type=date.fromisoformat, help="dato (ÅÅÅÅ-MM-DD), standard: i dag")
    remind.set_defaults(handler=handle_remind)


def handle_remind(args: argparse.Namespace) -> int:
    from smaajob.money.services import create_due_reminders

    made = create_due_reminders(today=args.today)
    print(f"{len(made)} nye påmindelser oprettet.")
    for reminder in made:
        print(f"  {reminder.recipient.username}: {reminder.message}")
    return 0
