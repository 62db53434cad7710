# SPDX-License-Identifier: MPL-2.0
"""The access matrix across municipalities and companies: every route that addresses a record,
as every role of the first municipality, with the real id of the same kind of record in another
(``other_world``). In a module of its own: every test here sees both worlds, built once for the
module, while the access matrix's other tests (tests/app/test_access_matrix.py) see the first
world alone.
"""

from __future__ import annotations

import pytest
from django.test import Client

from tests.app.conftest import WORLD_ROLES
from tests.app.route_walk import answer_text, filled_url
from tests.app.test_access_matrix import MISSING_ID, _id_routes, _normalised

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", WORLD_ROLES)
def test_a_record_of_another_municipality_or_company_answers_exactly_as_a_missing_one_for_every_role(
    world, other_world, monkeypatch, role
):
    """Every route that addresses a record, as every role of the first municipality, with the real
    id of the same kind of record in another municipality, at another company: each answer is the
    very answer a missing record gets (status and page), never the record, a 403 or an error."""
    from tests.app.route_walk import html_as_pdf

    monkeypatch.setattr("smaajob.pdf.html_pdf", html_as_pdf)
    missing_ids = dict.fromkeys(world.ids, MISSING_ID)
    markers = [m for person in other_world.people for m in person.markers]
    cells, problems = 0, []
    client = Client()
    client.force_login(world.users[role])
    for route in _id_routes(world.ids):
        theirs_url, missing_url = filled_url(route, other_world.ids), filled_url(route, missing_ids)
        theirs, missing = client.get(theirs_url), client.get(missing_url)
        theirs_text, missing_text = answer_text(theirs), answer_text(missing)
        cells += 1
        cell = f"{role} {route.route}"
        if theirs.status_code != missing.status_code:
            problems.append(f"{cell}: theirs {theirs.status_code}, missing {missing.status_code}")
        elif _normalised(theirs_text, theirs_url.split("?")[0]) != _normalised(
            missing_text, missing_url.split("?")[0]
        ):
            problems.append(f"{cell}: theirs and missing answer differently")
        leaked = [m for m in markers if m in theirs_text]
        if leaked:
            problems.append(f"{cell}: shows {leaked}")
    assert problems == [], "\n".join(problems)
    assert cells * len(WORLD_ROLES) > 200, cells  # every role asks the same routes
