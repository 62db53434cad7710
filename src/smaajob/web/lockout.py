# SPDX-License-Identifier: MPL-2.0
"""Log-in lock-out: per account, and per address only at a much higher number (issue 14).

django-axes counts the failed log-ins (``AccessAttempt``) and locks by the parameters in
``AXES_LOCKOUT_PARAMETERS`` — here the username alone, at ``AXES_FAILURE_LIMIT`` failures, so
one person's typing mistakes never lock out colleagues who share the town hall's address.
Axes has one limit for all its parameters; the address gets its own, higher one
(``SMAAJOB_ADDRESS_FAILURE_LIMIT``) from the same records and the same cool-off, so a
password-guessing run over many usernames from one address is still stopped.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


# django-axes ships no type information (no py.typed), so its handler is Any to mypy.
class AccountAndAddressHandler(AxesDatabaseHandler):  # type: ignore[misc]
    """Axes' database handler with a second, higher threshold for the address."""

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        failures = int(super().get_failures(request, credentials))
        if failures_from_address(request) >= settings.SMAAJOB_ADDRESS_FAILURE_LIMIT:
            # Counts as reaching the account limit, so axes locks (and shows the page) as usual.
            return max(failures, int(get_failure_limit(request, credentials)))
        return failures


def failures_from_address(request: HttpRequest) -> int:
    """Failed log-ins from the request's address, any username, within the cool-off time."""
    attempts = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address,  # type: ignore[attr-defined]
        attempt_time__gte=get_cool_off_threshold(request),
    )
    return int(attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0)


def lockout_page(request: HttpRequest, original_response: Any = None, credentials: Any = None) -> HttpResponse:
    """The Danish lock-out page (``AXES_LOCKOUT_CALLABLE``), HTTP 429 Too Many Requests.

    Each further attempt during the lock-out starts the cool-off again (axes'
    ``AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT``), so the retry time is now + cool-off.
    """
    cool_off = get_cool_off(request) or timedelta(0)
    retry_at = timezone.localtime(timezone.now() + cool_off)
    context = {"minutes": round(cool_off.total_seconds() / 60), "retry_at": retry_at}
    response = render(request, "web/lockout.html", context, status=429)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
