# SPDX-License-Identifier: MPL-2.0
"""The calculator, the consultant's calculator and the payslip flow for today: no benefit amount
typed in — the plain answers (or the citizen's record) give the rate, every krone explained."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.web.test_pages import log_in

TODAY = date.today()
THIS_MONTH = f"{TODAY:%Y-%m}"


def _text(response) -> str:
    import re

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _defaults(client):
    """The public calculator's own default answers, read from its page."""
    import re

    page = client.get("/beregner/").content.decode()
    answers: dict[str, str] = {}
    for name, value in re.findall(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', page):
        answers.setdefault(name, value)
    for name, value in re.findall(r'<input[^>]*type="radio"[^>]*name="(\w+)"[^>]*value="([^"]*)"[^>]*checked', page):
        answers[name] = value
    for name, body in re.findall(r'<select[^>]*name="(\w+)"[^>]*>(.*?)</select>', page, re.S):
        options = re.findall(r'<option value="([^"]*)"([^>]*)>', body)
        answers[name] = next((v for v, attrs in options if "selected" in attrs), options[0][0])  # as a browser
    answers.pop("csrfmiddlewaretoken", None)
    return answers


def test_the_public_calculators_default_answers_compute_for_today_without_an_amount(client, db, rates_known):
    answers = _defaults(client)
    assert answers["month"] == THIS_MONTH and answers.get("benefit_amount", "") == ""
    text = _text(client.post("/beregner/", answers))
    assert "Ret venligst" not in text and "Med 6 timer om ugen i " in text
    assert "Du er fyldt 30 år: forhøjet sats (LAS § 16). Forhøjet sats: 12.064 kr. pr. måned." in text
    assert "Tillæg til enlige ikke-forsørgere: 1.092 kr." in text and "uden arbejde: 13.156 kr." in text
    # 6 h × 52/12 × 130 kr. = 3.380 kr.; after 8 % AM-bidrag 3.109,60 kr.; 65 % of the part above
    # the forhøjet sats' free amount of 2.500 kr. is deducted: 0,65 × 609,60 = 396,24 kr.
    assert "Fribeløb på forhøjet sats: 2.500 kr. pr. måned" in text
    assert "13.156 kr. − 396,24 kr. = 12.759,76 kr." in text
    assert "Alderen er regnet som »30 år eller ældre«" in text


def test_without_the_amount_in_our_sources_the_calculator_names_the_rate_and_asks_only_for_the_amount(
    client, db, rate_amounts_unknown
):
    answers = {**_defaults(client), "age_group": "25-29", "full_time_work_years_last_10": "1"}
    page = client.post("/beregner/", answers).content.decode()
    assert 'id="id_benefit_amount_error"' in page
    assert "Ud fra dine svar får du grundsats" in page
    # The rate is found, so the page does not send the visitor after a birth date it does not need.
    assert "Skriv din fødselsdato" not in page
    typed = _text(client.post("/beregner/", {**answers, "benefit_amount": "7.000"}))
    assert "Ret venligst" not in typed and "Din sats er grundsats" in typed
    assert "Fribeløb på grundsats eller mindstesats: 5.000 kr." in typed  # the higher free amount


def test_a_future_birth_date_is_refused_next_to_the_field(client, db):
    page = client.post("/beregner/", {**_defaults(client), "birth_date": f"{TODAY.year + 1}-01-01"}).content.decode()
    assert 'id="id_birth_date_error"' in page and "ligger efter den måned, der regnes for" in page


def test_married_and_living_alone_as_single_is_refused_with_a_danish_explanation(client, db):
    page = client.post("/beregner/", {**_defaults(client), "married": "ja", "single": "ja"}).content.decode()
    assert 'id="id_single_error"' in page and "så er du ikke enlig" in page


def test_impossible_work_history_gets_the_rules_danish_explanation(client, db, rates_known):
    text = _text(
        client.post(
            "/beregner/", {**_defaults(client), "birth_date": "2006-01-01", "full_time_work_years_last_10": "9"}
        )
    )
    assert "Ret venligst 1 ting" in text and "9 års fuldtidsarbejde passer ikke med alderen 20 år" in text


def test_the_api_computes_for_today_from_facts_without_an_amount(client, db, rates_known):
    response = client.post(
        "/api/v1/beregner/",
        content_type="application/json",
        data={"month": THIS_MONTH, "hours_per_week": 10, "hourly_wage": 140, "age": 35, "children": 0},
    )
    assert response.status_code == 200, response.json()
    scenario = response.json()["scenarios"][0]
    assert scenario["rate"] == "forhoejet" and scenario["free_amount_kind"] == "raised_rate"
    assert scenario["benefit_without_work"] == 12064 + 1092  # forhøjet sats + tillæg til enlige ikke-forsørgere


@pytest.fixture
def known_citizen(citizen, caseworker):
    from smaajob.citizens.services import record_rate_facts, set_benefit

    set_benefit(actor=caseworker, citizen=citizen, benefit_type="kontanthjaelp", valid_from=date(2025, 7, 1))
    record_rate_facts(
        actor=caseworker,
        citizen=citizen,
        valid_from=date(2025, 7, 1),
        children=2,
        single=True,
        lives_with_parent=False,
        full_time_work_years_last_10=Decimal("4"),
        residence_requirement_met=True,
    )
    return citizen


def test_the_consultants_calculator_takes_the_facts_from_the_record(client, consultant, known_citizen, rates_known):
    page = log_in(client, consultant).get(reverse("money:citizen_calculator", args=[known_citizen.pk])).content.decode()
    assert "Oplysningerne til satsen er hentet fra sagen" in page
    assert "Side om side" in page and "forhøjet sats" in page
    assert "Børnetillæg" in page or "børnetillæg" in page


def test_the_citizen_page_shows_the_derived_rate_and_amount(client, caseworker, known_citizen, rates_known):
    page = log_in(client, caseworker).get(reverse("web:citizen", args=[known_citizen.pk])).content.decode()
    section = page[page.index('id="ydelse-i-dag"') :][:3000]
    assert "Kontanthjælp, forhøjet sats" in section and "kr. om måneden før skat" in section
    assert "Sådan er satsen fundet" in section
