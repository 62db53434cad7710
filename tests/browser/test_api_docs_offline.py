# SPDX-License-Identifier: MPL-2.0
"""The interactive API documentation works without internet: Swagger UI comes from the
project's own static files, and no request leaves this machine."""

from __future__ import annotations

from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def test_the_api_documentation_renders_its_operations_from_local_files_only(page):
    outside: list[str] = []

    def only_loopback(route) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("data", "blob") or urlsplit(url).hostname in LOOPBACK:
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.context.route("**/*", only_loopback)
    page.goto("/api/v1/docs")
    page.locator(".opblock-summary").first.wait_for()
    summaries = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/v1/borgere/" in text for text in summaries)
    assert page.get_by_text("Småjob API").first.is_visible()
    assert outside == []
