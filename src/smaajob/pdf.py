# SPDX-License-Identifier: MPL-2.0
"""The one way Småjob makes a PDF: a document model drawn by fpdf2 as tagged PDF (PDF/UA-1).

Every document — the evaluation report, the progression report, the insight, the invoice and
the wage statement — is a Django template like a page (printed with ``pdf/style.html``), read
into the document model (``smaajob.pdf_html``) and drawn (``smaajob.pdf_document``). Long lists
given as rows — the openings list at municipality size — go straight into the same model
(``table_pdf``) without HTML in between. Either way the PDF carries its structure tree,
language and title, so a screen reader reads it as it reads the page (the public sector's
accessibility duty covers documents, not only web pages).

fpdf2 replaced WeasyPrint on 2026-12-04: the evaluation report at municipality size took
seconds of CSS layout in WeasyPrint (docs/decisions/0005-pdf-with-fpdf2.md, docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string

from smaajob.downloads import file_response
from smaajob.pdf_document import Cell, Document, Heading, Paragraph, Table, draw_pdf, plain
from smaajob.pdf_html import read_html


def html_pdf(html: str) -> bytes:
    """The PDF of a print template's HTML."""
    return draw_pdf(read_html(html))


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    return html_pdf(render_to_string(template, context))


def pdf_response(template: str, context: dict[str, Any], *, filename: str, attachment: bool = False) -> HttpResponse:
    """The rendered PDF as an answer: shown in the browser, or saved when ``attachment``."""
    return file_response(render_pdf(template, context), filename, attachment=attachment)


@dataclass(frozen=True)
class Column:
    header: str
    share: float  # of the table's width; the shares of a table add up to 1


def table_pdf(
    *,
    title: str,
    paragraphs: Sequence[str],
    columns: Sequence[Column],
    rows: Iterable[Sequence[str]],
    lang: str = "da",
    progress: Callable[[int], None] | None = None,
) -> bytes:
    """A landscape A4 PDF of a long list: the title as heading, ``paragraphs``, then the table of
    ``rows`` (read as they are drawn), its header row repeated on every page."""
    head = [[Cell(plain(column.header), header=True, scope="Column") for column in columns]]
    body = ([Cell(plain(str(value))) for value in values] for values in rows)
    document = Document(
        title=title,
        lang=lang,
        landscape=True,
        blocks=[
            Heading(1, title),
            *(Paragraph(plain(text)) for text in paragraphs),
            Table(head=head, body=body, shares=[column.share for column in columns]),
        ],
    )
    return draw_pdf(document, progress=progress)
