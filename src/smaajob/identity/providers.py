# SPDX-License-Identifier: MPL-2.0
"""The OpenID Connect providers Småjob accepts log-ins from, read from settings.

``SMAAJOB_OIDC_PROVIDERS`` (settings, from the environment variable of the same name) is a JSON
list; each provider is one object (docs/administration.md, "Log-in"):

* ``name`` — a short ASCII name used in the address (``/log-ind/oidc/<name>/``);
* ``label`` — the button text ("Log ind med MitID" …);
* ``kind`` — which claim rule applies (``smaajob.identity.claims``):
  ``staff`` (the municipality's own IdP), ``citizen`` (NemLog-in), ``employer`` (MitID Erhverv);
* ``issuer`` — the provider's issuer URL; its discovery document is
  ``<issuer>/.well-known/openid-configuration`` unless ``discovery_url`` says otherwise;
* ``client_id`` and ``client_secret`` (or ``client_secret_env``: the name of an environment
  variable holding it, so the secret need not stand in the JSON);
* ``scope`` (default ``"openid profile email"``);
* the claim rule's own keys (``role_claim``, ``roles``, ``municipality_claim``, ``cpr_claim``,
  ``cvr_claim``, ``employee_claim``; defaults in ``smaajob.identity.claims``).

A malformed list stops the server at the first request that needs it with a message that
names the provider and the key (``ImproperlyConfigured``).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KINDS = ("staff", "citizen", "employer")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_OWN_KEYS = {"name", "label", "kind", "issuer", "discovery_url", "client_id", "client_secret", "client_secret_env"}
_OWN_KEYS |= {"scope"}


@dataclass(frozen=True)
class Provider:
    name: str
    label: str
    kind: str
    issuer: str
    discovery_url: str
    client_id: str
    client_secret: str
    scope: str = "openid profile email"
    # The claim rule's settings (smaajob.identity.claims reads them).
    rule: dict[str, Any] = field(default_factory=dict)


def _problem(index: int, name: str, message: str) -> ImproperlyConfigured:
    who = f"udbyder nr. {index + 1}" + (f" ({name})" if name else "")
    return ImproperlyConfigured(f"SMAAJOB_OIDC_PROVIDERS, {who}: {message}")


def parse_providers(raw: Any) -> list[Provider]:
    """Validate the setting (a list of objects, or its JSON text) into ``Provider`` values."""
    if isinstance(raw, str):
        if not raw.strip():
            return []
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as error:
            raise ImproperlyConfigured(f"SMAAJOB_OIDC_PROVIDERS er ikke gyldig JSON: {error}") from error
    if not isinstance(raw, list):
        raise ImproperlyConfigured("SMAAJOB_OIDC_PROVIDERS skal være en JSON-liste af udbydere, fx [{…}].")
    providers: list[Provider] = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            raise _problem(index, "", "skal være et objekt med name, label, kind, issuer og client_id.")
        name = str(item.get("name", ""))
        if not _NAME.match(name):
            raise _problem(index, name, "name skal være små bogstaver, cifre og bindestreg, fx 'nemlog-in'.")
        if any(p.name == name for p in providers):
            raise _problem(index, name, "to udbydere har samme name.")
        kind = item.get("kind")
        if kind not in KINDS:
            raise _problem(index, name, f"kind skal være en af {', '.join(KINDS)}.")
        for key in ("label", "issuer", "client_id"):
            if not isinstance(item.get(key), str) or not item[key]:
                raise _problem(index, name, f"{key} mangler.")
        secret = item.get("client_secret", "")
        if item.get("client_secret_env"):
            secret = os.environ.get(str(item["client_secret_env"]), "")
            if not secret:
                raise _problem(index, name, f"miljøvariablen {item['client_secret_env']} er tom.")
        issuer = str(item["issuer"]).rstrip("/")
        providers.append(
            Provider(
                name=name,
                label=str(item["label"]),
                kind=str(kind),
                issuer=issuer,
                discovery_url=str(item.get("discovery_url") or f"{issuer}/.well-known/openid-configuration"),
                client_id=str(item["client_id"]),
                client_secret=str(secret),
                scope=str(item.get("scope") or "openid profile email"),
                rule={k: v for k, v in item.items() if k not in _OWN_KEYS},
            )
        )
    return providers


def configured_providers() -> list[Provider]:
    """The providers of the current settings (read each time, so a test may override them)."""
    return parse_providers(getattr(settings, "SMAAJOB_OIDC_PROVIDERS", []))


def provider_named(name: str) -> Provider | None:
    return next((p for p in configured_providers() if p.name == name), None)


def password_login_enabled() -> bool:
    """Log-in with username and password (the demo, emergencies); off in production."""
    return bool(getattr(settings, "SMAAJOB_PASSWORD_LOGIN", True))
