# SPDX-License-Identifier: MPL-2.0
"""``smaajob rules``: the benefit rules from the command line, explained in Danish or as JSON.

    smaajob rules keep --date 2017-06-01 --hours-per-week 5 --hourly-wage 130 \\
        --benefit kontanthjaelp --rate full [--json]
    smaajob rules keep --date 2026-12-02 --hours-per-week 5 --hourly-wage 140 \\
        --age 35 [--children 2] [--couple] [--lives-with-parent] [--work-years 3] \\
        [--residence-requirement-not-met] [--activity-ready]   # the rate from the facts
    smaajob rules work-duty --date 2026-12-02 --age 35 --residence-requirement-not-met \\
        [--smaajob-hours 5]
    smaajob rules hours-requirement --hours-file hours.csv --date 2017-06-01 [--json] \\
        [--married] [--spouse-support pension] [--provider|--no-provider] \\
        [--full-child-benefit-from 2018-09-01] [--exempt-from D --exemption-ground G]

The hours file format is documented in ``smaajob.rules.hours_csv``. No Django is imported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from smaajob.danish_numbers import NotANumber, read_decimal
from smaajob.errors import InvalidInput
from smaajob.rules import (
    BenefitFacts,
    BenefitKind,
    CitizenCase,
    ExemptionGround,
    Period,
    Rate,
    SpouseSupport,
    compute_keep,
    hours_requirement_status,
    read_hours_csv,
    work_duty,
)
from smaajob.rules.months import month_index


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"forventede en dato ÅÅÅÅ-MM-DD, fik {text!r}") from None


def _number(text: str) -> float:
    try:
        return float(read_decimal(text))
    except NotANumber:
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
    keep.add_argument("--own-contributions", type=_number, default=0.0,
                      help="egne ATP- og pensionsbidrag pr. måned (trækkes fra lønnen først)")
    keep.add_argument("--no-fixed-hours", dest="fixed_hours", action="store_false",
                      help="ingen fastsat arbejdstid: timerne regnes af indtægten (LAS § 31, stk. 3)")
    _fact_arguments(keep, required=False)
    keep.add_argument("--json", action="store_true", help="skriv JSON")
    keep.set_defaults(handler=_keep)

    duty = commands.add_parser("work-duty", help="er borgeren omfattet af arbejdspligten?")
    duty.add_argument("--date", type=_date, required=True, help="dato ÅÅÅÅ-MM-DD")
    duty.add_argument("--smaajob-hours", type=_number, default=0.0,
                      help="lønnede timer pr. uge i småjob (tæller med)")
    _fact_arguments(duty, required=True)
    duty.add_argument("--json", action="store_true", help="skriv JSON")
    duty.set_defaults(handler=_work_duty)

    hours = commands.add_parser("hours-requirement", help="225-timersreglen for én borger")
    hours.add_argument("--hours-file", type=Path, required=True,
                       help="CSV: month,ordinary_hours[,on_benefit,rate,benefit_amount,...]; komma- eller "
                       "semikolonsepareret (dansk Excel), UTF-8 eller Windows-1252")
    hours.add_argument("--date", type=_date, required=True, help="måneden, der beregnes for")
    hours.add_argument("--exempt-from", type=_date, help="undtaget fra (afgørelse)")
    hours.add_argument("--exempt-to", type=_date, help="undtaget til og med")
    hours.add_argument("--reduced-since", type=_date,
                       help="dato for en besluttet nedsættelse, der stadig gælder")
    hours.add_argument("--married-both-on-help", action="store_true")
    hours.add_argument("--married", action="store_true",
                       help="gift (en eller begge ægtefæller modtager hjælp)")
    hours.add_argument("--spouse-support", choices=[s.value for s in SpouseSupport],
                       help="hvad ægtefællen lever af (kræves ved integrationsydelse)")
    provider = hours.add_mutually_exclusive_group()
    provider.add_argument("--provider", dest="provider", action="store_true", default=None,
                          help="forsørgelsespligt over for børn")
    provider.add_argument("--no-provider", dest="provider", action="store_false",
                          help="ingen forsørgelsespligt over for børn")
    hours.add_argument("--full-child-benefit-from", type=_date,
                       help="dato for ret til fuld børne- og ungeydelse")
    hours.add_argument("--exemption-ground", choices=[g.value for g in ExemptionGround],
                       help="undtagelsens grundlag (LAS § 13 f, stk. 9)")
    hours.add_argument("--json", action="store_true", help="skriv JSON")
    hours.set_defaults(handler=_hours_requirement)
    parser.set_defaults(handler=lambda args: (parser.print_help(), 2)[1])


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"forventede et helt tal, fik {text!r}") from None


FACT_FLAGS = ("children", "couple", "lives_with_parent", "work_years",
              "residence_requirement_not_met", "activity_ready")


def _fact_arguments(parser: Any, *, required: bool) -> None:
    facts = parser.add_argument_group(
        "borgerens forhold", "med --age udledes sats, tillæg og fribeløb af forholdene")
    facts.add_argument("--age", type=_whole_number, required=required, help="alder i år")
    facts.add_argument("--children", type=_whole_number, default=0,
                       help="børn under 18 år, som borgeren forsørger")
    civil = facts.add_mutually_exclusive_group()
    civil.add_argument("--single", dest="couple", action="store_false",
                       help="enlig (standard)")
    civil.add_argument("--couple", dest="couple", action="store_true",
                       help="gift eller samlevende")
    parser.set_defaults(couple=False)
    facts.add_argument("--lives-with-parent", action="store_true",
                       help="bor hos en eller begge forældre")
    facts.add_argument("--work-years", type=_number,
                       help="år med ordinært fuldtidsarbejde inden for de seneste 10 år")
    facts.add_argument("--residence-requirement-not-met", action="store_true",
                       help="opholds- og beskæftigelseskravet er ikke opfyldt")
    facts.add_argument("--activity-ready", action="store_true",
                       help="aktivitetsparat (særligt ungetillæg)")


def _facts(args: argparse.Namespace) -> BenefitFacts | None:
    if args.age is None:
        given = [f for f in FACT_FLAGS
                 if getattr(args, f) not in (None, False, 0)]
        if given:
            flag = "--" + given[0].replace("_", "-")
            raise InvalidInput(f"{flag} kræver --age (borgerens alder)", field="age")
        return None
    return BenefitFacts(age=args.age, children=args.children, single=not args.couple,
                        lives_with_parent=args.lives_with_parent,
                        full_time_work_years_last_10=args.work_years,
                        residence_requirement_met=not args.residence_requirement_not_met,
                        activity_ready=args.activity_ready)


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
        premium_eligible=args.job_premium_eligible, facts=_facts(args),
        own_contributions=args.own_contributions, fixed_hours=args.fixed_hours,
    )
    _print(result, args.json)
    return 0


def _work_duty(args: argparse.Namespace) -> int:
    facts = _facts(args)
    assert facts is not None  # --age is required here
    _print(work_duty(args.date, facts, ordinary_hours_per_week=args.smaajob_hours), args.json)
    return 0


def _hours_requirement(args: argparse.Namespace) -> int:
    try:
        raw = args.hours_file.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"kan ikke læse {args.hours_file}: {exc.strerror}",
                           field="hours-file") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:  # Danish Excel saves "CSV (semikolonsepareret)" in Windows-1252, not UTF-8.
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise InvalidInput(f"{args.hours_file} er hverken UTF-8 eller Windows-1252 (Excels danske CSV)",
                               field="hours-file") from None
    exemptions: tuple[Period, ...] = ()
    if args.exempt_from:
        ground = ExemptionGround(args.exemption_ground) if args.exemption_ground else None
        exemptions = (Period(args.exempt_from, args.exempt_to, "afgørelse angivet på kommandolinjen",
                             ground=ground),)
    elif args.exempt_to or args.exemption_ground:
        flag = "--exempt-to" if args.exempt_to else "--exemption-ground"
        raise InvalidInput(f"{flag} kræver --exempt-from", field=flag.lstrip("-"))
    reductions = (Period(args.reduced_since),) if args.reduced_since else ()
    case = CitizenCase(tuple(read_hours_csv(text)), exemptions=exemptions,
                       reduction_decisions=reductions,
                       married_both_on_help=args.married_both_on_help,
                       married=args.married,
                       spouse_support=SpouseSupport(args.spouse_support)
                       if args.spouse_support else None,
                       provider=args.provider,
                       full_child_benefit_from=args.full_child_benefit_from)
    _print(hours_requirement_status(case, month_index(args.date)), args.json)
    return 0
