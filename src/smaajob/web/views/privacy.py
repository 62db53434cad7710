# SPDX-License-Identifier: MPL-2.0
"""Data protection pages (issue 14, docs/privacy.md):

* ``/tilsyn/`` — the DPO's audit-trail search, paginated, with CSV and Excel export; a name
  search (POST, so no name reaches an address) resolves a citizen to the internal id;
* ``/borgere/<id>/indsigt/`` and ``…/indsigt/pdf/`` — everything held about one citizen
  (GDPR art. 15) as JSON and as PDF, for the DPO and the citizen's caseworker;
* ``/mine-oplysninger/opslag/`` — the citizen's own "Hvem har set mine oplysninger".
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from smaajob import access
from smaajob.access.privacy import get_citizen_for_insight, require_audit_reader, staff_lookups_of
from smaajob.access.requests import AuthenticatedRequest
from smaajob.downloads import file_response
from smaajob.errors import InvalidInput, SmaajobError
from smaajob.pdf import pdf_response
from smaajob.privacy import trail
from smaajob.privacy.insight import collect, pdf_context
from smaajob.spreadsheet import ExcelBook, csv_row
from smaajob.web.errors import form_error, renders_errors
from smaajob.web.forms.privacy import CitizenNameForm, TrailSearchForm

PAGE_SIZE = 50


def _filter_from(request: AuthenticatedRequest) -> tuple[TrailSearchForm, trail.TrailFilter | None]:
    form = TrailSearchForm(request.GET or None, object_types=trail.object_types(request.user))
    if not request.GET:
        return form, trail.TrailFilter()
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    return form, trail.TrailFilter(
        citizen_id=data["citizen_id"],
        user=data["user"],
        date_from=data["date_from"],
        date_to=data["date_to"],
        action=data["action"],
        object_type=data["object_type"],
        purpose=data["purpose"],
    )


@login_required
@renders_errors
def audit_trail(request: AuthenticatedRequest) -> HttpResponse:
    require_audit_reader(request.user)
    form, filters = _filter_from(request)
    name_form = CitizenNameForm(request.POST or None)
    named: list[trail.NamedCitizen] | None = None
    if request.method == "POST" and name_form.is_valid():
        try:
            named = trail.citizens_named(request.user, name_form.cleaned_data["name"])
        except SmaajobError as error:
            form_error(name_form, error)
    page = None
    shown: list[tuple[object, str]] = []
    if filters is not None:
        try:
            rows = trail.search(request.user, filters)
        except SmaajobError as error:
            form_error(form, error)
        else:
            page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("side"))
            shown = [(entry, trail.object_type_label(entry.object_type)) for entry in page]
    query = request.GET.copy()
    query.pop("side", None)
    context: dict[str, Any] = {
        "form": form,
        "name_form": name_form,
        "named": named,
        "page": page,
        "shown": shown,
        "query": query.urlencode(),
        "citizen_id": filters.citizen_id if filters else None,
    }
    return render(request, "web/privacy/trail.html", context)


def _export_rows(request: AuthenticatedRequest) -> list[list[object]]:
    require_audit_reader(request.user)
    _form, filters = _filter_from(request)
    if filters is None:
        raise InvalidInput("Filtrene er ikke gyldige; ret dem på siden /tilsyn/ og eksportér igen.")
    return list(trail.export_rows(trail.search(request.user, filters)))


@login_required
@renders_errors
def audit_trail_csv(request: AuthenticatedRequest) -> HttpResponse:
    rows = _export_rows(request)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(trail.HEADER)
    for row in rows:
        writer.writerow(csv_row(row))
    return file_response(buffer.getvalue(), f"smaajob-tilsyn-{date.today()}.csv")


@login_required
@renders_errors
def audit_trail_xlsx(request: AuthenticatedRequest) -> HttpResponse:
    rows = _export_rows(request)
    book = ExcelBook()
    sheet = book.sheet("Adgangslog")
    sheet.row(trail.HEADER, bold=True)
    for row in rows:
        sheet.row(row)
    return file_response(book.to_bytes(), f"smaajob-tilsyn-{date.today()}.xlsx")


@login_required
@renders_errors
def citizen_insight(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    citizen = get_citizen_for_insight(request.user, citizen_id)
    response = HttpResponse(collect(citizen).as_json(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="indsigt-borger-{citizen.pk}.json"'
    return response


@login_required
@renders_errors
def citizen_insight_pdf(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    citizen = get_citizen_for_insight(request.user, citizen_id)
    return pdf_response(
        "web/privacy/insight_pdf.html",
        pdf_context(collect(citizen)),
        filename=f"indsigt-borger-{citizen.pk}.pdf",
        attachment=True,
    )


@login_required
@renders_errors
def my_lookups(request: AuthenticatedRequest) -> HttpResponse:
    mine = access.citizens_for(request.user).first()
    lookups = []
    if mine is not None:
        citizen = access.get_citizen(request.user, mine.pk, purpose="egen side: hvem har set mine oplysninger")
        lookups = staff_lookups_of(citizen)
    return render(request, "web/privacy/my_lookups.html", {"lookups": lookups, "has_record": mine is not None})
