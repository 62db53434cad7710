# SPDX-License-Identifier: MPL-2.0
"""The company network (journey 2): search and filter, a company's page with contacts,
buddies, openings, outreach log and its placements → paid hours record."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.courses import selectors as course_selectors
from smaajob.courses.models import Placement
from smaajob.errors import SmaajobError
from smaajob.events import selectors as event_selectors
from smaajob.network import selectors, services
from smaajob.network.models import CONTACTS_FIRST, Company
from smaajob.organisation.models import Role
from smaajob.web.errors import form_error, renders_errors
from smaajob.web.form_pages import form_page
from smaajob.web.forms.network import BuddyForm, CompanyForm, CompanySearchForm, ContactForm, OutreachForm
from smaajob.web.sorting import Column, sorting

# The network list's sortable columns (smaajob.web.sorting); the order is kept in the URL.
COMPANY_COLUMNS = [
    Column("navn", "Virksomhed", ("name",)),
    Column("omraade", "Område", ("postcode", "city")),
    Column("aabne", "Åbne opgaver", ("open_openings",)),
    Column("buddies", "Buddies", ("buddy_count",)),
]


def _staff_only(request: AuthenticatedRequest) -> None:
    # Employers have their own page; the network list is the municipality's shared tool.
    if request.user.role == Role.EMPLOYER:
        access.require_case_writer(request.user)


@login_required
@renders_errors
def company_list(request: AuthenticatedRequest) -> HttpResponse:
    _staff_only(request)
    companies = access.companies_for(request.user)
    form = CompanySearchForm(request.GET or None, sectors=selectors.sectors(companies))
    filters = form.cleaned_data if form.is_valid() else {}
    rows = course_selectors.search_companies(companies, **{k: v for k, v in filters.items() if v})
    order = sorting(request, COMPANY_COLUMNS, default="navn")
    page = Paginator(order.apply(rows, then=("name", "pk")), 50).get_page(request.GET.get("side"))
    template = "web/companies/_rows.html" if request.htmx else "web/companies/list.html"
    query = request.GET.copy()
    query.pop("side", None)
    context = {"form": form, "page": page, "count": page.paginator.count, "sort": order.headings}
    return render(request, template, {**context, "query": query.urlencode()})


@login_required
@renders_errors
def company_new(request: AuthenticatedRequest) -> HttpResponse:
    access.require_case_writer(request.user)
    return form_page(
        request,
        CompanyForm(request.POST or None),
        save=lambda data: services.create_company(
            actor=request.user, municipality=access.own_municipality(request.user), **data
        ),
        done=lambda company: f"{company.name} er tilføjet netværket.",
        then=lambda company: ("web:company", company.pk),
        context={"title": "Ny virksomhed", "submit": "Opret"},
    )


def _company_context(request: AuthenticatedRequest, company: Company) -> dict[str, Any]:
    placements = (
        access.placements_for(request.user)
        .filter(company=company)
        .select_related("course__citizen")
        .order_by("-planned_start")
    )
    return {
        "company": company,
        "record": course_selectors.company_record(company),
        "contacts": company.contacts.order_by(*CONTACTS_FIRST),
        "buddies": company.buddies.order_by("name"),
        "openings": company.openings.select_related("buddy").order_by("status", "title"),
        "outreach": company.outreach.select_related("by")[:20],
        "event_history": event_selectors.company_history(company)[:50],
        "placements": placements[:50],
        "all_placements": Placement.objects.filter(company=company).count(),
        "contact_form": ContactForm(),
        "buddy_form": BuddyForm(),
        "outreach_form": OutreachForm(initial={"happened_on": date.today()}),
        "may_edit": access.may_write_cases(request.user),
    }


@login_required
@renders_errors
def company_detail(request: AuthenticatedRequest, company_id: int) -> HttpResponse:
    _staff_only(request)
    company = access.get_company(request.user, company_id)
    context = _company_context(request, company)
    access.log_list_read(request.user, [p.course.citizen_id for p in context["placements"]], purpose="virksomhedsside")
    return render(request, "web/companies/detail.html", context)


_SECTIONS = {
    "kontakt": (ContactForm, "contact_form", "web/companies/_contacts.html"),
    "buddy": (BuddyForm, "buddy_form", "web/companies/_buddies.html"),
    "kontaktlog": (OutreachForm, "outreach_form", "web/companies/_outreach.html"),
}


@login_required
@renders_errors
def company_add(request: AuthenticatedRequest, company_id: int, section: str) -> HttpResponse:
    """Add a contact, buddy or outreach entry; with HTMX only that section is re-drawn."""
    access.require_case_writer(request.user)
    company = access.get_company(request.user, company_id)
    if section not in _SECTIONS or request.method != "POST":
        return redirect("web:company", company.pk)
    form_class, form_name, partial = _SECTIONS[section]
    form = form_class(request.POST)
    if form.is_valid():
        try:
            if section == "kontakt":
                services.add_contact(company=company, **form.cleaned_data)
            elif section == "buddy":
                services.add_buddy(company=company, **form.cleaned_data)
            else:
                services.log_outreach(actor=request.user, company=company, **form.cleaned_data)
        except SmaajobError as error:
            form_error(form, error)
        else:
            form = form_class(initial={"happened_on": date.today()} if section == "kontaktlog" else None)
            if not request.htmx:
                messages.success(request, "Gemt.")
                return redirect("web:company", company.pk)
    context = _company_context(request, company)
    context[form_name] = form
    status = 200 if not form.errors else 400
    if request.htmx:
        # HTMX leaves 4xx responses out unless told; 200 with the errors keeps it simple.
        return render(request, partial, context)
    return render(request, "web/companies/detail.html", context, status=status)
