# SPDX-License-Identifier: MPL-2.0
"""The main menu, assembled from entries that each app registers in its ``AppConfig.ready``.

An app adds itself with ``register("reports:dashboard", "Nøgletal", order=40)``. Who sees an
entry is decided by the role gate (``smaajob.access.pages``): the roles that may open the page.
``roles=`` narrows that further for a page more roles may open than need it in their menu
(the public calculator); it can never widen it. The context processor ``nav_items`` shows a
user only the entries for their role; ``docs/roles.md`` lists them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from smaajob.access import pages


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str
    only_for: frozenset[str] | None  # narrows the page's roles; None: everyone who may open it
    order: int

    @property
    def roles(self) -> frozenset[str]:
        """The roles that see this entry: those that may open the page, narrowed by ``only_for``."""
        entry = pages.page_entry(self.url_name)
        allowed = entry.roles if entry is not None else frozenset()
        return allowed if self.only_for is None else allowed & self.only_for


_ENTRIES: dict[str, NavEntry] = {}


def register(
    url_name: str, label: str, *, roles: set[str] | frozenset[str] | None = None, order: int = 50
) -> None:
    only_for = None if roles is None else frozenset(str(r) for r in roles)
    _ENTRIES[url_name] = NavEntry(url_name, label, only_for, order)


def entries() -> list[NavEntry]:
    """Every menu entry, in menu order."""
    return sorted(_ENTRIES.values(), key=lambda e: (e.order, e.label))


def nav_items(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    role = pages.role_of(user)
    items = []
    for entry in entries():
        if role not in entry.roles:
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": entry.label, "current": request.path.startswith(url) and url != "/"})
    return {"nav_items": items}
