# SPDX-License-Identifier: MPL-2.0
"""``smaajob createuser``: create a log-in with a role. The password is asked for on the
terminal (or read from SMAAJOB_PASSWORD for scripts), never taken as a flag, so it does not
end up in the shell history or the process list."""

from __future__ import annotations

import argparse
import getpass
import os


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from smaajob.organisation.models import Role

    parser = subparsers.add_parser("createuser", help="opret en bruger med en rolle")
    parser.add_argument("username", help="brugernavn")
    parser.add_argument("--role", required=True, choices=Role.values, help="rolle")
    parser.add_argument("--municipality", help="kommunekode, fx 461 (kræves for medarbejdere)")
    parser.add_argument("--company-cvr", help="virksomhedens CVR-nummer (kræves for virksomhedskontakter)")
    parser.add_argument("--first-name", default="")
    parser.add_argument("--last-name", default="")
    parser.add_argument("--email", default="")
    parser.add_argument(
        "--superuser",
        action="store_true",
        help="gør en administrator til superbruger (kun til drift og nødsituationer; "
        "en almindelig administrator er aldrig superbruger)",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:

    from smaajob.errors import InvalidInput
    from smaajob.network.models import Company
    from smaajob.organisation.models import Municipality
    from smaajob.organisation.services import create_user
    from smaajob.validators import normalise_cvr

    municipality = None
    if args.municipality:
        municipality = Municipality.objects.filter(code=args.municipality).first()
        if municipality is None:
            raise InvalidInput(f"Kommunekoden {args.municipality} findes ikke i databasen.", field="municipality")
    company = None
    if args.company_cvr:
        company = Company.objects.filter(cvr=normalise_cvr(args.company_cvr)).first()
        if company is None:
            raise InvalidInput("Virksomheden findes ikke i netværket.", field="company_cvr")
        municipality = municipality or company.municipality
    if args.superuser and args.role != "administrator":
        # Refused before the password is asked for: nobody should type a password for nothing.
        raise InvalidInput("Kun en administrator kan gøres til superbruger (--superuser).", field="superuser")
    password = os.environ.get("SMAAJOB_PASSWORD") or _ask_password()
    user = create_user(
        username=args.username,
        password=password,
        role=args.role,
        municipality=municipality,
        company=company,
        first_name=args.first_name,
        last_name=args.last_name,
        email=args.email,
        is_superuser=args.superuser,
    )
    print(f"Brugeren {user.username} ({user.get_role_display()}) er oprettet.")
    if user.is_superuser:
        print("Bemærk: brugeren er superbruger. Brug kun kontoen til drift og nødsituationer.")
    return 0


def _ask_password() -> str:
    """The password from the terminal; without one (a script, a pipe) a clear refusal, not a traceback."""
    from smaajob.errors import InvalidInput

    if not os.isatty(0):
        raise InvalidInput(
            "Der er ingen terminal at spørge om adgangskoden på. Sæt miljøvariablen SMAAJOB_PASSWORD, "
            "fx SMAAJOB_PASSWORD='…' smaajob createuser …",
            field="password",
        )
    try:
        password = getpass.getpass("Adgangskode: ")
        again = getpass.getpass("Gentag adgangskode: ")
    except (EOFError, KeyboardInterrupt):
        raise InvalidInput("Ingen adgangskode givet; brugeren er ikke oprettet.", field="password") from None
    if password != again:
        raise InvalidInput("De to adgangskoder er ikke ens.", field="password")
    return password
