# SPDX-License-Identifier: MPL-2.0
"""Every id a page points at is on the page: a label's ``for``, ``aria-describedby``,
``aria-labelledby``, ``aria-controls``, ``aria-errormessage`` and ``list``.

A screen reader reads a field's help text and error through ``aria-describedby``; a reference to
an id that is not there reads nothing, and no browser or axe rule says so. (Found 2026-12-07:
the report page's help text had its own id, while Django points the field at ``<id>_helptext``.)
The check runs over every role's route walk (``test_route_walk.py``); the finder is tested here.
"""

from __future__ import annotations

from html.parser import HTMLParser

POINTING = ("for", "aria-describedby", "aria-labelledby", "aria-controls", "aria-errormessage", "list")


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.pointers: list[tuple[str, str, str]] = []  # (tag, attribute, id)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in POINTING:
                self.pointers.extend((tag, name, target) for target in value.split())

    handle_startendtag = handle_starttag


def dangling_references(html: str) -> list[str]:
    """``<tag attribute="id">`` for each id the page points at and does not have."""
    found = _References()
    found.feed(html)
    return [f'<{tag} {name}="{target}">' for tag, name, target in found.pointers if target not in found.ids]


def test_the_finder_finds_a_reference_to_a_missing_id_and_only_that():
    page = """<label for="id_a">A</label><input id="id_a" aria-describedby="id_a_helptext id_a_error">
    <span id="id_a_helptext">Hjælp</span><button aria-controls="menu">Menu</button><ul id="menu"></ul>
    <input aria-labelledby="nowhere"/>"""
    assert dangling_references(page) == ['<input aria-describedby="id_a_error">', '<input aria-labelledby="nowhere">']
    assert dangling_references('<label for="x">X</label><input id="x">') == []
