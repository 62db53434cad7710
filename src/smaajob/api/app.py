# SPDX-License-Identifier: MPL-2.0
"""The NinjaAPI instance: authentication, error mapping and the routers."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import SessionAuth

from smaajob.api.bearer import TokenAuth
from smaajob.audit import context
from smaajob.audit.models import AuditChannel
from smaajob.errors import DatabaseBusy, InvalidInput, SmaajobError


class OperationSessionAuth(SessionAuth):
    """Django's session, as the web's; a request it lets in is an ``api`` operation, so every
    audit entry it leaves says API (``smaajob.audit.context``), whatever service writes it."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user:
            context.switch(AuditChannel.API, user)
        return user


# Every operation may answer with the project's error body (``smaajob.errors``): the schema says
# so once here instead of in each route, so clients (and the schemathesis run in
# tests/api/test_schema_fuzzing.py) know every status they can get. A route that declares one of
# these itself keeps its own.
ERROR_STATUSES = {
    "400": "Ugyldig værdi (code, message, field)",
    "401": "Ikke logget ind, eller API-nøglen er ukendt, udløbet eller tilbagekaldt",
    "403": "API-nøglen har ikke adgangen (insufficient_scope)",
    "404": "Findes ikke – eller du har ikke adgang (samme svar)",
    "409": "Ikke tilladt i sagens tilstand, eller en afgørelse mangler",
    "422": "Ugyldig værdi i forespørgslen (code, message, field, problems)",
}
ERROR_SCHEMA = {
    "title": "Fejl",
    "type": "object",
    "required": ["code", "message"],
    "properties": {
        "code": {"type": "string", "description": "Stabil fejlkode, fx not_found"},
        "message": {"type": "string", "description": "Hvad der er galt, og hvordan en gyldig værdi ser ud"},
        "field": {"type": ["string", "null"]},
        "problems": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"field": {"type": ["string", "null"]}, "message": {"type": "string"}},
            },
        },
    },
}


class SmaajobAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: Any = None) -> Any:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema.setdefault("components", {}).setdefault("schemas", {})["Fejl"] = ERROR_SCHEMA
        error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fejl"}}}}
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERROR_STATUSES.items():
                    responses.setdefault(status, {"description": description, **error})
        return schema


api = SmaajobAPI(
    title="Småjob API",
    version="1",
    description="Småjobs REST-API. Samme adgangsregler som webfladen; al læsning af borgerdata logges.",
    # A system's API token (smaajob.api.bearer) or the browser's session, in that order.
    auth=[TokenAuth(), OperationSessionAuth()],
    urls_namespace="api",
    # The documentation page (/api/v1/docs) loads Swagger UI from django-ninja's own static
    # files ("ninja" is an installed app), and never asks the online spec validator: it works
    # on a closed municipal network and tells no third party which API is being read.
    docs=Swagger(settings={"validatorUrl": None}),
)


@api.exception_handler(SmaajobError)
def smaajob_error(request: HttpRequest, exc: SmaajobError) -> HttpResponse:
    return api.create_response(request, exc.as_dict(), status=exc.http_status)


@api.exception_handler(OperationalError)
def database_error(request: HttpRequest, exc: OperationalError) -> HttpResponse:
    """A save that met a locked SQLite database (a writer waited past its busy timeout) answers
    503 ``database_busy``, as the web pages do; the transaction was rolled back. Any other
    database error is a bug and stays one."""
    if "is locked" not in str(exc):
        raise exc
    busy = DatabaseBusy()
    response = api.create_response(request, busy.as_dict(), status=busy.http_status)
    response["Retry-After"] = busy.retry_after
    return response


# Danish wording for pydantic's own error types; the project's types (smaajob.api.types)
# already raise Danish messages, which pass through unchanged.
DANISH_MESSAGES = {
    "missing": "skal udfyldes",
    "int_parsing": "skal være et helt tal",
    "int_type": "skal være et helt tal",
    "int_from_float": "skal være et helt tal",
    "float_parsing": "skal være et tal",
    "float_type": "skal være et tal",
    "decimal_parsing": "skal være et tal, fx 12.5",
    "decimal_type": "skal være et tal, fx 12.5",
    "bool_parsing": "skal være true eller false",
    "bool_type": "skal være true eller false",
    "string_type": "skal være en tekst",
    "date_parsing": "skal være en dato ÅÅÅÅ-MM-DD",
    "date_from_datetime_parsing": "skal være en dato ÅÅÅÅ-MM-DD",
    "date_type": "skal være en dato ÅÅÅÅ-MM-DD",
    "list_type": "skal være en liste",
    "literal_error": "er ikke en af de tilladte værdier",
    "enum": "er ikke en af de tilladte værdier",
    "json_invalid": "er ikke gyldig JSON",
    "model_attributes_type": "skal være et JSON-objekt",
    # Bounds (e.g. ``page`` and ``page_size`` of a list): the limit comes from the error's context.
    "greater_than_equal": "skal være mindst {ge}",
    "greater_than": "skal være over {gt}",
    "less_than_equal": "må højst være {le}",
    "less_than": "skal være under {lt}",
}
# Where a value came from is not part of its name: "citizen_id", not "path.citizen_id".
_SOURCES = ("body", "query", "payload", "path", "form", "file", "filters", "params", "ninja_pagination")


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    problems = []
    for error in exc.errors:
        location = ".".join(str(part) for part in error.get("loc", ()) if part not in _SOURCES)
        danish = DANISH_MESSAGES.get(str(error.get("type", "")))
        message = danish.format(**error.get("ctx", {})) if danish else error.get("msg") or "ugyldig værdi"
        problems.append({"field": location, "message": message})
    first = problems[0] if problems else {"field": None, "message": "ugyldig værdi"}
    body = {"code": "invalid_input", "message": f"Ugyldig værdi i {first['field']}: {first['message']}",
            "field": first["field"], "problems": problems}
    # The same problem gets the same answer as a service's refusal: 400 ``invalid_input``
    # (smaajob.errors: one error contract for web, API and CLI).
    return api.create_response(request, body, status=InvalidInput.http_status)


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, {"code": "not_authenticated", "message": "Log ind først."}, status=401)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """django-ninja's own refusals (a body that is not JSON …) in the project's error body."""
    if exc.status_code == 400:
        body = {"code": "invalid_body", "message": 'Indholdet kunne ikke læses; send et JSON-objekt, fx {"felt": 1}.'}
    else:
        body = {"code": "error", "message": str(exc)}
    return api.create_response(request, body, status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(
        request, {"code": "not_found", "message": "Findes ikke, eller du har ikke adgang til det."}, status=404
    )


@api.get("/sundhed", auth=None, tags=["drift"], summary="Svarer ok, når tjenesten kører")
def health(request: HttpRequest) -> dict[str, str]:
    return {"status": "ok"}


def _mount_routers() -> None:
    """Mount every module in this package that exposes ``router`` and ``PREFIX``.

    Each domain's endpoints live in their own module (``smaajob.api.citizens`` …), so teams
    add endpoints without editing a shared list.
    """
    package = importlib.import_module("smaajob.api")
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name == "app":
            continue
        module = importlib.import_module(f"smaajob.api.{info.name}")
        if hasattr(module, "router") and hasattr(module, "PREFIX"):
            api.add_router(module.PREFIX, module.router, tags=[getattr(module, "TAG", info.name)])


_mount_routers()
