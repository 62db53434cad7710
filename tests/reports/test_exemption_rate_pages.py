# SPDX-License-Identifier: MPL-2.0
"""The exemption rate from recorded cases, on the dashboard, in the CSV export and in the API
(issue 20 item 15): the base is those covered by the 225-hour rule, decided from the same
recorded facts (benefit, marital status, what the spouse lives on) as the citizen page, and
each output says so in Danish. Runs on SQLite and on PostgreSQL (``DATABASE_URL``)."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from tests.web.test_pages import log_in

QUERY = "fra=2017-01-01&til=2017-01-31"
BASE_TEXT = "andel af de omfattede af 225-timersreglen"


@pytest.fixture
def world(municipality, caseworker):
    """On 31 January 2017: two covered on kontanthjælp (one exempt), an unmarried recipient of
    integrationsydelse (exempt, not covered) and a married one whose spouse is on a pension
    (exempt, not covered). Everyone on the three benefits: 3 of 4 exempt; the covered: 1 of 2."""
    from smaajob.citizens.services import decide_exemption, record_coverage_facts, register_citizen, set_benefit

    def person(cpr: str, kind: str, *, exempt: bool, married: bool = False):
        citizen = register_citizen(
            actor=caseworker, cpr=cpr, first_name="Borger", last_name=cpr[:4], municipality=municipality
        )
        set_benefit(actor=caseworker, citizen=citizen, benefit_type=kind, valid_from=date(2015, 9, 1))
        if married:
            citizen.marital_status = "married"
            citizen.save(update_fields=["marital_status"])
            record_coverage_facts(
                actor=caseworker, citizen=citizen, valid_from=date(2015, 9, 1), spouse_support="pension"
            )
        if exempt:
            decide_exemption(
                actor=caseworker,
                citizen=citizen,
                decided_on=date(2016, 9, 1),
                valid_from=date(2016, 10, 1),
                reason="Nedsat arbejdsevne",
                review_on=date(2017, 3, 1),
            )
        return citizen

    return [
        person("0101851001", "kontanthjaelp", exempt=True),
        person("0201851002", "kontanthjaelp", exempt=False),
        person("0301851003", "integrationsydelse", exempt=True),
        person("0401851004", "integrationsydelse", exempt=True, married=True),
    ]


def _measure(body: dict[str, Any]) -> dict[str, Any]:
    measures: list[dict[str, Any]] = body["measures"]
    return next(m for m in measures if m["key"] == "exemptions.rate" and m["group_key"] == "__total__")


def test_the_api_counts_exempt_among_the_covered_and_names_the_base(client, make_user, world):
    body = log_in(client, make_user("administrator")).get(f"/api/v1/rapporter/noegletal?{QUERY}").json()
    measure = _measure(body)
    assert (measure["value"], measure["base"], measure["display"]) == (0.5, 2, "50,0 %")
    assert BASE_TEXT in measure["measure"] and "Grundlaget er de omfattede" in measure["rule"]


def test_the_dashboard_and_the_csv_state_the_base(client, make_user, world):
    log_in(client, make_user("administrator"))
    page = client.get(f"{reverse('reports:dashboard')}?{QUERY}").content.decode()
    assert f"Andel fritaget – {BASE_TEXT} i januar 2017" in page
    assert "Grundlag: omfattede af 225-timersreglen" in page
    text = client.get(f"{reverse('reports:export_csv')}?{QUERY}").content.decode("utf-8-sig")
    rows = csv.reader(io.StringIO(text), delimiter=";")
    row = next(r for r in rows if BASE_TEXT in r[1] and r[2].startswith("I alt"))
    # Mål, gruppe, værdi, enhed, grundlag (antal), …, tællingsregel
    assert (row[4], row[5]) == ("andel", "2") and float(row[3].replace(",", ".")) == 0.5
    assert "Grundlaget er de omfattede" in row[7]


def test_after_the_abolition_the_api_and_the_page_say_not_applicable(client, make_user, world):
    log_in(client, make_user("administrator"))
    measure = _measure(client.get("/api/v1/rapporter/noegletal?fra=2025-07-01&til=2025-12-31").json())
    assert (measure["value"], measure["base"], measure["display"]) == (None, None, "ikke relevant")
    assert "30. juni 2025" in measure["note"]
    page = client.get(f"{reverse('reports:dashboard')}?fra=2025-07-01&til=2025-12-31").content.decode()
    assert "ikke relevant" in page
