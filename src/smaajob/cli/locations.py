# SPDX-License-Identifier: MPL-2.0
"""``smaajob locations backfill``: give citizens and companies their postcode's point.

Run it once after upgrading (rows saved before locations were derived have none) and after a
new postcode table. Locations set by hand are never touched. Safe to run again.
"""

from __future__ import annotations

import argparse

from smaajob.places import Relocated


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("locations", help="placering ud fra postnummer (til matchning)")
    commands = parser.add_subparsers(dest="locations_command", metavar="KOMMANDO", required=True)
    backfill = commands.add_parser(
        "backfill", help="giv borgere og virksomheder postnummerets placering (ikke dem sat i hånden)"
    )
    backfill.set_defaults(handler=handle_backfill)


def _line(what: str, done: Relocated) -> str:
    return (
        f"{what}: {done.located} fik postnummerets placering, {done.unknown_postcode} har et postnummer, "
        f"som postnummertabellen ikke kender (ingen placering), {done.no_postcode} har intet postnummer."
    )


def handle_backfill(args: argparse.Namespace) -> int:
    from smaajob.citizens.services import locate_citizens_from_postcodes
    from smaajob.network.services import locate_companies_from_postcodes

    print(_line("Borgere", locate_citizens_from_postcodes()))
    print(_line("Virksomheder", locate_companies_from_postcodes()))
    return 0
