# SPDX-License-Identifier: MPL-2.0
"""``smaajob worker``: runs the background jobs and the built-in schedule (``smaajob.jobs``).

Start one (or more, on any machine with the same database) beside ``smaajob serve``. It runs
until stopped; ``--until-idle`` runs what is ready and stops (for tests and a one-off catch-up).
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("worker", help="kør baggrundsjob (eksporter, natlige job) og tidsplanen")
    parser.add_argument("--until-idle", action="store_true", help="kør de job, der er klar, og stop så")
    parser.add_argument("--no-schedule", action="store_true", help="start ingen planlagte job (kun køen)")
    parser.add_argument(
        "--interval", type=float, default=2.0, help="sekunder mellem kig i køen, når den er tom (standard 2)"
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from django.conf import settings

    from smaajob.errors import InvalidInput
    from smaajob.jobs.models import JobStatus
    from smaajob.jobs.schedule import parse_schedule
    from smaajob.jobs.worker import work

    if not 0.1 <= args.interval <= 3600:
        raise InvalidInput("Intervallet skal være fra 0,1 til 3600 sekunder, fx 2.", field="interval")
    slots = () if args.no_schedule else parse_schedule(settings.SMAAJOB_SCHEDULE)
    if not args.until_idle:
        plan = ", ".join(f"{slot.kind.label} kl. {slot.at:%H:%M}" for slot in slots) or "ingen planlagte job"
        print(f"Småjobs baggrundsjob kører (tidsplan: {plan}). Stop med Ctrl+C.", flush=True)
    finished = work(slots=slots, interval=args.interval, until_idle=args.until_idle)
    labels = dict(JobStatus.choices)
    if finished:
        print("Job afsluttet: " + ", ".join(f"{labels[s].lower()}: {n}" for s, n in sorted(finished.items())))
    return 1 if finished.get(JobStatus.FAILED) else 0
