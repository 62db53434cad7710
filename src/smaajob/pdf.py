# SPDX-License-Identifier: MPL-2.0
"""How Småjob makes the PDF of a report: an HTML template rendered by WeasyPrint as tagged PDF/UA-1.

Every PDF of a report (the evaluation report, the progression report, the insight, invoices)
is the same kind of HTML template as a page, printed with the shared print style
(``pdf/style.html``: page box, repeated table headers, tables that wrap inside the
page). PDF/UA-1 makes WeasyPrint write the structure tree (headings, tables with their header
cells, lists) and the document language, so a screen reader reads the PDF as it reads the
page (the public sector's accessibility duty covers documents, not only web pages).

Long lists of rows — the openings list at municipality size — are drawn by
``smaajob.pdf_tables`` instead, tagged the same way, in a tenth of the time.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string

from smaajob.downloads import file_response

PDF_VARIANT = "pdf/ua-1"


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    # Imported here: WeasyPrint loads Pango on import, which only the PDF views need.
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)  # type: ignore[no-any-return]


def pdf_response(template: str, context: dict[str, Any], *, filename: str, attachment: bool = False) -> HttpResponse:
    """The rendered PDF as an answer: shown in the browser, or saved when ``attachment``."""
    return file_response(render_pdf(template, context), filename, attachment=attachment)
