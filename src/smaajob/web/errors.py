# SPDX-License-Identifier: MPL-2.0
"""Turning ``smaajob.errors`` into Danish error pages with the right status code."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from smaajob.errors import DatabaseBusy, SmaajobError


def error_page(request: HttpRequest, error: SmaajobError) -> HttpResponse:
    """The Danish error page for ``error``, with its HTTP status."""
    return render(request, "web/error.html", {"error": error}, status=error.http_status)


def renders_errors(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return view(request, *args, **kwargs)
        except SmaajobError as error:
            return error_page(request, error)

    return wrapper


def is_database_busy(error: BaseException) -> bool:
    """SQLite's »database is locked« (a writer waited longer than its busy timeout) or »database
    table is locked« (shared cache): the request met other writers, it is not a bug. The API
    answers the same (``smaajob.api.app``)."""
    return isinstance(error, OperationalError) and "is locked" in str(error)


class DatabaseBusyMiddleware:
    """A page whose save met a locked database answers 503 with a Danish »prøv igen«, not a 500.

    The view's transaction has been rolled back when the exception reaches here (``atomic``
    undoes it on the way out), so nothing is half-saved; ``Retry-After`` says when to try again.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_database_busy(exception):
            return None
        busy = DatabaseBusy()
        response = error_page(request, busy)
        response["Retry-After"] = busy.retry_after
        return response


# Service field names that a form shows under another name.
FIELD_ALIASES = {"steps": "step_up", "planned_start": "planned_start", "actual_end": "on", "week": "uge"}


def form_error(form: Any, error: SmaajobError) -> None:
    """Put a service's refusal next to the field it names (or at the top of the form)."""
    name = error.field.split("[")[0].split(".")[0] if error.field else None
    if name not in form.fields:
        name = FIELD_ALIASES.get(name or "", name)
    form.add_error(name if name in form.fields else None, error.message)
