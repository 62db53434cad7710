# SPDX-License-Identifier: MPL-2.0
"""Analysts see aggregates only: small cells withheld in every report output, pseudonyms that
hold for one export only, and coordinators still see exact counts.

The municipality here: six citizens visited in 2024, five in project "VTA" and one in project
"Lille"; one of them started a praktik. So the funnel has cells of 1 (placed; the small
project) that an analyst must never see.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from typing import Any

import numpy as np
import pytest
from django.test import Client
from openpyxl import load_workbook

from smaajob.reports.counting.funnel import FunnelRow
from smaajob.reports.counting.measure import TOTAL, Measure
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.report import Report
from smaajob.reports.counting.suppression import count_cells, suppress
from tests.app.route_walk import html_as_pdf

PERIOD = Period(date(2024, 1, 1), date(2024, 12, 31))
QUERY = "fra=2024-01-01&til=2024-12-31&gruppe=projekt"
SMALL = {"1", "2", "3", "4"}
COUNT_UNITS = {"personer", "forløb"}


@pytest.fixture
def small_municipality(municipality, project, caseworker, consultant, company, settings):
    from smaajob.citizens.services import assign_staff, register_citizen
    from smaajob.courses.services import register_placement, start_course
    from smaajob.organisation.services import create_project

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    small_project = create_project(municipality=municipality, name="Lille", follow_up_interval_days=7)
    courses = []
    for n, cpr in enumerate(["010180-1111", "020281-2222", "030382-3333", "040483-4444", "050584-5555", "060685-6666"]):
        person = register_citizen(
            actor=caseworker,
            cpr=cpr,
            first_name=f"Borger{n}",
            last_name="Test",
            municipality=municipality,
            latitude=55.39,
            longitude=10.40,
        )
        assign_staff(
            actor=caseworker, citizen=person, staff=caseworker, staff_role="caseworker", valid_from=date(2024, 1, 1)
        )
        in_project = project if n < 5 else small_project
        courses.append(start_course(actor=caseworker, citizen=person, project=in_project, started_on=date(2024, 2, 5)))
    register_placement(
        actor=consultant,
        course=courses[0],
        company=company,
        kind="placement",
        planned_start=date(2024, 3, 4),
        planned_end=date(2024, 6, 28),
        step_up="4",
    )
    return {"project": project, "small_project": small_project}


def _as(client, make_user, role):
    client.force_login(make_user(role, username=role))
    return client


def _csv_rows(client) -> list[dict[str, str]]:
    response = client.get(f"/rapporter/noegletal.csv?{QUERY}")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def _funnel(rows, step, group):
    return next(r for r in rows if r["Mål"] == step and r["Gruppe"] == group)


@pytest.mark.django_db
def test_an_analysts_csv_shows_no_count_of_one_to_four_and_withholds_them_as_under_five(
    client, make_user, small_municipality
):
    rows = _csv_rows(_as(client, make_user, "analyst"))
    counts = [r for r in rows if r["Enhed"] in COUNT_UNITS]
    assert counts, "the export has count rows"
    assert [r for r in counts if r["Værdi"] in SMALL or r["Grundlag (antal)"] in SMALL] == []
    total = "I alt (hver person én gang)"
    assert _funnel(rows, "Visiterede", total)["Værdi"] == "6"
    assert _funnel(rows, "Virksomhedsplaceringer", total)["Værdi"] == "< 5"
    assert _funnel(rows, "Visiterede", "Lille")["Værdi"] == "< 5"


@pytest.mark.django_db
def test_a_single_withheld_cell_that_the_total_would_give_away_takes_another_with_it(
    client, make_user, small_municipality
):
    rows = _csv_rows(_as(client, make_user, "analyst"))
    # 6 in total, 1 in "Lille": showing VTA's 5 would reveal Lille's 1, so it is withheld too.
    assert _funnel(rows, "Visiterede", "Lille")["Værdi"] == "< 5"
    assert _funnel(rows, "Visiterede", "VTA")["Værdi"] == "skjult"
    assert _funnel(rows, "Visiterede", "I alt (hver person én gang)")["Værdi"] == "6"


@pytest.mark.django_db
def test_an_analysts_excel_pdf_page_and_api_show_no_small_count(client, make_user, small_municipality, monkeypatch):
    monkeypatch.setattr("smaajob.pdf.html_pdf", html_as_pdf)
    _as(client, make_user, "analyst")
    book = load_workbook(io.BytesIO(client.get(f"/rapporter/noegletal.xlsx?{QUERY}").content), read_only=True)
    sheet = list(book["Nøgletal"].iter_rows(min_row=3, values_only=True))
    assert [r for r in sheet if r[4] in COUNT_UNITS and (str(r[3]) in SMALL or str(r[5]) in SMALL)] == []
    assert any(r[3] == "< 5" for r in sheet)

    api = json.loads(client.get(f"/api/v1/rapporter/noegletal?{QUERY}").content)
    counts = [m for m in api["measures"] if m["unit"] in COUNT_UNITS]
    assert [m for m in counts if m["value"] in (1, 2, 3, 4) or m["base"] in (1, 2, 3, 4)] == []
    assert any(m["hidden"] and m["display"] == "< 5" and m["value"] is None for m in counts)

    for url in (f"/rapporter/?{QUERY}", f"/rapporter/evaluering.pdf?{QUERY}"):
        html = client.get(url).content.decode()
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)]
        assert cells and [c for c in cells if c in SMALL] == [], url
        assert "&lt; 5" in html and "Små tal er skjult" in html


@pytest.mark.django_db
def test_an_analyst_cannot_open_the_people_behind_a_withheld_number(client, make_user, small_municipality):
    _as(client, make_user, "analyst")
    response = client.get(f"/rapporter/tal/?{QUERY}&maal=funnel.placed&gruppe_noegle=__total__")
    assert response.status_code == 404
    assert "for få personer" in response.content.decode()


@pytest.mark.django_db
def test_two_exports_give_the_same_citizen_different_pseudonyms(client, make_user, small_municipality):
    _as(client, make_user, "analyst")
    url = f"/rapporter/tal/?{QUERY}&maal=funnel.visited&gruppe_noegle=__total__"

    def pseudonyms() -> set[str]:
        page = client.get(url)
        assert page.status_code == 200
        return set(re.findall(r"P-[A-Z2-7]{10}", page.content.decode()))

    first, second = pseudonyms(), pseudonyms()
    assert len(first) == len(second) == 6
    assert first.isdisjoint(second)


@pytest.mark.django_db
def test_a_coordinator_still_sees_the_exact_counts(client, make_user, small_municipality):
    rows = _csv_rows(_as(client, make_user, "coordinator"))
    total = "I alt (hver person én gang)"
    assert _funnel(rows, "Virksomhedsplaceringer", total)["Værdi"] == "1"
    assert _funnel(rows, "Visiterede", "Lille")["Værdi"] == "1"
    assert _funnel(rows, "Visiterede", "VTA")["Værdi"] == "5"
    assert "< 5" not in client.get(f"/rapporter/?{QUERY}").content.decode()


@pytest.mark.django_db
def test_an_analysts_home_page_withholds_a_handful_of_courses_and_an_administrators_does_not(
    client, make_user, small_municipality
):
    def state_cells(page: str) -> list[str]:
        # the state's Danish label (never its code) and its count
        return re.findall(r"<tr><td>[^<_]+</td><td>([^<]*)</td></tr>", page)

    analyst_page = _as(client, make_user, "analyst").get("/").content.decode()
    # six open courses: five visited, one in praktik; the 1 is withheld, and the 5 with it,
    # because 6 open courses minus 5 would give the 1 away
    assert sorted(state_cells(analyst_page)) == ["&lt; 5", "skjult"]
    assert re.search(r"<dt>Åbne forløb</dt><dd>6</dd>", analyst_page)
    administrator = Client()
    administrator.force_login(make_user("administrator", username="administrator"))
    assert sorted(state_cells(administrator.get("/").content.decode())) == ["1", "5"]


def test_the_home_page_rule_withholds_small_states_and_the_one_that_would_give_them_away():
    cells, total = count_cells({"visited": 1, "placement": 7, "paid_hours": 9}, 5, total=17)
    assert cells == {"visited": "< 5", "placement": "skjult", "paid_hours": "9"}
    assert total == "17"
    assert count_cells({"visited": 0, "placement": 7}, 5, total=7) == ({"visited": "0", "placement": "7"}, "7")


def _measure(key, value, *, group=TOTAL, unit="personer", base=None, ids=(), note=""):
    return Measure(
        key,
        key,
        value,
        PERIOD,
        "regel",
        unit=unit,
        group=group,
        numerator_ids=np.asarray(ids, dtype=np.int64),
        base=base,
        note_da=note,
    )


def _report(**parts):
    empty: dict[str, Any] = {
        "funnel": {},
        "stv": {},
        "timing": {},
        "activity": [],
        "caseloads": [],
        "conversions": [],
        "hours": [],
        "exemptions": {},
        "outcomes": [],
        "work_duty": [],
    }
    return Report(period=PERIOD, dimension="projekt", **{**empty, **parts})


def test_a_share_is_withheld_when_those_left_out_are_a_handful():
    placed = _measure("funnel.placed", 38, base=40, ids=range(38))
    [(_, shown)] = list(suppress(_report(funnel={TOTAL: FunnelRow(TOTAL, {"placed": placed})}), 5).measures())
    assert shown.display_da == "skjult" and shown.value is None and shown.numerator_ids.size == 0
    assert shown.base_da == "40"


def test_hour_brackets_that_add_up_to_all_lose_a_second_bracket_with_a_small_one():
    brackets = [
        _measure("hours.bracket", n / 30, group=label, unit="andel", base=30, ids=range(n))
        for label, n in (("højst 20", 2), ("20-25", 10), ("25-30", 18))
    ]
    shown = {m.group: m.display_da for _, m in suppress(_report(hours=brackets), 5).measures()}
    assert shown == {"højst 20": "< 5", "20-25": "skjult", "25-30": "60,0 %"}


def test_a_note_naming_a_handful_of_people_is_left_out_and_other_notes_stay():
    small = _measure(
        "timing.first_placement", 30.0, unit="dage (median)", base=20, ids=range(17), note="17 nået, 3 endnu ikke."
    )
    big = _measure(
        "timing.first_pay", 40.0, unit="dage (median)", base=40, ids=range(30), note="30 nået, 10 endnu ikke."
    )
    shown = {m.key: m for _, m in suppress(_report(timing={TOTAL: [small, big]}), 5).measures()}
    assert shown["timing.first_placement"].display_da == "skjult"  # 20 - 17 = 3 not reached
    assert shown["timing.first_pay"].note_da == "30 nået, 10 endnu ikke."
    noted = _measure("funnel.lasting", 12, base=14, ids=range(12), note="Heraf 2 med løntilskud.")
    [(_, m)] = list(suppress(_report(funnel={TOTAL: FunnelRow(TOTAL, {"lasting": noted})}), 5).measures())
    assert "2" not in m.note_da
