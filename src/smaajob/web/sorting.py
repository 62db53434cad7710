# SPDX-License-Identifier: MPL-2.0
"""Sortable lists whose sort order lives in the URL (``?sortering=navn`` or ``-navn``).

A list declares its columns once: the Danish key in the URL, the heading and the fields to
order by. ``sorting(request, columns, default=…)`` reads the choice (an unknown key falls back
to the default, so a hand-edited URL never fails), orders the queryset and gives the headings
as links that keep every other filter in the URL and flip the direction of the current column.
The headings carry ``aria-sort`` so a screen reader says how the list is sorted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.http import HttpRequest

PARAMETER = "sortering"


@dataclass(frozen=True)
class Column:
    key: str  # in the URL, Danish ASCII
    label: str
    fields: tuple[str, ...]  # ascending order; the list's own tie-breakers follow


@dataclass(frozen=True)
class Sorting:
    column: Column
    descending: bool
    headings: dict[str, dict[str, str]]  # key → label, url, aria_sort

    def apply(self, rows: QuerySet[Any], *, then: tuple[str, ...] = ("pk",)) -> QuerySet[Any]:
        """``rows`` in the chosen order (NULLs last either way), then by ``then`` for a stable page."""
        order = [
            F(name).desc(nulls_last=True) if self.descending else F(name).asc(nulls_last=True)
            for name in self.column.fields
        ]
        return rows.order_by(*order, *then)


def sorting(request: HttpRequest, columns: list[Column], *, default: str) -> Sorting:
    by_key = {c.key: c for c in columns}
    asked = request.GET.get(PARAMETER, "")
    descending = asked.startswith("-")
    column = by_key.get(asked.lstrip("-")) or by_key[default]
    if column.key != asked.lstrip("-"):
        descending = False
    headings = {}
    for c in columns:
        query = request.GET.copy()
        query.pop("side", None)  # a new order starts on the first page
        current = c.key == column.key
        query[PARAMETER] = f"-{c.key}" if current and not descending else c.key
        headings[c.key] = {
            "label": c.label,
            "url": "?" + query.urlencode(),
            "aria_sort": ("descending" if descending else "ascending") if current else "",
        }
    return Sorting(column, descending, headings)
