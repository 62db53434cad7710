# SPDX-License-Identifier: MPL-2.0
"""Providers, their contacts and their log-ins in the admin, inside the own municipality."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smaajob.organisation.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "en-lang-og-god-kode-83"


@pytest.fixture
def admin_client(make_user):
    client = Client()
    client.force_login(make_user("administrator", username="ada"))
    return client


@pytest.fixture
def other_provider(other_municipality):
    from smaajob.offers.services import create_provider

    return create_provider(municipality=other_municipality, name="Roskilde Sprogcenter", kind="language_school")


def _add_user(client, **fields):
    return client.post(
        reverse("admin:organisation_user_add"),
        {"username": "amu-lise", "usable_password": "true", "password1": PASSWORD, "password2": PASSWORD, **fields},
    )


def test_an_administrator_makes_a_provider_log_in_for_an_own_provider(admin_client, amu):
    answer = _add_user(admin_client, role="provider", provider=amu.pk)
    assert answer.status_code == 302, answer.content.decode()[:1500]
    assert User.objects.get(username="amu-lise").provider == amu


def test_a_provider_user_without_a_provider_or_with_another_municipalitys_is_a_form_error(admin_client, other_provider):
    answer = _add_user(admin_client, role="provider")
    assert answer.status_code == 200
    assert "skal knyttes til en leverandør" in answer.content.decode()
    answer = _add_user(admin_client, role="provider", provider=other_provider.pk)
    assert answer.status_code == 200
    assert "provider" in answer.context["adminform"].form.errors
    assert not User.objects.filter(username="amu-lise").exists()


def test_another_municipalitys_provider_is_not_listed_and_answers_404(admin_client, amu, other_provider):
    listing = admin_client.get("/admin/offers/provider/").content.decode()
    assert "AMU Fyn" in listing and "Roskilde Sprogcenter" not in listing
    assert admin_client.get(f"/admin/offers/provider/{other_provider.pk}/change/").status_code == 404
