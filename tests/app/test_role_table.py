# SPDX-License-Identifier: MPL-2.0
"""The role table (``smaajob.access.pages``) declares every page and API operation the project
serves, the menu follows it, and ``docs/roles.md`` is exactly what the code prints (issue 21,
item 1). What each role then gets from each route is walked in ``test_access_matrix.py``; that
no page shows a link its role cannot follow, in ``test_link_walk.py``."""

from __future__ import annotations

from pathlib import Path

from smaajob.access import pages
from smaajob.cli.main import main
from smaajob.web import navigation
from smaajob.web.roles_doc import render
from tests.app.route_walk import routes

ROLES_MD = Path(__file__).resolve().parents[2] / "docs" / "roles.md"


def _served_operations() -> set[str]:
    from smaajob.api.app import api

    schema = api.get_openapi_schema()["paths"]
    return {f"{method.upper()} {path}" for path, operations in schema.items() for method in operations}


def test_every_page_the_project_serves_is_declared_with_its_roles():
    served = {r.url_name for r in routes() if not pages.is_api_operation(r.url_name, r.route)}
    undeclared = sorted(name for name in served if pages.page_entry(name) is None)
    assert undeclared == [], "add these URL names to smaajob.access.pages.PAGES (deny by default)"
    assert len(served) > 60


def test_every_api_operation_the_project_serves_is_declared_with_its_roles():
    served = _served_operations()
    assert sorted(served - set(pages.API_OPERATIONS)) == [], "add them to smaajob.access.pages.API_OPERATIONS"
    assert sorted(set(pages.API_OPERATIONS) - served) == [], "the table declares operations that do not exist"
    assert len(served) > 40


def test_the_table_declares_no_page_that_does_not_exist():
    served = {r.url_name for r in routes()}
    assert sorted(set(pages.PAGES) - served) == []
    for namespace in pages.NAMESPACES:
        assert any(name.startswith(namespace + ":") for name in served), namespace


def test_the_table_names_only_real_roles():
    known = set(pages.SIGNED_IN) | {pages.ANONYMOUS}
    for entry in [*pages.PAGES.values(), *pages.NAMESPACES.values(), *pages.API_OPERATIONS.values()]:
        assert entry.roles <= known, entry
        assert entry.purpose.strip()


def test_a_menu_entry_is_shown_only_to_roles_that_may_open_its_page():
    entries = navigation.entries()
    assert len(entries) > 10
    for item in entries:
        assert item.roles, f"{item.url_name}: a menu entry no role sees (is its page in the table?)"
        page = pages.page_entry(item.url_name)
        assert page is not None and item.roles <= page.roles, item


def test_the_menu_can_narrow_a_page_but_never_widen_it():
    navigation.register("web:visitation", "Visitér borger", roles={"caseworker", "citizen"}, order=12)
    try:
        entry = next(e for e in navigation.entries() if e.url_name == "web:visitation")
        assert entry.roles == {"caseworker"}
    finally:
        navigation.register("web:visitation", "Visitér borger", order=12)


def test_docs_roles_md_is_the_table_the_code_prints():
    assert ROLES_MD.read_text(encoding="utf-8") == render(), "run: smaajob docs roles > docs/roles.md"


def test_smaajob_docs_roles_prints_the_page(capsys):
    assert main(["docs", "roles"]) == 0
    out = capsys.readouterr().out
    assert out == render()
    assert "| `web:companies` | `/virksomheder/` |" in out
    assert "| `GET /api/v1/borgere/{citizen_id}` |" in out


def test_if_may_shows_a_link_only_to_roles_the_table_lets_follow_it():
    from types import SimpleNamespace

    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    template = Template('{% load page_access %}{% if_may "web:visitation" %}ja{% else %}nej{% endif_may %}')

    def shown(user):
        return template.render(Context({"user": user}))

    def person(role):
        return SimpleNamespace(is_authenticated=True, is_active=True, role=role)

    assert shown(person("caseworker")) == "ja"
    assert [shown(person(r)) for r in ("consultant", "employer", "citizen")] == ["nej"] * 3
    assert shown(AnonymousUser()) == "nej"
    assert pages.may_use(person("caseworker"), "web:no_such_page") is False


def test_may_follow_reads_the_page_behind_an_address():
    from types import SimpleNamespace

    consultant = SimpleNamespace(is_authenticated=True, is_active=True, role="consultant")
    assert pages.may_follow(consultant, "/borgere/7/?tilbage=arbejdsliste")
    assert not pages.may_follow(consultant, "/borgere/7/fritagelse/")
    assert pages.may_follow(consultant, "/api/v1/borgere/7")
    assert not pages.may_follow(consultant, "/no/such/address/")
