# SPDX-License-Identifier: MPL-2.0
"""The Django admin stays inside the administrator's municipality (issue 23, item 1).

Everything goes through the real admin URLs with the test client, as the security review
reproduced it: one municipality's administrator against another municipality's citizen,
caseworker and records.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib import admin
from django.urls import reverse

from smaajob.audit.models import AuditEntry
from smaajob.cli.main import main
from smaajob.organisation.models import User
from tests.conftest import PASSWORD
from tests.web.test_pages import log_in


@pytest.fixture
def administrator(make_user):
    return make_user("administrator", username="ada", first_name="Ada", last_name="Administrator")


@pytest.fixture
def other_team(other_municipality):
    from smaajob.organisation.models import Team

    return Team.objects.create(municipality=other_municipality, name="Team Roskilde")


@pytest.fixture
def other_caseworker(other_municipality, other_team):
    from smaajob.organisation.services import create_user

    return create_user(
        username="roskilde-raadgiver",
        password=PASSWORD,
        role="caseworker",
        municipality=other_municipality,
        team=other_team,
        first_name="Rasmus",
        last_name="Roskilde",
    )


@pytest.fixture
def other_citizen(other_municipality, other_caseworker):
    from smaajob.citizens.services import assign_staff, register_citizen, update_resource_mapping

    person = register_citizen(
        actor=other_caseworker,
        cpr="020285-1234",
        first_name="Fie",
        last_name="Fremmed",
        municipality=other_municipality,
    )
    update_resource_mapping(actor=other_caseworker, citizen=person, restriction_text="Diagnose: angst og PTSD")
    assign_staff(
        actor=other_caseworker,
        citizen=person,
        staff=other_caseworker,
        staff_role="caseworker",
        valid_from=date(2024, 1, 1),
    )
    return person


def options(page: str, name: str) -> list[str]:
    """The labels of a select's options in an admin form."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select, f"no select {name}"
    return [label.strip() for label in re.findall(r'<option value="[^"]+"[^>]*>([^<]*)</option>', select.group(1))]


# --------------------------------------------------------------------------- superusers


def test_an_administrator_made_on_the_command_line_is_plain_staff_and_not_a_superuser(
    municipality, monkeypatch, capsys
):
    monkeypatch.setenv("SMAAJOB_PASSWORD", PASSWORD)
    assert main(["createuser", "ada", "--role", "administrator", "--municipality", "461"]) == 0
    user = User.objects.get(username="ada")
    assert user.is_staff and not user.is_superuser


def test_a_superuser_is_made_only_by_the_explicit_flag_and_only_for_an_administrator(municipality, monkeypatch, capsys):
    monkeypatch.setenv("SMAAJOB_PASSWORD", PASSWORD)
    assert main(["createuser", "drift", "--role", "administrator", "--municipality", "461", "--superuser"]) == 0
    assert User.objects.get(username="drift").is_superuser
    assert "superbruger" in capsys.readouterr().out
    assert main(["createuser", "rikke", "--role", "caseworker", "--municipality", "461", "--superuser"]) == 2
    assert "Kun en administrator" in capsys.readouterr().err
    assert not User.objects.filter(username="rikke").exists()


def test_the_migration_turns_existing_administrator_superusers_into_plain_staff(municipality, administrator):
    from importlib import import_module

    from django.apps import apps

    User.objects.filter(pk=administrator.pk).update(is_superuser=True)
    migration = import_module("smaajob.organisation.migrations.0002_administrators_are_not_superusers")
    migration.administrators_become_plain_staff(apps, None)
    administrator.refresh_from_db()
    assert administrator.is_staff and not administrator.is_superuser


def test_the_demo_administrator_is_not_a_superuser(municipality):
    from smaajob.demo.organisation import make_user

    admin_user = make_user("admin", "administrator", "Ada", "Administrator", municipality)
    assert admin_user.is_staff and not admin_user.is_superuser


# --------------------------------------------------------------------------- citizens


def test_another_municipalitys_citizen_answers_404_on_every_admin_address_and_is_logged_as_denied(
    client, administrator, other_citizen
):
    log_in(client, administrator)
    for view in ("change", "history"):
        response = client.get(reverse(f"admin:citizens_citizen_{view}", args=[other_citizen.pk]))
        assert response.status_code == 404, view
        assert "Fremmed" not in response.content.decode() and "020285" not in response.content.decode()
    # Deleting citizens is refused outright, for any id: the answer tells nothing either.
    theirs = client.post(reverse("admin:citizens_citizen_delete", args=[other_citizen.pk]), {"post": "yes"})
    missing = client.post(reverse("admin:citizens_citizen_delete", args=[other_citizen.pk + 1000]), {"post": "yes"})
    assert theirs.status_code == missing.status_code == 403
    assert AuditEntry.objects.filter(channel="admin", action="denied", citizen_id=other_citizen.pk).exists()
    assert not AuditEntry.objects.filter(channel="admin", action="read", citizen_id=other_citizen.pk).exists()


def test_a_missing_citizen_and_another_municipalitys_citizen_get_the_same_answer(client, administrator, other_citizen):
    log_in(client, administrator)
    theirs = client.get(reverse("admin:citizens_citizen_change", args=[other_citizen.pk]))
    missing = client.get(reverse("admin:citizens_citizen_change", args=[other_citizen.pk + 1000]))
    assert theirs.status_code == missing.status_code == 404


def test_the_citizen_list_holds_only_the_own_municipality_masked_and_logs_a_read_per_citizen(
    client, administrator, citizen, other_citizen
):
    page = log_in(client, administrator).get(reverse("admin:citizens_citizen_changelist")).content.decode()
    assert "Omar" in page and "010190-XXXX" in page and "0101901234" not in page
    assert "Fremmed" not in page
    reads = AuditEntry.objects.filter(channel="admin", action="read")
    assert list(reads.values_list("citizen_id", flat=True)) == [citizen.pk]


def test_the_citizen_page_shows_no_whole_cpr_and_no_health_text_and_changes_nothing(client, administrator, citizen):
    from smaajob.citizens.services import update_resource_mapping

    update_resource_mapping(actor=administrator, citizen=citizen, restriction_text="Diagnose: depression")
    log_in(client, administrator)
    url = reverse("admin:citizens_citizen_change", args=[citizen.pk])
    page = client.get(url).content.decode()
    assert "Omar" in page and "010190-XXXX" in page
    assert "0101901234" not in page and "010190-1234" not in page and "depression" not in page
    assert AuditEntry.objects.filter(channel="admin", action="read", object_id=citizen.pk).exists()
    client.post(url, {"first_name": "Ændret", "last_name": "Navn", "cpr": "3112999999"})
    citizen.refresh_from_db()
    assert citizen.first_name == "Omar" and citizen.cpr == "0101901234"


def test_case_records_are_not_in_the_admin(client, administrator):
    log_in(client, administrator)
    assert client.get("/admin/citizens/exemptiondecision/").status_code == 404
    assert client.get("/admin/progression/progressionassessment/").status_code == 404


# --------------------------------------------------------------------------- users


def test_another_municipalitys_caseworker_cannot_be_seen_edited_or_given_a_new_password(
    client, administrator, other_caseworker
):
    log_in(client, administrator)
    listing = client.get(reverse("admin:organisation_user_changelist")).content.decode()
    assert "roskilde-raadgiver" not in listing
    assert client.get(reverse("admin:organisation_user_change", args=[other_caseworker.pk])).status_code == 404
    password_url = reverse("admin:auth_user_password_change", args=[other_caseworker.pk])
    assert client.get(password_url).status_code == 404
    response = client.post(
        password_url, {"password1": "ny-kode-til-overtagelse-91", "password2": "ny-kode-til-overtagelse-91"}
    )
    assert response.status_code == 404
    # The reviewer's last step: logging in as them with the new password.
    client.logout()
    attempt = client.post(
        reverse("web:login"), {"username": "roskilde-raadgiver", "password": "ny-kode-til-overtagelse-91"}
    )
    assert attempt.status_code == 200 and "_auth_user_id" not in client.session


def test_an_administrator_resets_a_password_in_the_own_municipality(client, administrator, caseworker):
    log_in(client, administrator)
    response = client.post(
        reverse("admin:auth_user_password_change", args=[caseworker.pk]),
        {"password1": "ny-kode-til-rikke-47", "password2": "ny-kode-til-rikke-47"},
    )
    assert response.status_code == 302
    caseworker.refresh_from_db()
    assert caseworker.check_password("ny-kode-til-rikke-47")


def test_a_user_made_in_the_admin_belongs_to_the_own_municipality_and_is_never_a_superuser(
    client, administrator, municipality, other_municipality, other_team
):
    log_in(client, administrator)
    response = client.post(
        reverse("admin:organisation_user_add"),
        {
            "username": "ny-admin",
            "usable_password": "true",
            "password1": "en-lang-og-god-kode-83",
            "password2": "en-lang-og-god-kode-83",
            "role": "administrator",
            "first_name": "Ny",
            "last_name": "Admin",
            "municipality": other_municipality.pk,
            "is_superuser": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    made = User.objects.get(username="ny-admin")
    assert made.municipality == municipality and made.is_staff and not made.is_superuser


def test_the_user_form_offers_only_own_teams_and_no_superuser_staff_or_permission_fields(
    client, administrator, caseworker, team, other_team
):
    log_in(client, administrator)
    page = client.get(reverse("admin:organisation_user_change", args=[caseworker.pk])).content.decode()
    assert "Team Småjob" in options(page, "team") and "Team Roskilde" not in options(page, "team")
    assert "Borger" not in options(page, "role")
    for field in ("is_superuser", "is_staff", "user_permissions", "groups", "municipality"):
        assert f'name="{field}"' not in page, field


def test_a_team_of_another_municipality_is_refused_in_the_user_form(client, administrator, caseworker, other_team):
    log_in(client, administrator)
    response = client.post(
        reverse("admin:organisation_user_change", args=[caseworker.pk]),
        {"username": "caseworker", "role": "caseworker", "team": other_team.pk, "is_active": "on"},
    )
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["team"]
    caseworker.refresh_from_db()
    assert caseworker.team.name == "Team Småjob"


def test_an_employer_contact_without_a_company_is_a_form_error_not_a_server_error(client, administrator):
    log_in(client, administrator)
    response = client.post(
        reverse("admin:organisation_user_add"),
        {
            "username": "bager",
            "usable_password": "true",
            "password1": "en-lang-og-god-kode-83",
            "password2": "en-lang-og-god-kode-83",
            "role": "employer",
        },
    )
    assert response.status_code == 200
    assert "skal knyttes til en virksomhed" in response.content.decode()
    assert not User.objects.filter(username="bager").exists()


def test_an_administrator_cannot_open_a_superuser_of_the_own_municipality(client, administrator, make_user):
    operator = make_user("administrator", username="drift")
    User.objects.filter(pk=operator.pk).update(is_superuser=True)
    log_in(client, administrator)
    assert client.get(reverse("admin:organisation_user_change", args=[operator.pk])).status_code == 404
    assert client.get(reverse("admin:auth_user_password_change", args=[operator.pk])).status_code == 404


def test_permission_groups_are_not_in_the_admin(client, administrator):
    log_in(client, administrator)
    assert client.get("/admin/auth/group/").status_code == 404


# --------------------------------------------------------------------------- configuration


def test_foreign_key_choices_hold_only_the_own_municipality(client, administrator, municipality, other_municipality):
    log_in(client, administrator)
    for url in ("admin:network_company_add", "admin:organisation_project_add", "admin:organisation_team_add"):
        page = client.get(reverse(url)).content.decode()
        assert options(page, "municipality") == ["Odense Kommune"], url


def test_another_municipalitys_company_answers_404_and_is_not_listed(
    client, administrator, company, other_municipality, other_caseworker
):
    from smaajob.network.services import create_company

    theirs = create_company(
        actor=other_caseworker, municipality=other_municipality, cvr="10150817", name="Roskilde Bageri", sector="detail"
    )
    log_in(client, administrator)
    assert "Roskilde Bageri" not in client.get(reverse("admin:network_company_changelist")).content.decode()
    assert client.get(reverse("admin:network_company_change", args=[theirs.pk])).status_code == 404
    theirs_url = reverse("admin:organisation_municipality_change", args=[other_municipality.pk])
    assert client.get(theirs_url).status_code == 404


def test_the_access_log_shows_only_the_own_municipality(client, administrator, citizen, other_citizen):
    log_in(client, administrator)
    page = client.get(reverse("admin:audit_auditentry_changelist")).content.decode()
    assert 'field-actor_username">caseworker<' in page
    assert "roskilde-raadgiver" not in page


def test_every_admin_page_opens_for_an_administrator_with_only_own_rows(client, administrator, citizen, company):
    """Walks every registered model admin: a new one without a municipality scope fails here,
    and one that is not ours (the log-in throttle's) stays closed to administrators."""
    from smaajob.web.admin.base import RolePermissions

    log_in(client, administrator)
    for model, model_admin in admin.site._registry.items():
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        if not isinstance(model_admin, RolePermissions):
            assert client.get(reverse(f"{name}_changelist")).status_code == 403, name
            continue
        assert client.get(reverse(f"{name}_changelist")).status_code == 200, name
        may_add = "add" in model_admin.administrator_may
        assert client.get(reverse(f"{name}_add")).status_code == (200 if may_add else 403), name
