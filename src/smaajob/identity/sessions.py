# SPDX-License-Identifier: MPL-2.0
"""How long a log-in lasts: idle timeout, absolute lifetime and re-authentication.

Three clocks, each a setting (docs/administration.md):

* ``SMAAJOB_SESSION_IDLE_SECONDS`` (30 minutes): a session nobody has used for this long is
  ended. A page shows a notice ``SMAAJOB_SESSION_WARNING_SECONDS`` (2 minutes) before, with a
  button "Forbliv logget ind" (``web/static/web/session-timeout.js``).
* ``SMAAJOB_SESSION_ABSOLUTE_SECONDS`` (10 hours, a working day): a session ends this long after
  log-in however busy it is; a stolen session cookie is not good forever.
* ``SMAAJOB_REAUTH_SECONDS`` (10 minutes): the most sensitive actions (an exemption decision, an
  export of a person's data) need a log-in this recent (``require_recent_login``); otherwise
  the user confirms who they are again (the password, or the provider with ``prompt=login``) and
  comes back.

The session keeps the times only (seconds since 1970), never who the person is beyond
Django's own user id.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.http.response import HttpResponseBase
from django.urls import Resolver404, resolve, reverse

from smaajob.errors import ReauthenticationRequired

LOGIN_AT = "smaajob.login_at"
ACTIVITY_AT = "smaajob.activity_at"
AUTH_AT = "smaajob.auth_at"
# The provider a user logged in with (its name), and the ID token to hand back at log-out.
PROVIDER = "smaajob.provider"
ID_TOKEN_HINT = "smaajob.id_token_hint"

# URL names that ask about the session without counting as activity.
PASSIVE_URL_NAMES = frozenset({"web:session_status"})
# Activity is written at most this often, so not every request writes the session row.
ACTIVITY_RESOLUTION_SECONDS = 15


def now() -> int:
    return int(time.time())


def idle_seconds() -> int:
    return int(getattr(settings, "SMAAJOB_SESSION_IDLE_SECONDS", 1800))


def warning_seconds() -> int:
    return min(int(getattr(settings, "SMAAJOB_SESSION_WARNING_SECONDS", 120)), idle_seconds())


def absolute_seconds() -> int:
    return int(getattr(settings, "SMAAJOB_SESSION_ABSOLUTE_SECONDS", 36000))


def reauth_seconds() -> int:
    return int(getattr(settings, "SMAAJOB_REAUTH_SECONDS", 600))


def mark_authenticated(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """On every log-in (Django's ``user_logged_in``): all three clocks start now."""
    if request is None or not hasattr(request, "session"):
        return
    t = now()
    request.session[LOGIN_AT] = t
    request.session[ACTIVITY_AT] = t
    request.session[AUTH_AT] = t


def mark_reauthenticated(request: HttpRequest) -> None:
    request.session[AUTH_AT] = now()
    request.session[ACTIVITY_AT] = now()


def remaining(request: HttpRequest) -> dict[str, int]:
    """Seconds left before the session ends for idleness and absolutely."""
    t = now()
    session = request.session
    idle_left = idle_seconds() - (t - int(session.get(ACTIVITY_AT, t)))
    absolute_left = absolute_seconds() - (t - int(session.get(LOGIN_AT, t)))
    return {"idle": max(idle_left, 0), "absolute": max(absolute_left, 0)}


def expiry_reason(request: HttpRequest) -> str | None:
    """``"inaktiv"`` or ``"udloebet"`` if the session has run out, else None."""
    left = remaining(request)
    if left["absolute"] <= 0:
        return "udloebet"
    if left["idle"] <= 0:
        return "inaktiv"
    return None


class SessionTimeoutMiddleware:
    """Ends a session that has been idle too long or has lived too long (after authentication).

    A page answers with a redirect to the log-in page saying why (``?grund=inaktiv``); an HTMX
    request gets ``HX-Redirect`` so the whole page goes there; the API just sees no user (401).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        reason = expiry_reason(request)
        if reason is not None:
            logout(request)
            if request.path.startswith("/api/") or _view_name(request) == "web:login":
                return self.get_response(request)
            target = reverse("web:login") + "?" + urlencode({"grund": reason, "next": _next_for(request)})
            if request.headers.get("HX-Request"):
                response = HttpResponse(status=204)
                response["HX-Redirect"] = target
                return response
            return HttpResponseRedirect(target)
        stale = now() - int(request.session.get(ACTIVITY_AT, 0)) >= ACTIVITY_RESOLUTION_SECONDS
        if stale and _counts_as_activity(request):
            request.session[ACTIVITY_AT] = now()
        return self.get_response(request)


def _view_name(request: HttpRequest) -> str:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return ""


def _counts_as_activity(request: HttpRequest) -> bool:
    return _view_name(request) not in PASSIVE_URL_NAMES


def _next_for(request: HttpRequest) -> str:
    if request.method == "GET" and not request.headers.get("HX-Request"):
        return request.get_full_path()
    return reverse("web:home")


def is_recent_login(request: HttpRequest) -> bool:
    return now() - int(request.session.get(AUTH_AT, 0)) <= reauth_seconds()


def reauthenticate_url(request: HttpRequest, next_url: str | None = None) -> str:
    return reverse("web:reauthenticate") + "?" + urlencode({"next": next_url or request.get_full_path()})


def require_recent_login(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Gate a view behind a recent log-in (``SMAAJOB_REAUTH_SECONDS``).

    A page without one goes to the re-authentication page and, after it, back to the page (a
    form sent after the time ran out is not saved: the user comes back to the empty form). The
    API uses ``require_recent_session_login``.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if is_recent_login(request):
            return view(request, *args, **kwargs)
        back = request.get_full_path() if request.method == "GET" else request.path
        target = reauthenticate_url(request, back)
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = target
            return response
        return HttpResponseRedirect(target)

    return wrapper


def require_recent_session_login(request: HttpRequest) -> None:
    """The API's form of the gate: a caller signed in through the browser's session (the log-in
    page set its clocks) needs a recent log-in; a caller that authenticates each request by
    itself (an API token) is not asked."""
    if LOGIN_AT in request.session and not is_recent_login(request):
        raise ReauthenticationRequired(
            f"Handlingen kræver, at du har logget ind inden for de sidste {reauth_seconds() // 60} minutter. "
            f"Bekræft, at det er dig, på {reverse('web:reauthenticate')}, og prøv igen."
        )


def session_summary(request: HttpRequest) -> JsonResponse:
    """The JSON the page's timeout notice asks for (no personal data)."""
    if not request.user.is_authenticated:
        return JsonResponse({"logged_in": False})
    left = remaining(request)
    return JsonResponse(
        {
            "logged_in": True,
            "idle_seconds_left": left["idle"],
            "absolute_seconds_left": left["absolute"],
            "warning_seconds": warning_seconds(),
        }
    )
