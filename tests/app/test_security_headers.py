# SPDX-License-Identifier: MPL-2.0
"""Headers and CSP (issue 14, item 5): every page, as every role, carries the
Content-Security-Policy and the other security headers, and no HTML page holds an inline
script, an inline style or an event handler — which the policy would block in the browser.

The walk of every page, one test per role, is in ``tests/app/test_route_walk.py``: it reads the
role's recorded GET walk (issue 19 item 8); the helpers and the other tests are here."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

# Script types that are data, not code: the browser never runs them, so CSP does not block them.
DATA_SCRIPTS = {"application/json", "application/ld+json"}


class InlineFinder(HTMLParser):
    """Collects what a CSP without 'unsafe-inline' would block: <script> without src, <style>,
    style="…" attributes and on…= event handlers, and javascript: links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "script" and "src" not in named and (named.get("type") or "").lower() not in DATA_SCRIPTS:
            self.found.append(f"inline <script> at line {self.getpos()[0]}")
        if tag == "style":
            self.found.append(f"<style> at line {self.getpos()[0]}")
        for name, value in attrs:
            if name == "style":
                self.found.append(f'style="{value}" on <{tag}> at line {self.getpos()[0]}')
            elif name.startswith("on"):
                self.found.append(f"{name}= on <{tag}> at line {self.getpos()[0]}")
            elif name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{name}=javascript: on <{tag}> at line {self.getpos()[0]}")

    handle_startendtag = handle_starttag


def inline_code(html: str) -> list[str]:
    finder = InlineFinder()
    finder.feed(html)
    return finder.found


def header_problems(response) -> list[str]:
    problems = []
    policy = response.get("Content-Security-Policy", "")
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.split()}
    # 'none' is stricter still: an uploaded payslip is served sandboxed (smaajob.money.views).
    strictest = directives.get("default-src") == ["'none'"]
    if directives.get("default-src") != ["'self'"] and not strictest:
        problems.append(f"default-src is {directives.get('default-src')}")
    for directive in ("script-src", "style-src"):
        sources = directives.get(directive, directives.get("default-src", []))
        if "'unsafe-inline'" in sources or "'unsafe-eval'" in sources:
            problems.append(f"{directive} allows {sources}")
    if directives.get("frame-ancestors") != ["'none'"]:
        problems.append("frame-ancestors is not 'none'")
    if directives.get("object-src") != ["'none'"] and not strictest:
        problems.append("object-src is not 'none'")
    expected = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"}
    for name, value in expected.items():
        if response.get(name) != value:
            problems.append(f"{name} is {response.get(name)!r}")
    if "camera=()" not in response.get("Permissions-Policy", ""):
        problems.append(f"Permissions-Policy is {response.get('Permissions-Policy')!r}")
    return problems


def test_the_inline_finder_finds_what_the_policy_blocks():
    page = (
        '<p style="color:red" onclick="x()">a</p><script>alert(1)</script><style>p{}</style>'
        '<a href="javascript:void(0)">b</a><script src="/static/x.js"></script>'
        '<script type="application/json" id="settings">{}</script>'
    )
    assert len(inline_code(page)) == 5


def test_the_login_and_error_pages_have_the_headers_too(client):
    for url in ("/log-ind/", "/findes-ikke/", "/api/v1/findes-ikke"):
        answer = client.get(url)
        assert header_problems(answer) == [], url
        if "text/html" in answer.get("Content-Type", ""):
            assert inline_code(answer.content.decode()) == [], url


def test_the_admin_pages_have_the_headers_and_no_inline_code(world):
    from django.contrib import admin
    from django.urls import reverse

    client = Client()
    client.force_login(world.users["administrator"])
    problems: list[str] = []
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls += [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
    urls.append(reverse("admin:organisation_user_change", args=[world.users["caseworker"].pk]))
    for url in urls:
        answer = client.get(url)
        problems.extend(f"{url}: {p}" for p in header_problems(answer))
        if "text/html" in answer.get("Content-Type", ""):
            problems.extend(f"{url}: {p}" for p in inline_code(answer.content.decode()))
    assert problems == [], "\n".join(problems)
