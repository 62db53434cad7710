# SPDX-License-Identifier: MPL-2.0
"""The openings list as the consultants take it away: filtered as on the page, then as Excel
or as a PDF. Used by the list page (``?format=``) and by the background export
(``smaajob.jobs.kinds``), which passes ``progress`` to show how far it has come."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import batched

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.formats import date_format

from smaajob import access
from smaajob.choices import label_of
from smaajob.ids import IdIn
from smaajob.network import selectors
from smaajob.network.models import CONTACTS_FIRST, Contact, Opening
from smaajob.organisation.models import User
from smaajob.pdf import Column, table_pdf
from smaajob.slots import describe_slots
from smaajob.spreadsheet import ExcelBook
from smaajob.web.forms.network import OpeningFilterForm
from smaajob.web.templatetags.web_extras import hours

# The PDF holds at most this many openings (the list page says how many the filter found).
PDF_LIMIT = 2000
EXCEL_HEADER = (
    "Virksomhed", "Opgave", "Type", "Timer min", "Timer max", "Dage og tider", "Buddy", "Sprogkrav", "Pladser",
    "Område", "Kontakt",
)
# The PDF's columns, as the list page shows them: the company's name a fifth of the width, the
# others sharing the rest evenly (as the print style's fixed table layout did).
PDF_COLUMNS = (
    Column("Virksomhed", 0.22),
    *(
        Column(name, 0.78 / 7)
        for name in ("Område", "Opgave", "Timer/uge", "Dage og tider", "Buddy", "Sprogkrav", "Type")
    ),
)
EXCEL_WIDTHS = (28, 34, 22, 10, 10, 30, 18, 20, 8, 18, 26)
# How often (in rows) an export reports its progress: often enough for the bar, rarely
# enough that the reports cost nothing beside the rows.
PROGRESS_EVERY = 250

Progress = Callable[[int, int], None]


def _no_progress(done: int, total: int) -> None:
    return None


def filtered_openings(user: User, data: QueryDict | None) -> tuple[OpeningFilterForm, QuerySet[Opening]]:
    """The openings ``user`` may see, filtered by the list page's filter form (bad filter
    values are ignored, as the page ignores them)."""
    form = OpeningFilterForm(data or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.filter_openings(
        access.openings_for(user),
        q=filters.get("q") or "",
        hours_max=filters.get("hours_max"),
        weekday=filters.get("weekday"),
        buddy=bool(filters.get("buddy")),
        language_max=filters.get("language_max"),
        kind=filters.get("kind") or "",
    )
    return form, rows


def filters_text(form: OpeningFilterForm) -> str:
    """The filters in words, for the PDF's first line (»højst timer pr. uge: 10«)."""
    return ", ".join(
        f"{str(form.fields[k].label).lower()}: {v}"
        for k, v in (form.cleaned_data if form.is_bound and form.is_valid() else {}).items()
        if v not in (None, "", False)
    )


def pdf_filename(today: date) -> str:
    return f"jobaabninger-{today:%Y-%m-%d}.pdf"


def excel_filename(today: date) -> str:
    return f"jobaabninger-{today:%Y-%m-%d}.xlsx"


def openings_pdf(
    form: OpeningFilterForm, rows: QuerySet[Opening], *, today: date, progress: Progress = _no_progress
) -> bytes:
    """The list as an A4 PDF, for the consultants' meeting or a mail (``smaajob.pdf``:
    the rows drawn straight into the document model, tagged, its header row on every page)."""
    count = rows.count()
    shown = min(count, PDF_LIMIT)
    progress(0, shown)
    filters = filters_text(form)
    found = f"{count} åben jobåbning" if count == 1 else f"{count} åbne jobåbninger"
    body = table_pdf(
        title=f"Jobåbninger pr. {date_format(today, 'j. F Y')}",
        paragraphs=[f"{found} – filtre: {filters}." if filters else f"{found}."],
        columns=PDF_COLUMNS,
        rows=(_pdf_row(o) for o in rows[:PDF_LIMIT].iterator(chunk_size=1000)),
        progress=lambda done: progress(done, shown),
    )
    progress(shown, shown)
    return body


def _pdf_row(o: Opening) -> list[str]:
    return [
        o.company.name,
        f"{o.company.postcode} {o.company.city}".strip(),
        o.title,
        f"{hours(o.hours_min)}–{hours(o.hours_max)}",
        describe_slots(o.slots) or "efter aftale",
        o.buddy.name if o.buddy else "–",
        o.get_language_requirement_display(),
        o.get_kind_display(),
    ]


# The columns the Excel file reads: plain values, no model instance per opening (issue 16: the
# instances, their companies and the contacts' related managers cost more than the workbook).
_EXCEL_VALUES = (
    "company_id", "company__name", "title", "kind", "hours_min", "hours_max", "slots", "buddy__name",
    "language_requirement", "capacity", "company__postcode", "company__city",
)


def openings_xlsx(rows: QuerySet[Opening], *, progress: Progress = _no_progress) -> bytes:
    """Every opening the filter finds, one row each, read in chunks and written as they come."""
    total = rows.count()
    progress(0, total)
    book = ExcelBook()
    sheet = book.sheet("Jobåbninger", widths=EXCEL_WIDTHS)
    sheet.row(EXCEL_HEADER, bold=True)
    kind, language = Opening._meta.get_field("kind"), Opening._meta.get_field("language_requirement")
    contacts: dict[int, str] = {}  # company → its contact, »name phone«
    done = 0
    for chunk in batched(rows.values_list(*_EXCEL_VALUES).iterator(chunk_size=1000), 1000):
        _first_contacts(contacts, {row[0] for row in chunk} - contacts.keys())
        for company, name, title, the_kind, low, high, slots, buddy, lang, capacity, postcode, city in chunk:
            sheet.row(
                [
                    name,
                    title,
                    label_of(kind, the_kind),
                    float(low),
                    float(high),
                    describe_slots(slots) or "efter aftale",
                    buddy or "",
                    label_of(language, lang),
                    capacity,
                    f"{postcode} {city}".strip(),
                    contacts.get(company, ""),
                ],
            )
            done += 1
            if done % PROGRESS_EVERY == 0:
                progress(done, total)
    progress(total, total)
    return book.to_bytes()


def _first_contacts(found: dict[int, str], companies: set[int]) -> None:
    """Each company's contact in ``companies`` into ``found``: the one its page lists first
    (the primary contact, else the first by name; ``CONTACTS_FIRST``)."""
    if not companies:
        return
    for company, name, phone in (
        Contact.objects.filter(IdIn("company_id", companies)).order_by("company_id", *CONTACTS_FIRST).values_list(
            "company_id", "name", "phone")
    ):
        found.setdefault(company, f"{name} {phone}".strip())
