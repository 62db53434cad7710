# SPDX-License-Identifier: MPL-2.0
"""A citizen's and a company's "Adresse og placering": the address, and the location matching
uses — from the postcode table, or set by hand (smaajob.places)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from smaajob import access, places
from smaajob.citizens import services as citizen_services
from smaajob.errors import SmaajobError
from smaajob.network import services as network_services
from smaajob.web.errors import form_error, renders_errors
from smaajob.web.forms.locations import AddressForm


def _initial(record: Any) -> dict[str, Any]:
    manual = record.location_source == places.LocationSource.MANUAL
    return {
        "address": record.address,
        "postcode": record.postcode,
        "city": record.city,
        # Coordinates from the postcode are not shown as typed: saving them would fix them by hand.
        "latitude": record.latitude if manual else None,
        "longitude": record.longitude if manual else None,
    }


def _page(request: HttpRequest, form: AddressForm, record: Any, context: dict[str, Any]) -> HttpResponse:
    return render(request, "web/location_page.html", {"form": form, "record": record, **context})


@login_required
@renders_errors
def citizen_address(request: HttpRequest, citizen_id: int) -> HttpResponse:
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, purpose="adresse og placering")
    form = AddressForm(request.POST or None, initial=_initial(citizen))
    if request.method == "POST" and form.is_valid():
        try:
            citizen_services.update_citizen_address(actor=request.user, citizen=citizen, **form.cleaned_data)
        except SmaajobError as error:
            form_error(form, error)
        else:
            messages.success(request, "Adresse og placering er gemt.")
            return redirect("web:citizen", citizen.pk)
        citizen.refresh_from_db()
    return _page(request, form, citizen, {"citizen": citizen, "title": f"Adresse og placering: {citizen.full_name}"})


@login_required
@renders_errors
def company_address(request: HttpRequest, company_id: int) -> HttpResponse:
    access.require_case_writer(request.user)
    company = access.get_company(request.user, company_id)
    form = AddressForm(request.POST or None, initial=_initial(company))
    if request.method == "POST" and form.is_valid():
        try:
            network_services.update_company_address(company=company, **form.cleaned_data)
        except SmaajobError as error:
            form_error(form, error)
        else:
            messages.success(request, "Adresse og placering er gemt.")
            return redirect("web:company", company.pk)
        company.refresh_from_db()
    return _page(request, form, company, {"company": company, "title": f"Adresse og placering: {company.name}"})
