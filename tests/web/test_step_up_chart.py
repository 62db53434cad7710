# SPDX-License-Identifier: MPL-2.0
"""The placement page draws the step-up (planned hours against registered hours, week by week)
as an SVG chart with the same numbers in a table beside it (issue 15, item 4)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.urls import reverse

from smaajob.charts import StepUpWeek, step_up_chart, step_up_summary
from smaajob.courses.models import Placement
from smaajob.courses.selectors.step_up import step_up_weeks
from tests.web.test_pages import log_in


def _rows(page: str) -> list[list[str]]:
    table = page.split("Optrapning uge for uge")[1].split("</table>")[0]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", table, re.S)
    cells = [re.split(r"</t[hd]>", row) for row in rows]
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in row if cell.strip()] for row in cells]


def test_the_placement_page_shows_the_step_up_chart_with_its_table(client, consultant, running_placement, week):
    log_in(client, consultant)
    page = client.get(reverse("web:placement", args=[running_placement.pk])).content.decode()
    chart = page.split('class="chart-figure step-up-chart"')[1].split("</figure>")[0]
    assert 'role="img"' in chart
    assert "<title" in chart and "<desc" in chart
    assert 'stroke-dasharray="7 4"' in chart  # the planned line
    rows = _rows(page)
    start = running_placement.planned_start
    assert len(rows) == 5  # the planned four weeks' Mondays, start included
    assert rows[0][0] == f"Uge {start.isocalendar().week} ({start.day}.{start.month}.{start.year})"
    assert rows[0][1:] == ["Praktik uden løn", "2", "5", "0"]
    assert rows[1][1:] == ["Praktik uden løn", "6", "–", "–"]


def test_a_converted_placement_shows_practice_then_paid_hours(client, consultant, running_placement, week):
    log_in(client, consultant)
    on = date.today() - timedelta(days=date.today().weekday())
    client.post(
        reverse("web:placement_action", args=[running_placement.pk, "omdan"]),
        {"to_kind": "paid", "on": on.isoformat(), "step_up": "7,5"},
    )
    successor = Placement.objects.get(previous=running_placement)
    weeks = step_up_weeks(successor, today=date.today())
    assert weeks == step_up_weeks(running_placement, today=date.today())
    phases = [w.phase for w in weeks]
    assert phases[0] == "Praktik uden løn" and phases[-1] == "Løntimer"
    assert weeks[-1].planned == 7.5
    page = client.get(reverse("web:placement", args=[successor.pk])).content.decode()
    assert "Løntimer</td><td>7,5</td>" in page
    assert "7.5" not in _rows(page)[-1]


def test_the_chart_writes_its_numbers_the_danish_way():
    weeks = [
        StepUpWeek(date(2026, 1, 5), 2, "Praktik uden løn", 2.0, 2.5, 0.0),
        StepUpWeek(date(2026, 1, 12), 3, "Løntimer", 7.5, None, None),
    ]
    summary = step_up_summary(weeks)
    assert summary == (
        "2 uger fra 5.1.2026 til 12.1.2026: Praktik uden løn og derefter Løntimer. "
        "Planlagt: 2 timer fra uge 2, 7,5 timer fra uge 3. "
        "Registreret i 1 af ugerne: 2,5 timer til stede, heraf 0 løntimer."
    )
    svg = str(step_up_chart(weeks, title="Optrapning"))
    assert summary in svg
    assert "Løntimer</text>" in svg and "Praktik uden løn</text>" in svg
    # One column (present hours in week 2); no column where nothing was registered.
    assert svg.count('fill="#00457a"/>') == 2  # the column and the legend's swatch


def test_a_chart_without_weeks_says_so():
    svg = str(step_up_chart([], title="Optrapning"))
    assert "Ingen uger at vise endnu." in svg


def test_the_dashboard_draws_the_funnel_of_open_courses_beside_its_table(client, consultant, running_placement):
    page = log_in(client, consultant).get(reverse("web:dashboard")).content.decode()
    section = page.split("<h2>Forløb pr. trin</h2>")[1]
    chart = section.split("</figure>")[0]
    assert 'role="img"' in chart and "<title" in chart and "Åbne forløb pr. trin" in chart
    assert "Virksomhedspraktik</text>" in chart
    table = section.split("<table")[1].split("</table>")[0]
    label = re.search(r'text-anchor="end" font-size="13">([^<]+)</text>', chart)
    assert label is not None and f"<td>{label.group(1)}</td><td>1</td>" in table


def test_the_citizen_page_shows_the_newest_placements_step_up(client, consultant, citizen, running_placement, week):
    page = log_in(client, consultant).get(reverse("web:citizen", args=[citizen.pk])).content.decode()
    assert f'id="optrapning-{running_placement.pk}"' in page
    assert _rows(page)[0][1:] == ["Praktik uden løn", "2", "5", "0"]


def test_a_short_practice_before_long_paid_hours_still_has_its_name_on_its_own_row():
    weeks = [StepUpWeek(date(2026, 1, 5), 2, "Praktik uden løn", 2.0, 2.0, 0.0)] + [
        StepUpWeek(date(2026, 1, 12) + timedelta(weeks=n), 3 + n, "Løntimer", 5.0, None, None) for n in range(40)
    ]
    svg = str(step_up_chart(weeks, title="Optrapning"))
    practice = re.search(r'y="(\d+)" font-size="12" fill="#1a1a1a">Praktik uden løn</text>', svg)
    paid = re.search(r'y="(\d+)" font-size="12" fill="#1a1a1a">Løntimer</text>', svg)
    assert practice is not None and paid is not None
    assert practice.group(1) != paid.group(1)


def test_without_dkfds_the_numbers_are_open_and_there_is_no_drawer(client, consultant, running_placement, settings):
    from smaajob.web import design_system

    design_system.available.cache_clear()
    settings.STATICFILES_DIRS = []
    try:
        page = log_in(client, consultant).get(reverse("web:placement", args=[running_placement.pk])).content.decode()
    finally:
        design_system.available.cache_clear()
    assert "web/plain.css" in page
    assert 'aria-hidden="false" class="accordion-content"' in page and "Optrapning uge for uge" in page
    assert "mobile-drawer" not in page and "js-menu-open" not in page
    assert "web/nojs.css" in page  # the grouped menu's links, listed without JavaScript


def test_an_annulled_week_is_not_drawn_as_registered_hours(consultant, running_placement, week):
    from smaajob.corrections.services import annul_record

    assert step_up_weeks(running_placement, today=date.today())[0].present == 5
    annul_record(actor=consultant, kind="uge", record_id=week.pk, reason="Registreret på den forkerte borger")
    first = step_up_weeks(running_placement, today=date.today())[0]
    assert (first.present, first.paid) == (None, None)
