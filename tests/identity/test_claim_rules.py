# SPDX-License-Identifier: MPL-2.0
"""The documented rule from a provider's claims to a Småjob user (smaajob.identity.claims and
services), and the providers' settings. The browser tests run the same rule against a real
provider; these cover the refusals one by one."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from smaajob.audit.models import AuditEntry
from smaajob.errors import SignInRefused
from smaajob.identity.models import ExternalIdentity
from smaajob.identity.providers import parse_providers
from smaajob.identity.services import user_for_login
from smaajob.organisation.models import Role, User

pytestmark = pytest.mark.django_db

BASE = {"issuer": "https://idp.example/realms/kommune", "client_id": "smaajob"}


def provider(kind: str, **rule):
    return parse_providers([{"name": kind, "label": kind, "kind": kind, **BASE, **rule}])[0]


STAFF = provider("staff", roles={"SG-Smaajob-Raadgivere": "caseworker", "SG-Smaajob-Ydelse": "benefit_office"})


def staff_claims(**extra):
    return {"sub": "abc-1", "roles": ["SG-Smaajob-Raadgivere"], "municipality_code": "461", **extra}


def refusal(provider_, claims) -> str:
    with pytest.raises(SignInRefused) as caught:
        user_for_login(provider=provider_, claims=claims)
    return caught.value.code


def test_a_staff_log_in_creates_the_user_with_the_mapped_role_and_the_municipality_of_the_code(municipality):
    user = user_for_login(provider=STAFF, claims=staff_claims(preferred_username="anna", given_name="Anna"))
    assert (user.username, user.role, user.municipality, user.first_name) == (
        "anna",
        "caseworker",
        municipality,
        "Anna",
    )
    assert not user.has_usable_password()


def test_the_next_log_in_is_the_same_user_and_follows_a_role_changed_at_the_idp(municipality):
    first = user_for_login(provider=STAFF, claims=staff_claims())
    again = user_for_login(provider=STAFF, claims=staff_claims(roles="SG-Smaajob-Ydelse"))
    assert again.pk == first.pk and again.role == "benefit_office"
    assert ExternalIdentity.objects.filter(user=first).count() == 1


def test_groups_that_map_to_no_role_are_refused_and_nobody_is_created(municipality):
    assert refusal(STAFF, staff_claims(roles=["Alle-medarbejdere"])) == "oidc_no_role"
    assert refusal(STAFF, {"sub": "x", "municipality_code": "461"}) == "oidc_no_role"
    assert not User.objects.filter(external_identities__isnull=False).exists()


def test_two_groups_giving_different_roles_are_refused_rather_than_guessed(municipality):
    claims = staff_claims(roles=["SG-Smaajob-Raadgivere", "SG-Smaajob-Ydelse"])
    assert refusal(STAFF, claims) == "oidc_ambiguous_role"


def test_a_staff_provider_cannot_make_a_citizen_or_employer(municipality):
    loose = provider("staff", roles={"borgere": "citizen"})
    assert refusal(loose, staff_claims(roles=["borgere"])) == "oidc_no_role"


def test_an_unknown_municipality_code_is_refused(municipality):
    assert refusal(STAFF, staff_claims(municipality_code="999")) == "oidc_unknown_municipality"


def test_a_missing_sub_is_refused_as_a_missing_claim(municipality):
    claims = staff_claims()
    del claims["sub"]
    assert refusal(STAFF, claims) == "oidc_missing_claim"


def test_a_first_staff_log_in_links_to_the_password_user_of_the_same_name_in_the_municipality(caseworker):
    user = user_for_login(provider=STAFF, claims=staff_claims(preferred_username=caseworker.username))
    assert user.pk == caseworker.pk


def test_a_staff_log_in_never_takes_over_a_citizen_account_of_the_same_name(make_user):
    citizen_user = make_user("citizen", username="ole")
    user = user_for_login(provider=STAFF, claims=staff_claims(preferred_username="ole"))
    assert user.pk != citizen_user.pk and user.role == "caseworker"


def test_a_deactivated_user_is_refused(caseworker):
    caseworker.is_active = False
    caseworker.save()
    assert refusal(STAFF, staff_claims(preferred_username=caseworker.username)) == "oidc_inactive"


def test_a_nemlog_in_log_in_finds_the_citizen_by_cpr_and_creates_the_citizens_log_in(citizen):
    nemlogin = provider("citizen")
    user = user_for_login(provider=nemlogin, claims={"sub": "n-1", CPR: "010190-1234"})
    citizen.refresh_from_db()
    assert citizen.user == user and user.role == Role.CITIZEN
    assert "0101901234" not in user.username and "0101901234" not in repr(ExternalIdentity.objects.get())
    entry = AuditEntry.objects.get(object_type="citizen", action="read", actor=user)
    assert entry.citizen_id == citizen.pk and "0101901234" not in entry.detail


def test_the_role_an_idp_gives_is_in_the_access_log(municipality):
    user = user_for_login(provider=STAFF, claims=staff_claims())
    assert AuditEntry.objects.get(object_type="user", object_id=user.pk).detail == (
        "log-in via staff: rolle Rådgiver (sagsbehandler), kommune 461"
    )


def test_a_cpr_number_smaajob_has_no_record_of_is_refused_and_nobody_is_created(citizen):
    assert refusal(provider("citizen"), {"sub": "n-2", CPR: "0202024321"}) == "oidc_unknown_citizen"
    assert not User.objects.filter(role=Role.CITIZEN).exists()


def test_a_malformed_cpr_claim_is_refused(citizen):
    assert refusal(provider("citizen"), {"sub": "n-3", CPR: "12345"}) == "oidc_invalid_claim"


def test_a_mitid_erhverv_log_in_joins_the_company_of_the_cvr_claim(company):
    employer = provider("employer")
    user = user_for_login(provider=employer, claims={"sub": "e-1", CVR: "13585628", "email": "a@netto.example"})
    assert user.company == company and user.role == Role.EMPLOYER


def test_an_unknown_cvr_number_is_refused(company):
    assert refusal(provider("employer"), {"sub": "e-2", CVR: "10150817"}) == "oidc_unknown_company"


CPR = "dk:gov:saml:attribute:CprNumberIdentifier"
CVR = "dk:gov:saml:attribute:CvrNumberIdentifier"


@pytest.mark.parametrize(
    ("setting", "says"),
    [
        ("[{", "ikke gyldig JSON"),
        ('{"name": "x"}', "JSON-liste"),
        ('[{"name": "Store Bogstaver", "kind": "staff"}]', "name skal være"),
        ('[{"name": "a", "kind": "robot"}]', "kind skal være"),
        ('[{"name": "a", "kind": "staff", "label": "A", "issuer": "https://x"}]', "client_id mangler"),
        (
            '[{"name": "a", "kind": "staff", "label": "A", "issuer": "https://x", "client_id": "c", '
            '"client_secret_env": "SMAAJOB_TEST_NO_SUCH_VARIABLE"}]',
            "miljøvariablen",
        ),
    ],
)
def test_a_malformed_provider_setting_names_the_problem(setting, says):
    with pytest.raises(ImproperlyConfigured, match=says):
        parse_providers(setting)


def test_an_empty_provider_setting_means_password_log_in_only():
    assert parse_providers("") == []
