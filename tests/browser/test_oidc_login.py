# SPDX-License-Identifier: MPL-2.0
"""Log-in with OpenID Connect, end to end: a real provider (django-oauth-toolkit, its own
process on a loopback port, ``tests.oidc_provider``), Småjob's live server, and Chromium.

The provider has a caseworker whose group maps to a role, a colleague with no Småjob group,
a citizen known by CPR number (NemLog-in), an employer contact of a company by CVR number
(MitID Erhverv), and a user whose ID token is changed after signing (a tampered token).
"""

from __future__ import annotations

import re

import pytest

from tests.oidc_provider.server import running_provider

CLIENT_SECRET = "test-hemmelighed-" + "x" * 20
PROVIDER_PASSWORD = "udbyder-kode-123"
PROVIDERS = ("medarbejder", "nemlog-in", "mitid-erhverv")
USERS = {
    "lene": {
        "password": PROVIDER_PASSWORD,
        "claims": {
            "roles": ["intranet", "smaajob-raadgiver"],
            "municipality_code": "461",
            "preferred_username": "lene.raadgiver",
            "given_name": "Lene",
            "family_name": "Rådgiver",
            "email": "lene@odense.example",
        },
    },
    # Has a password user already (the ``caseworker`` fixture): linked on first log-in.
    "rikke": {
        "password": PROVIDER_PASSWORD,
        "claims": {"roles": ["smaajob-raadgiver"], "municipality_code": "461", "preferred_username": "caseworker"},
    },
    "uden-rolle": {
        "password": PROVIDER_PASSWORD,
        "claims": {"roles": ["intranet"], "municipality_code": "461", "given_name": "Ulla"},
    },
    "manipuleret": {
        "password": PROVIDER_PASSWORD,
        "claims": {"roles": ["smaajob-raadgiver"], "municipality_code": "461", "given_name": "Mads"},
    },
    "omar": {
        "password": PROVIDER_PASSWORD,
        "claims": {"https://data.gov.dk/model/core/eid/cprNumber": "0101901234"},
    },
    "netto": {
        "password": PROVIDER_PASSWORD,
        "claims": {
            "dk:gov:saml:attribute:CvrNumberIdentifier": "13585628",
            "given_name": "Nina",
            "family_name": "Butikschef",
            "email": "nina@netto.example",
        },
    },
}


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    clients = [
        {
            "client_id": f"smaajob-{name}",
            "client_secret": CLIENT_SECRET,
            "redirect_uris": [f"{live_server.url}/log-ind/oidc/{name}/retur/"],
            "post_logout_redirect_uris": [f"{live_server.url}/log-ind/"],
        }
        for name in PROVIDERS
    ]
    with running_provider(
        tmp_path_factory.mktemp("oidc"), users=USERS, tampered=["manipuleret"], clients=clients
    ) as running:
        yield running


@pytest.fixture
def oidc(provider, settings):
    def config(name, label, kind, **rule):
        return {
            "name": name,
            "label": label,
            "kind": kind,
            "issuer": provider.issuer,
            "client_id": f"smaajob-{name}",
            "client_secret": CLIENT_SECRET,
            **rule,
        }

    settings.SMAAJOB_OIDC_PROVIDERS = [
        config("medarbejder", "Log ind som medarbejder", "staff", roles={"smaajob-raadgiver": "caseworker"}),
        config("nemlog-in", "Log ind med MitID (borger)", "citizen"),
        config("mitid-erhverv", "Log ind med MitID Erhverv", "employer"),
    ]
    return provider


def at_provider(page, username: str) -> None:
    page.wait_for_url(re.compile(r"127\.0\.0\.1:\d+/login/"))
    page.get_by_label("Bruger").fill(username)
    page.get_by_label("Kodeord").fill(PROVIDER_PASSWORD)
    page.get_by_role("button", name="Godkend").click()


def log_in_with(page, button: str, username: str) -> None:
    page.goto("/log-ind/")
    page.get_by_role("link", name=button).click()
    at_provider(page, username)


def test_a_caseworker_logs_in_at_the_staff_provider_and_gets_the_role_and_municipality_of_the_claims(
    page, oidc, municipality
):
    from smaajob.organisation.models import User

    log_in_with(page, "Log ind som medarbejder", "lene")
    page.wait_for_url(lambda url: "/log-ind" not in url)
    assert "Lene Rådgiver (Rådgiver (sagsbehandler))" in page.locator(".portal-info .user").inner_text()
    user = User.objects.get(username="lene.raadgiver")
    assert (user.role, user.municipality, user.has_usable_password()) == ("caseworker", municipality, False)


def test_a_colleague_whose_groups_map_to_no_role_is_refused_with_a_danish_page(page, oidc, municipality):
    from smaajob.organisation.models import User

    log_in_with(page, "Log ind som medarbejder", "uden-rolle")
    page.wait_for_url(re.compile(r"/log-ind/oidc/medarbejder/retur/"))
    assert page.get_by_role("heading", name="Du blev ikke logget ind").is_visible()
    assert "Du har ingen rolle i Småjob" in page.get_by_role("alert").inner_text()
    assert "oidc_no_role" in page.content()
    assert not User.objects.filter(first_name="Ulla").exists()
    page.goto("/")
    page.wait_for_url(re.compile(r"/log-ind/"))  # not logged in


def test_a_tampered_id_token_is_refused_and_logs_nobody_in(page, oidc, municipality):
    from smaajob.organisation.models import User

    log_in_with(page, "Log ind som medarbejder", "manipuleret")
    page.wait_for_url(re.compile(r"/retur/"))
    assert "beviset for, hvem du er, var ugyldigt" in page.get_by_role("alert").inner_text()
    assert "oidc_invalid_token" in page.content()
    assert not User.objects.filter(role="administrator").exists()
    page.goto("/")
    page.wait_for_url(re.compile(r"/log-ind/"))


def test_a_citizen_logs_in_with_nemlog_in_is_found_by_cpr_and_never_sees_the_number(page, oidc, citizen):
    log_in_with(page, "Log ind med MitID (borger)", "omar")
    page.wait_for_url(lambda url: "/log-ind" not in url)
    assert "Omar Hansen (Borger)" in page.locator(".portal-info .user").inner_text()
    citizen.refresh_from_db()
    assert citizen.user is not None and citizen.user.role == "citizen"
    assert "0101901234" not in page.content() and "010190" not in page.url
    # Nor in the session: no ID token of NemLog-in is kept, only the provider's name.
    from django.contrib.sessions.backends.db import SessionStore

    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    stored = SessionStore(session_key=key).load()
    assert stored["smaajob.provider"] == "nemlog-in" and "smaajob.id_token_hint" not in stored
    assert "0101901234" not in repr(stored)


def test_an_employer_contact_logs_in_with_mitid_erhverv_for_the_company_of_the_cvr_claim(page, oidc, company):
    log_in_with(page, "Log ind med MitID Erhverv", "netto")
    page.wait_for_url(lambda url: "/log-ind" not in url)
    assert "Nina Butikschef (Virksomhedskontakt)" in page.locator(".portal-info .user").inner_text()
    assert company.employer_users.get().email == "nina@netto.example"


def test_log_out_ends_the_session_at_the_provider_too(page, oidc, municipality):
    log_in_with(page, "Log ind som medarbejder", "lene")
    page.wait_for_url(lambda url: "/log-ind" not in url)
    page.get_by_role("button", name="Log ud").click()
    # Back on Småjob's log-in page after the provider ended its own session.
    page.wait_for_url(re.compile(r"localhost:\d+/log-ind/(\?state=\w+)?$"))
    page.get_by_role("link", name="Log ind som medarbejder").click()
    # The provider asks for the password again: its session is gone as well.
    at_provider(page, "lene")
    page.wait_for_url(lambda url: "/log-ind" not in url)
    assert "Lene Rådgiver" in page.locator(".portal-info .user").inner_text()


def test_an_answer_for_a_log_in_this_browser_did_not_start_is_refused_as_a_state_mismatch(page, oidc):
    page.goto("/log-ind/oidc/medarbejder/retur/?code=stjaalet-kode&state=ukendt")
    assert "ikke passer til et log-in, du har startet her" in page.get_by_role("alert").inner_text()
    assert "oidc_state_mismatch" in page.content()


def test_before_an_exemption_decision_a_provider_user_logs_in_again_at_the_provider(page, oidc, citizen, caseworker):
    from django.contrib.sessions.backends.db import SessionStore

    from smaajob.identity.models import ExternalIdentity
    from smaajob.identity.sessions import AUTH_AT

    log_in_with(page, "Log ind som medarbejder", "rikke")
    page.wait_for_url(lambda url: "/log-ind" not in url)
    assert ExternalIdentity.objects.get(provider="medarbejder").user == caseworker  # linked, not a new user
    # The log-in is older than SMAAJOB_REAUTH_SECONDS (as after a long morning's work).
    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    session = SessionStore(session_key=key)
    session[AUTH_AT] = 0
    session.save()
    page.goto(f"/borgere/{citizen.pk}/fritagelse/")
    # prompt=login: the provider asks for the password although its own session is alive.
    at_provider(page, "rikke")
    page.wait_for_url(re.compile(rf"/borgere/{citizen.pk}/fritagelse/$"))
    assert page.get_by_role("heading", name=re.compile("fritagelse for Omar Hansen")).is_visible()
