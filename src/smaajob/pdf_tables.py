# SPDX-License-Identifier: MPL-2.0
"""Long lists as tagged PDF, fast: the table drawn straight onto the page with fpdf2.

WeasyPrint (``smaajob.pdf``) lays every cell out through Pango as a CSS box and builds the tag
tree for every box; for the openings list at municipality size (2,000 rows, 190 pages) that
took 23 s or more, most of it in table layout, drawing and tagging. A list needs none of CSS:
this module wraps each cell's words itself (font widths cached per word), breaks rows between
pages, repeats the header row at the top of each page, and writes the PDF with fpdf2 — about
a tenth of a second of CPU per thousand rows (docs/performance.md).

It keeps what the public sector's accessibility duty asks of a document, as WeasyPrint's
PDF/UA-1 output does: a structure tree (``Document`` → ``H1``, ``P``, ``Table`` → ``TR`` →
``TH``/``TD``, header cells scoped to their column), the document language, the title shown
as the window title, and the repeated headers and page numbers marked as artifacts, so a
screen reader reads the header row once and the rows in order. The page box, margins, fonts
and colours follow the shared print style (``pdf/style.html``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from fpdf import FPDF
from fpdf.prefs import ViewerPreferences
from fpdf.structure_tree import StructElem, StructureTreeBuilder

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
MARGIN = 34.0  # 12 mm, the landscape margin of pdf/style.html
BODY_SIZE = 8.5
TITLE_SIZE = 17.0
LINE = BODY_SIZE * 1.25
PAD_X, PAD_Y = 4.0, 2.5
FOOTER_SPACE = 18.0
BLUE = (0x00, 0x45, 0x7A)
INK = (0x1A, 0x1A, 0x1A)
RULE = (0xB0, 0xB7, 0xBF)
HEADER_FILL = (0xE1, 0xEC, 0xF4)
# How often (in rows) ``progress`` is told.
PROGRESS_EVERY = 250


@dataclass(frozen=True)
class Column:
    header: str
    share: float  # of the table's width; the shares of a table add up to 1


class _Elem(StructElem):
    """A structure element with attributes (``/A``): a header cell's scope."""

    __slots__ = ("a",)

    def __init__(self, struct_type: str, parent: StructElem, page_number: int, attributes: str | None = None):
        super().__init__(struct_type=struct_type, parent=parent, kids=[], page_number=page_number)
        self.a = attributes


class _Tree(StructureTreeBuilder):
    """fpdf2's structure tree, nested: it writes every element, not only the document's children."""

    def __iter__(self):  # type: ignore[no-untyped-def]
        yield self.struct_tree_root
        yield self.doc_struct_elem
        yield self.struct_tree_root.parent_tree
        stack = list(reversed(self.doc_struct_elem.k))
        while stack:
            elem = stack.pop()
            yield elem
            stack.extend(reversed([kid for kid in elem.k if isinstance(kid, StructElem)]))


class _TaggedList(FPDF):
    def __init__(self, title: str, lang: str):
        super().__init__(orientation="L", unit="pt", format="A4")
        self.struct_builder = _Tree()
        self.set_title(title)
        self.set_lang(lang)
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)
        # The PDF/UA-1 identification and the title, as WeasyPrint's pdf/ua-1 variant writes them.
        self.set_xmp_metadata(
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part>'
            '</rdf:Description><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>'
            f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title></rdf:Description>'
            "</rdf:RDF>"
        )
        self.set_creator("Småjob")
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)
        self._mcids: dict[int, int] = {}
        self._document = self.struct_builder.doc_struct_elem

    def footer(self) -> None:
        with self.artifact():
            self.set_font("DejaVu", "", 8)
            self.set_text_color(*INK)
            # {nb} becomes the page count when the PDF is written; room is kept for three digits.
            room = self.get_string_width(f"Side {self.page_no()} af 999")
            self.text(self.w - MARGIN - room, self.h - MARGIN / 2, f"Side {self.page_no()} af {{nb}}")

    def artifact(self) -> _Marked:
        return _Marked(self, None)

    def element(self, struct_type: str, parent: StructElem | None = None, attributes: str | None = None) -> _Elem:
        parent = parent or self._document
        elem = _Elem(struct_type, parent, self.page, attributes)
        # Written as the page's reference. fpdf2 types ``pg`` as None (it assigns the page itself
        # only to the document's direct children, when it writes the file).
        elem.pg = self.pages[self.page]  # type: ignore[assignment]
        parent.k.append(elem)
        return elem

    def marked(self, elem: StructElem) -> _Marked:
        return _Marked(self, elem)

    def next_mcid(self, elem: StructElem) -> int:
        """The next marked-content id on this page, registered in the parent tree for ``elem``."""
        page = self.pages[self.page]
        tree = self.struct_builder.struct_tree_root.parent_tree
        if page.struct_parents is None:
            page.struct_parents = len(self._mcids)
            self._mcids[self.page] = 0
        mcid = self._mcids[self.page]
        self._mcids[self.page] = mcid + 1
        tree.nums[page.struct_parents].append(elem)
        return mcid


class _Marked:
    """Content between BDC and EMC: tagged for ``elem`` (its own MCID on this page), or an artifact."""

    def __init__(self, pdf: _TaggedList, elem: StructElem | None):
        self.pdf, self.elem = pdf, elem

    def __enter__(self) -> None:
        if self.elem is None:
            self.pdf._out("/Artifact BMC")
            return
        # Every tagged element here lies on one page (no row is split), so a plain MCID will do.
        assert self.elem.page_number() == self.pdf.page
        mcid = self.pdf.next_mcid(self.elem)
        self.elem.k.append(mcid)
        self.pdf._out(f"/{self.elem.s.lstrip('/')} <</MCID {mcid}>> BDC")

    def __exit__(self, *exc: object) -> None:
        self.pdf._out("EMC")


def _wrap(width_of: Callable[[str], float], text: str, width: float) -> list[str]:
    """``text`` in lines no wider than ``width``: words as they fit; a word wider than a whole
    line is broken between characters, so nothing runs past the cell (CSS overflow-wrap: anywhere)."""
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    space = width_of(" ")
    for word in text.split():
        size = width_of(word)
        if size > width:
            if line:
                lines.append(" ".join(line))
                line, used = [], 0.0
            piece = ""
            for char in word:
                if piece and width_of(piece + char) > width:
                    lines.append(piece)
                    piece = ""
                piece += char
            line, used = [piece], width_of(piece)
        elif line and used + space + size > width:
            lines.append(" ".join(line))
            line, used = [word], size
        else:
            used += (space if line else 0.0) + size
            line.append(word)
    if line:
        lines.append(" ".join(line))
    return lines


def table_pdf(
    *,
    title: str,
    paragraphs: Sequence[str],
    columns: Sequence[Column],
    rows: Iterable[Sequence[str]],
    lang: str = "da",
    progress: Callable[[int], None] | None = None,
) -> bytes:
    """A landscape A4 PDF: the title as heading, ``paragraphs``, then the table of ``rows``."""
    pdf = _TaggedList(title, lang)
    pdf.add_page()
    widths = [column.share * pdf.epw for column in columns]
    bottom = pdf.h - MARGIN - FOOTER_SPACE

    def measure(style: str) -> Callable[[str], float]:
        pdf.set_font("DejaVu", style, BODY_SIZE)
        return lru_cache(maxsize=None)(pdf.get_string_width)

    regular, bold = measure(""), measure("B")

    heading = pdf.element("/H1")
    with pdf.marked(heading):
        pdf.set_font("DejaVu", "B", TITLE_SIZE)
        pdf.set_text_color(*BLUE)
        pdf.text(MARGIN, MARGIN + TITLE_SIZE, title)
    y = MARGIN + TITLE_SIZE * 1.8
    pdf.set_text_color(*INK)
    for text in paragraphs:
        pdf.set_font("DejaVu", "", BODY_SIZE + 1)
        paragraph = pdf.element("/P")
        with pdf.marked(paragraph):
            for line in _wrap(pdf.get_string_width, text, pdf.epw):
                y += LINE
                pdf.text(MARGIN, y, line)
        y += LINE * 0.6

    table = pdf.element("/Table")
    header_lines = [_wrap(bold, column.header, w - 2 * PAD_X) for column, w in zip(columns, widths, strict=True)]
    header_height = max(len(lines) for lines in header_lines) * LINE + 2 * PAD_Y

    def draw_row(
        y: float, cells: list[list[str]], height: float, elems: Sequence[StructElem] | None, *, head: bool
    ) -> None:
        pdf.set_font("DejaVu", "B" if head else "", BODY_SIZE)
        if head:
            with pdf.artifact():
                pdf.set_fill_color(*HEADER_FILL)
                pdf.rect(MARGIN, y, pdf.epw, height, style="F")
        x = MARGIN
        for index, (lines, width) in enumerate(zip(cells, widths, strict=True)):
            marker = pdf.marked(elems[index]) if elems is not None else pdf.artifact()
            with marker:
                for number, line in enumerate(lines):
                    pdf.text(x + PAD_X, y + PAD_Y + BODY_SIZE + number * LINE, line)
            x += width
        with pdf.artifact():
            pdf.set_draw_color(*RULE)
            pdf.set_line_width(0.5)
            pdf.line(MARGIN, y + height, MARGIN + pdf.epw, y + height)

    def header(y: float, *, tagged: bool) -> float:
        elems = None
        if tagged:
            row = pdf.element("/TR", table)
            elems = [pdf.element("/TH", row, "<</O /Table /Scope /Column>>") for _ in columns]
        draw_row(y, header_lines, header_height, elems, head=True)
        return y + header_height

    y = header(y + PAD_Y, tagged=True)
    for count, values in enumerate(rows, start=1):
        cells = [_wrap(regular, str(value), w - 2 * PAD_X) or [""] for value, w in zip(values, widths, strict=True)]
        height = max(len(lines) for lines in cells) * LINE + 2 * PAD_Y
        if y + height > bottom:  # no row is split between two pages
            pdf.add_page()
            y = header(MARGIN, tagged=False)
        row = pdf.element("/TR", table)
        draw_row(y, cells, height, [pdf.element("/TD", row) for _ in columns], head=False)
        y += height
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count)
    return bytes(pdf.output())
