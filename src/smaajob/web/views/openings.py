# SPDX-License-Identifier: MPL-2.0
"""Openings (journey 2): the list that replaces the 14-day e-mail, with filters, print and
Excel; creating and editing an opening."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.downloads import file_response
from smaajob.network import services
from smaajob.network.models import Opening
from smaajob.web import openings_export
from smaajob.web.errors import renders_errors
from smaajob.web.form_pages import form_page
from smaajob.web.forms.network import OpeningFilterForm, OpeningForm
from smaajob.web.sorting import Column, sorting

LIST_COLUMNS = (
    "title", "hours_min", "hours_max", "slots", "kind", "language_requirement", "company_id", "buddy_id",
    "company__name", "company__postcode", "company__city", "buddy__name",
)

# The openings list's sortable columns (smaajob.web.sorting); the order is kept in the URL.
OPENING_COLUMNS = [
    Column("virksomhed", "Virksomhed", ("company__name",)),
    Column("opgave", "Opgave", ("title",)),
    Column("timer", "Timer/uge", ("hours_min", "hours_max")),
]


@login_required
@renders_errors
def opening_list(request: AuthenticatedRequest) -> HttpResponse:
    form, rows = openings_export.filtered_openings(request.user, request.GET)
    if request.GET.get("format") == "xlsx":
        return _excel(rows)
    if request.GET.get("format") == "pdf":
        return _pdf(rows, form)
    template = "web/openings/_table.html" if request.htmx else "web/openings/list.html"
    query = request.GET.copy()
    for key in ("format", "side", "visning"):
        query.pop(key, None)
    # A page of 50 keeps the list quick; the print view holds everything the filter finds,
    # as the 14-day e-mail did, and Excel always does.
    printing = request.GET.get("visning") == "udskrift"
    # Only the columns the list shows (the other JSON fields cost more to decode than to show).
    order = sorting(request, OPENING_COLUMNS, default="virksomhed")
    shown = order.apply(rows, then=("company__name", "title", "pk")).only(*LIST_COLUMNS)
    page = Paginator(shown, 1000 if printing else 50).get_page(request.GET.get("side"))
    context = {
        "form": form,
        "openings": page,
        "page": page,
        "count": page.paginator.count,
        "today": date.today(),
        "query": query.urlencode(),
        "printing": printing,
        "sort": order.headings,
    }
    return render(request, template, context)


def _pdf(rows: QuerySet[Opening], form: OpeningFilterForm) -> HttpResponse:
    """The list as an A4 PDF, for the consultants' meeting or a mail."""
    today = date.today()
    return file_response(openings_export.openings_pdf(form, rows, today=today), openings_export.pdf_filename(today))


def _excel(rows: QuerySet[Opening]) -> HttpResponse:
    return file_response(openings_export.openings_xlsx(rows), openings_export.excel_filename(date.today()))


@login_required
@renders_errors
def opening_new(request: AuthenticatedRequest, company_id: int) -> HttpResponse:
    access.require_case_writer(request.user)
    company = access.get_company(request.user, company_id)
    return form_page(
        request,
        OpeningForm(request.POST or None, company=company),
        save=lambda data: services.create_opening(actor=request.user, company=company, **data),
        done=lambda opening: f"Jobåbningen »{opening.title}« er oprettet.",
        then=("web:company", company.pk),
        context={"title": f"Ny jobåbning hos {company.name}", "submit": "Opret"},
    )


@login_required
@renders_errors
def opening_edit(request: AuthenticatedRequest, opening_id: int) -> HttpResponse:
    access.require_case_writer(request.user)
    opening = access.get_opening(request.user, opening_id)
    initial = {name: getattr(opening, name) for name in services.EDITABLE_OPENING_FIELDS}
    return form_page(
        request,
        OpeningForm(request.POST or None, initial=initial, company=opening.company, with_status=True),
        save=lambda data: services.update_opening(actor=request.user, opening=opening, **data),
        done="Jobåbningen er gemt.",
        then=("web:company", opening.company_id),
        context={"title": f"Ret jobåbning: {opening.title}", "submit": "Gem"},
    )
