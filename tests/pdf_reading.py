# SPDX-License-Identifier: MPL-2.0
"""Reading a PDF back in tests: each page's box, the text on it with positions, the catalogue.

pdfminer.six (a development dependency) parses the file fpdf2 wrote, independently of
fpdf2, so a test sees what a reader's PDF viewer sees: where each character is drawn
and the document's structure tree (the tags screen readers follow).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    lines: tuple[Line, ...]
    chars_outside: tuple[str, ...]  # characters drawn (partly) beyond the page box

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True)
class Tag:
    """An element of the structure tree: its type (``H1``, ``Table``, ``TH`` …), its ``/Alt``
    text and its attributes (``/A``), and the elements inside it."""

    type: str
    alt: str | None
    attributes: dict[str, Any]
    kids: tuple[Tag, ...]

    def walk(self) -> list[Tag]:
        found = [self]
        for kid in self.kids:
            found.extend(kid.walk())
        return found


@dataclass(frozen=True)
class Pdf:
    pages: tuple[Page, ...]
    catalog: dict[str, Any]
    tags: Tag | None = None  # the structure tree's root element (``Document``)

    def tagged(self, kind: str) -> list[Tag]:
        return [] if self.tags is None else [tag for tag in self.tags.walk() if tag.type == kind]

    @property
    def text(self) -> str:
        return "\n".join(page.text for page in self.pages)

    def catalog_entry(self, name: str) -> object:
        return resolve1(self.catalog.get(name))


def _lines(container: object) -> list[LTTextLine]:
    found = []
    for item in container:  # type: ignore[attr-defined]
        if isinstance(item, LTTextLine):
            found.append(item)
        elif isinstance(item, LTTextContainer):
            found.extend(_lines(item))
    return found


def read_pdf(data: bytes) -> Pdf:
    pages = []
    for layout in extract_pages(io.BytesIO(data), laparams=LAParams()):
        lines = _lines(layout)
        outside = tuple(
            char.get_text()
            for line in lines
            for char in line
            if isinstance(char, LTChar)
            and char.get_text().strip()
            and (char.x0 < -0.5 or char.x1 > layout.width + 0.5 or char.y0 < -0.5 or char.y1 > layout.height + 0.5)
        )
        pages.append(
            Page(
                width=layout.width,
                height=layout.height,
                lines=tuple(Line(line.get_text().strip(), line.x0, line.x1, line.y0, line.y1) for line in lines),
                chars_outside=outside,
            )
        )
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    catalog = dict(document.catalog)
    return Pdf(pages=tuple(pages), catalog=catalog, tags=_structure(resolve1(catalog.get("StructTreeRoot"))))


def _name(value: object) -> str:
    return str(getattr(value, "name", value))


def _tag(elem: dict[str, Any]) -> Tag:
    kids = resolve1(elem.get("K"))
    if not isinstance(kids, list):
        kids = [kids]
    children = tuple(_tag(kid) for kid in (resolve1(k) for k in kids) if isinstance(kid, dict) and "S" in kid)
    alt = resolve1(elem.get("Alt"))
    if isinstance(alt, bytes):
        alt = alt.decode("utf-16") if alt.startswith(b"\xfe\xff") else alt.decode("latin-1")
    attributes = resolve1(elem.get("A")) or {}
    return Tag(_name(resolve1(elem["S"])), alt, {k: _name(resolve1(v)) for k, v in attributes.items()}, children)


def _structure(root: object) -> Tag | None:
    if not isinstance(root, dict):
        return None
    kids = resolve1(root.get("K"))
    first = resolve1(kids[0]) if isinstance(kids, list) else kids
    return _tag(first) if isinstance(first, dict) else None
