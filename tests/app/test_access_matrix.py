# SPDX-License-Identifier: MPL-2.0
"""The access matrix: every route that addresses a record, as every role, with a real id and
with an id that does not exist. Where the real record is refused, the refusal is the very same
answer a missing record gets, so a probe learns nothing about which ids exist; no cell answers
403 (that would say "it exists, but not for you") or a server error.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.app.route_walk import answer_text, build_url, routes

pytestmark = pytest.mark.django_db

MISSING_ID = 987_654_321
_CSRF = re.compile(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[A-Za-z0-9]+"')


def _normalised(text: str, path: str) -> str:
    # The answer may name the address asked for; the CSRF token differs per answer.
    return _CSRF.sub(lambda m: m.group(1) + '"', text.replace(path, "<adresse>"))


def _id_routes(ids):
    for route in routes():
        if route.unwalked_reason() is None and any(p in ids for p in route.parameters):
            yield route


def test_a_refused_record_answers_exactly_as_a_missing_one_for_every_role(world):
    missing_ids = dict.fromkeys(world.ids, MISSING_ID)
    cells, refused, problems = 0, 0, []
    for role, user in [("anonym", None), *world.users.items()]:
        client = Client()
        if user is not None:
            client.force_login(user)
        for route in _id_routes(world.ids):
            real_url, missing_url = build_url(route, world.ids), build_url(route, missing_ids)
            real, missing = client.get(real_url), client.get(missing_url)
            real_text, missing_text = answer_text(real), answer_text(missing)
            cells += 1
            if real.status_code in (403, 500) or missing.status_code in (403, 500):
                problems.append(f"{role} {route.route}: {real.status_code} / missing {missing.status_code}")
                continue
            if missing.status_code == 200:
                problems.append(f"{role} {route.route}: a missing record answers 200")
            if real.status_code != 404:
                continue
            refused += 1
            same = missing.status_code == 404 and _normalised(real_text, real_url.split("?")[0]) == _normalised(
                missing_text, missing_url.split("?")[0]
            )
            if not same:
                problems.append(f"{role} {route.route}: refused and missing answer differently")
    assert problems == [], "\n".join(problems)
    # The matrix is real: many cells, and many of them refused.
    assert cells > 200 and refused > 50, (cells, refused)


def test_no_role_reaches_a_staff_page_for_a_citizen_it_may_not_see(world):
    """A few cells written out, so that the matrix above cannot pass by refusing nothing."""
    citizen_page = f"/borgere/{world.ids['citizen_id']}/"
    expected = {
        "caseworker": 200,
        "consultant": 200,
        "coordinator": 200,
        "administrator": 200,
        "analyst": 404,
        # the employer and the citizen himself may see him, on their own home page
        "employer": 302,
        "citizen": 302,
    }
    answers = {}
    for role in expected:
        client = Client()
        client.force_login(world.users[role])
        answers[role] = client.get(citizen_page).status_code
    assert answers == expected
