# SPDX-License-Identifier: MPL-2.0
"""The OpenID Connect protocol, through Authlib (docs/decisions/0003-openid-connect-with-authlib.md).

Authlib does the parts that are easy to get wrong: the discovery document, ``state`` (kept in
the session and checked on return), ``nonce`` (in the ID token), PKCE (``S256``), the token
exchange, and the ID token's signature (the provider's published keys), issuer, audience and
expiry. This module adds what Småjob needs around it: one client per configured provider,
re-authentication (``prompt=login`` and ``max_age=0``, then ``auth_time`` checked), and the
provider's log-out address.

Every failure becomes ``SignInRefused`` with a stable code and a Danish message; the
details go to the log (without the token, which may carry a CPR number).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from authlib.common.errors import AuthlibBaseError
from authlib.integrations.base_client.errors import MismatchingStateError, OAuthError
from authlib.integrations.django_client import DjangoOAuth2App, OAuth
from django.http import HttpRequest, HttpResponseRedirect
from joserfc.errors import JoseError
from requests import RequestException

from smaajob.errors import SignInRefused
from smaajob.identity.providers import Provider

logger = logging.getLogger(__name__)

# What the session keeps while the user is at the provider: which provider, where to go after,
# and whether this is a re-authentication (and when it began). Keyed by ``state``.
PENDING = "smaajob.oidc_pending"
# How far the provider's clock may differ from ours when checking auth_time.
CLOCK_SKEW_SECONDS = 60

STATE_MISMATCH = SignInRefused(
    "Log-in kunne ikke afsluttes, fordi svaret fra log-in-udbyderen ikke passer til et log-in, "
    "du har startet her (fx hvis du brugte tilbage-knappen eller har flere faner åbne). Start forfra.",
    code="oidc_state_mismatch",
)
INVALID_TOKEN = SignInRefused(
    "Log-in-udbyderens svar kunne ikke godkendes: beviset for, hvem du er, var ugyldigt eller "
    "ændret undervejs. Du er ikke logget ind. Start forfra; sker det igen, kontakt kommunens IT-support.",
    code="oidc_invalid_token",
)
PROVIDER_UNAVAILABLE = SignInRefused(
    "Log-in-udbyderen svarer ikke lige nu. Prøv igen om lidt.", code="oidc_provider_unavailable"
)
PROVIDER_UNAVAILABLE.http_status = 503  # not a refusal of the person: the service is away
CANCELLED = SignInRefused(
    "Log-in blev afbrudt hos log-in-udbyderen, så du er ikke logget ind. Prøv igen.", code="oidc_cancelled"
)
NOT_REAUTHENTICATED = SignInRefused(
    "Log-in-udbyderen bekræftede ikke, at du lige har logget ind igen. Prøv igen.", code="oidc_not_reauthenticated"
)


def client_for(provider: Provider) -> DjangoOAuth2App:
    registry = OAuth()
    client: DjangoOAuth2App = registry.register(
        name=provider.name,
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        server_metadata_url=provider.discovery_url,
        client_kwargs={"scope": provider.scope, "code_challenge_method": "S256", "default_timeout": 10},
    )
    return client


def start(
    request: HttpRequest, provider: Provider, *, redirect_uri: str, next_url: str, reauthenticate: bool = False
) -> HttpResponseRedirect:
    """Send the browser to the provider; ``reauthenticate`` asks it to check the person again."""
    client = client_for(provider)
    params: dict[str, Any] = {"ui_locales": "da"}
    if reauthenticate:
        params.update(prompt="login", max_age=0)
    try:
        rv = client.create_authorization_url(redirect_uri, **params)
    except (RequestException, AuthlibBaseError, ValueError) as error:
        logger.warning("OIDC %s: discovery failed: %s", provider.name, type(error).__name__)
        raise PROVIDER_UNAVAILABLE from error
    client.save_authorize_data(request, redirect_uri=redirect_uri, **rv)
    pending = dict(request.session.get(PENDING, {}))
    pending[rv["state"]] = {
        "provider": provider.name,
        "next": next_url,
        "reauthenticate": reauthenticate,
        "started": int(time.time()),
    }
    request.session[PENDING] = dict(list(pending.items())[-5:])  # a few tabs, not an ever-growing list
    return HttpResponseRedirect(rv["url"])


def pending_for(request: HttpRequest) -> dict[str, Any] | None:
    """What ``start`` remembered for the ``state`` the browser came back with (removed)."""
    state = request.GET.get("state", "")
    pending = dict(request.session.get(PENDING, {}))
    found: dict[str, Any] | None = pending.pop(state, None)
    request.session[PENDING] = pending
    return found


def finish(request: HttpRequest, provider: Provider, pending: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """Check the provider's answer; the verified ID-token claims and the raw ID token."""
    if request.GET.get("error"):
        logger.info("OIDC %s: provider answered error=%s", provider.name, request.GET.get("error", "")[:40])
        raise CANCELLED
    client = client_for(provider)
    try:
        token = client.authorize_access_token(request)
    except MismatchingStateError as error:
        raise STATE_MISMATCH from error
    except OAuthError as error:
        logger.warning("OIDC %s: token exchange refused: %s", provider.name, error.error)
        raise INVALID_TOKEN from error
    except (JoseError, AuthlibBaseError) as error:
        # A bad signature (joserfc) or a claim that fails (issuer, audience, expiry, nonce).
        logger.warning("OIDC %s: ID token refused: %s", provider.name, type(error).__name__)
        raise INVALID_TOKEN from error
    except (RequestException, ValueError) as error:
        logger.warning("OIDC %s: provider unreachable: %s", provider.name, type(error).__name__)
        raise PROVIDER_UNAVAILABLE from error
    claims = token.get("userinfo")
    if not claims:  # no ID token at all: an OAuth answer, not an OpenID Connect log-in
        raise INVALID_TOKEN
    if pending.get("reauthenticate"):
        auth_time = claims.get("auth_time")
        if not isinstance(auth_time, int) or auth_time < int(pending["started"]) - CLOCK_SKEW_SECONDS:
            raise NOT_REAUTHENTICATED
    return dict(claims), str(token.get("id_token", ""))


def logout_url(provider: Provider, *, post_logout_redirect_uri: str, id_token_hint: str | None) -> str | None:
    """The provider's end-session address (RP-initiated log-out), or None if it has none."""
    client = client_for(provider)
    try:
        result = client.create_logout_url(
            post_logout_redirect_uri=post_logout_redirect_uri,
            id_token_hint=id_token_hint or None,
            client_id=provider.client_id,
            ui_locales="da",
        )
    except (RequestException, AuthlibBaseError, RuntimeError, ValueError) as error:
        logger.warning("OIDC %s: no log-out address: %s", provider.name, type(error).__name__)
        return None
    return str(result["url"])
