# SPDX-License-Identifier: MPL-2.0
"""Reading a PDF back in tests: each page's box, the text on it with positions, the catalogue.

pdfminer.six (a development dependency) parses the file WeasyPrint wrote, independently of
WeasyPrint, so a test sees what a reader's PDF viewer sees: where each character is drawn
and whether the document carries its structure tree (the tags screen readers follow).
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
class Pdf:
    pages: tuple[Page, ...]
    catalog: dict[str, Any]

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
    return Pdf(pages=tuple(pages), catalog=dict(document.catalog))
