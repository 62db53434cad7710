# SPDX-License-Identifier: MPL-2.0
"""The calculator through /api/v1/beregner/: public, documented in OpenAPI, bad input is a 400."""

from __future__ import annotations

import pytest

from smaajob.audit.models import AuditEntry

URL = "/api/v1/beregner/"
BODY = {
    "month": "2017-06",
    "hours_per_week": 6,
    "hourly_wage": 120,
    "provider": True,
    "premium_eligible": True,
}


def post(client, body):
    return client.post(URL, body, content_type="application/json")


def test_the_calculation_is_in_the_openapi_schema_without_authentication(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][URL]["post"]
    assert operation["tags"] == ["beregner"]
    assert not operation.get("security")
    assert "CalculationIn" in schema["components"]["schemas"]


def test_an_anonymous_caller_gets_wage_benefit_premium_change_curve_and_explanation(client, db):
    response = post(client, BODY)
    assert response.status_code == 200, response.content
    scenario = response.json()["scenarios"][0]
    assert scenario["wage"] == 3120.0 and scenario["job_premium"] == 312.0
    assert scenario["change_in_income"] == 994.5
    assert len(scenario["curve"]) == 38 and scenario["curve"][0]["hours_per_week"] == 0
    assert scenario["break_even_hours_per_week"] == pytest.approx(39.7, abs=0.05)
    assert scenario["explanation"]["parameters"] and all(p["reference"] for p in scenario["explanation"]["parameters"])
    assert "Sådan er det regnet ud" in scenario["explanation_text"]
    assert scenario["hours_requirement"]["applies"] is True
    assert AuditEntry.objects.count() == 0


def test_three_scenarios_side_by_side(client, db):
    body = post(client, {**BODY, "compare_hours": [4, 8, 12]}).json()
    gains = [s["change_in_income"] for s in body["scenarios"]]
    assert [s["hours_per_week"] for s in body["scenarios"]] == [4, 8, 12]
    assert gains == sorted(gains)


def test_the_225_hour_part_says_hours_missing_and_when_they_are_met(client, db):
    body = post(client, {**BODY, "hours_last_12_months": 60}).json()
    hours = body["scenarios"][0]["hours_requirement"]
    assert hours["hours_required"] == 225 and hours["hours_counted"] == pytest.approx(60)
    assert hours["hours_missing"] == pytest.approx(165)
    assert hours["status"] in ("reduction_proposed", "at_risk")
    assert hours["met_from"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"hours_per_week": -1}, "hours_per_week"),
        ({"hours_per_week": 300}, "hours_per_week"),
        ({"hourly_wage": -50}, "hourly_wage"),
        ({"hourly_wage": "mange"}, "hourly_wage"),
        ({"month": "juni"}, "month"),
        ({"month": "2017-13"}, "month"),
        ({"benefit": "dagpenge"}, "benefit"),
        ({"benefit_amount": -1}, "benefit_amount"),
        ({"compare_hours": [1, 2, 3, 4]}, "compare_hours"),
        ({"spouse_on_help": True}, ""),
    ],
)
def test_bad_input_is_a_400_with_a_stable_code_and_the_field(client, db, change, field):
    response = post(client, {**BODY, **change})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_input"
    assert (body["field"] or "") == field
    assert body["message"]


def test_a_missing_field_is_a_400(client, db):
    response = post(client, {"month": "2017-06"})
    assert response.status_code == 400 and response.json()["code"] == "invalid_input"


def test_a_month_whose_rate_the_sources_lack_asks_for_the_benefit_amount(client, db):
    response = post(client, {**BODY, "month": "2026-03", "premium_eligible": False})
    assert response.status_code == 422
    assert response.json() == {
        "code": "unknown_value",
        "message": response.json()["message"],
        "field": "benefit_amount",
    }
    ok = post(client, {**BODY, "month": "2026-03", "benefit_amount": 12000})
    assert ok.status_code == 200 and ok.json()["scenarios"][0]["regime"] == "free_amount"
