# SPDX-License-Identifier: MPL-2.0
"""The placement form lists a few openings, never all of them (issue 22 item 2: it rendered the
municipality's 3,000 open openings into one select and was the slowest page of the load mix).

The opening comes from the matching page (``?jobaabning=``, chosen and listed first) or from the
search field (``?soeg=``); the select shows at most ``SHOWN_OPENINGS``. A save may choose any of
the user's open openings; the validation is unchanged.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from smaajob.courses.models import Placement
from smaajob.network.models import Opening
from smaajob.network.services import create_opening
from smaajob.web.views.placements import SHOWN_OPENINGS
from tests.web.test_pages import log_in

SLOTS = [{"weekday": d, "start": "08:00", "end": "14:00"} for d in range(5)]


@pytest.fixture
def many(company, consultant):
    """More open openings than the form lists: »Lager 00« … and one »Kantine« task."""
    made = [
        create_opening(actor=consultant, company=company, title=f"Lager {n:02d}", kind="placement", hours_min=2,
                       hours_max=10, slots=SLOTS)
        for n in range(SHOWN_OPENINGS + 5)
    ]
    kantine = create_opening(actor=consultant, company=company, title="Kantine og opvask", kind="placement",
                             hours_min=2, hours_max=10, slots=SLOTS)
    return [*made, kantine]


def _options(page: str) -> list[tuple[str, str]]:
    select = re.search(r'<select name="opening".*?</select>', page, re.S)
    assert select, "the form has the opening select"
    return re.findall(r'<option value="(\d*)"([^>]*)>', select.group(0))


def _form(client, citizen, query: str = "") -> str:
    response = client.get(reverse("web:placement_new", args=[citizen.pk]) + query)
    assert response.status_code == 200
    return str(response.content.decode())


def test_the_form_lists_at_most_the_limit_and_says_how_many_there_are(client, consultant, citizen, course, many):
    page = _form(log_in(client, consultant), citizen)
    options = [value for value, _ in _options(page) if value]
    assert len(options) == SHOWN_OPENINGS
    assert f"{SHOWN_OPENINGS} af {len(many)} jobåbninger; søg for at se andre" in page
    assert 'type="search"' in page and 'name="soeg"' in page


def test_the_search_narrows_the_list_by_company_and_task(client, consultant, citizen, course, many):
    page = _form(log_in(client, consultant), citizen, "?soeg=netto+kantine")
    assert [value for value, _ in _options(page) if value] == [str(many[-1].pk)]
    assert 'value="netto kantine"' in page


def test_a_search_that_finds_nothing_says_so(client, consultant, citizen, course, many):
    page = _form(log_in(client, consultant), citizen, "?soeg=frisør")
    assert [value for value, _ in _options(page) if value] == []
    assert "ingen jobåbninger passer til »frisør«" in page


def test_the_opening_from_matching_is_chosen_and_listed_first(client, consultant, citizen, course, many):
    chosen = many[-2]  # not among the first by name
    page = _form(log_in(client, consultant), citizen, f"?jobaabning={chosen.pk}")
    options = [(value, attrs) for value, attrs in _options(page) if value]
    assert options[0][0] == str(chosen.pk)
    assert "selected" in options[0][1]


def test_an_opening_that_is_not_listed_can_still_be_saved(client, consultant, citizen, course, many):
    start = date.today()
    response = log_in(client, consultant).post(
        reverse("web:placement_new", args=[citizen.pk]),
        {"opening": many[-2].pk, "planned_start": start.isoformat(),
         "planned_end": (start + timedelta(weeks=4)).isoformat(), "step_up": "2", "step_every_weeks": "1"},
    )
    assert response.status_code == 302
    assert Placement.objects.get().opening == many[-2]


def test_a_closed_or_unknown_opening_is_refused_in_danish(client, consultant, citizen, course, many):
    closed = many[0]
    Opening.objects.filter(pk=closed.pk).update(status="closed")
    log_in(client, consultant)
    for value in (str(closed.pk), "999999", "abc"):
        response = client.post(
            reverse("web:placement_new", args=[citizen.pk]),
            {"opening": value, "planned_start": date.today().isoformat(), "step_up": "2", "step_every_weeks": "1"},
        )
        assert response.status_code == 400
        assert "Jobåbningen findes ikke eller er ikke åben længere" in response.content.decode()
        assert len(_options(response.content.decode())) <= SHOWN_OPENINGS + 1
    assert not Placement.objects.exists()


def test_a_junk_jobaabning_is_ignored(client, consultant, citizen, course, many):
    page = _form(log_in(client, consultant), citizen, "?jobaabning=1%27%20OR%201=1")
    assert not any("selected" in attrs for value, attrs in _options(page) if value)
