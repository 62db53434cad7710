# SPDX-License-Identifier: MPL-2.0
"""The request a view behind the log-in receives, typed for mypy (django-stubs' own advice).

``login_required`` (and the API's session auth) guarantee ``request.user`` is a logged-in
``User``; ``HttpRequest`` types it as ``User | AnonymousUser``. Views the public reaches (the
public calculator, the log-in page) keep ``HttpRequest``.
"""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from smaajob.organisation.models import User


class AuthenticatedRequest(HttpRequest):
    user: User
    htmx: HtmxDetails  # set by django_htmx's middleware on every request
