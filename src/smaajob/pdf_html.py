# SPDX-License-Identifier: MPL-2.0
"""The print templates read into the PDF document model (``smaajob.pdf_document``).

The documents' content stays in Django templates — the evaluation report's body is the same
template as the report page — and this module reads the small part of HTML they use: ``h1``–
``h3``, ``p`` (classes ``muted``, ``small``, ``warning``, ``note``), ``strong``/``b``, ``span``,
``br``, ``table`` with ``caption``/``thead``/``tbody``/``tfoot``, ``th`` (``scope``) and ``td``
(``colspan``), ``figure`` with an inline ``svg`` chart and ``figcaption``, ``dl``, ``ul``/``ol``,
``details``/``summary``; ``section``, ``div`` and links are read through. ``<title>`` is the
document's title, ``<html lang>`` its language, and a print style asking for ``A4 landscape``
turns the page. Text outside these (a tag it does not know) is kept as a paragraph, not lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from smaajob.pdf_document import (
    Block,
    Cell,
    Document,
    Figure,
    Heading,
    ItemList,
    ListItem,
    Paragraph,
    Row,
    Run,
    Table,
    Text,
)

VOID = frozenset({"br", "img", "meta", "link", "hr", "input", "col", "wbr", "source"})
SKIPPED = frozenset({"head", "style", "script", "template"})
_SVG = re.compile(r"<svg\b.*?</svg>", re.S | re.I)
_SPACE = re.compile(r"\s+")
_SVG_TEXT = re.compile(r"<(title|desc)\b[^>]*>(.*?)</\1>", re.S)


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def elements(self, *tags: str) -> list[_Node]:
        return [child for child in self.children if isinstance(child, _Node) and (not tags or child.tag in tags)]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack = [self.root]
        self.title = ""
        self.lang = "da"
        self.style = ""
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html" and values.get("lang"):
            self.lang = values["lang"]
        if tag in ("title", "style"):
            self._in.append(tag)
            return
        if self._in:
            return
        node = _Node(tag, values)
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "style"):
            if self._in:
                self._in.pop()
            return
        if self._in or tag in VOID:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self._in:
            if self._in[-1] == "title":
                self.title += data
            else:
                self.style += data
            return
        self.stack[-1].children.append(data)


@dataclass(frozen=True)
class _Look:
    bold: bool = False
    muted: bool = False
    small: bool = False

    def inside(self, node: _Node) -> _Look:
        classes = node.classes
        return _Look(
            bold=self.bold or node.tag in ("strong", "b", "th", "summary", "dt", "caption"),
            muted=self.muted or "muted" in classes,
            small=self.small or "small" in classes,
        )


def _text(node: _Node, look: _Look) -> Text:
    """The inline content of ``node`` as lines of runs (``<br>`` starts a line)."""
    lines: Text = [[]]

    def walk(current: _Node, style: _Look) -> None:
        for child in current.children:
            if isinstance(child, str):
                text = _SPACE.sub(" ", child)
                if text:
                    lines[-1].append(Run(text, bold=style.bold, muted=style.muted, small=style.small))
            elif child.tag == "br":
                lines.append([])
            elif child.tag not in SKIPPED:
                walk(child, style.inside(child))

    walk(node, look)
    # Leading and trailing blanks of each line are not drawn.
    cleaned: Text = []
    for line in lines:
        runs = [run for run in line if run.text]
        if runs:
            first, last = runs[0], runs[-1]
            runs[0] = Run(first.text.lstrip(), first.bold, first.muted, first.small)
            runs[-1] = Run(runs[-1].text.rstrip(), last.bold, last.muted, last.small)
            runs = [run for run in runs if run.text]
        cleaned.append(runs)
    while cleaned and not cleaned[-1]:
        cleaned.pop()
    return cleaned


def _has_text(text: Text) -> bool:
    return any(run.text.strip() for line in text for run in line)


class _Reader:
    def __init__(self, svgs: list[str]):
        self.svgs = svgs
        self.blocks: list[Block] = []

    def block(self, node: _Node, look: _Look) -> None:
        tag = node.tag
        if tag in SKIPPED:
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            words = " ".join(text_line(line) for line in _text(node, look))
            self.blocks.append(Heading(int(tag[1]), words.strip()))
        elif tag == "p":
            text = _text(node, look.inside(node))
            if _has_text(text):
                self.blocks.append(Paragraph(text, warning="warning" in node.classes))
        elif tag == "table":
            self.blocks.append(self.table(node, look))
        elif tag == "figure":
            self.figure(node, look)
        elif tag == "dl":
            self.term_list(node, look)
        elif tag in ("ul", "ol"):
            items = [
                ListItem(_text(item, look), label="•" if tag == "ul" else f"{number}.")
                for number, item in enumerate(node.elements("li"), start=1)
            ]
            if items:
                self.blocks.append(ItemList(items))
        elif tag == "summary":
            text = _text(node, look.inside(node))
            if _has_text(text):
                self.blocks.append(Paragraph(text))
        elif tag == "img" and "data-svg" in node.attrs:
            self.chart(int(node.attrs["data-svg"]), [])
        else:
            self.flow(node, look.inside(node))

    def flow(self, node: _Node, look: _Look) -> None:
        """A container (body, section, div, details): its blocks, and its loose text as paragraphs."""
        loose = _Node("p", {})

        def flush() -> None:
            nonlocal loose
            text = _text(loose, look)
            if _has_text(text):
                self.blocks.append(Paragraph(text))
            loose = _Node("p", {})

        for child in node.children:
            if isinstance(child, str) or child.tag in INLINE:
                loose.children.append(child)
            else:
                flush()
                self.block(child, look)
        flush()

    def chart(self, index: int, caption: Text) -> None:
        svg = self.svgs[index]
        # The chart's own title and description are its alternative text (as on the page).
        parts = [_SPACE.sub(" ", _unescape(text)).strip() for _tag, text in _SVG_TEXT.findall(svg)[:2]]
        alt = ". ".join(part.rstrip(".") for part in parts if part) + "." if any(parts) else "Diagram."
        self.blocks.append(Figure(svg, alt, caption))

    def figure(self, node: _Node, look: _Look) -> None:
        caption: Text = []
        charts: list[int] = []
        for child in node.elements():
            if child.tag == "figcaption":
                caption = _text(child, look)
            elif child.tag == "img" and "data-svg" in child.attrs:
                charts.append(int(child.attrs["data-svg"]))
        for number, index in enumerate(charts):
            self.chart(index, caption if number == len(charts) - 1 else [])
        if not charts and _has_text(caption):
            self.blocks.append(Paragraph(caption))

    def term_list(self, node: _Node, look: _Look) -> None:
        items: list[ListItem] = []
        for child in node.elements("dt", "dd"):
            if child.tag == "dt":
                items.append(ListItem([], label=" ".join(text_line(line) for line in _text(child, look))))
            elif items:
                items[-1].body.extend(_text(child, look))
            else:
                items.append(ListItem(_text(child, look), label=""))
        if items:
            self.blocks.append(ItemList(items, terms=True))

    def table(self, node: _Node, look: _Look) -> Table:
        caption = ""
        head: list[Row] = []
        body: list[Row] = []
        foot: list[Row] = []
        for child in node.elements():
            if child.tag == "caption":
                caption = " ".join(text_line(line) for line in _text(child, look)).strip()
            elif child.tag == "thead":
                head.extend(self.rows(child, look, head=True))
            elif child.tag == "tfoot":
                foot.extend(self.rows(child, look, head=False))
            elif child.tag == "tbody":
                body.extend(self.rows(child, look, head=False))
            elif child.tag == "tr":
                body.extend(self.rows(_Node("tbody", {}, [child]), look, head=False))
        return Table(head=head, body=body, foot=foot, caption=caption)

    def rows(self, group: _Node, look: _Look, *, head: bool) -> list[Row]:
        rows: list[Row] = []
        for tr in group.elements("tr"):
            cells = []
            for cell in tr.elements("th", "td"):
                header = cell.tag == "th"
                scope = cell.attrs.get("scope", "col" if head else "row").capitalize() if header else None
                try:
                    colspan = max(1, int(cell.attrs.get("colspan", "1")))
                except ValueError:
                    colspan = 1
                cells.append(
                    Cell(
                        _text(cell, look.inside(cell)),
                        header=header,
                        scope={"Col": "Column"}.get(scope or "", scope),
                        colspan=colspan,
                    )
                )
            rows.append(cells)
        return rows


INLINE = frozenset({"a", "span", "strong", "b", "em", "i", "small", "abbr", "time", "br", "code", "sup", "sub", "bdi"})


def text_line(line: list[Run]) -> str:
    return "".join(run.text for run in line)


def _unescape(text: str) -> str:
    from html import unescape

    return unescape(text)


def read_html(html: str) -> Document:
    """The document a print template describes."""
    svgs: list[str] = []

    def keep(match: re.Match[str]) -> str:
        svgs.append(match.group(0))
        return f'<img data-svg="{len(svgs) - 1}">'

    builder = _TreeBuilder()
    builder.feed(_SVG.sub(keep, html))
    builder.close()
    reader = _Reader(svgs)
    body = next((node for node in _descendants(builder.root) if node.tag == "body"), builder.root)
    reader.flow(body, _Look())
    landscape = bool(re.search(r"size:\s*A4\s+landscape", builder.style))
    title = _SPACE.sub(" ", builder.title).strip() or "Dokument"
    return Document(title=title, blocks=reader.blocks, lang=builder.lang, landscape=landscape)


def _descendants(node: _Node) -> list[_Node]:
    found = []
    stack = [node]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(reversed(current.elements()))
    return found
