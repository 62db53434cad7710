# SPDX-License-Identifier: MPL-2.0
"""Matching proposes only what the placement rule accepts (issue 22 item 2).

The web load benchmark registered placements from the matching page's first proposal, and 5 of
12 were refused: »Tiderne støder sammen med placeringen hos …«. The page now leaves out openings
at times the citizen's current placement (or another activity) takes, and openings at the company
the citizen is placed at already, over the period the placement form suggests.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from smaajob import access
from smaajob.citizens.models import Commitment
from smaajob.courses import selectors
from smaajob.courses.models import Placement
from smaajob.network.services import create_company, create_opening
from tests.web.test_pages import log_in


@pytest.fixture
def other_company(municipality, consultant):
    return create_company(actor=consultant, municipality=municipality, cvr="10000009", name="Anden ApS",
                          sector="detail", latitude=55.40, longitude=10.43)


def _opening(consultant, company, title, slots):
    return create_opening(actor=consultant, company=company, title=title, kind="placement", hours_min=2,
                          hours_max=4, slots=slots)


@pytest.fixture
def choices(consultant, other_company):
    """Two openings elsewhere: one on Monday morning (inside the running placement's 08–14), one
    on Monday afternoon."""
    return {
        "clashing": _opening(consultant, other_company, "Formiddagsvagt", [{"weekday": 0, "start": "10:00",
                                                                            "end": "12:00"}]),
        "free": _opening(consultant, other_company, "Eftermiddagsvagt", [{"weekday": 0, "start": "15:00",
                                                                          "end": "18:00"}]),
    }


def _titles(consultant, citizen) -> list[str]:
    result = selectors.suggested_openings(citizen, access.openings_for(consultant), date.today())
    return [s.opening.title for s in result.suggestions]


def test_an_opening_at_the_times_of_the_current_placement_is_not_proposed(consultant, citizen, running_placement,
                                                                          choices):
    titles = _titles(consultant, citizen)
    assert "Eftermiddagsvagt" in titles
    assert "Formiddagsvagt" not in titles
    # The running placement's own opening (same company, same period) is not proposed again either.
    assert running_placement.opening.title not in titles


def test_without_a_placement_both_are_proposed(consultant, citizen, course, opening, choices):
    titles = _titles(consultant, citizen)
    assert {"Formiddagsvagt", "Eftermiddagsvagt", opening.title} <= set(titles)


def test_a_placement_that_ended_before_today_takes_no_times(consultant, citizen, running_placement, choices):
    running_placement.actual_end = date.today() - timedelta(days=1)
    running_placement.save(update_fields=["actual_end"])
    assert "Formiddagsvagt" in _titles(consultant, citizen)


def test_another_activity_at_the_times_keeps_an_opening_out(consultant, citizen, course, choices):
    Commitment.objects.create(citizen=citizen, description="Danskundervisning", starts_on=date.today(),
                              slots=[{"weekday": 0, "start": "11:00", "end": "13:00"}])
    titles = _titles(consultant, citizen)
    assert "Formiddagsvagt" not in titles
    assert "Eftermiddagsvagt" in titles


def test_the_page_says_why_some_are_left_out(client, consultant, citizen, running_placement, choices):
    page = log_in(client, consultant).get(reverse("web:match_citizen", args=[citizen.pk])).content.decode()
    assert "Eftermiddagsvagt" in page
    assert "Formiddagsvagt" not in page
    assert "ikke med, fordi tiderne eller virksomheden støder sammen med borgerens placering" in page


def test_every_proposal_on_the_page_can_be_registered(client, consultant, citizen, running_placement, choices):
    log_in(client, consultant)
    page = client.get(reverse("web:match_citizen", args=[citizen.pk])).content.decode()
    proposed = {int(pk) for pk in re.findall(r"placering/\?jobaabning=(\d+)", page)}
    assert proposed, "the page proposes nothing to register"
    start = date.today()
    for pk in proposed:
        response = client.post(
            reverse("web:placement_new", args=[citizen.pk]),
            {"opening": pk, "planned_start": start.isoformat(),
             "planned_end": (start + timedelta(weeks=4) - timedelta(days=1)).isoformat(),
             "step_up": "2", "step_every_weeks": "1"},
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        Placement.objects.filter(opening_id=pk, course__citizen=citizen).delete()


def test_citizens_taken_at_the_openings_times_are_not_proposed_for_it(consultant, citizen, running_placement,
                                                                      choices):
    clashing = selectors.suggested_citizens(choices["clashing"], access.citizens_for(consultant), date.today())
    free = selectors.suggested_citizens(choices["free"], access.citizens_for(consultant), date.today())
    assert citizen not in [s.citizen for s in clashing.suggestions]
    assert "1 borger er ikke med: placeret hos virksomheden allerede" in clashing.note
    assert citizen in [s.citizen for s in free.suggestions]
