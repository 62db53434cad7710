# SPDX-License-Identifier: MPL-2.0
"""API tokens on the wire: ``Authorization: Bearer smj_…`` (issue 14, item 6).

``ApiTokenMiddleware`` runs after the session middleware and before the role gate
(``smaajob.web.page_gate``), for paths under ``/api/v1/`` that carry a bearer token:

* an unknown, expired or revoked token answers 401 ``invalid_token`` (and is logged as denied);
* a known token makes the request its account's (``request.user``), so the role gate and the
  access predicates treat it as a person with the token's role and municipality would be;
* a request outside the token's scopes answers 403 ``insufficient_scope`` (RFC 6750 §3.1);
  operations open to everyone (health, schema, calculator) need no scope;
* every call, answered or refused, leaves one audit entry with the token's name as actor and
  channel ``api`` (object type ``api_call``, the method, path and status as detail), besides
  the entries the access layer writes for the personal data the call reads.

``TokenAuth`` is the django-ninja side: it accepts the request the middleware authenticated,
so the OpenAPI schema shows the bearer scheme next to the session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import Resolver404, resolve
from ninja.security import HttpBearer

from smaajob.access import pages
from smaajob.apitokens import scopes as scope_rules
from smaajob.apitokens import services
from smaajob.apitokens.models import ApiToken
from smaajob.audit import context
from smaajob.audit.models import AuditAction, AuditChannel
from smaajob.audit.services import record

API_PATH = "/" + pages.API_PREFIX
_ACTIONS = {
    "POST": AuditAction.CREATE,
    "PUT": AuditAction.UPDATE,
    "PATCH": AuditAction.UPDATE,
    "DELETE": AuditAction.DELETE,
}


class TokenAuth(HttpBearer):
    """The bearer scheme in the schema; the token itself was checked by the middleware."""

    openapi_description = "En API-nøgle til et system (oprettes af en administrator): Authorization: Bearer smj_…"

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        api_token: ApiToken | None = getattr(request, "api_token", None)
        if api_token is None or api_token.secret_hash != services.hash_secret(token):
            return None
        return api_token.account


def _bearer_secret(request: HttpRequest) -> str | None:
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    return secret.strip() if scheme.lower() == "bearer" else None


def _refusal(status: int, code: str, message: str) -> HttpResponse:
    response = JsonResponse({"code": code, "message": message}, status=status)
    response["WWW-Authenticate"] = f'Bearer error="{code}"'
    return response


def _open_to_everyone(request: HttpRequest) -> bool | None:
    """Is the operation open to visitors (no scope needed)? None for a path that does not resolve."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if pages.is_api_operation(match.view_name, match.route):
        entry = pages.API_OPERATIONS.get(pages.operation_key(request.method or "GET", match.route))
    else:
        entry = pages.page_entry(match.view_name)
    return entry is not None and pages.ANONYMOUS in entry.roles


class ApiTokenMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        secret = _bearer_secret(request) if request.path_info.startswith(API_PATH) else None
        if secret is None:
            return self.get_response(request)
        method = (request.method or "GET").upper()
        call = f"{method} {request.path_info}"
        token = services.authenticate(secret)
        if token is None:
            record(
                actor=None,
                action=AuditAction.DENIED,
                channel=AuditChannel.API,
                object_type="api_call",
                detail=f"{call} 401 ukendt, udløbet eller tilbagekaldt nøgle",
            )
            return _refusal(401, "invalid_token", "API-nøglen er ukendt, udløbet eller tilbagekaldt.")
        request.user = token.account
        request.api_token = token  # type: ignore[attr-defined]
        # The call's channel and actor for every entry it writes, the access layer's included.
        context.switch(AuditChannel.API, token.account)
        open_route = _open_to_everyone(request)
        if open_route is False and not services.scope_allows(token, method, request.path_info):
            needed = scope_rules.needed(method, request.path_info)
            response = _refusal(403, "insufficient_scope", f"API-nøglen »{token.name}« har ikke adgangen {needed}.")
        else:
            response = self.get_response(request)
        action = _ACTIONS.get(method, AuditAction.READ) if response.status_code < 400 else AuditAction.DENIED
        record(actor=token.account, action=action, object_type="api_call", detail=f"{call} {response.status_code}")
        return response


def api_areas() -> list[str]:
    """The API's areas a scope can name: the first path segment of every operation that needs one."""
    areas = set()
    for key, entry in pages.API_OPERATIONS.items():
        if pages.ANONYMOUS in entry.roles:
            continue
        scope = scope_rules.needed("GET", key.split(" ", 1)[1])
        if scope:
            areas.add(scope.split(":", 1)[0])
    return sorted(areas)
