# SPDX-License-Identifier: MPL-2.0
"""The document model of every PDF and its drawing with fpdf2, tagged for screen readers.

A document is a title, a language, an orientation and a list of blocks: headings, paragraphs,
term/description lists, bulleted lists, figures (an SVG chart with its alternative text and
caption) and tables (caption, header rows repeated at the top of every page the table runs
onto, body rows given as an iterable so a long list is drawn as it is read, footer rows).
``smaajob.pdf_html`` reads the print templates into this model; ``smaajob.pdf`` is the entry.

Drawing needs none of CSS: words are wrapped by their font widths (cached per word), blocks
flow down the page, no table row is split between two pages. The page box, margins, fonts
and colours are those of the print style the templates had (A4, DejaVu Sans, blue headings).

What the public sector's accessibility duty asks of a document is written as PDF/UA-1 asks
it: a structure tree (``Document`` → ``H1``–``H3``, ``P``, ``L`` → ``LI`` → ``Lbl``/``LBody``,
``Figure`` with ``/Alt`` and its ``Caption``, ``Table`` → ``Caption``, ``TR`` → ``TH``/``TD``,
header cells scoped to their column or row), ``/Lang``, ``/MarkInfo``, the title shown as the
window title, and repeated header rows, rules and page numbers marked as artifacts, so a
screen reader reads each header row once and the text in order.

fpdf2 2.8 tags only a flat list of figures and links itself (``image(alt_text=…)``,
``_marked_sequence``), so the nested tree is built here on its ``StructElem`` and
``StructureTreeBuilder`` classes (docs/decisions/0005-pdf-with-fpdf2.md); the language
(``set_lang``), title, viewer preferences, XMP metadata and SVG drawing are its public API.
"""

from __future__ import annotations

import io
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

import pyphen
from fpdf import FPDF
from fpdf.prefs import ViewerPreferences
from fpdf.structure_tree import StructElem, StructureTreeBuilder

from smaajob.errors import SmaajobError

# fpdf2 reads a chart's <title> and <desc> but does not draw them; it says so for every chart.
logging.getLogger("fpdf.svg").setLevel(logging.ERROR)
# DejaVu Sans (Debian's fonts-dejavu-core) has every Danish letter; SMAAJOB_PDF_FONT_DIR names
# another folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf (another system, a container).
FONT_DIR = Path(os.environ.get("SMAAJOB_PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}


class PdfFontsMissing(SmaajobError):
    """The fonts the PDFs are drawn with are not installed: no PDF can be made until they are."""

    code = "pdf_fonts_missing"
    title = "Skrifttyperne til PDF er ikke installeret"
    http_status = 500


def font_paths(folder: Path | None = None) -> dict[str, Path]:
    """The regular and bold DejaVu Sans files; ``PdfFontsMissing`` says how to install them."""
    folder = folder or FONT_DIR
    paths = {style: folder / name for style, name in FONT_FILES.items()}
    missing = [p.name for p in paths.values() if not p.is_file()]
    if missing:
        raise PdfFontsMissing(
            f"PDF kan ikke laves: {', '.join(missing)} findes ikke i {folder}. Installer skrifttypen "
            "DejaVu (Debian/Ubuntu: apt-get install fonts-dejavu-core), eller sæt SMAAJOB_PDF_FONT_DIR "
            "til en mappe med DejaVuSans.ttf og DejaVuSans-Bold.ttf."
        )
    return paths


BLUE = (0x00, 0x45, 0x7A)
INK = (0x1A, 0x1A, 0x1A)
MUTED = (0x4A, 0x4A, 0x4A)
WARNING = (0xA4, 0x00, 0x0F)
RULE = (0xB0, 0xB7, 0xBF)
HEADER_FILL = (0xE1, 0xEC, 0xF4)
PAD_X, PAD_Y = 4.0, 2.5
SMALL = 8.0
HEADING_SIZES = {1: 17.0, 2: 12.5, 3: 11.0}
PX = 0.75  # a CSS pixel in points: the charts' SVG sizes are pixels
# How often (in body rows) ``progress`` is told.
PROGRESS_EVERY = 250


# --- the model ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """Text in one style; ``muted`` and ``small`` are the print style's classes."""

    text: str
    bold: bool = False
    muted: bool = False
    small: bool = False


# Text with line breaks (``<br>``): lines of runs.
Text = list[list[Run]]


def plain(text: str, *, bold: bool = False) -> Text:
    return [[Run(text, bold=bold)]]


def text_of(text: Text) -> str:
    return "\n".join("".join(run.text for run in line) for line in text)


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Paragraph:
    text: Text
    warning: bool = False  # the red rule at the left of a note


@dataclass
class ListItem:
    body: Text
    label: str = "•"  # a term of a description list, or the bullet


@dataclass
class ItemList:
    items: list[ListItem]
    terms: bool = False  # a description list: each term in bold on its own line, then its text


@dataclass
class Figure:
    svg: str
    alt: str
    caption: Text


@dataclass
class Cell:
    text: Text
    header: bool = False
    scope: str | None = None  # "Column" or "Row" for a header cell
    colspan: int = 1


Row = Sequence[Cell]


@dataclass
class Table:
    head: Sequence[Row]
    body: Iterable[Row]
    foot: Sequence[Row] = ()
    caption: str = ""
    shares: Sequence[float] | None = None  # of the width; None: the first column 22 %, the rest equal


Block = Heading | Paragraph | ItemList | Figure | Table


@dataclass
class Document:
    title: str
    blocks: list[Block]
    lang: str = "da"
    landscape: bool = False


# --- tagging -------------------------------------------------------------------------------------


class _Elem(StructElem):
    """A structure element with attributes (``/A``): a header cell's scope."""

    __slots__ = ("a",)

    def __init__(self, struct_type: str, parent: StructElem, page_number: int, attributes: str | None, alt: str | None):
        super().__init__(struct_type=struct_type, parent=parent, kids=[], page_number=page_number, alt=alt)
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


class _Marked:
    """Content between BDC and EMC: tagged for ``elem`` (its own MCID on this page), or an artifact."""

    def __init__(self, pdf: _TaggedPdf, elem: StructElem | None):
        self.pdf, self.elem = pdf, elem

    def __enter__(self) -> None:
        if self.elem is None:
            self.pdf._out("/Artifact BMC")
            return
        # Every tagged element lies on one page (a block that runs on is a new element), so a
        # plain MCID will do.
        assert self.elem.page_number() == self.pdf.page
        mcid = self.pdf.next_mcid(self.elem)
        self.elem.k.append(mcid)
        self.pdf._out(f"/{self.elem.s.lstrip('/')} <</MCID {mcid}>> BDC")

    def __exit__(self, *exc: object) -> None:
        self.pdf._out("EMC")


class _TaggedPdf(FPDF):
    def __init__(self, title: str, lang: str, *, landscape: bool):
        super().__init__(orientation="L" if landscape else "P", unit="pt", format="A4")
        self.struct_builder = _Tree()
        self.set_title(title)
        self.set_lang(lang)
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)
        # The PDF/UA-1 identification and the title in the XMP metadata.
        self.set_xmp_metadata(
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part>'
            '</rdf:Description><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>'
            f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title></rdf:Description>'
            "</rdf:RDF>"
        )
        self.set_creator("Småjob")
        for style, path in font_paths().items():
            self.add_font("DejaVu", style, str(path))
        # The print style's margins: 12 mm all round in landscape, 18 mm × 15 mm upright.
        self.side = 34.0 if landscape else 42.5
        self.top = 34.0 if landscape else 51.0
        self.set_margins(self.side, self.top, self.side)
        self.set_auto_page_break(False)
        self.body_size = 8.5 if landscape else 9.5
        self._mcids: dict[int, int] = {}
        self.document = self.struct_builder.doc_struct_elem

    def footer(self) -> None:
        with self.artifact():
            self.set_font("DejaVu", "", 8)
            self.set_text_color(*INK)
            # {nb} becomes the page count when the PDF is written (by cell(), not by text()).
            self.set_xy(self.side, self.h - self.top / 2 - 8)
            self.cell(self.epw, 10, f"Side {self.page_no()} af {{nb}}", align="R")

    def artifact(self) -> _Marked:
        return _Marked(self, None)

    def element(
        self, struct_type: str, parent: StructElem | None = None, attributes: str | None = None, alt: str | None = None
    ) -> _Elem:
        parent = parent or self.document
        elem = _Elem(struct_type, parent, self.page, attributes, alt)
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


# --- words and lines -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Style:
    bold: bool
    size: float
    colour: tuple[int, int, int]


@dataclass
class _Line:
    """One drawn line: pieces of text at their x offsets, and the line's height."""

    pieces: list[tuple[float, str, _Style]]
    height: float


_WORD = re.compile(r"(\s*)(\S+)")


class _Measure:
    def __init__(self, pdf: _TaggedPdf, lang: str):
        self.pdf, self.lang = pdf, lang
        self._current: tuple[bool, float] | None = None
        self.width = lru_cache(maxsize=None)(self._width)

    def use(self, style: _Style) -> None:
        key = (style.bold, style.size)
        if key != self._current:
            self.pdf.set_font("DejaVu", "B" if style.bold else "", style.size)
            self._current = key

    def _width(self, text: str, bold: bool, size: float) -> float:
        self.use(_Style(bold, size, INK))
        return float(self.pdf.get_string_width(text))


def _style(run: Run, base: float, *, bold: bool, colour: tuple[int, int, int]) -> _Style:
    return _Style(bold or run.bold, SMALL if run.small else base, MUTED if run.muted else colour)


class _Lines:
    """Lines being filled with words, left to right."""

    def __init__(self, base: float):
        self.base = base
        self.done: list[_Line] = []
        self.start()

    def start(self) -> None:
        self.pieces: list[tuple[float, str, _Style]] = []
        self.used, self.height = 0.0, self.base * 1.25

    def end(self) -> None:
        if self.pieces:
            self.done.append(_Line(self.pieces, self.height))
        self.start()

    def put(self, word: str, style: _Style, gap: float, size: float) -> None:
        pieces = self.pieces
        if pieces and pieces[-1][2] == style:  # one piece of text per style and line
            x, last, _ = pieces[-1]
            pieces[-1] = (x, last + (" " if gap > 0.0 else "") + word, style)
        else:
            pieces.append((self.used + gap, word, style))
        self.used += gap + size
        self.height = max(self.height, style.size * 1.25)


HYPHEN = "\u2010"


@lru_cache(maxsize=4)
def _hyphenator(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="da_DK" if lang == "da" else lang, left=3, right=3)


def _broken(measure: _Measure, word: str, style: _Style, width: float) -> list[str]:
    """A word wider than a line in pieces that fit: hyphenated where Danish allows (as the print
    style's ``hyphens: auto`` did), else broken between characters (``overflow-wrap: anywhere``)."""
    pieces: list[str] = []
    hyphenator = _hyphenator(measure.lang)
    while measure.width(word, style.bold, style.size) > width:
        # The longest head that fits with its hyphen; pyphen gives the longest first.
        head, tail = next(
            (
                (start + HYPHEN, end)
                for start, end in hyphenator.iterate(word)
                if measure.width(start + HYPHEN, style.bold, style.size) <= width
            ),
            ("", word),
        )
        if not head:  # after a slash or hyphen in the word ("småjob/job"), without adding one
            head = next(
                (
                    word[: cut + 1]
                    for cut in range(len(word) - 2, 0, -1)
                    if word[cut] in "/-" and measure.width(word[: cut + 1], style.bold, style.size) <= width
                ),
                "",
            )
            tail = word[len(head) :]
        if not head:
            head = word[0]
            for char in word[1:]:
                if measure.width(head + char, style.bold, style.size) > width:
                    break
                head += char
            tail = word[len(head) :]
        pieces.append(head)
        word = tail
    return [*pieces, word]


def _wrap(
    measure: _Measure, text: Text, width: float, base: float, *, bold: bool = False, colour: tuple[int, int, int] = INK
) -> list[_Line]:
    """``text`` in lines no wider than ``width``: words as they fit; a word wider than a whole
    line is broken between characters, so nothing runs past its box (CSS overflow-wrap: anywhere)."""
    lines = _Lines(base)
    for source in text:
        space_due = False
        for run in source:
            style = _style(run, base, bold=bold, colour=colour)
            space = measure.width(" ", style.bold, style.size)
            for match in _WORD.finditer(run.text):
                space_due = space_due or bool(match.group(1))
                word = match.group(2)
                gap = space if space_due and lines.pieces else 0.0
                size = measure.width(word, style.bold, style.size)
                if lines.used + gap + size > width and lines.pieces:
                    lines.end()
                    gap = 0.0
                if size > width:  # alone on its line now, and still too wide
                    *heads, word = _broken(measure, word, style, width)
                    for head in heads:
                        lines.put(head, style, 0.0, measure.width(head, style.bold, style.size))
                        lines.end()
                    size = measure.width(word, style.bold, style.size)
                lines.put(word, style, gap, size)
                space_due = False
            space_due = space_due or run.text[-1:].isspace()
        lines.end()
    return lines.done


# --- drawing -------------------------------------------------------------------------------------


class _Drawer:
    def __init__(self, document: Document, progress: Callable[[int], None] | None):
        self.pdf = pdf = _TaggedPdf(document.title, document.lang, landscape=document.landscape)
        self.measure = _Measure(pdf, document.lang)
        self.progress = progress
        self.base = pdf.body_size
        pdf.add_page()
        self.y = pdf.t_margin
        self.bottom = pdf.h - pdf.t_margin - 10.0  # room for the page number

    # The cursor ``y`` is the top of the next thing drawn.

    def room(self) -> float:
        return self.bottom - self.y

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = self.pdf.t_margin

    def draw_lines(self, lines: list[_Line], x: float, top: float) -> None:
        pdf, measure = self.pdf, self.measure
        y = top
        for line in lines:
            y += line.height
            for offset, piece, style in line.pieces:
                measure.use(style)
                pdf.set_text_color(*style.colour)
                pdf.text(x + offset, y - line.height * 0.22, piece)

    def text_block(
        self,
        struct_type: str,
        lines: list[_Line],
        *,
        x: float,
        parent: StructElem | None = None,
        after: float = 0.0,
        keep: float = 0.0,
    ) -> None:
        """Lines as one element; a block that does not fit goes on as a new element on the next page."""
        if not lines:
            return
        if sum(line.height for line in lines[:2]) + keep > self.room():
            self.new_page()
        while lines:
            fit, used = 0, 0.0
            for line in lines:
                if used + line.height > self.room() and fit:
                    break
                used += line.height
                fit += 1
            elem = self.pdf.element(struct_type, parent)
            with self.pdf.marked(elem):
                self.draw_lines(lines[:fit], x, self.y)
            self.y += used
            lines = lines[fit:]
            if lines:
                self.new_page()
        self.y += after

    def heading(self, block: Heading) -> None:
        size = HEADING_SIZES.get(block.level, self.base)
        colour = BLUE if block.level <= 2 else INK
        lines = _wrap(self.measure, plain(block.text, bold=True), self.pdf.epw, size, colour=colour)
        if self.y > self.pdf.t_margin:
            self.y += size * 0.8
        # A heading stays with at least three lines of what follows it.
        self.text_block(f"/H{min(block.level, 6)}", lines, x=self.pdf.l_margin, after=size * 0.4, keep=self.base * 4)

    def paragraph(self, block: Paragraph) -> None:
        indent = 9.0 if block.warning else 0.0
        lines = _wrap(self.measure, block.text, self.pdf.epw - indent, self.base)
        if block.warning and lines:
            height = sum(line.height for line in lines)
            if height <= self.room():
                with self.pdf.artifact():
                    self.pdf.set_fill_color(*WARNING)
                    self.pdf.rect(self.pdf.l_margin, self.y, 3.0, height, style="F")
        self.text_block("/P", lines, x=self.pdf.l_margin + indent, after=self.base * 0.7)

    def item_list(self, block: ItemList) -> None:
        items = self.pdf.element("/L")
        left = self.pdf.l_margin
        for item in block.items:
            if block.terms:
                label = _wrap(self.measure, plain(item.label, bold=True), self.pdf.epw, self.base)
                body = _wrap(self.measure, item.body, self.pdf.epw - 18.0, self.base)
            else:
                label = _wrap(self.measure, plain(item.label), 12.0, self.base)
                body = _wrap(self.measure, item.body, self.pdf.epw - 12.0, self.base)
            if sum(line.height for line in label[:1] + body[:1]) > self.room():
                self.new_page()
                items = self.pdf.element("/L")
            entry = self.pdf.element("/LI", items)
            top = self.y
            self.text_block("/Lbl", label, x=left, parent=entry)
            if not block.terms:
                self.y = top
            self.text_block("/LBody", body, x=left + (18.0 if block.terms else 12.0), parent=entry, after=2.0)
        self.y += self.base * 0.5

    def figure(self, block: Figure) -> None:
        pdf = self.pdf
        from fpdf.svg import SVGObject

        parsed = SVGObject(block.svg)
        # The charts give their size in pixels; one without is drawn the width of the text.
        width = (parsed.width or pdf.epw / PX) * PX
        height = (parsed.height or (parsed.width or pdf.epw / PX) * 0.5) * PX
        if width > pdf.epw:
            width, height = pdf.epw, height * pdf.epw / width
        caption = _wrap(self.measure, block.caption, pdf.epw, self.base)
        caption_height = sum(line.height for line in caption)
        if height + caption_height + 6.0 > self.room():
            self.new_page()
        self.y += 6.0
        figure = pdf.element("/Figure", alt=block.alt)
        with pdf.marked(figure):
            # The chart's text in the document's font and ink (fpdf2's default font, Helvetica,
            # lacks "–", and text without a fill would take the page's last fill colour).
            svg = re.sub(r"<svg\b", '<svg font-family="DejaVu" fill="#1a1a1a"', block.svg, count=1)
            pdf.image(io.BytesIO(svg.encode("utf-8")), x=pdf.l_margin, y=self.y, w=width, h=height)
        self.measure._current = None  # drawing the SVG may change the font
        self.y += height + 2.0
        self.text_block("/Caption", caption, x=pdf.l_margin, parent=figure, after=6.0)

    def table(self, block: Table) -> None:
        pdf, measure = self.pdf, self.measure
        count = len(block.head[0]) if block.head else None
        if block.shares is not None:
            shares = list(block.shares)
        else:
            first_row: Row | None = block.head[0] if block.head else None
            body = iter(block.body)
            if first_row is None:
                peeked = next(body, None)
                block.body = [] if peeked is None else _chain([peeked], body)
                first_row = peeked or []
            else:
                block.body = body
            count = sum(cell.colspan for cell in first_row) or 1
            # The print style's fixed layout: the first column 22 % under a header row, the rest equal.
            shares = [0.22] + [0.78 / (count - 1)] * (count - 1) if block.head and count > 1 else [1.0 / count] * count
        widths = [share * pdf.epw for share in shares]

        def cells_of(row: Row, head: bool) -> tuple[list[tuple[float, float, list[_Line], Cell]], float]:
            laid, column, height = [], 0, 0.0
            for cell in row:
                span = max(1, min(cell.colspan, len(widths) - column))
                x = pdf.l_margin + sum(widths[:column])
                width = sum(widths[column : column + span])
                lines = _wrap(measure, cell.text, width - 2 * PAD_X, self.base, bold=cell.header)
                laid.append((x, width, lines, cell))
                height = max(height, sum(line.height for line in lines))
                column += span
            return laid, height + 2 * PAD_Y

        def draw(
            laid: list[tuple[float, float, list[_Line], Cell]], height: float, row: StructElem | None, head: bool
        ) -> None:
            if head:
                with pdf.artifact():
                    pdf.set_fill_color(*HEADER_FILL)
                    pdf.rect(pdf.l_margin, self.y, pdf.epw, height, style="F")
            for x, _width, lines, cell in laid:
                if row is None:
                    marker = pdf.artifact()
                else:
                    parts = [f"/Scope /{cell.scope}"] if cell.header and cell.scope else []
                    if cell.colspan > 1:
                        parts.append(f"/ColSpan {cell.colspan}")
                    attributes = f"<</O /Table {' '.join(parts)}>>" if parts else None
                    marker = pdf.marked(pdf.element("/TH" if cell.header else "/TD", row, attributes))
                with marker:
                    self.draw_lines(lines, x + PAD_X, self.y + PAD_Y)
            with pdf.artifact():
                pdf.set_draw_color(*RULE)
                pdf.set_line_width(0.5)
                pdf.line(pdf.l_margin, self.y + height, pdf.l_margin + pdf.epw, self.y + height)
            self.y += height

        head = [cells_of(row, True) for row in block.head]
        head_height = sum(height for _laid, height in head)
        caption = _wrap(measure, plain(block.caption, bold=True), pdf.epw, self.base) if block.caption else []
        caption_height = sum(line.height for line in caption)
        self.y += 6.0
        # The caption, the header and the first rows start on one page.
        if caption_height + head_height + 3 * (self.base * 1.25 + 2 * PAD_Y) > self.room():
            self.new_page()
        table = pdf.element("/Table")
        if caption:
            self.text_block("/Caption", caption, x=pdf.l_margin, parent=table, after=3.0)

        def header(tagged: bool) -> None:
            for laid, height in head:
                draw(laid, height, pdf.element("/TR", table) if tagged else None, head=True)

        header(tagged=True)
        number = 0
        for number, row in enumerate(block.body, start=1):
            laid, height = cells_of(row, False)
            if height > self.room():  # no row is split between two pages
                self.new_page()
                # A table that runs on is the same table; its header row is drawn again as an artifact.
                header(tagged=False)
            draw(laid, height, pdf.element("/TR", table), head=False)
            if self.progress is not None and number % PROGRESS_EVERY == 0:
                self.progress(number)
        for row in block.foot:
            laid, height = cells_of(row, False)
            if height > self.room():
                self.new_page()
                header(tagged=False)
            draw(laid, height, pdf.element("/TR", table), head=False)
        self.y += 6.0

    def draw(self, blocks: Iterable[Block]) -> bytes:
        for block in blocks:
            if isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Paragraph):
                self.paragraph(block)
            elif isinstance(block, ItemList):
                self.item_list(block)
            elif isinstance(block, Figure):
                self.figure(block)
            else:
                self.table(block)
        return bytes(self.pdf.output())


def _chain(first: list[Row], rest: Iterator[Row]) -> Iterator[Row]:
    yield from first
    yield from rest


def draw_pdf(document: Document, *, progress: Callable[[int], None] | None = None) -> bytes:
    """The document as a tagged A4 PDF; ``progress`` is told the number of table rows drawn."""
    return _Drawer(document, progress).draw(document.blocks)
