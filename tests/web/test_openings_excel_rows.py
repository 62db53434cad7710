# SPDX-License-Identifier: MPL-2.0
"""The openings Excel file holds, row by row, what the openings themselves say (issue 16).

Since issue 16 the export reads plain values (no model instance per opening, the contacts in
one query per chunk) and writes them with XlsxWriter. The oracle here is the other way: each
opening's model instance, its own ``get_…_display`` labels and its company's contacts."""

from __future__ import annotations

import io
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from smaajob.network.models import Buddy, Company, Contact, Opening
from smaajob.slots import describe_slots
from smaajob.web.openings_export import EXCEL_HEADER
from tests.web.test_pages import log_in


def _expected(opening: Opening) -> list[object]:
    # The contact the company page lists first: the primary one, else the first by name.
    contacts = list(opening.company.contacts.all())
    contact = min(contacts, key=lambda c: (not c.is_primary, c.name, c.pk), default=None)
    return [
        opening.company.name,
        opening.title,
        opening.get_kind_display(),
        float(opening.hours_min),
        float(opening.hours_max),
        describe_slots(opening.slots) or "efter aftale",
        opening.buddy.name if opening.buddy else None,
        opening.get_language_requirement_display(),
        opening.capacity,
        f"{opening.company.postcode} {opening.company.city}".strip() or None,
        f"{contact.name} {contact.phone}".strip() if contact else None,
    ]


def test_every_column_of_every_row_is_what_the_opening_says(client, consultant, company, municipality):
    other = Company.objects.create(
        municipality=municipality, cvr="10403782", name="Bageriet Åen", postcode="5000", city="Odense C",
        recruited_by=consultant,
    )
    Contact.objects.create(company=company, name="Ib Holm", phone="")  # the oldest, not the primary one
    Contact.objects.create(company=company, name="Lone Berg", phone="+45 66 12 34 56", is_primary=True)
    Contact.objects.create(company=other, name="Mette Juul", phone="")  # no primary: the first by name
    Contact.objects.create(company=other, name="Bent Dahl", phone="+45 20 30 40 50")
    buddy = Buddy.objects.create(company=company, name="Kim Buddy")
    Opening.objects.create(
        company=company, title="Opfyldning", hours_min=Decimal("2"), hours_max=Decimal("4.5"), kind="paid",
        slots=[{"weekday": 0, "start": "08:00", "end": "10:00"}, {"weekday": 3, "start": "14:00", "end": "16:30"}],
        language_requirement=2, capacity=3, buddy=buddy,
    )
    Opening.objects.create(company=company, title="Lager", hours_min=1, hours_max=2, kind="placement")
    Opening.objects.create(
        company=other, title="Opvask", hours_min=3, hours_max=6, kind="hybrid", language_requirement=1
    )
    bare = Company.objects.create(
        municipality=municipality, cvr="10150817", name="Kiosken", postcode="5000", city="Odense C",
        recruited_by=consultant,
    )
    Opening.objects.create(company=bare, title="Kasse", hours_min=2, hours_max=3, kind="paid")
    Opening.objects.create(company=other, title="Lukket opgave", hours_min=1, hours_max=2, kind="paid", status="closed")

    log_in(client, consultant)
    response = client.get(reverse("web:openings"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]

    shown = Opening.objects.filter(status="open").select_related("company", "buddy").order_by("company__name", "title")
    assert rows[0] == list(EXCEL_HEADER)
    assert rows[1:] == [_expected(o) for o in shown]
    assert len(rows) == 5  # four open openings; the closed one is not exported
    by_title = {row[1]: row for row in rows[1:]}
    assert by_title["Opfyldning"][6] == "Kim Buddy" and by_title["Lager"][-1] == "Lone Berg +45 66 12 34 56"
    assert by_title["Opvask"][-1] == "Bent Dahl +45 20 30 40 50"
    assert by_title["Kasse"][-1] is None  # a company without a contact
    assert by_title["Opfyldning"][5] == describe_slots(Opening.objects.get(title="Opfyldning").slots) != ""


def test_a_filter_on_the_page_is_the_filter_of_the_file(client, consultant, company):
    Opening.objects.create(company=company, title="Kort", hours_min=1, hours_max=2, kind="paid")
    Opening.objects.create(company=company, title="Lang", hours_min=12, hours_max=15, kind="paid")
    log_in(client, consultant)
    response = client.get(reverse("web:openings"), {"format": "xlsx", "hours_max": "10"})
    titles = [row[1].value for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=2)]
    assert titles == ["Kort"]
