# SPDX-License-Identifier: MPL-2.0
"""A citizen's and a company's "Adresse og placering": the address, and the location matching
uses — from the postcode table, or set by hand (smaajob.places)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from smaajob import access, places
from smaajob.access.requests import AuthenticatedRequest
from smaajob.citizens import services as citizen_services
from smaajob.errors import SmaajobError
from smaajob.network import services as network_services
from smaajob.web.errors import renders_errors
from smaajob.web.form_pages import form_page
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


def _address_page(
    request: AuthenticatedRequest,
    record: Any,
    *,
    update: Callable[..., Any],
    then: tuple[Any, ...],
    context: dict[str, Any],
) -> HttpResponse:
    """The address form of a citizen or a company: ``update(**cleaned_data)`` saves it."""

    def save(data: dict[str, Any]) -> None:
        try:
            update(**data)
        except SmaajobError:
            record.refresh_from_db()  # the page shows the record as saved, not the refused values
            raise

    return form_page(
        request,
        AddressForm(request.POST or None, initial=_initial(record)),
        save=save,
        done="Adresse og placering er gemt.",
        then=then,
        template="web/location_page.html",
        context=lambda: {"record": record, **context},
    )


@login_required
@renders_errors
def citizen_address(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, purpose="adresse og placering")
    return _address_page(
        request,
        citizen,
        update=lambda **data: citizen_services.update_citizen_address(actor=request.user, citizen=citizen, **data),
        then=("web:citizen", citizen.pk),
        context={"citizen": citizen, "title": f"Adresse og placering: {citizen.full_name}"},
    )


@login_required
@renders_errors
def company_address(request: AuthenticatedRequest, company_id: int) -> HttpResponse:
    access.require_case_writer(request.user)
    company = access.get_company(request.user, company_id)
    return _address_page(
        request,
        company,
        update=lambda **data: network_services.update_company_address(company=company, **data),
        then=("web:company", company.pk),
        context={"company": company, "title": f"Adresse og placering: {company.name}"},
    )
