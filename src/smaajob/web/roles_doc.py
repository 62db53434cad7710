# SPDX-License-Identifier: MPL-2.0
"""``docs/roles.md``, printed from the role table (``smaajob.access.pages``) and the menu.

``smaajob docs roles`` writes this text; a test fails when ``docs/roles.md`` differs from it,
so the page cannot drift from the code.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from smaajob.access import pages
from smaajob.organisation.models import Role
from smaajob.web import navigation

# Column order and short headings; the legend under the heading names them in full.
COLUMNS: tuple[tuple[str, str], ...] = (
    (Role.CASEWORKER, "RÅD"),
    (Role.CONSULTANT, "VK"),
    (Role.COORDINATOR, "KOO"),
    (Role.BENEFIT_OFFICE, "YDE"),
    (Role.ANALYST, "ANA"),
    (Role.ADMINISTRATOR, "ADM"),
    (Role.EMPLOYER, "VIR"),
    (Role.CITIZEN, "BOR"),
    (Role.DPO, "DPO"),
    (pages.ANONYMOUS, "GÆST"),
)
SECTIONS = {
    "web": "Arbejdsværktøjet",
    "ops": "Drift: sundhed, klarhed og målinger",
    "money": "Beregner og lønsedler",
    "reports": "Rapporter",
    "api": "API'ets sider",
}


def _addresses(patterns: list[Any] | None = None, prefix: str = "", namespace: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(n for n in (namespace, entry.namespace or "") if n)
            for name, address in _addresses(entry.url_patterns, prefix + str(entry.pattern), inner).items():
                found.setdefault(name, address)
        elif isinstance(entry, URLPattern) and entry.name:
            found.setdefault(f"{namespace}:{entry.name}", "/" + prefix + str(entry.pattern))
    return found


def _marks(roles: frozenset[str]) -> str:
    return " | ".join("✓" if role in roles else "" for role, _ in COLUMNS)


def _head(first: list[str]) -> list[str]:
    headings = [*first, *(short for _, short in COLUMNS)]
    return ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]


def render() -> str:
    labels = {**dict(Role.choices), pages.ANONYMOUS: "Ikke logget ind"}
    legend = ", ".join(f"{short} = {labels[role]}" for role, short in COLUMNS)
    lines = [
        "# Roller og sider",
        "",
        "<!-- Skrevet af `smaajob docs roles` ud fra src/smaajob/access/pages.py; ret tabellen dér, ikke her. -->",
        "",
        "Hver side, hvert API-kald og hvert menupunkt er erklæret i rolletabellen",
        "(`src/smaajob/access/pages.py`) med de roller, der må bruge det. Alt, hvad tabellen ikke",
        "nævner, er lukket. En rolle, der ikke må bruge en side, får præcis det svar, en post der",
        "ikke findes, giver (HTTP 404 med samme besked); en, der ikke er logget ind, sendes til",
        "log-ind-siden (API'et svarer 401). Menuen, links og knapper vises kun for roller, der må",
        "følge dem. Tabellen er kun rollens adgang: *hvilke* borgere, virksomheder og lønsedler",
        "en bruger når, afgøres stadig af adgangslaget for hver post.",
        "",
        f"Kolonner: {legend}.",
        "",
    ]
    addresses = _addresses()
    by_section: dict[str, list[str]] = {}
    for name in pages.PAGES:
        by_section.setdefault(name.split(":", 1)[0], []).append(name)
    for section, names in by_section.items():
        lines += [f"## {SECTIONS.get(section, section)}", "", *_head(["Side", "Adresse", "Formål"])]
        for name in names:
            entry = pages.PAGES[name]
            lines.append(f"| `{name}` | `{addresses.get(name, '')}` | {entry.purpose} | {_marks(entry.roles)} |")
        lines.append("")
    lines += ["## Hele afsnit", "", *_head(["Navnerum", "Formål"])]
    for namespace, entry in pages.NAMESPACES.items():
        lines.append(f"| `{namespace}:*` | {entry.purpose} | {_marks(entry.roles)} |")
    lines += ["", "## API (/api/v1/)", "", *_head(["Kald", "Formål"])]
    for key, entry in pages.API_OPERATIONS.items():
        lines.append(f"| `{key}` | {entry.purpose} | {_marks(entry.roles)} |")
    lines += ["", "## Menuen", "", *_head(["Menupunkt", "Side"])]
    for item in navigation.entries():
        lines.append(f"| {item.label} | `{item.url_name}` | {_marks(item.roles)} |")
    lines.append("")
    return "\n".join(lines)
