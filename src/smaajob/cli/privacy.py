# SPDX-License-Identifier: MPL-2.0
"""Data protection on the command line (docs/privacy.md, docs/security.md):

* ``smaajob keys new`` prints a fresh Fernet key; ``smaajob keys rotate`` re-encrypts every CPR
  number with the first key of ``SMAAJOB_CPR_KEYS`` (batches, with progress);
* ``smaajob audit verify`` checks the audit log's hash chain and names the first broken entry
  (exit 1 when broken);
* ``smaajob gdpr export --citizen-id N`` writes everything held about one citizen as JSON (and
  ``--pdf FILE`` as a readable PDF); the export is audit-logged;
* ``smaajob retention run [--dry-run]`` anonymises citizens whose cases closed more than
  ``SMAAJOB_RETENTION_YEARS`` ago, or reports what it would change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keys = subparsers.add_parser("keys", help="CPR-krypteringsnøgler: ny nøgle, rotation")
    key_commands = keys.add_subparsers(dest="keys_command", metavar="KOMMANDO", required=True)
    key_commands.add_parser("new", help="skriv en ny tilfældig nøgle (til SMAAJOB_CPR_KEYS)").set_defaults(
        handler=handle_new_key
    )
    rotate = key_commands.add_parser("rotate", help="kryptér alle CPR-numre igen med den første nøgle")
    rotate.add_argument("--batch-size", type=int, default=500, help="rækker pr. transaktion (standard 500)")
    rotate.set_defaults(handler=handle_rotate)

    audit = subparsers.add_parser("audit", help="adgangsloggen: kontrollér hash-kæden")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="KOMMANDO", required=True)
    audit_commands.add_parser("verify", help="kontrollér kæden; nævner den første brudte post").set_defaults(
        handler=handle_verify
    )

    gdpr = subparsers.add_parser("gdpr", help="den registreredes rettigheder: indsigt (art. 15)")
    gdpr_commands = gdpr.add_subparsers(dest="gdpr_command", metavar="KOMMANDO", required=True)
    export = gdpr_commands.add_parser("export", help="alt om én borger som JSON (og PDF)")
    export.add_argument("--citizen-id", required=True, help="borgerens interne id (aldrig CPR-nummer)")
    export.add_argument("--output", type=Path, help="JSON-fil (standard: skriv til skærmen)")
    export.add_argument("--pdf", type=Path, help="skriv også en læsbar PDF hertil")
    export.set_defaults(handler=handle_export)

    retention = subparsers.add_parser("retention", help="sletning: anonymisér afsluttede sager efter perioden")
    retention_commands = retention.add_subparsers(dest="retention_command", metavar="KOMMANDO", required=True)
    run = retention_commands.add_parser("run", help="anonymisér (eller --dry-run: vis hvad der ville ske)")
    run.add_argument("--dry-run", action="store_true", help="ændr intet; vis kun rapporten")
    run.add_argument("--years", type=int, help="opbevaringsperiode i år (standard: SMAAJOB_RETENTION_YEARS)")
    run.set_defaults(handler=handle_retention)


def handle_new_key(args: argparse.Namespace) -> int:
    from smaajob.cpr_vault import new_fernet_key

    print(new_fernet_key())
    return 0


def handle_rotate(args: argparse.Namespace) -> int:
    from rich.progress import Progress

    from smaajob import cpr_vault
    from smaajob.errors import InvalidInput
    from smaajob.privacy.keys import rotate_cpr_keys

    if args.batch_size < 1:
        raise InvalidInput("--batch-size skal være et helt tal fra 1, fx 500.", field="batch_size")
    cpr_vault.reset_cache()
    keys = cpr_vault.current_keys()
    if keys.development:
        print("Bemærk: udviklingsnøglen bruges (SMAAJOB_CPR_KEYS er ikke sat).", file=sys.stderr)
    with Progress(transient=True) as progress:
        task = progress.add_task("Krypterer CPR-numre igen", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        done = rotate_cpr_keys(batch_size=args.batch_size, progress=advance)
    print(f"{done} CPR-numre er krypteret med den første nøgle ({keys.count} nøgle(r) i SMAAJOB_CPR_KEYS).")
    if keys.count > 1:
        print("De gamle nøgler kan nu fjernes fra SMAAJOB_CPR_KEYS.")
    return 0


def handle_verify(args: argparse.Namespace) -> int:
    from smaajob.audit.models import AuditEntry
    from smaajob.audit.services import verify_chain

    broken = verify_chain()
    if broken is not None:
        print(f"Adgangsloggen er brudt ved post {broken.entry_id}: {broken.reason}.", file=sys.stderr)
        return 1
    print(f"Adgangsloggen er hel: {AuditEntry.objects.count()} poster, kæden holder.")
    return 0


def handle_export(args: argparse.Namespace) -> int:
    from smaajob.audit.models import AuditAction
    from smaajob.audit.services import record
    from smaajob.citizens.models import Citizen
    from smaajob.errors import NotFound
    from smaajob.pdf import render_pdf
    from smaajob.privacy.insight import collect, pdf_context

    try:
        citizen = Citizen.objects.get(pk=int(args.citizen_id))
    except (ValueError, Citizen.DoesNotExist):
        raise NotFound("Der findes ingen borger med det id (brug borgerens interne id, fx 42).") from None
    record(
        actor=None,
        action=AuditAction.READ,
        object_type="citizen",
        object_id=citizen.pk,
        citizen_id=citizen.pk,
        detail="indsigt (databeskyttelsesforordningens art. 15), kommandolinje",
    )
    insight = collect(citizen)
    text = insight.as_json()
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"JSON skrevet til {args.output}.")
    else:
        print(text)
    if args.pdf:
        args.pdf.write_bytes(render_pdf("web/privacy/insight_pdf.html", pdf_context(insight)))
        print(f"PDF skrevet til {args.pdf}.", file=sys.stderr if not args.output else sys.stdout)
    return 0


def handle_retention(args: argparse.Namespace) -> int:
    from smaajob.privacy.retention import run

    report = run(years=args.years, dry_run=args.dry_run)
    for line in report.lines():
        print(line)
    return 0
