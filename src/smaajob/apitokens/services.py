# SPDX-License-Identifier: MPL-2.0
"""Writes for API tokens: create (the secret is returned once), revoke, and use a secret."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from smaajob.apitokens import scopes as scope_rules
from smaajob.apitokens.models import ApiToken
from smaajob.audit.models import AuditAction
from smaajob.audit.services import record
from smaajob.errors import InvalidInput
from smaajob.organisation.models import STAFF_ROLES, Municipality, User

# A token is for a system, which does its work as a municipality's staff would: never as an
# employer contact or a citizen (their access follows a person's consent and placement).
TOKEN_ROLES = frozenset(str(r) for r in STAFF_ROLES)
# A token lives at most a year: a forgotten integration stops by itself (docs/security.md).
MAX_LIFETIME = timedelta(days=366)
SECRET_PREFIX = "smj_"
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,59}$")


@dataclass(frozen=True)
class CreatedToken:
    token: ApiToken
    secret: str  # shown once; only its hash is stored


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@transaction.atomic
def create_token(
    *,
    name: str,
    role: str,
    municipality: Municipality | None,
    scopes: Iterable[str],
    expires_at: datetime | None,
    created_by: User | None,
    areas: Iterable[str] = (),
    description: str = "",
) -> CreatedToken:
    """A new token for the system ``name``; ``areas`` are the API's areas the scopes may name."""
    name = name.strip()
    if not _NAME.match(name):
        raise InvalidInput(
            "Navnet skal være 2–60 tegn: små bogstaver a–z, tal, punktum, bindestreg eller understreg, fx esdh-sbsys.",
            field="name",
        )
    if ApiToken.objects.filter(name=name).exists() or User.objects.filter(username=name).exists():
        raise InvalidInput(f"Navnet »{name}« er allerede i brug; vælg et andet.", field="name")
    if role not in TOKEN_ROLES:
        labels = ", ".join(sorted(TOKEN_ROLES))
        raise InvalidInput(f"En API-nøgle kan have en medarbejderrolle: {labels}.", field="role")
    if municipality is None:
        raise InvalidInput("Vælg nøglens kommune, fx 461.", field="municipality")
    now = timezone.now()
    if expires_at is None or expires_at <= now:
        raise InvalidInput("Udløbsdatoen skal ligge i fremtiden, fx om 90 dage.", field="expires_at")
    if expires_at - now > MAX_LIFETIME:
        raise InvalidInput("En API-nøgle kan højst gælde ét år; vælg en tidligere udløbsdato.", field="expires_at")
    cleaned = scope_rules.clean(scopes, areas=areas)
    account = User(
        username=name,
        role=role,
        municipality=municipality,
        first_name="API-nøgle",
        last_name=name,
        is_staff=False,
    )
    account.set_unusable_password()
    account.save()
    secret = f"{SECRET_PREFIX}{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        name=name,
        description=description.strip()[:200],
        role=role,
        municipality=municipality,
        scopes=cleaned,
        account=account,
        prefix=secret[: len(SECRET_PREFIX) + 6],
        secret_hash=hash_secret(secret),
        created_by=created_by,
        expires_at=expires_at,
    )
    record(actor=created_by, action=AuditAction.CREATE, object_type="api_token", object_id=token.pk, detail=name)
    return CreatedToken(token=token, secret=secret)


@transaction.atomic
def revoke_token(*, token: ApiToken, revoked_by: User | None) -> ApiToken:
    """Stops the token at once; its account is deactivated too. Revoking twice changes nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.revoked_by = revoked_by
    token.save(update_fields=["revoked_at", "revoked_by"])
    User.objects.filter(pk=token.account_id).update(is_active=False)
    record(
        actor=revoked_by, action=AuditAction.UPDATE, object_type="api_token", object_id=token.pk, detail="tilbagekaldt"
    )
    return token


def authenticate(secret: str) -> ApiToken | None:
    """The usable token with this secret (not expired, not revoked), or None; notes its use."""
    if not secret.startswith(SECRET_PREFIX) or len(secret) > 200:
        return None
    token = (
        ApiToken.objects.select_related("account", "account__municipality")
        .filter(secret_hash=hash_secret(secret))
        .first()
    )
    now = timezone.now()
    if token is None or not token.is_usable(now) or not token.account.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
    return token


def scope_allows(token: ApiToken, method: str, path: str) -> bool:
    """Does the token's scope cover this request? A path outside any area is not covered."""
    scope = scope_rules.needed(method, path)
    return scope is not None and scope in token.scopes


def expiry_in(days: int) -> datetime:
    """The expiry ``days`` from now (the CLI's ``--days``)."""
    return timezone.now() + timedelta(days=days)
