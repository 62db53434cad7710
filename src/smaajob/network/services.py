# SPDX-License-Identifier: MPL-2.0
"""Writes for the company network: companies, contacts, buddies, outreach and openings."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from smaajob import plausibility
from smaajob.errors import InvalidInput
from smaajob.hours import parse_hours
from smaajob.network.models import (
    Buddy,
    Company,
    CompanySize,
    Contact,
    DanishLevel,
    Opening,
    OpeningKind,
    OpeningStatus,
    OutreachEntry,
    OutreachKind,
)
from smaajob.organisation.models import Municipality, User
from smaajob.places import LocationSource, Relocated, relocate_from_postcodes, resolve_location
from smaajob.slots import normalise_slots
from smaajob.validators import check_period, normalise_cvr


def _tags(value: Any, field: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InvalidInput('Skal være en liste af ord, fx ["truck", "hygiejnebevis"].', field=field)
    return sorted({v.strip().lower() for v in value})


@transaction.atomic
def create_company(
    *,
    actor: User | None,
    municipality: Municipality,
    cvr: str,
    name: str,
    **fields: Any,
) -> Company:
    number = normalise_cvr(cvr)
    if Company.objects.filter(cvr=number).exists():
        raise InvalidInput(f"Virksomheden med CVR {number} findes allerede i netværket.", field="cvr")
    if not name.strip():
        raise InvalidInput("Virksomheden skal have et navn.", field="name")
    if "size" in fields and fields["size"] and fields["size"] not in CompanySize.values:
        raise InvalidInput(f"Størrelse skal være en af {', '.join(CompanySize.values)}.", field="size")
    if fields.get("min_paid_hours") is not None:
        fields["min_paid_hours"] = parse_hours(fields["min_paid_hours"], field="min_paid_hours")
    location = resolve_location(
        postcode=fields.get("postcode", ""), latitude=fields.get("latitude"), longitude=fields.get("longitude")
    )
    fields.update(latitude=location.latitude, longitude=location.longitude, location_source=location.source.value)
    return Company.objects.create(
        municipality=municipality, cvr=number, name=name.strip(), recruited_by=actor, **fields
    )


@transaction.atomic
def update_company_address(
    *,
    company: Company,
    address: str,
    postcode: str,
    city: str,
    latitude: float | None = None,
    longitude: float | None = None,
) -> Company:
    """Change the company's address; the location follows the postcode unless set by hand."""
    location = resolve_location(postcode=postcode, latitude=latitude, longitude=longitude)
    company.address, company.postcode, company.city = address.strip(), postcode.strip(), city.strip()
    company.latitude, company.longitude = location.latitude, location.longitude
    company.location_source = location.source.value
    company.save(update_fields=["address", "postcode", "city", "latitude", "longitude", "location_source"])
    return company


@transaction.atomic
def locate_companies_from_postcodes() -> Relocated:
    """Give every company not located by hand its postcode's point."""
    rows = Company.objects.exclude(location_source=LocationSource.MANUAL).only(
        "pk", "postcode", "latitude", "longitude", "location_source"
    )
    return relocate_from_postcodes(rows.iterator())


@transaction.atomic
def add_contact(*, company: Company, name: str, **fields: Any) -> Contact:
    if not name.strip():
        raise InvalidInput("Kontaktpersonen skal have et navn.", field="name")
    return Contact.objects.create(company=company, name=name.strip(), **fields)


@transaction.atomic
def add_buddy(*, company: Company, name: str, trained_on: date | None = None) -> Buddy:
    if not name.strip():
        raise InvalidInput("Buddyen skal have et navn.", field="name")
    return Buddy.objects.create(company=company, name=name.strip(), trained_on=trained_on)


@transaction.atomic
def log_outreach(*, actor: User, company: Company, kind: str, happened_on: date, note: str = "") -> OutreachEntry:
    if kind not in OutreachKind.values:
        raise InvalidInput(f"Kontakttype skal være en af {', '.join(OutreachKind.values)}.", field="kind")
    return OutreachEntry.objects.create(company=company, kind=kind, happened_on=happened_on, by=actor, note=note)


def _clean_opening(
    *,
    company: Company,
    title: str,
    kind: str,
    hours_min: Any,
    hours_max: Any,
    slots: list[dict[str, Any]] | None = None,
    capacity: int = 1,
    required_certificates: list[str] | None = None,
    required_competences: list[str] | None = None,
    accommodation_tags: list[str] | None = None,
    language_requirement: int = DanishLevel.NONE,
    buddy: Buddy | None = None,
    description: str = "",
    sector: str = "",
    opens_on: date | None = None,
    closes_on: date | None = None,
) -> dict[str, Any]:
    """An opening's fields checked and normalised, or the first Danish refusal; writes nothing.

    Creating and editing an opening both go through here, so the two cannot disagree about
    what a valid opening is.
    """
    if not title.strip():
        raise InvalidInput("Beskriv opgaven med en kort titel, fx »Opfyldning af frugt og grønt«.", field="title")
    if kind not in OpeningKind.values:
        raise InvalidInput(f"Type skal være en af {', '.join(OpeningKind.values)}.", field="kind")
    low = parse_hours(hours_min, field="hours_min")
    high = parse_hours(hours_max, field="hours_max")
    assert low is not None and high is not None
    if high < low:
        raise InvalidInput(f"Højeste timetal ({high}) er mindre end laveste ({low}).", field="hours_max")
    plausibility.offers_hours(high)
    if company.placement_only and kind in (OpeningKind.PAID, OpeningKind.HYBRID):
        raise InvalidInput("Virksomheden tilbyder kun praktik; opret opgaven som praktik.", field="kind")
    if not 1 <= int(capacity) <= 50:
        raise InvalidInput("Antal pladser skal være 1–50.", field="capacity")
    if int(language_requirement) not in DanishLevel.values:
        raise InvalidInput("Sprogkrav skal være 0 (intet) til 3 (flydende).", field="language_requirement")
    if buddy is not None and buddy.company_id != company.pk:
        raise InvalidInput("Buddyen arbejder ikke i denne virksomhed.", field="buddy")
    check_period(opens_on, closes_on, field="closes_on")
    return {
        "title": title.strip(),
        "description": description,
        "kind": kind,
        "hours_min": low,
        "hours_max": high,
        "slots": normalise_slots(slots),
        "capacity": int(capacity),
        "required_certificates": _tags(required_certificates, "required_certificates"),
        "required_competences": _tags(required_competences, "required_competences"),
        "accommodation_tags": _tags(accommodation_tags, "accommodation_tags"),
        "language_requirement": int(language_requirement),
        "buddy": buddy,
        "sector": sector or company.sector,
        "opens_on": opens_on,
        "closes_on": closes_on,
    }


@transaction.atomic
def create_opening(*, actor: User | None, company: Company, **fields: Any) -> Opening:
    """A new opening (small task) at ``company``; the fields are ``_clean_opening``'s."""
    return Opening.objects.create(company=company, created_by=actor, **_clean_opening(company=company, **fields))


@transaction.atomic
def set_opening_status(*, opening: Opening, status: str) -> Opening:
    if status not in OpeningStatus.values:
        raise InvalidInput(f"Status skal være en af {', '.join(OpeningStatus.values)}.", field="status")
    opening.status = status
    opening.save(update_fields=["status"])
    return opening


EDITABLE_OPENING_FIELDS = frozenset(
    {
        "title",
        "description",
        "kind",
        "hours_min",
        "hours_max",
        "slots",
        "capacity",
        "required_certificates",
        "required_competences",
        "accommodation_tags",
        "language_requirement",
        "buddy",
        "sector",
        "opens_on",
        "closes_on",
        "status",
    }
)


@transaction.atomic
def update_opening(*, actor: User, opening: Opening, **fields: Any) -> Opening:
    """Edit an opening with the same checks as creating one; nothing is saved if one fails."""
    unknown = set(fields) - EDITABLE_OPENING_FIELDS
    if unknown:
        raise InvalidInput(f"Ukendte felter: {', '.join(sorted(unknown))}.", field=min(unknown))
    status = fields.pop("status", None)
    values: dict[str, Any] = {name: getattr(opening, name) for name in EDITABLE_OPENING_FIELDS - {"status"}}
    values.update(fields)
    # The same checks as creating one (``_clean_opening``), without writing anything first.
    for name, value in _clean_opening(company=opening.company, **values).items():
        setattr(opening, name, value)
    if status is not None:
        if status not in OpeningStatus.values:
            raise InvalidInput(f"Status skal være en af {', '.join(OpeningStatus.values)}.", field="status")
        opening.status = status
    opening.save()
    return opening


@transaction.atomic
def post_task(
    *, actor: User, title: str, hours_min: Any, hours_max: Any, description: str = "", **fields: Any
) -> Opening:
    """An employer contact posts a small task for its own company (the one entry point)."""
    if actor.role != "employer" or actor.company_id is None:
        raise InvalidInput("Kun en virksomhedskontakt kan slå en opgave op her.", field="company")
    company = Company.objects.get(pk=actor.company_id)
    kind = fields.pop("kind", "placement" if company.placement_only else "paid")
    return create_opening(
        actor=actor,
        company=company,
        title=title,
        kind=kind,
        hours_min=hours_min,
        hours_max=hours_max,
        description=description,
        **fields,
    )
