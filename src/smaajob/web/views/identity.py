# SPDX-License-Identifier: MPL-2.0
"""Log-in, log-out, re-authentication and the session's keep-alive (smaajob.identity).

Thin: the protocol is in ``smaajob.identity.oidc``, who the user is in
``smaajob.identity.services``, the clocks in ``smaajob.identity.sessions``. A refused
provider log-in is a Danish page with HTTP 403 and the refusal's code.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from smaajob.errors import SignInRefused
from smaajob.identity import oidc, sessions
from smaajob.identity.providers import configured_providers, password_login_enabled, provider_named
from smaajob.identity.services import user_for_login
from smaajob.web.forms import LoginForm

PROVIDER_BACKEND = "smaajob.identity.backends.ProviderBackend"
PASSWORD_OFF = SignInRefused(
    "Log ind med brugernavn og adgangskode er slået fra. Brug en af knapperne ovenfor.", code="password_login_off"
)
OTHER_PERSON = SignInRefused(
    "Du loggede ind igen som en anden person end den, der er logget ind i Småjob. Intet er ændret; "
    "log ud, hvis du vil skifte bruger.",
    code="oidc_other_person",
)
# Why the log-in page is shown, from ?grund= (set by the session clocks and log-out).
REASONS = {
    "inaktiv": "Du er blevet logget ud, fordi du ikke har brugt Småjob i et stykke tid. Log ind igen.",
    "udloebet": "Du er blevet logget ud, fordi din session har varet sin længste tid. Log ind igen.",
    "logget-ud": "Du er logget ud.",
    "ukendt-udbyder": "Den log-in-udbyder, du valgte, findes ikke (længere) i Småjob. Vælg en af knapperne herunder.",
}
# A stale bookmark to a provider that is no longer configured lands on the log-in page.
UNKNOWN_PROVIDER_URL = "?grund=ukendt-udbyder"


def _safe_next(request: HttpRequest, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}, require_https=False):
        return value
    return resolve_url(settings.LOGIN_REDIRECT_URL)


class LoginPage(auth_views.LoginView):
    """The log-in page: a button per provider, and the password form while it is on."""

    template_name = "web/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["providers"] = configured_providers()
        context["password_login"] = password_login_enabled()
        context["reason"] = REASONS.get(self.request.GET.get("grund", ""))
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not password_login_enabled():
            context = self.get_context_data(form=self.get_form())
            context["refusal"] = PASSWORD_OFF
            return self.render_to_response(context, status=PASSWORD_OFF.http_status)
        return super().post(request, *args, **kwargs)


@require_GET
def oidc_start(request: HttpRequest, provider_name: str) -> HttpResponse:
    provider = provider_named(provider_name)
    if provider is None:
        return HttpResponseRedirect(reverse("web:login") + UNKNOWN_PROVIDER_URL)
    redirect_uri = request.build_absolute_uri(reverse("web:oidc_callback", args=[provider.name]))
    try:
        return oidc.start(
            request, provider, redirect_uri=redirect_uri, next_url=_safe_next(request, request.GET.get("next"))
        )
    except SignInRefused as error:
        return _refused(request, error)


@require_GET
def oidc_callback(request: HttpRequest, provider_name: str) -> HttpResponse:
    provider = provider_named(provider_name)
    if provider is None:
        return HttpResponseRedirect(reverse("web:login") + UNKNOWN_PROVIDER_URL)
    pending = oidc.pending_for(request)
    if pending is None or pending["provider"] != provider.name:
        return _refused(request, oidc.STATE_MISMATCH)
    try:
        claims, id_token = oidc.finish(request, provider, pending)
        user = user_for_login(provider=provider, claims=claims)
    except SignInRefused as error:
        return _refused(request, error)
    if pending.get("reauthenticate"):
        if not request.user.is_authenticated or user.pk != request.user.pk:
            return _refused(request, OTHER_PERSON)
        sessions.mark_reauthenticated(request)
        return HttpResponseRedirect(_safe_next(request, pending.get("next")))
    login(request, user, backend=PROVIDER_BACKEND)
    request.session[sessions.PROVIDER] = provider.name
    # The ID token goes back to the provider at log-out (id_token_hint), but only one that
    # carries no CPR number: a NemLog-in token does, and the session never holds a CPR number.
    if provider.kind != "citizen" and not any("cpr" in key.lower() for key in claims):
        request.session[sessions.ID_TOKEN_HINT] = id_token
    return HttpResponseRedirect(_safe_next(request, pending.get("next")))


def _refused(request: HttpRequest, error: SignInRefused) -> HttpResponse:
    return render(request, "web/login_refused.html", {"error": error}, status=error.http_status)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    """Log out here, then at the provider the user came in through (RP-initiated log-out)."""
    provider = provider_named(str(request.session.get(sessions.PROVIDER, "")))
    hint = request.session.get(sessions.ID_TOKEN_HINT)
    logout(request)
    if provider is not None:
        back = request.build_absolute_uri(reverse("web:login"))
        url = oidc.logout_url(provider, post_logout_redirect_uri=back, id_token_hint=hint)
        if url:
            return HttpResponseRedirect(url)
    return HttpResponseRedirect(reverse("web:login") + "?grund=logget-ud")


class PasswordAgainForm(forms.Form):
    password = forms.CharField(label="Adgangskode", strip=False, widget=forms.PasswordInput(attrs={"autofocus": True}))


def reauthenticate(request: HttpRequest) -> HttpResponse:
    """Confirm who you are before a sensitive action: at the provider, or with the password."""
    next_url = _safe_next(request, request.GET.get("next") or request.POST.get("next"))
    provider = provider_named(str(request.session.get(sessions.PROVIDER, "")))
    if provider is not None:
        redirect_uri = request.build_absolute_uri(reverse("web:oidc_callback", args=[provider.name]))
        try:
            return oidc.start(request, provider, redirect_uri=redirect_uri, next_url=next_url, reauthenticate=True)
        except SignInRefused as error:
            return _refused(request, error)
    if not password_login_enabled():
        return _refused(
            request,
            SignInRefused(
                "Handlingen kræver, at du logger ind igen. Log ud, og log ind med en af knapperne.",
                code="reauthentication_required",
            ),
        )
    form = PasswordAgainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(request, username=request.user.get_username(), password=form.cleaned_data["password"])
        if user is not None and user.pk == request.user.pk:
            sessions.mark_reauthenticated(request)
            return HttpResponseRedirect(next_url)
        form.add_error("password", "Adgangskoden er forkert. Skriv den adgangskode, du loggede ind med.")
    return render(
        request,
        "web/reauthenticate.html",
        {"form": form, "next": next_url, "minutes": sessions.reauth_seconds() // 60},
        status=400 if form.errors else 200,
    )


@require_GET
def session_status(request: HttpRequest) -> JsonResponse:
    """Seconds left (does not count as activity): the timeout notice asks before it shows."""
    return sessions.session_summary(request)


@require_POST
def session_keepalive(request: HttpRequest) -> JsonResponse:
    """ "Forbliv logget ind": the request itself is the activity that moves the idle clock."""
    if request.user.is_authenticated:
        request.session[sessions.ACTIVITY_AT] = sessions.now()
    return sessions.session_summary(request)
