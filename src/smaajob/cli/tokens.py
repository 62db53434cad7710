# SPDX-License-Identifier: MPL-2.0
"""``smaajob token create|revoke|list``: API tokens for system integrations (docs/administration.md).

The secret is printed once, by ``create``; only its hash is stored, so a lost secret means a
new token (and revoking the old one).
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("token", help="API-nøgler til systemintegrationer: opret, tilbagekald, vis")
    commands = parser.add_subparsers(dest="token_command", metavar="HANDLING", required=True)

    create = commands.add_parser("create", help="opret en API-nøgle (hemmeligheden vises én gang)")
    create.add_argument("name", help="systemets navn, fx esdh-sbsys (står i adgangsloggen)")
    create.add_argument("--role", required=True, help="rolle, fx benefit_office eller caseworker")
    create.add_argument("--municipality", required=True, help="kommunekode, fx 461")
    create.add_argument(
        "--scope",
        action="append",
        default=[],
        required=True,
        help="område:read eller område:write, fx borgere:read (kan gentages)",
    )
    create.add_argument("--days", type=int, default=90, help="gyldig i så mange dage (højst 366; standard 90)")
    create.add_argument("--description", default="", help="hvad nøglen bruges til")
    create.add_argument("--by", help="administratorens brugernavn (står i loggen)")
    create.set_defaults(handler=handle_create)

    revoke = commands.add_parser("revoke", help="tilbagekald en API-nøgle med det samme")
    revoke.add_argument("name", help="nøglens navn")
    revoke.add_argument("--by", help="administratorens brugernavn (står i loggen)")
    revoke.set_defaults(handler=handle_revoke)

    listing = commands.add_parser("list", help="vis API-nøglerne (aldrig hemmelighederne)")
    listing.add_argument("--municipality", help="kun denne kommune, fx 461")
    listing.set_defaults(handler=handle_list)


def _administrator(username: str | None):  # type: ignore[no-untyped-def]
    from smaajob.errors import InvalidInput
    from smaajob.organisation.models import Role, User

    if not username:
        return None
    user = User.objects.filter(username=username, role=Role.ADMINISTRATOR, is_active=True).first()
    if user is None:
        raise InvalidInput(f"Der er ingen aktiv administrator med brugernavnet »{username}«.", field="by")
    return user


def _municipality(code: str):  # type: ignore[no-untyped-def]
    from smaajob.errors import InvalidInput
    from smaajob.organisation.models import Municipality

    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise InvalidInput(f"Kommunekoden {code} findes ikke i databasen.", field="municipality")
    return municipality


def handle_create(args: argparse.Namespace) -> int:
    from django.utils.timezone import localtime

    from smaajob.api.bearer import api_areas
    from smaajob.apitokens.services import create_token, expiry_in
    from smaajob.errors import InvalidInput

    if not 1 <= args.days <= 366:
        raise InvalidInput("--days skal være fra 1 til 366.", field="days")
    created = create_token(
        name=args.name,
        role=args.role,
        municipality=_municipality(args.municipality),
        scopes=args.scope,
        expires_at=expiry_in(args.days),
        created_by=_administrator(args.by),
        areas=api_areas(),
        description=args.description,
    )
    token = created.token
    print(f"API-nøglen »{token.name}« ({token.role_label}, {token.municipality}) er oprettet.")
    print(f"Adgange: {', '.join(token.scopes)}. Udløber: {localtime(token.expires_at):%Y-%m-%d %H:%M}.")
    print("Hemmeligheden vises kun nu; gem den i systemets hemmelighedslager:")
    print(created.secret)
    return 0


def handle_revoke(args: argparse.Namespace) -> int:
    from smaajob.apitokens.selectors import token_named
    from smaajob.apitokens.services import revoke_token
    from smaajob.errors import NotFound

    token = token_named(args.name)
    if token is None:
        raise NotFound(f"Der er ingen API-nøgle med navnet »{args.name}«; se smaajob token list.")
    revoke_token(token=token, revoked_by=_administrator(args.by))
    print(f"API-nøglen »{token.name}« er tilbagekaldt.")
    return 0


def handle_list(args: argparse.Namespace) -> int:
    from smaajob.apitokens.selectors import tokens_of

    municipality_id = _municipality(args.municipality).pk if args.municipality else None
    rows = list(tokens_of(municipality_id))
    if not rows:
        print("Ingen API-nøgler.")
        return 0
    for t in rows:
        used = f"{t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "aldrig"
        print(
            f"{t.name}\t{t.state}\t{t.role}\t{t.municipality.code}\t{','.join(t.scopes)}\t"
            f"udløber {t.expires_at:%Y-%m-%d}\tsidst brugt {used}\t{t.prefix}…"
        )
    return 0
