# SPDX-License-Identifier: MPL-2.0
"""Turning ``smaajob.errors`` into Danish error pages with the right status code."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from smaajob.errors import SmaajobError


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


# Service field names that a form shows under another name.
FIELD_ALIASES = {"steps": "step_up", "planned_start": "planned_start", "actual_end": "on", "week": "uge"}


def form_error(form: Any, error: SmaajobError) -> None:
    """Put a service's refusal next to the field it names (or at the top of the form)."""
    name = error.field.split("[")[0].split(".")[0] if error.field else None
    if name not in form.fields:
        name = FIELD_ALIASES.get(name or "", name)
    form.add_error(name if name in form.fields else None, error.message)
