# SPDX-License-Identifier: MPL-2.0
"""The main menu, assembled from entries that each app registers in its ``AppConfig.ready``.

An app adds itself with ``register("reports:dashboard", "Dashboards", roles={...}, order=40)``;
the context processor ``nav_items`` shows a user only the entries for their role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str
    roles: frozenset[str]
    order: int


_ENTRIES: dict[str, NavEntry] = {}


def register(url_name: str, label: str, *, roles: set[str] | frozenset[str], order: int = 50) -> None:
    _ENTRIES[url_name] = NavEntry(url_name, label, frozenset(roles), order)


def nav_items(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = []
    for entry in sorted(_ENTRIES.values(), key=lambda e: (e.order, e.label)):
        if user.role not in entry.roles:
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": entry.label, "current": request.path.startswith(url) and url != "/"})
    return {"nav_items": items}
