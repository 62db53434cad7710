# SPDX-License-Identifier: MPL-2.0
"""The small demo, as each of its log-ins would try it in the browser: from the home page and
every page without a record id the role table opens to the role, every link, HTMX request and
form on each kind of page is followed (``tests/app/test_link_walk.py``), and none answers 404 or a server error
(issue 18 item 6, issue 21 item 1). One test per role, so the test workers share the walk out."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smaajob.access import pages
from smaajob.organisation.models import User
from tests.app.route_walk import html_as_pdf, routes
from tests.app.test_link_walk import walk_links

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _pages_without_ids(user) -> list[str]:
    found = ["/"]
    for route in routes():
        if route.is_api or route.parameters or route.unwalked_reason() is not None:
            continue
        if pages.may_use(user, route.url_name) and route.url_name not in ("web:login", "web:logout"):
            found.append(reverse(route.url_name))
    return found


def _demo_users(small_demo) -> dict[str, User]:
    return {u.role: u for u in User.objects.filter(username__in=[name for name, _ in small_demo.users])}


def test_the_small_demo_has_one_log_in_per_role(small_demo):
    assert set(_demo_users(small_demo)) == set(pages.SIGNED_IN), "one demo log-in per role"


@pytest.mark.parametrize("role", sorted(pages.SIGNED_IN))
def test_every_link_on_every_page_of_the_small_demo_answers_the_demo_role(small_demo, monkeypatch, role):
    monkeypatch.setattr("smaajob.pdf.html_pdf", html_as_pdf)
    user = _demo_users(small_demo).get(role)
    assert user is not None, f"no demo log-in for {role}"
    client = Client()
    client.force_login(user)
    # Every link is followed; each kind of page is read once (the fixture world's walk reads
    # every record's page), which keeps the demo's walk to a few hundred answers per role.
    problems, followed = walk_links(client, user, _pages_without_ids(user), per_record=False)
    assert problems == [], "\n".join(f"{role}: {p}" for p in problems)
    assert followed > 3, followed
