# SPDX-License-Identifier: MPL-2.0
"""The proof: a course history encoding VTA's original target group yields 138 / 85 / 34 / 18
through the same code the dashboards use, and the report flags the published total of 80."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

from django.urls import reverse
from openpyxl import load_workbook

from smaajob.reports.building import Choices, build
from smaajob.reports.counting.measure import TOTAL
from tests.reports.vta_history import PERIOD

STEPS = ("visited", "placed", "job", "lasting")


def funnel_values(built, group: str) -> tuple[object, ...]:
    row = built.report.funnel[group]
    return tuple(row.value(step) for step in STEPS)


def test_the_vta_history_yields_table_5_through_the_dashboard_code(vta):
    built = build(vta.analyst, Choices(PERIOD, "maalgruppe", vta.history.project.pk))
    assert funnel_values(built, str(vta.history.original.pk)) == (138, 85, 34, 18)
    assert funnel_values(built, str(vta.history.ukrainian.pk)) == (90, 59, 44, None)
    assert built.report.funnel[str(vta.history.ukrainian.pk)].value("wage_subsidy_only") == 31


def test_the_total_counts_each_person_once_and_is_78_not_the_published_80(vta):
    built = build(vta.analyst, Choices(PERIOD, "maalgruppe", vta.history.project.pk))
    assert funnel_values(built, TOTAL)[:3] == (228, 144, 78)
    [note] = built.published_notes
    assert "80" in note and "34 + 44 = 78" in note


def test_the_targets_are_shown_alongside_the_counted_numbers(vta):
    built = build(vta.analyst, Choices(PERIOD, "maalgruppe", vta.history.project.pk))
    group = str(vta.history.original.pk)
    assert [built.targets[(step, group)] for step in STEPS] == [120, 70, 48, 36]


def test_the_six_month_step_for_the_ukrainians_says_why_it_is_not_measurable(vta):
    built = build(vta.analyst, Choices(PERIOD, "maalgruppe", vta.history.project.pk))
    lasting = built.report.funnel[str(vta.history.ukrainian.pk)].steps["lasting"]
    assert lasting.display_da == "–" and "ikke målbar" in lasting.note_da


# --- the same numbers on the page, in the exports, the PDF and the API -----------------------


def query(vta, **extra) -> str:
    params = {
        "fra": "2020-01-01",
        "til": "2022-12-31",
        "opgjort": "2023-03-31",
        "gruppe": "maalgruppe",
        "projekt": vta.history.project.pk,
        **extra,
    }
    return urlencode(params)


def logged_in(client, user):
    client.force_login(user)
    return client


def test_the_dashboard_page_shows_the_vta_funnel_the_targets_and_the_published_total_warning(client, vta):
    page = logged_in(client, vta.analyst).get(f"{reverse('reports:dashboard')}?{query(vta)}")
    assert page.status_code == 200
    html = page.content.decode()
    for number in ("138", "85", "34", "18", "120", "70", "48", "36", "228", "144", "78"):
        assert f">{number}<" in html, number
    assert "34 + 44 = 78" in html and "Bemærk" in html
    assert "<svg" in html and 'role="img"' in html and "<title" in html


def test_an_analyst_sees_no_citizen_names_or_cpr_numbers_anywhere_in_the_reports(client, vta):
    c = logged_in(client, vta.analyst)
    pages = [
        c.get(f"{reverse('reports:dashboard')}?{query(vta)}").content.decode(),
        c.get(
            f"{reverse('reports:drilldown')}?{query(vta, maal='funnel.job', gruppe_noegle='__total__')}"
        ).content.decode(),
        c.get(f"{reverse('reports:export_csv')}?{query(vta)}").content.decode("utf-8-sig"),
        c.get(f"/api/v1/rapporter/noegletal?{query(vta)}").content.decode(),
    ]
    from smaajob.citizens.models import Citizen

    sample = list(Citizen.objects.filter(municipality__code="265")[:20])
    for text in pages:
        for person in sample:
            assert person.last_name not in text and person.cpr not in text and person.masked_cpr not in text


def test_the_drill_down_shows_an_analyst_78_pseudonyms_behind_the_job_total(client, vta):
    page = logged_in(client, vta.analyst).get(
        f"{reverse('reports:drilldown')}?{query(vta, maal='funnel.job', gruppe_noegle='__total__')}"
    )
    html = page.content.decode()
    assert page.status_code == 200 and html.count("<code>P-") == 78
    assert "Tællingsregel" in html and "VTA-evalueringen (Absalon 2023), afsnit 2.5.1" in html


def test_a_coordinator_sees_names_only_for_citizens_of_their_own_team(client, vta):
    url = f"{reverse('reports:drilldown')}?{query(vta, maal='funnel.lasting', gruppe_noegle='__total__')}"
    own = logged_in(client, vta.coordinator).get(url).content.decode()
    assert own.count("/borgere/") == 18
    client.logout()
    other = logged_in(client, vta.other_coordinator).get(url).content.decode()
    assert other.count("/borgere/") == 0 and other.count("ikke din borger") == 18


def test_the_csv_export_has_the_numbers_with_period_rule_and_source(client, vta):
    response = logged_in(client, vta.analyst).get(f"{reverse('reports:export_csv')}?{query(vta)}")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["Afsnit", "Mål", "Gruppe", "Værdi"]
    job = [r for r in body if r[1] == "Kandidater i småjob/job"]
    assert {r[2]: r[3] for r in job} == {
        "Oprindelig målgruppe": "34",
        "Ukrainske flygtninge": "44",
        "I alt (hver person én gang)": "78",
    }
    assert all(r[6] and r[7] and r[8] for r in job)
    assert any("34 + 44 = 78" in cell for r in body for cell in r)


def test_the_excel_export_opens_and_holds_the_same_numbers(client, vta):
    response = logged_in(client, vta.analyst).get(f"{reverse('reports:export_xlsx')}?{query(vta)}")
    book = load_workbook(io.BytesIO(response.content))
    rows = [r for r in book["Nøgletal"].iter_rows(min_row=3, values_only=True)]
    visited = {r[2]: r[3] for r in rows if r[1] == "Visiterede"}
    assert visited == {"Oprindelig målgruppe": 138, "Ukrainske flygtninge": 90, "I alt (hver person én gang)": 228}
    assert "34 + 44 = 78" in book["Offentliggjorte tal"]["A2"].value


def test_the_evaluation_report_is_a_real_pdf(client, vta):
    response = logged_in(client, vta.analyst).get(f"{reverse('reports:evaluation_pdf')}?{query(vta)}")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-") and b"%%EOF" in response.content[-64:]
    assert len(response.content) > 10_000


def test_the_api_gives_the_same_numbers_as_the_dashboard(client, vta):
    body = logged_in(client, vta.analyst).get(f"/api/v1/rapporter/noegletal?{query(vta)}").json()
    visited = {m["group"]: m["value"] for m in body["measures"] if m["key"] == "funnel.visited"}
    assert visited["Oprindelig målgruppe"] == 138 and visited["I alt (hver person én gang)"] == 228
    assert any("34 + 44 = 78" in note for note in body["published_total_problems"])
