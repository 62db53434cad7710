# SPDX-License-Identifier: MPL-2.0
"""The documented rule that turns a provider's claims into who the user is in Småjob.

One rule per kind of provider (docs/security.md, "Log-in and sessions"):

* **staff** (the municipality's IdP): the ``role_claim`` (default ``roles``; a string or a
  list, as Entra ID and Keycloak send groups) is matched against the provider's ``roles`` map
  (claim value → Småjob role; default: the role's own name, ``caseworker`` …). Only staff roles
  can be given. Exactly one value must map: none is refused (``oidc_no_role``), two different
  roles are refused too (``oidc_ambiguous_role``) rather than guessed. The ``municipality_claim``
  (default ``municipality_code``, the three-digit kommunekode, e.g. ``101``) must name a
  municipality Småjob knows (``oidc_unknown_municipality``).
* **citizen** (NemLog-in): the ``cpr_claim`` (default: NemLog-in 3's
  ``https://data.gov.dk/model/core/eid/cprNumber``, else the older
  ``dk:gov:saml:attribute:CprNumberIdentifier``) must hold a
  valid CPR number of a citizen Småjob has a record of (``oidc_unknown_citizen``). The CPR
  number is used for that one look-up and kept nowhere: not in the session, a URL or a log.
* **employer** (MitID Erhverv): the ``cvr_claim`` (default
  ``https://data.gov.dk/model/core/eid/professional/cvr``, else
  ``dk:gov:saml:attribute:CvrNumberIdentifier``) must name a company in the network
  (``oidc_unknown_company``); the user is that company's contact.

Every kind needs ``sub``; a missing claim is refused with ``oidc_missing_claim``. This module
reads claims only; ``smaajob.identity.services`` finds or creates the user.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from stdnum.dk import cpr as cpr_number
from stdnum.dk import cvr as cvr_number
from stdnum.exceptions import ValidationError

from smaajob.errors import SignInRefused
from smaajob.organisation.models import STAFF_ROLES

# NemLog-in 3 (OIOSAML 3) names first, then the OIOSAML 2 names brokers still send.
CPR_CLAIMS = ("https://data.gov.dk/model/core/eid/cprNumber", "dk:gov:saml:attribute:CprNumberIdentifier")
CVR_CLAIMS = ("https://data.gov.dk/model/core/eid/professional/cvr", "dk:gov:saml:attribute:CvrNumberIdentifier")

NO_ROLE = SignInRefused(
    "Du har ingen rolle i Småjob. Bed din leder eller administrator om at give dig en rolle "
    "(fx rådgiver eller virksomhedskonsulent) i kommunens brugerstyring, og log ind igen.",
    code="oidc_no_role",
)


@dataclass(frozen=True)
class StaffClaims:
    subject: str
    role: str
    municipality_code: str
    username: str
    first_name: str
    last_name: str
    email: str


@dataclass(frozen=True)
class CitizenClaims:
    subject: str
    cpr: str  # used for the one look-up, never stored (repr hides it)

    def __repr__(self) -> str:
        return f"CitizenClaims(subject={self.subject!r}, cpr='******-****')"


@dataclass(frozen=True)
class EmployerClaims:
    subject: str
    cvr: str
    first_name: str
    last_name: str
    email: str


def _text(claims: Mapping[str, Any], name: str) -> str:
    value = claims.get(name)
    return value.strip() if isinstance(value, str) else ""


def _required(claims: Mapping[str, Any], name: str) -> str:
    value = claims.get(name)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise SignInRefused(
            f"Log-in-udbyderen sendte ikke oplysningen '{name}', som Småjob skal bruge. "
            "Kontakt kommunens administrator.",
            code="oidc_missing_claim",
        )
    return value.strip()


def _claim_name(claims: Mapping[str, Any], configured: Any, defaults: tuple[str, ...]) -> str:
    """The configured claim name, or the first default the provider sent (else the first)."""
    if configured:
        return str(configured)
    return next((name for name in defaults if name in claims), defaults[0])


def staff_claims(claims: Mapping[str, Any], rule: Mapping[str, Any]) -> StaffClaims:
    subject = _required(claims, "sub")
    raw = claims.get(str(rule.get("role_claim", "roles")))
    values = [raw] if isinstance(raw, str) else [v for v in raw if isinstance(v, str)] if isinstance(raw, list) else []
    mapping: Mapping[str, str] = rule.get("roles") or {str(r): str(r) for r in STAFF_ROLES}
    roles = {mapping[v] for v in values if v in mapping and mapping[v] in STAFF_ROLES}
    if not roles:
        raise NO_ROLE
    if len(roles) > 1:
        raise SignInRefused(
            "Du har flere roller i kommunens brugerstyring, som giver forskellige roller i Småjob "
            f"({', '.join(sorted(roles))}). En bruger har én rolle: bed administratoren fjerne de andre.",
            code="oidc_ambiguous_role",
        )
    return StaffClaims(
        subject=subject,
        role=roles.pop(),
        municipality_code=_required(claims, str(rule.get("municipality_claim", "municipality_code"))),
        username=_text(claims, "preferred_username"),
        first_name=_text(claims, "given_name"),
        last_name=_text(claims, "family_name"),
        email=_text(claims, "email"),
    )


def citizen_claims(claims: Mapping[str, Any], rule: Mapping[str, Any]) -> CitizenClaims:
    subject = _required(claims, "sub")
    value = cpr_number.compact(_required(claims, _claim_name(claims, rule.get("cpr_claim"), CPR_CLAIMS)))
    # Only the format: CPR numbers issued since 2007 need not pass the modulus 11 check.
    if not (len(value) == 10 and value.isdigit()):
        raise SignInRefused(
            "Log-in-udbyderen sendte et CPR-nummer, der ikke har 10 cifre. Kontakt kommunen.",
            code="oidc_invalid_claim",
        )
    return CitizenClaims(subject=subject, cpr=value)


def employer_claims(claims: Mapping[str, Any], rule: Mapping[str, Any]) -> EmployerClaims:
    subject = _required(claims, str(rule.get("employee_claim", "sub")))
    try:
        cvr = cvr_number.validate(_required(claims, _claim_name(claims, rule.get("cvr_claim"), CVR_CLAIMS)))
    except ValidationError as error:
        raise SignInRefused(
            "Log-in-udbyderen sendte et CVR-nummer, der ikke er gyldigt (8 cifre). Kontakt kommunen.",
            code="oidc_invalid_claim",
        ) from error
    return EmployerClaims(
        subject=subject,
        cvr=cvr,
        first_name=_text(claims, "given_name"),
        last_name=_text(claims, "family_name"),
        email=_text(claims, "email"),
    )
