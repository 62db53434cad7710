# SPDX-License-Identifier: MPL-2.0
"""Writes for providers, the offer catalogue, orders and progress reports.

Every write checks all of its input first and saves nothing on error. An order's state changes
only along ``ORDER_TRANSITIONS``; each change is stored dated, with actor and reason, and shows
on the citizen's timeline. A completed order whose offer gives a certificate adds it to the
citizen's certificates through the resource mapping's own service, so the matching engine sees
the requirement as met ("truckcertifikat" after the forklift course).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from smaajob.audit.models import AuditAction
from smaajob.audit.services import record as audit
from smaajob.citizens.models import Citizen
from smaajob.citizens.services import update_resource_mapping
from smaajob.courses.selectors import open_course
from smaajob.danish_numbers import format_date
from smaajob.errors import IllegalTransition, InvalidHours, InvalidInput, InvalidPeriod
from smaajob.offers.legal_basis import BY_CODE as LEGAL_BASES
from smaajob.offers.models import (
    ORDER_TRANSITIONS,
    Attendance,
    Offer,
    OfferKind,
    OfferStart,
    Order,
    OrderState,
    OrderTransition,
    PriceUnit,
    ProgressReport,
    Provider,
    ProviderContact,
    ProviderKind,
)
from smaajob.organisation.models import Municipality, User

HOURS_IN_A_WEEK = Decimal(168)
MAX_PRICE = Decimal("10000000")
MAX_TEXT = 5000
MAX_CAPACITY = 10_000
MAX_HOURS_ATTENDED = Decimal(9999)


def _decimal(value: Any, *, field: str, example: str) -> Decimal:
    try:
        number = Decimal(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        raise InvalidInput(f"Skriv et tal, fx {example}.", field=field) from None
    if not number.is_finite():
        raise InvalidInput(f"Skriv et tal, fx {example}.", field=field)
    return number


def _price(value: Any, *, field: str) -> Decimal:
    price = _decimal(value, field=field, example="600 eller 2800,50")
    if price < 0:
        raise InvalidInput("Prisen kan ikke være negativ; skriv 0 eller et beløb i kr., fx 600.", field=field)
    if price > MAX_PRICE:
        raise InvalidInput("Prisen må højst være 10.000.000 kr.", field=field)
    return price.quantize(Decimal("0.01"))


def _hours(value: Any, *, field: str) -> Decimal:
    hours = _decimal(value, field=field, example="12 eller 7,5")
    if hours <= 0 or hours > HOURS_IN_A_WEEK:
        raise InvalidHours(
            "Timer pr. uge skal være mere end 0 og højst 168 (en uges timer), fx 12 eller 7,5.", field=field
        )
    return hours.quantize(Decimal("0.1"))


def _text(value: str, *, field: str, example: str, required: bool = True, max_length: int = MAX_TEXT) -> str:
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput(f"Skriv {example}.", field=field)
    if len(value) > max_length:
        raise InvalidInput(f"Teksten må højst være {max_length} tegn.", field=field)
    return value


def _choice(value: str, choices: Any, *, field: str, what: str) -> str:
    if value not in choices.values:
        raise InvalidInput(f"{what} skal være en af: {', '.join(choices.values)}.", field=field)
    return value


# --------------------------------------------------------------------------- providers


@transaction.atomic
def create_provider(
    *,
    municipality: Municipality,
    name: str,
    kind: str,
    cvr: str = "",
    address: str = "",
    is_synthetic: bool = False,
) -> Provider:
    name = _text(name, field="name", example="leverandørens navn, fx »AMU Sjælland«", max_length=200)
    _choice(kind, ProviderKind, field="kind", what="Leverandørtype")
    cvr = (cvr or "").strip()
    if cvr and not (len(cvr) == 8 and cvr.isdigit()):
        raise InvalidInput("CVR-nummeret skal være 8 cifre, fx 12345678.", field="cvr")
    if Provider.objects.filter(municipality=municipality, name=name).exists():
        raise InvalidInput(f"Der findes allerede en leverandør ved navn »{name}«.", field="name")
    return Provider.objects.create(
        municipality=municipality, name=name, kind=kind, cvr=cvr, address=address.strip(), is_synthetic=is_synthetic
    )


@transaction.atomic
def add_provider_contact(
    *, provider: Provider, name: str, title: str = "", phone: str = "", email: str = ""
) -> ProviderContact:
    name = _text(name, field="name", example="kontaktpersonens navn", max_length=200)
    return ProviderContact.objects.create(
        provider=provider, name=name, title=title.strip(), phone=phone.strip(), email=email.strip()
    )


# --------------------------------------------------------------------------- the catalogue


@transaction.atomic
def create_offer(
    *,
    provider: Provider,
    title: str,
    kind: str,
    duration_weeks: int,
    hours_per_week: Any,
    price_kr: Any,
    price_unit: str,
    legal_basis: str,
    content: str = "",
    capacity: int | None = None,
    certificate: str = "",
    start_dates: Iterable[date] = (),
    is_synthetic: bool = False,
) -> Offer:
    title = _text(title, field="title", example="en titel, fx »Hygiejnekursus (fødevarer)«", max_length=200)
    certificate = _text(certificate, field="certificate", example="", required=False, max_length=100).lower()
    _choice(kind, OfferKind, field="kind", what="Tilbudstype")
    if not isinstance(duration_weeks, int) or not 1 <= duration_weeks <= 260:
        raise InvalidInput("Varigheden skal være 1–260 uger, fx 12.", field="duration_weeks")
    hours = _hours(hours_per_week, field="hours_per_week")
    price = _price(price_kr, field="price_kr")
    _choice(price_unit, PriceUnit, field="price_unit", what="Prisenheden")
    if legal_basis not in LEGAL_BASES:
        raise InvalidInput(f"Hjemmel skal være en af: {', '.join(LEGAL_BASES)}.", field="legal_basis")
    if capacity is not None and not 1 <= capacity <= MAX_CAPACITY:
        raise InvalidInput(
            f"Antal pladser skal være 1–{MAX_CAPACITY} (eller tomt for ubegrænset), fx 12.", field="capacity"
        )
    offer = Offer.objects.create(
        provider=provider,
        title=title,
        kind=kind,
        content=_text(content, field="content", example="", required=False),
        duration_weeks=duration_weeks,
        hours_per_week=hours,
        price_kr=price,
        price_unit=price_unit,
        capacity=capacity,
        certificate=certificate,
        legal_basis=legal_basis,
        is_synthetic=is_synthetic,
    )
    OfferStart.objects.bulk_create([OfferStart(offer=offer, starts_on=d) for d in sorted(set(start_dates))])
    return offer


def weeks_in(starts_on: date, ends_on: date) -> int:
    """Whole weeks the period touches (a 1-day period is one week of a weekly price)."""
    return max(1, math.ceil(((ends_on - starts_on).days + 1) / 7))


def price_for(offer: Offer, *, starts_on: date, ends_on: date, hours_per_week: Decimal) -> Decimal:
    """The order's price from the offer's unit price: per hour × hours a week × weeks, per week
    × weeks, or per course once."""
    weeks = weeks_in(starts_on, ends_on)
    if offer.price_unit == PriceUnit.HOUR:
        total = offer.price_kr * hours_per_week * weeks
    elif offer.price_unit == PriceUnit.WEEK:
        total = offer.price_kr * weeks
    else:
        total = offer.price_kr
    return total.quantize(Decimal("0.01"))


def next_start(offer: Offer, today: date) -> date:
    start = offer.starts.filter(starts_on__gte=today).order_by("starts_on").first()
    return start.starts_on if start else today


# --------------------------------------------------------------------------- orders


def _transition(order: Order, *, to_state: str, on: date, actor: User | None, reason: str) -> OrderTransition:
    row = OrderTransition.objects.create(order=order, to_state=to_state, happened_on=on, actor=actor, reason=reason)
    audit(
        actor=actor,
        action=AuditAction.UPDATE if to_state != OrderState.ORDERED else AuditAction.CREATE,
        object_type="order",
        object_id=order.pk,
        citizen_id=order.citizen_id,
        detail=f"bestilling: {OrderState(to_state).label}",
    )
    return row


@transaction.atomic
def order_offer(
    *,
    actor: User,
    citizen: Citizen,
    offer: Offer,
    purpose: str,
    starts_on: date | None = None,
    ends_on: date | None = None,
    hours_per_week: Any = None,
    price_kr: Any = None,
    report_every_days: int = 28,
    today: date | None = None,
    is_synthetic: bool = False,
) -> Order:
    """Order ``offer`` for ``citizen``. Left out, the period is the offer's next start and its
    duration, the hours its hours a week, and the price what the offer's unit price gives."""
    today = today or date.today()
    purpose = _text(purpose, field="purpose", example="formålet, fx »Hygiejnebevis til køkkenjob hos Netto«")
    if not offer.is_active:
        raise InvalidInput("Tilbuddet er ikke længere i kataloget; vælg et andet.", field="offer")
    if offer.provider.municipality_id != citizen.municipality_id:
        raise InvalidInput("Tilbuddet hører til en anden kommunes katalog.", field="offer")
    starts_on = starts_on or next_start(offer, today)
    ends_on = ends_on or starts_on + timedelta(weeks=offer.duration_weeks, days=-1)
    if ends_on < starts_on:
        raise InvalidPeriod(
            f"Slutdatoen skal ligge samme dag som eller efter starten ({format_date(starts_on)}).", field="ends_on"
        )
    if (ends_on - starts_on).days > 5 * 366:
        raise InvalidPeriod("En bestilling kan højst vare 5 år.", field="ends_on")
    hours = offer.hours_per_week if hours_per_week in (None, "") else _hours(hours_per_week, field="hours_per_week")
    price = (
        price_for(offer, starts_on=starts_on, ends_on=ends_on, hours_per_week=hours)
        if price_kr in (None, "")
        else _price(price_kr, field="price_kr")
    )
    if not 1 <= int(report_every_days) <= 365:
        raise InvalidInput("Statusrapport skal komme hver 1.–365. dag, fx hver 28. dag.", field="report_every_days")
    if offer.capacity is not None:
        taken = Order.objects.filter(
            offer=offer,
            state__in=[OrderState.ORDERED, OrderState.ACCEPTED, OrderState.STARTED],
            starts_on__lte=ends_on,
            ends_on__gte=starts_on,
        ).count()
        if taken >= offer.capacity:
            raise InvalidInput(
                f"Tilbuddet har {offer.capacity} pladser, og de er optaget i perioden; vælg en anden start.",
                field="starts_on",
            )
    order = Order.objects.create(
        offer=offer,
        citizen=citizen,
        course=open_course(citizen),
        starts_on=starts_on,
        ends_on=ends_on,
        hours_per_week=hours,
        price_kr=price,
        purpose=purpose,
        report_every_days=int(report_every_days),
        ordered_by=actor,
        is_synthetic=is_synthetic,
    )
    _transition(order, to_state=OrderState.ORDERED, on=today, actor=actor, reason="")
    return order


@transaction.atomic
def change_order_state(*, actor: User, order: Order, to_state: str, reason: str = "", on: date | None = None) -> Order:
    """Move an order on: accept, start, complete or interrupt (with a reason)."""
    on = on or date.today()
    reason = _text(reason, field="reason", example="", required=False)
    allowed = ORDER_TRANSITIONS.get(order.state, ())
    if to_state not in allowed:
        names = ", ".join(str(OrderState(s).label).lower() for s in allowed) or "ingen (bestillingen er afsluttet)"
        raise IllegalTransition(
            f"En bestilling med status »{OrderState(order.state).label}« kan kun blive: {names}.", field="to_state"
        )
    if to_state == OrderState.INTERRUPTED and not reason:
        raise InvalidInput("Skriv hvorfor forløbet blev afbrudt, fx »Borgeren blev syg«.", field="reason")
    # The changes keep their order; the order itself may be registered after the fact, so the
    # day it was ordered does not bound them (a start recorded late is still the real start).
    last = (
        order.transitions.exclude(to_state=OrderState.ORDERED)
        .order_by("-happened_on")
        .values_list("happened_on", flat=True)
        .first()
    )
    if last is not None and on < last:
        raise InvalidPeriod(f"Datoen kan ikke ligge før sidste ændring ({format_date(last)}).", field="on")
    order.state = to_state
    fields = ["state"]
    if to_state == OrderState.COMPLETED and order.offer.certificate:
        citizen = order.citizen
        if order.offer.certificate not in citizen.certificates:
            update_resource_mapping(
                actor=actor, citizen=citizen, certificates=[*citizen.certificates, order.offer.certificate]
            )
        order.certificate_added_on = on
        fields.append("certificate_added_on")
    order.save(update_fields=fields)
    _transition(order, to_state=to_state, on=on, actor=actor, reason=reason)
    return order


# --------------------------------------------------------------------------- progress reports


@transaction.atomic
def submit_report(
    *,
    actor: User,
    order: Order,
    attendance: str,
    progress: str,
    next_step: str = "",
    hours_attended: Any = None,
    is_final: bool = False,
    reported_on: date | None = None,
) -> ProgressReport:
    reported_on = reported_on or date.today()
    if order.state not in (OrderState.STARTED, OrderState.COMPLETED, OrderState.INTERRUPTED):
        raise IllegalTransition("En statusrapport kan først gives, når forløbet er i gang.", field="attendance")
    _choice(attendance, Attendance, field="attendance", what="Fremmøde")
    progress = _text(progress, field="progress", example="hvordan det går i forhold til formålet")
    if reported_on < order.starts_on:
        raise InvalidPeriod(
            f"Rapportens dato kan ikke ligge før forløbets start ({format_date(order.starts_on)}).", field="reported_on"
        )
    hours = None
    if hours_attended not in (None, ""):
        hours = _decimal(hours_attended, field="hours_attended", example="24 eller 7,5")
        if hours < 0 or hours > MAX_HOURS_ATTENDED:
            raise InvalidHours("Timer deltaget skal være 0–9999, fx 24.", field="hours_attended")
        hours = hours.quantize(Decimal("0.1"))
    report = ProgressReport.objects.create(
        order=order,
        reported_on=reported_on,
        is_final=is_final,
        attendance=attendance,
        hours_attended=hours,
        progress=progress,
        next_step=_text(next_step, field="next_step", example="", required=False),
        author=actor,
    )
    audit(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="progressreport",
        object_id=report.pk,
        citizen_id=order.citizen_id,
        detail="statusrapport" + (" (slut)" if is_final else ""),
    )
    return report
