# SPDX-License-Identifier: MPL-2.0
"""The small demo's catalogue and orders: VTA's lifts at their unit prices, a language school,
an AMU centre and a mentor provider, orders in every state and the provider log-in."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from smaajob.offers.models import Offer, Order, OrderState, Provider
from smaajob.offers.selectors import orders_with_overdue_report
from smaajob.organisation.models import User
from tests.demo.conftest import TODAY

pytestmark = pytest.mark.django_db


def test_the_catalogue_has_the_vta_lifts_at_their_unit_prices(small_demo):
    hygiene = Offer.objects.get(title="Hygiejnekursus (fødevarer)")
    assert (hygiene.hours_per_week, hygiene.price_kr, hygiene.price_unit) == (Decimal(25), Decimal(600), "hour")
    language = Offer.objects.get(kind="language_lift")
    assert (language.price_kr, language.price_unit, language.duration_weeks) == (Decimal(2800), "week", 10)
    assert Offer.objects.filter(certificate="truck").exists()
    assert set(Provider.objects.values_list("kind", flat=True)) >= {"amu", "language_school", "mentor"}


def test_there_are_orders_in_every_state_and_one_report_is_overdue(small_demo):
    assert set(Order.objects.values_list("state", flat=True)) == set(OrderState.values)
    assert Order.objects.filter(transitions__to_state="interrupted", transitions__reason__gt="").exists()
    assert orders_with_overdue_report(Order.objects.all(), TODAY)


def test_the_provider_logs_in_and_sees_only_its_own_orders(small_demo):
    user = User.objects.get(username="leverandoer")
    assert user.role == "provider" and user.provider is not None and user.provider.name == "AMU Fyn"
    client = Client()
    client.force_login(user)
    page = client.get("/bestillinger/").content.decode()
    assert "Truckcertifikat (A)" in page
    assert "Sprogløft" not in page
    assert client.get("/").status_code == 200
