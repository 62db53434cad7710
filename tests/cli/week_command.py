# SPDX-License-Identifier: MPL-2.0
"""A command module as ``smaajob.cli.main`` loads them, used by the audit-channel test: it
records one week through the same service the web and the API use."""

from __future__ import annotations

import argparse
from datetime import date


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("record-week")
    parser.add_argument("placement", type=int)
    parser.add_argument("week", type=date.fromisoformat)
    parser.add_argument("hours", type=str)
    parser.add_argument("--actor", required=True)
    parser.set_defaults(handler=_record_week)


def _record_week(args: argparse.Namespace) -> int:
    from smaajob.courses.models import Placement
    from smaajob.courses.services import record_week
    from smaajob.organisation.models import User

    record_week(
        actor=User.objects.get(username=args.actor),
        placement=Placement.objects.get(pk=args.placement),
        week=args.week,
        hours_present=args.hours,
    )
    return 0
