# SPDX-License-Identifier: MPL-2.0
"""The route walks' checks, each role walked once (issue 19 item 8).

Each role of the fixture world (and a visitor) asks every walked page and API route with GET
once per test worker (``walk``, ``route_walk.walk_role``): the answers are recorded, in a
savepoint that is rolled back, and every check below reads them, one test per check and role:

* no answer shows a citizen without an audited read by that user (``test_unaudited_reads.py``);
* every answer has the security headers, no HTML page inline code (``test_security_headers.py``);
* every page reads as Danish (``test_visible_text.py``);
* a refused record answers as a missing one, and every cell of the role table answers what the
  table says (``test_access_matrix.py``; its writes are asked live, each rolled back);
* no link or button on a page answers 404 (``test_link_walk.py``: the start pages are the
  recorded answers, the links on them are followed live);
* every id a page points at (a label's ``for``, ``aria-describedby`` …) is on the page
  (``test_id_references.py``).

The checks' helpers, their "the detector works" lower bounds and their other tests stay in
those modules. The walks share this module so that they share its world (``module_world``).
"""

from __future__ import annotations

import copy

import pytest
from django.db import transaction
from django.test import Client

from tests.app import test_access_matrix as matrix
from tests.app import test_link_walk as links
from tests.app import test_unaudited_reads as audited
from tests.app import test_visible_text as danish
from tests.app.conftest import WORLD_ROLES, module_atomic
from tests.app.route_walk import (
    WALKED_FOR_HEADERS,
    RoleWalk,
    answer_text,
    build_url,
    filled_url,
    html_as_pdf,
    routes,
    walk_role,
)
from tests.app.test_id_references import dangling_references
from tests.app.test_security_headers import header_problems, inline_code

pytestmark = pytest.mark.django_db

_VISITOR = ("anonym", "anonymous")  # the checks' names for the visitor


@pytest.fixture(scope="module")
def role_walks() -> dict[str, RoleWalk]:
    """The module's recorded walks, by role, as the tests first ask for them (per test worker)."""
    return {}


@pytest.fixture
def walk(module_world, world, role, role_walks: dict[str, RoleWalk]) -> RoleWalk:
    """``role``'s GET walk of every route, recorded the first time a test of this worker asks for
    it. It is asked in a savepoint that is rolled back (what asking writes — sessions, audit
    entries — stays for no test), with the PDF stand-in, from the world as built."""
    key = "anonymous" if role in _VISITOR else role
    if key not in role_walks:
        user = copy.deepcopy(module_world.users).get(key)
        missing_ids = dict.fromkeys(module_world.ids, matrix.MISSING_ID)
        with pytest.MonkeyPatch.context() as patch, module_atomic():
            patch.setattr("smaajob.pdf.html_pdf", html_as_pdf)
            client = Client()
            if user is not None:
                client.force_login(user)
            role_walks[key] = walk_role(client, user, module_world.ids, missing_ids)
            transaction.set_rollback(True)
    return role_walks[key]


# --------------------------------------------------------------------------- audited reads
@pytest.mark.parametrize("role", ["anonym", *WORLD_ROLES])
def test_no_answer_shows_a_citizen_without_an_audited_read_by_that_user(world, walk, role):
    unaudited, to_analyst, server_errors, seen = [], [], [], set()
    for route in routes():
        if route.unwalked_reason() is not None:
            continue
        url = build_url(route, world.ids)
        assert url is not None, f"{route.route}: no id for it and not listed in UNWALKED"
        response = walk.answers[url]
        if response.status_code >= 500:
            server_errors.append(f"{role} {url}: {response.status_code}")
        text = response.text
        shown = [p for p in world.people if any(marker in text for marker in p.markers)]
        if shown and role in ("anonym", "analyst"):
            to_analyst.append(f"{role} {url}: shows citizen {[p.citizen_id for p in shown]}")
        for person in shown:
            seen.add((role, url, person.citizen_id))
            # AuditEntry rows after the last one before the request, READ, by this user (walk_role)
            if person.citizen_id not in response.audited_reads:
                unaudited.append(f"{role} {url}: shows citizen {person.citizen_id}, no audited read")
    assert server_errors == [], "\n".join(server_errors)
    assert to_analyst == [], "analysts and visitors see no personal data at all"
    assert unaudited == [], "\n".join(unaudited)
    # The detector works: the answers that must show the citizens did show them.
    omar, zakarias = (p.citizen_id for p in world.people)
    ids = world.ids
    must_show = {
        ("caseworker", f"/borgere/{ids['citizen_id']}/", omar),
        ("caseworker", f"/api/v1/borgere/{ids['citizen_id']}", omar),
        ("coordinator", "/", omar),
        ("employer", "/", omar),
        ("employer", "/", zakarias),
        ("citizen", "/", omar),
        ("citizen", "/loensedler/mine/", omar),
        ("benefit_office", f"/loensedler/{ids['payslip_id']}/fil/", omar),
    }
    assert {cell for cell in must_show if cell[0] == role} <= seen
    assert len(seen) >= audited.LEAST_SEEN[role], len(seen)


# --------------------------------------------------------------------------- security headers
@pytest.mark.parametrize("role", ["anonymous", *WORLD_ROLES])
def test_every_page_of_every_role_has_the_headers_and_no_inline_script_style_or_handler(world, walk, role):
    problems: list[str] = []
    pages = 0
    for route in routes():
        if route.unwalked_reason() is not None and route.route not in WALKED_FOR_HEADERS:
            continue
        url = build_url(route, world.ids)
        if url is None or (route.is_api and "GET" not in route.methods):
            continue
        answer = walk.answers[url]
        text = answer.text
        pages += 1
        where = f"{role} GET {url} ({answer.status_code})"
        problems.extend(f"{where}: {p}" for p in header_problems(answer))
        if "text/html" in answer.get("Content-Type", ""):
            problems.extend(f"{where}: {p}" for p in inline_code(text))
    assert problems == [], "\n".join(sorted(set(problems))[:80])
    # Every role asks the same routes: all roles together more than 300 pages, as when one test.
    assert pages * (1 + len(WORLD_ROLES)) > 300, pages


# --------------------------------------------------------------------------- ids pointed at
@pytest.mark.parametrize("role", ["anonym", *WORLD_ROLES])
def test_every_id_a_page_points_at_is_on_the_page_for_every_role(world, walk, role):
    problems: set[str] = set()
    pages_read = 0
    for route in routes():
        if route.is_api or route.unwalked_reason() is not None:
            continue
        url = build_url(route, world.ids)
        answer = walk.answers[url] if url is not None else None
        if answer is None or answer.status_code != 200 or "text/html" not in answer.get("Content-Type", ""):
            continue
        pages_read += 1
        problems.update(f"{route.route}: {p}" for p in dangling_references(answer.text))
    assert sorted(problems) == []
    assert pages_read >= danish.LEAST_READ[role], pages_read


# --------------------------------------------------------------------------- Danish text
@pytest.mark.parametrize("role", ["anonym", *WORLD_ROLES])
def test_every_page_reads_as_danish_for_every_role(world, walk, role):
    # Only HTML pages are read; a PDF is printed from HTML that the walk's stand-in hands back
    # unprinted (drawing takes a second a document, for answers this check does not read).
    codes = danish._choice_codes()
    pages = [r for r in routes() if not r.is_api and r.unwalked_reason() is None]
    assert len(pages) > 40
    problems: dict[str, set[str]] = {}
    pages_read = 0
    usernames = {u.username for u in world.users.values()}
    for route in pages:
        url = build_url(route, world.ids)
        assert url is not None, route.route
        response = walk.answers[url]
        text = response.text
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages_read += 1
        # A user name is the account's name as the municipality chose it (the audit trail's »who«
        # column shows it), not a code; the test world's staff are named after their roles.
        shown = [part for part in danish.visible_text(text) if part.strip() not in usernames]
        for finding in danish.findings_in(shown, codes):
            problems.setdefault(finding, set()).add(f"{role} {route.route}")
    report = [f"{finding}  ({', '.join(sorted(where)[:3])})" for finding, where in sorted(problems.items())]
    assert report == [], "\n".join(report)
    assert pages_read >= danish.LEAST_READ[role], pages_read


# --------------------------------------------------------------------------- the access matrix
@pytest.mark.parametrize("role", ["anonym", *WORLD_ROLES])
def test_a_refused_record_answers_exactly_as_a_missing_one_for_every_role(world, walk, role):
    cells, refused, problems = 0, 0, []
    for route in matrix._id_routes(world.ids):
        real_url = filled_url(route, world.ids)
        real, missing = walk.answers[real_url], walk.missing[route.route]
        missing_url = missing.url
        real_text, missing_text = real.text, missing.text
        cells += 1
        if real.status_code in (403, 500) or missing.status_code in (403, 500):
            problems.append(f"{role} {route.route}: {real.status_code} / missing {missing.status_code}")
            continue
        if missing.status_code == 200:
            problems.append(f"{role} {route.route}: a missing record answers 200")
        if real.status_code != 404:
            continue
        refused += 1
        same = missing.status_code == 404 and matrix._normalised(
            real_text, real_url.split("?")[0]
        ) == matrix._normalised(missing_text, missing_url.split("?")[0])
        if not same:
            problems.append(f"{role} {route.route}: refused and missing answer differently")
    assert problems == [], "\n".join(problems)
    # The matrix is real: many cells (every role asks the same routes), and many of them refused.
    assert cells * (1 + len(WORLD_ROLES)) > 200, cells
    assert refused >= matrix.LEAST_REFUSED_RECORDS[role], refused


@pytest.fixture(scope="module")
def missing_answers(module_world, django_db_blocker) -> dict[tuple[str, str], tuple[int, str]]:
    """What a missing record answers, asked by a role that may use the route. It depends on the
    world only, so it is asked once for the module (per test worker), inside a savepoint that is
    rolled back: what asking writes (sessions, audit entries) does not stay for the tests."""
    world = copy.deepcopy(module_world)
    missing_ids = dict.fromkeys(world.ids, matrix.MISSING_ID)
    answers: dict[tuple[str, str], tuple[int, str]] = {}
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch, module_atomic():
        patch.setattr("smaajob.pdf.html_pdf", html_as_pdf)
        for route in routes():
            if route.unwalked_reason() is not None:
                continue
            for method, allowed in matrix._cells(route):
                role = next((r for r in world.users if r in allowed), None)
                if method != "GET" or role is None or not route.parameters:
                    continue
                client = Client()
                client.force_login(world.users[role])
                answer = client.get(filled_url(route, missing_ids))
                if answer.status_code == 404:  # (a page that only takes writes answers a GET with 405)
                    answers[(method, route.route)] = (answer.status_code, matrix._main(answer_text(answer)))
        transaction.set_rollback(True)
    return answers


@pytest.mark.parametrize("role", ["anonymous", *WORLD_ROLES])
def test_every_role_gets_from_every_page_and_api_route_exactly_what_the_role_table_says(
    world, walk, missing_answers, monkeypatch, role
):
    """Allowed: the page (never a refusal); not allowed: the very answer a missing record gets,
    as the roles that may use the route get it; not logged in: the log-in page (API: 401).
    A GET cell is the role's recorded answer; a write is asked here, in a savepoint rolled back."""
    monkeypatch.setattr("smaajob.pdf.html_pdf", html_as_pdf)
    walked = [r for r in routes() if r.unwalked_reason() is None]
    problems, cells, refused = [], 0, 0
    user = world.users.get(role)
    client = Client()
    if user is not None:
        client.force_login(user)
    for route in walked:
        url = filled_url(route, world.ids)
        for method, allowed in matrix._cells(route):
            cells += 1
            if method == "GET":
                answer = walk.answers[url]
                text = matrix._main(answer.text)
            else:
                answer = matrix._ask(client, method, url)
                text = matrix._main(answer_text(answer))  # read to the end: a file answer is closed so
            cell = f"{role} {method} /{route.route}"
            if role in allowed:
                refusal = answer.status_code in (401, 403, 404) or answer.status_code >= 500
                if refusal and (role, f"{method} {route.route}") not in matrix.OBJECT_LEVEL_REFUSALS:
                    problems.append(f"{cell}: allowed, but answers {answer.status_code}")
                continue
            if role == "anonymous":
                expected = 401 if route.is_api else 302
                if answer.status_code != expected or (expected == 302 and "/log-ind/" not in answer["Location"]):
                    problems.append(f"{cell}: a visitor gets {answer.status_code}, not the log-in")
                continue
            refused += 1
            if answer.status_code != 404:
                problems.append(f"{cell}: not allowed, but answers {answer.status_code}")
                continue
            if route.is_api:
                body = answer.json()
                if body.get("code") != "not_found":
                    problems.append(f"{cell}: refused without the not-found code: {body}")
            if (method, route.route) in missing_answers and missing_answers[(method, route.route)] != (404, text):
                problems.append(f"{cell}: refused, but not as a missing record is: {text[:200]!r}")
            elif "findes ikke" not in text:
                problems.append(f"{cell}: refused without saying it is not there: {text[:200]!r}")
    assert problems == [], "\n".join(problems)
    # Every role asks every cell; how many are refused to it, the role table says.
    assert cells * (1 + len(WORLD_ROLES)) > 800, cells
    assert refused >= matrix.LEAST_REFUSED_CELLS[role], refused


# --------------------------------------------------------------------------- the link walk
@pytest.mark.parametrize("role", ["anonymous", *WORLD_ROLES])
def test_no_page_shows_any_role_a_link_or_button_that_answers_404(world, walk, monkeypatch, role):
    monkeypatch.setattr("smaajob.pdf.html_pdf", html_as_pdf)
    user = world.users.get(role)
    client = Client()
    if user is not None:
        client.force_login(user)
    problems, followed = links.walk_links(client, user, list(links._start_pages(user, world.ids)), recorded=walk)
    assert problems == [], "\n".join(f"{role}: {p}" for p in problems)
    # The walk is real: the role followed links beyond its start pages.
    assert followed >= links.LEAST_FOLLOWED[role], followed
