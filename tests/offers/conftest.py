# SPDX-License-Identifier: MPL-2.0
"""Fixtures for offers and providers: two providers, a catalogue with VTA's lifts and orders."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

TODAY = date.today()


@pytest.fixture
def amu(municipality):
    from smaajob.offers.services import add_provider_contact, create_provider

    provider = create_provider(municipality=municipality, name="AMU Fyn", kind="amu", cvr="12345678")
    add_provider_contact(provider=provider, name="Lise Lærer", title="Kursuskoordinator", phone="66 11 22 33")
    return provider


@pytest.fixture
def language_school(municipality):
    from smaajob.offers.services import create_provider

    return create_provider(municipality=municipality, name="Sprogcenter Odense", kind="language_school")


@pytest.fixture
def forklift(amu):
    from smaajob.offers.services import create_offer

    return create_offer(
        provider=amu,
        title="Truckcertifikat (A)",
        kind="competence_lift",
        duration_weeks=2,
        hours_per_week=30,
        price_kr="9500",
        price_unit="course",
        capacity=12,
        certificate="truck",
        legal_basis="lab2019_91",
        start_dates=[TODAY + timedelta(days=7), TODAY + timedelta(days=35)],
    )


@pytest.fixture
def hygiene(amu):
    from smaajob.offers.services import create_offer

    # VTA (seed 003 §2.6): a food-hygiene course of about 25 hours at 600 kr an hour.
    return create_offer(
        provider=amu,
        title="Hygiejnekursus (fødevarer)",
        kind="course",
        duration_weeks=1,
        hours_per_week=25,
        price_kr="600",
        price_unit="hour",
        certificate="hygiejnebevis",
        legal_basis="lab2019_91",
    )


@pytest.fixture
def language_lift(language_school):
    from smaajob.offers.services import create_offer

    # VTA (seed 003 §2.6): a language lift of about 2,800 kr a week for 10–12 weeks.
    return create_offer(
        provider=language_school,
        title="Sprogløft: dansk på arbejdspladsen",
        kind="language_lift",
        duration_weeks=10,
        hours_per_week=2,  # "2 timers undervisning om ugen på virksomheden"
        price_kr="2800",
        price_unit="week",
        legal_basis="lab2019_91",
    )


@pytest.fixture
def amu_user(make_user, amu):
    return make_user("provider", username="amu", provider=amu, team=None, first_name="Lise", last_name="Lærer")


@pytest.fixture
def school_user(make_user, language_school):
    return make_user("provider", username="sprog", provider=language_school, team=None)


@pytest.fixture
def order(consultant, citizen, course, forklift):
    from smaajob.offers.services import order_offer

    return order_offer(actor=consultant, citizen=citizen, offer=forklift, purpose="Truckcertifikat til lagerjob")
