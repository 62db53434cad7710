# SPDX-License-Identifier: MPL-2.0
"""The API documentation page is served from the project's own static files (no CDN)."""

from __future__ import annotations

import re


def test_the_api_documentation_page_loads_swagger_ui_from_our_own_static_files(client, db):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/ninja/swagger-ui-bundle.js" in sources and "/static/ninja/swagger-ui.css" in sources
    assert [s for s in sources if "//" in s] == []
    bundle = client.get("/static/ninja/swagger-ui-bundle.js")
    assert bundle.status_code == 200
    bundle.close()


def test_the_api_documentation_never_asks_the_online_validator(client, db):
    html = client.get("/api/v1/docs").content.decode()
    assert '"validatorUrl": null' in html
