# SPDX-License-Identifier: MPL-2.0
"""The main menu, assembled from entries that each app registers in its ``AppConfig.ready``.

An app adds itself with ``register("reports:dashboard", "Nøgletal", order=40)``. Who sees an
entry is decided by the role gate (``smaajob.access.pages``): the roles that may open the page.
``roles=`` narrows that further for a page more roles may open than need it in their menu
(the public calculator); it can never widen it. The context processor ``nav_items`` shows a
user only the entries for their role; ``docs/roles.md`` lists them.

``group=`` puts an entry in a drop-down of the header (DKFDS's submenu): the staff menu has
more entries than fit on one line, so they are grouped by the work they belong to. A group a
role sees only one entry of is shown as that entry alone.
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
    group: str = ""

    @property
    def roles(self) -> frozenset[str]:
        """The roles that see this entry: those that may open the page, narrowed by ``only_for``."""
        entry = pages.page_entry(self.url_name)
        allowed = entry.roles if entry is not None else frozenset()
        return allowed if self.only_for is None else allowed & self.only_for


# The header's groups (Danish: they are the menu's own words).
CITIZENS = "Borgere"
COMPANIES = "Virksomheder og job"
OFFERS = "Tilbud og bestillinger"
FIGURES = "Tal og overblik"

_ENTRIES: dict[str, NavEntry] = {}


def register(
    url_name: str,
    label: str,
    *,
    roles: set[str] | frozenset[str] | None = None,
    order: int = 50,
    group: str = "",
) -> None:
    only_for = None if roles is None else frozenset(str(r) for r in roles)
    _ENTRIES[url_name] = NavEntry(url_name, label, only_for, order, group)


def entries() -> list[NavEntry]:
    """Every menu entry, in menu order."""
    return sorted(_ENTRIES.values(), key=lambda e: (e.order, e.label))


def nav_items(request: HttpRequest) -> dict[str, Any]:
    """``nav_items``: the user's entries in menu order; ``nav_groups``: the same entries as the
    header shows them, a group (``label``, ``id``, ``members``, ``current``) or a lone entry (no ``members``)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "nav_groups": []}
    role = pages.role_of(user)
    items = []
    for entry in entries():
        if role not in entry.roles:
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        current = request.path.startswith(url) and url != "/"
        items.append({"url": url, "label": entry.label, "current": current, "group": entry.group})
    return {"nav_items": items, "nav_groups": _grouped(items)}


def _grouped(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items in header order: each group where its first entry stands, lone entries as they are."""
    members: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        members.setdefault(item["group"], []).append(item)
    shown: list[dict[str, Any]] = []
    for item in items:
        group = item["group"]
        if not group or len(members[group]) == 1:
            shown.append(item)
        elif members[group][0] is item:
            slug = "menu-" + "".join(c if c.isalnum() else "-" for c in group.lower())
            current = any(i["current"] for i in members[group])
            shown.append({"label": group, "id": slug, "members": members[group], "current": current})
    return shown
