# SPDX-License-Identifier: MPL-2.0
"""Report pages without the VTA history: who may see them, bad input, the cost page, charts."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from smaajob.charts import bar_chart, line_chart
from smaajob.reports.models import UnitPrice


@pytest.mark.parametrize("role", ["caseworker", "consultant", "benefit_office", "employer", "citizen"])
def test_roles_without_report_access_get_404_on_the_dashboard(client, make_user, company, role):
    extra = {"company": company} if role == "employer" else {}
    client.force_login(make_user(role, username=f"u-{role}", **extra))
    assert client.get(reverse("reports:dashboard")).status_code == 404


def test_the_dashboard_opens_for_a_coordinator_with_an_empty_history(client, make_user):
    client.force_login(make_user("coordinator"))
    response = client.get(reverse("reports:dashboard"))
    assert response.status_code == 200 and "Nøgletal og evaluering" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("fra=31-12-2024", "ÅÅÅÅ-MM-DD"),
        ("fra=2024-05-01&til=2024-01-01", "før den begynder"),
        ("gruppe=planet", "Ukendt gruppering"),
        ("projekt=x", "nummer"),
    ],
)
def test_bad_report_choices_get_a_clear_danish_400_not_a_500(client, make_user, query, message):
    client.force_login(make_user("analyst"))
    response = client.get(f"{reverse('reports:dashboard')}?{query}")
    assert response.status_code == 400 and message in response.content.decode()


def test_the_api_answers_bad_choices_with_a_stable_error_code(client, make_user):
    client.force_login(make_user("analyst"))
    response = client.get("/api/v1/rapporter/noegletal?gruppe=planet")
    assert response.status_code == 400 and response.json()["code"] == "invalid_input"


def test_the_cost_page_uses_003_defaults_and_flags_missing_prices(client, make_user):
    client.force_login(make_user("coordinator"))
    html = client.get(f"{reverse('reports:costs')}?food_hygiene=2&language_lift=1&buddy_training=1").content.decode()
    assert "30.000 kr." in html and "28.000 kr. – 33.600 kr." in html and "Ufuldstændig" in html


def test_a_municipality_price_replaces_the_default(client, make_user, municipality):
    UnitPrice.objects.create(
        municipality=municipality,
        key="buddy_training",
        label="Buddytræning",
        unit="time",
        price_kr=900,
        units_low=3,
        units_high=5,
        item="pr. hold",
        source="Egen pris 2024",
    )
    client.force_login(make_user("coordinator"))
    html = client.get(f"{reverse('reports:costs')}?buddy_training=1").content.decode()
    assert "2.700 kr. – 4.500 kr." in html and "Ufuldstændig" not in html


def test_a_negative_quantity_on_the_cost_page_is_refused(client, make_user):
    client.force_login(make_user("coordinator"))
    response = client.get(f"{reverse('reports:costs')}?food_hygiene=-1")
    assert response.status_code == 400 and "mellem 0" in response.content.decode()


def test_a_bar_chart_has_a_text_alternative_and_escapes_labels():
    svg = str(bar_chart([("<b>x</b>", 3, 5), ("tom", None, None)], title="Tragt", description="x: 3"))
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "–" in svg and "Måltal 5" in svg


def test_a_line_chart_without_weeks_says_so():
    assert "Ingen timer registreret" in str(line_chart([], [], title="t", description="d"))
    svg = str(line_chart([date(2024, 1, 1), date(2024, 1, 8)], [("Løntimer", [2, 6])], title="t", description="d"))
    assert svg.count("<polyline") == 1 and "Løntimer" in svg
