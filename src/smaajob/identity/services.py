# SPDX-License-Identifier: MPL-2.0
"""Finding, linking or creating the Småjob user behind a provider log-in.

``user_for_login`` applies the claim rule of the provider's kind (``smaajob.identity.claims``)
and returns the user to log in, or raises ``SignInRefused``:

* an identity seen before (``ExternalIdentity`` by provider and ``sub``) is that user; a staff
  user's role and municipality follow the IdP at every log-in (the IdP is where they are
  managed), so a role taken away there is gone here at the next log-in;
* a first staff log-in links to the existing user with the same ``preferred_username`` in the
  same municipality, else creates one;
* a first NemLog-in log-in finds the citizen by CPR number (``citizen_for_login``) and links to
  the citizen's log-in, or creates it; nobody is created for a CPR number Småjob has no record of;
* a first MitID Erhverv log-in finds the company by CVR number and links to the company's
  contact user with the same e-mail address, or creates one.

A deactivated user is refused (``oidc_inactive``). Created users have no usable password.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from smaajob.audit.models import AuditAction
from smaajob.audit.services import record
from smaajob.citizens.selectors import citizen_for_login
from smaajob.errors import SignInRefused
from smaajob.identity import claims as rules
from smaajob.identity.models import ExternalIdentity
from smaajob.identity.providers import Provider
from smaajob.network.models import Company
from smaajob.organisation.models import Municipality, Role, User

INACTIVE = SignInRefused("Din bruger i Småjob er deaktiveret. Kontakt kommunens administrator.", code="oidc_inactive")


@transaction.atomic
def user_for_login(*, provider: Provider, claims: Mapping[str, Any]) -> User:
    """The user a verified log-in at ``provider`` with these ID-token claims is."""
    if provider.kind == "staff":
        user = _staff_user(provider, rules.staff_claims(claims, provider.rule))
    elif provider.kind == "citizen":
        user = _citizen_user(provider, rules.citizen_claims(claims, provider.rule))
    else:
        user = _employer_user(provider, rules.employer_claims(claims, provider.rule))
    if not user.is_active:
        raise INACTIVE
    return user


def _linked(provider: Provider, subject: str) -> User | None:
    link = ExternalIdentity.objects.select_related("user").filter(provider=provider.name, subject=subject).first()
    if link is None:
        return None
    link.last_login_at = timezone.now()
    link.save(update_fields=["last_login_at"])
    return link.user


def _link(provider: Provider, subject: str, user: User) -> None:
    ExternalIdentity.objects.create(provider=provider.name, subject=subject, user=user, last_login_at=timezone.now())


def _new_username(base: str) -> str:
    base = (base or "bruger")[:140]
    candidate, n = base, 1
    while User.objects.filter(username=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _staff_user(provider: Provider, found: rules.StaffClaims) -> User:
    municipality = Municipality.objects.filter(code=found.municipality_code).first()
    if municipality is None:
        raise SignInRefused(
            f"Kommunekoden {found.municipality_code!r} fra log-in-udbyderen kendes ikke i Småjob "
            "(tre cifre, fx 101 for København). Kontakt kommunens administrator.",
            code="oidc_unknown_municipality",
        )
    user = _linked(provider, found.subject)
    if user is None:
        user = (
            User.objects.filter(username=found.username, municipality=municipality).first() if found.username else None
        )
        if user is not None and not user.is_staff_role:
            user = None  # a citizen's or employer's log-in never becomes a staff account
        if user is None:
            user = User(username=_new_username(found.username or f"{provider.name}-{found.subject}"))
            user.set_unusable_password()
        is_new_link = True
    else:
        is_new_link = False
    changed = is_new_link or user.role != found.role or user.municipality_id != municipality.pk
    user.role = found.role
    user.municipality = municipality
    user.company = None
    user.first_name = found.first_name or user.first_name
    user.last_name = found.last_name or user.last_name
    user.email = found.email or user.email
    user.save()
    if is_new_link:
        _link(provider, found.subject, user)
    if changed:
        # The role came from the IdP: the access log says so (ids and names only).
        record(
            actor=user,
            action=AuditAction.UPDATE,
            object_type="user",
            object_id=user.pk,
            detail=f"log-in via {provider.name}: rolle {Role(found.role).label}, kommune {municipality.code}",
        )
    return user


def _citizen_user(provider: Provider, found: rules.CitizenClaims) -> User:
    user = _linked(provider, found.subject)
    if user is not None:
        return user
    citizen = citizen_for_login(found.cpr)
    if citizen is None:
        raise SignInRefused(
            "Du er ikke tilmeldt Småjob. Har du en rådgiver i kommunen, kan rådgiveren fortælle dig, "
            "om du kan komme med.",
            code="oidc_unknown_citizen",
        )
    if citizen.user is None:
        user = User(
            username=_new_username(f"borger-{citizen.pk}"),
            role=Role.CITIZEN,
            municipality=citizen.municipality,
            first_name=citizen.first_name,
            last_name=citizen.last_name,
        )
        user.set_unusable_password()
        user.save()
        citizen.user = user
        citizen.save(update_fields=["user"])
    else:
        user = citizen.user
    _link(provider, found.subject, user)
    # The look-up by CPR number read the citizen's record: logged like any read (never the number).
    record(
        actor=user,
        action=AuditAction.READ,
        object_type="citizen",
        object_id=citizen.pk,
        citizen_id=citizen.pk,
        detail=f"første log-in via {provider.name}: fundet ved CPR-nummer",
    )
    return user


def _employer_user(provider: Provider, found: rules.EmployerClaims) -> User:
    company = Company.objects.filter(cvr=found.cvr).first()
    if company is None:
        raise SignInRefused(
            f"Virksomheden med CVR-nummer {found.cvr} er ikke med i kommunens virksomhedsnetværk i "
            "Småjob. Kontakt jeres virksomhedskonsulent.",
            code="oidc_unknown_company",
        )
    user = _linked(provider, found.subject)
    if user is not None:
        if user.company_id != company.pk:
            raise SignInRefused(
                "Du er logget ind for en anden virksomhed end den, din bruger hører til. "
                "Vælg den rigtige virksomhed i MitID Erhverv.",
                code="oidc_other_company",
            )
        return user
    user = (
        User.objects.filter(role=Role.EMPLOYER, company=company, email__iexact=found.email).first()
        if found.email
        else None
    )
    if user is None:
        user = User(
            username=_new_username(f"virksomhed-{found.cvr}"),
            role=Role.EMPLOYER,
            company=company,
            municipality=company.municipality,
            first_name=found.first_name,
            last_name=found.last_name,
            email=found.email,
        )
        user.set_unusable_password()
        user.save()
    _link(provider, found.subject, user)
    return user
