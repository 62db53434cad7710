# SPDX-License-Identifier: MPL-2.0
"""``smaajob createuser``: create a log-in with a role. The password is asked for on the
terminal (or read from SMAAJOB_PASSWORD for scripts), never taken as a flag, so it does not
end up in the shell history or the process list."""

from __future__ import annotations

import argparse
import getpass
import os
import re

# Short words people use for a role, beyond the words of its Danish name (``role_words``).
SHORT_WORDS = {"konsulent": "consultant", "ydelse": "benefit_office", "virksomhed": "employer",
               "arbejdsgiver": "employer", "admin": "administrator"}


def _ascii(word: str) -> str:
    return word.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


def role_words() -> dict[str, str]:
    """Every word that names a role: its code, each word of its Danish name (also written with
    ae/oe/aa, as in the demo's user names) and the short words above."""
    from smaajob.organisation.models import Role

    words: dict[str, str] = dict(SHORT_WORDS)
    for role in Role:
        words[role.value] = role.value
        for word in re.findall(r"[a-zæøå]+", str(role.label).lower()):
            words.setdefault(word, role.value)
            words.setdefault(_ascii(word), role.value)
    return words


def role_argument(text: str) -> str:
    """``--role``: a role's code or a Danish word for it (``raadgiver``, ``konsulent`` …)."""
    from smaajob.organisation.models import Role

    role = role_words().get(text.strip().lower())
    if role is None:
        names = ", ".join(f"{_ascii(str(r.label).lower().split()[0])} ({r.value})" for r in Role)
        raise argparse.ArgumentTypeError(f"ukendt rolle {text!r}; brug en af: {names}")
    return role


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from smaajob.organisation.models import Role

    parser = subparsers.add_parser("createuser", help="opret en bruger med en rolle")
    parser.add_argument("username", help="brugernavn")
    parser.add_argument(
        "--role",
        required=True,
        type=role_argument,
        help="rolle: " + ", ".join(f"{r.value} ({r.label})" for r in Role)
        + "; et dansk ord virker også, fx raadgiver, konsulent, borger",
    )
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
