# SPDX-License-Identifier: MPL-2.0
"""Every link and button on every page, followed as every role (issue 18 item 6, issue 21 item 1).

For each role, the walk opens every page the role table lets it open (with the fixture world's
ids), collects every ``<a href>``, ``hx-get``/``hx-post`` and ``<form>`` on it, and follows
each same-site address once: links and GET forms with GET, POST forms (with their own hidden and
preset fields) inside a savepoint that is rolled back. Pages reached this way are read for links
in turn (one page per view, record and query shape, so that "next week" links do not walk on
forever). No link may answer 404 (a page that is not there, or not for this role), 405 or a
server error: a role is shown only what it may follow.

The walk, one test per role, is ``test_no_page_shows_any_role_a_link_or_button_that_answers_404``
in ``tests/app/test_route_walk.py``: its start pages are the role's recorded GET walk (issue 19 item 8).
"""

from __future__ import annotations

from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.db import transaction
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import Resolver404, resolve

from smaajob.access import pages
from tests.app.conftest import WORLD_ROLES
from tests.app.route_walk import RoleWalk, build_url, routes

pytestmark = pytest.mark.django_db

SKIPPED = {"/log-ud/"}  # logging out ends the walk's session


class _Links(HTMLParser):
    """Links (method, address, form fields) in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, list[tuple[str, str]]]] = []
        self._form: tuple[str, str, list[tuple[str, str]]] | None = None
        self._select: str | None = None
        self._select_value: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and "href" in a:
            self.found.append(("GET", a["href"], []))
        for attribute, method in (("hx-get", "GET"), ("hx-post", "POST")):
            if attribute in a and tag != "form":
                self.found.append((method, a[attribute], []))
        if tag == "form":
            method = (a.get("method") or "get").upper()
            if "hx-post" in a:
                method, action = "POST", a["hx-post"]
            else:
                action = a.get("hx-get") or a.get("action", "")
            self._form = (method, action, [])
        elif self._form is not None and tag in ("input", "button") and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if tag == "button" or kind == "submit":
                return
            self._form[2].append((a["name"], a.get("value", "")))
        elif self._form is not None and tag == "select":
            self._select, self._select_value = a.get("name"), None
        elif self._select is not None and tag == "option" and (self._select_value is None or "selected" in a):
            self._select_value = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._form is not None and self._select:
            self._form[2].append((self._select, self._select_value or ""))
            self._select = None
        if tag == "form" and self._form is not None:
            self.found.append(self._form)
            self._form = None


def _same_site(page: str, href: str) -> str | None:
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    address = urljoin(page, href)
    parts = urlsplit(address)
    if (parts.scheme or parts.netloc) and parts.netloc != "testserver":
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _shape(address: str, *, per_record: bool) -> tuple[object, ...]:
    """One page per view, record (if ``per_record``) and set of query keys is read for further links."""
    path, _, query = address.partition("?")
    try:
        match = resolve(path)
    except Resolver404:
        return (path,)
    record = tuple(sorted(match.kwargs.items())) if per_record else ()
    return (match.view_name, record, tuple(sorted(k for k, _ in parse_qsl(query))))


def _start_pages(role_user, ids):
    for route in routes():
        if route.unwalked_reason() is not None or route.is_api:
            continue
        if not pages.may_use(role_user, route.url_name):
            continue
        url = build_url(route, ids)
        if url is not None:
            yield url


def _follow(client: Client, method: str, address: str, fields: list[tuple[str, str]]):
    if method == "GET":
        if fields:
            path, _, query = address.partition("?")
            address = f"{path}?{urlencode([*parse_qsl(query), *fields])}"
        return address, client.get(address, follow=False)
    with transaction.atomic():
        response = client.post(address, dict(fields))
        transaction.set_rollback(True)
    return address, response


def walk_links(
    client: Client, user, start: list[str], *, per_record: bool = True, recorded: RoleWalk | None = None
) -> tuple[list[str], int]:
    """Problems found, and the number of links followed. Every distinct link is followed; a page
    is read for further links once per view and query shape, and per record if ``per_record``.
    A start page in ``recorded`` (the role's GET walk, ``tests/app/test_route_walk.py``) is read
    from it rather than asked again; the links on it are followed live."""
    problems: list[str] = []
    followed: set[tuple[str, str]] = set()
    read: set[tuple[object, ...]] = set()
    queue: deque[tuple[str, str, list[tuple[str, str]], str]] = deque(("GET", url, [], "(start)") for url in start)
    while queue:
        method, address, fields, source = queue.popleft()
        if (method, address) in followed or address.split("?")[0] in SKIPPED:
            continue
        followed.add((method, address))
        if address.startswith("/static/"):
            if not finders.find(address.removeprefix("/static/").split("?")[0]):
                problems.append(f"{source} → {address}: no such static file")
            continue
        if source == "(start)" and recorded is not None and address in recorded.answers:
            asked, response = address, recorded.answers[address]
            raw = response.content
        else:
            asked, response = _follow(client, method, address, fields)
            # Read to the end (a file answer is closed so); only an HTML page is read for links, so
            # a spreadsheet or PDF is not parsed for text here (the other walks read their text).
            raw = response.getvalue() if isinstance(response, StreamingHttpResponse) else response.content
        # (A start page is no link: what each role gets from it is the access matrix's walk.)
        if source != "(start)" and (response.status_code in (403, 404, 405) or response.status_code >= 500):
            problems.append(f"{source} → {method} {asked}: {response.status_code}")
            continue
        if response.status_code in (301, 302) and method == "GET":
            queue.append(("GET", _same_site(asked, response["Location"]) or "", [], asked))
            continue
        if method != "GET" or "text/html" not in response.get("Content-Type", ""):
            continue
        shape = _shape(asked, per_record=per_record)
        if shape in read:
            continue
        read.add(shape)
        parser = _Links()
        parser.feed(raw.decode("utf-8", errors="replace"))
        for link_method, href, link_fields in parser.found:
            target = _same_site(asked, href)
            if target is not None and not target.startswith("/admin/"):
                queue.append((link_method, target, link_fields, asked))
    return problems, len(followed)


# The walk is real: the links each role follows at least (about two thirds of what it followed in
# December 2026). The whole walk, all roles together, followed more than 400 when it was one test.
LEAST_FOLLOWED = {
    "anonymous": 8,
    "caseworker": 130,
    "consultant": 120,
    "coordinator": 185,
    "benefit_office": 22,
    "analyst": 30,
    "administrator": 130,
    "employer": 18,
    "citizen": 14,
    "dpo": 18,
    "provider": 14,
    "intermediary": 20,
}


def test_the_least_links_followed_cover_every_role_and_add_up_to_the_whole_walk():
    assert set(LEAST_FOLLOWED) == {"anonymous", *WORLD_ROLES}
    assert all(n > 3 for n in LEAST_FOLLOWED.values()) and LEAST_FOLLOWED["caseworker"] > 50
    assert sum(LEAST_FOLLOWED.values()) > 400


def test_the_worklists_revurder_fritagelsen_links_only_for_the_caseworker_whose_page_it_is(world, monkeypatch):
    """Before July 2025 the worklist reminded consultants and coordinators of an exemption
    review with a link to the caseworker's exemption page, which answered them 404 (issue 18)."""
    from datetime import date

    from smaajob.access import worklist as alerts
    from smaajob.citizens.models import Citizen
    from smaajob.citizens.services import decide_exemption

    omar = world.ids["citizen_id"]
    decide_exemption(
        actor=world.users["caseworker"],
        citizen=Citizen.objects.get(pk=omar),
        decided_on=date(2025, 1, 10),
        valid_from=date(2025, 1, 10),
        reason="Begrænset arbejdsevne.",
        review_on=date(2025, 6, 5),
    )
    real = alerts.worklist
    monkeypatch.setattr(
        "smaajob.access.worklist.worklist", lambda user, **kwargs: real(user, **{**kwargs, "today": date(2025, 6, 1)})
    )
    exemption_page = f"/borgere/{omar}/fritagelse/"
    for role in ("caseworker", "consultant", "coordinator"):
        client = Client()
        client.force_login(world.users[role])
        page = client.get("/arbejdsliste/").content.decode()
        assert "Revurdér fritagelsen" in page, role
        parser = _Links()
        parser.feed(page)
        links = {_same_site("/arbejdsliste/", href) for method, href, _ in parser.found if method == "GET"}
        dead = [link for link in sorted(filter(None, links)) if client.get(link).status_code == 404]
        assert dead == [], (role, dead)
        assert (f'href="{exemption_page}"' in page) == (role == "caseworker"), role
    client = Client()
    client.force_login(world.users["caseworker"])
    assert client.get(exemption_page).status_code == 200
