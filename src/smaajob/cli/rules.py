# SPDX-License-Identifier: MPL-2.0
"""``smaajob rules``: the benefit rules from the command line, explained in Danish or as JSON.

    smaajob rules keep --date 2017-06-01 --hours-per-week 5 --hourly-wage 130 \\
        --benefit kontanthjaelp --rate full [--json]
    smaajob rules hours-requirement --hours-file hours.csv --date 2017-06-01 [--json]

The hours file format is documented in ``smaajob.rules.hours_csv``. No Django is imported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from smaajob.errors import InvalidInput
from smaajob.rules import (
    BenefitKind,
    CitizenCase,
    Period,
    Rate,
    compute_keep,
    hours_requirement_status,
    read_hours_csv,
)
from smaajob.rules.months import month_index


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"forventede en dato ÅÅÅÅ-MM-DD, fik {text!r}") from None


def _number(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"forventede et tal, fik {text!r}") from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("rules", help="regn på ydelsesregler (225-timer, modregning)",
                                   description="Ydelsesregler som kode, med forklaring.")
    commands = parser.add_subparsers(dest="rules_command", metavar="REGEL")

    keep = commands.add_parser("keep", help="hvad får borgeren ud af at arbejde?")
    keep.add_argument("--date", type=_date, required=True, help="dato ÅÅÅÅ-MM-DD")
    keep.add_argument("--hours-per-week", type=_number, required=True)
    keep.add_argument("--hourly-wage", type=_number, required=True, help="timeløn før skat")
    keep.add_argument("--benefit", choices=[b.value for b in BenefitKind],
                      default=BenefitKind.KONTANTHJAELP.value)
    keep.add_argument("--rate", choices=[r.value for r in Rate], default=Rate.FULL.value)
    keep.add_argument("--provider", action="store_true", help="forsørger (har børn)")
    keep.add_argument("--benefit-amount", type=_number, help="hjælp pr. måned, hvis kendt")
    keep.add_argument("--raised-rate", action="store_true", help="forhøjet sats (fra 1/7 2025)")
    keep.add_argument("--job-premium-eligible", action="store_true",
                      help="borgeren er i målgruppen for jobpræmie")
    keep.add_argument("--json", action="store_true", help="skriv JSON")
    keep.set_defaults(handler=_keep)

    hours = commands.add_parser("hours-requirement", help="225-timersreglen for én borger")
    hours.add_argument("--hours-file", type=Path, required=True,
                       help="CSV: month,ordinary_hours[,on_benefit,rate,benefit_amount,...]")
    hours.add_argument("--date", type=_date, required=True, help="måneden, der beregnes for")
    hours.add_argument("--exempt-from", type=_date, help="undtaget fra (afgørelse)")
    hours.add_argument("--exempt-to", type=_date, help="undtaget til og med")
    hours.add_argument("--reduced-since", type=_date,
                       help="dato for en besluttet nedsættelse, der stadig gælder")
    hours.add_argument("--married-both-on-help", action="store_true")
    hours.add_argument("--json", action="store_true", help="skriv JSON")
    hours.set_defaults(handler=_hours_requirement)
    parser.set_defaults(handler=lambda args: (parser.print_help(), 2)[1])


def _print(result: Any, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(result.render_text(), end="")


def _keep(args: argparse.Namespace) -> int:
    result = compute_keep(
        args.date, hours_per_week=args.hours_per_week, hourly_wage=args.hourly_wage,
        benefit=args.benefit, rate=args.rate, provider=args.provider,
        benefit_amount=args.benefit_amount, raised_rate=args.raised_rate,
        premium_eligible=args.job_premium_eligible,
    )
    _print(result, args.json)
    return 0


def _hours_requirement(args: argparse.Namespace) -> int:
    try:
        text = args.hours_file.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(f"kan ikke læse {args.hours_file}: {exc.strerror}",
                           field="hours-file") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{args.hours_file} er ikke UTF-8", field="hours-file") from None
    exemptions: tuple[Period, ...] = ()
    if args.exempt_from:
        exemptions = (Period(args.exempt_from, args.exempt_to, "afgørelse angivet på kommandolinjen"),)
    elif args.exempt_to:
        raise InvalidInput("--exempt-to kræver --exempt-from", field="exempt-to")
    reductions = (Period(args.reduced_since),) if args.reduced_since else ()
    case = CitizenCase(tuple(read_hours_csv(text)), exemptions=exemptions,
                       reduction_decisions=reductions,
                       married_both_on_help=args.married_both_on_help)
    _print(hours_requirement_status(case, month_index(args.date)), args.json)
    return 0
