# SPDX-License-Identifier: MPL-2.0
"""Offers and providers (issue 12): the catalogue, ordering an offer from the citizen page,
an order with its state changes and progress reports, the Excel exports and the report."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from smaajob import access
from smaajob.access import offers as access_offers
from smaajob.access.cases import PAGE_NOT_FOUND
from smaajob.access.requests import AuthenticatedRequest
from smaajob.downloads import file_response
from smaajob.errors import NotFound, SmaajobError
from smaajob.offers import selectors, services
from smaajob.offers.counting import RULE_DA
from smaajob.offers.legal_basis import BY_CODE as LEGAL_BASES
from smaajob.offers.models import ORDER_TRANSITIONS, Order, OrderState, Provider
from smaajob.reports import offer_figures
from smaajob.reports.building import small_cell_threshold
from smaajob.spreadsheet import ExcelBook
from smaajob.web.errors import form_error, renders_errors
from smaajob.web.forms.offers import OfferForm, OrderForm, PeriodForm, ReportForm, TransitionForm

# The action in an order's URL and the state it moves the order to.
ACTIONS = {
    "accepter": OrderState.ACCEPTED,
    "start": OrderState.STARTED,
    "gennemfoer": OrderState.COMPLETED,
    "afbryd": OrderState.INTERRUPTED,
}
ACTION_LABELS = {
    OrderState.ACCEPTED: "Acceptér bestillingen",
    OrderState.STARTED: "Forløbet er startet",
    OrderState.COMPLETED: "Forløbet er gennemført",
    OrderState.INTERRUPTED: "Forløbet er afbrudt",
}


def _xlsx(rows: Sequence[Sequence[object]], header: list[str], title: str, filename: str) -> HttpResponse:
    book = ExcelBook()
    sheet = book.sheet(title)
    sheet.row(header, bold=True)
    for row in rows:
        sheet.row(row)
    return file_response(book.to_bytes(), filename)


# --------------------------------------------------------------------------- the catalogue


@login_required
@renders_errors
def offer_list(request: AuthenticatedRequest) -> HttpResponse:
    offers = access_offers.offers_for(request.user).select_related("provider").prefetch_related("starts")
    return render(
        request,
        "web/offers/list.html",
        {
            "offers": offers.filter(is_active=True).order_by("provider__name", "title"),
            "may_edit": access_offers.may_edit_catalogue(request.user),
            "legal_bases": LEGAL_BASES,
        },
    )


@login_required
@renders_errors
def offer_new(request: AuthenticatedRequest) -> HttpResponse:
    access_offers.require_catalogue_editor(request.user)
    providers = Provider.objects.filter(municipality=request.user.municipality)
    form = OfferForm(request.POST or None, providers=[(str(p.pk), p.name) for p in providers])
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        provider = providers.get(pk=data.pop("provider"))
        try:
            offer = services.create_offer(provider=provider, **data)
        except SmaajobError as error:
            form_error(form, error)
        else:
            messages.success(request, f"»{offer.title}« er tilføjet kataloget.")
            return redirect("web:offer", offer.pk)
    return render(request, "web/form_page.html", {"form": form, "title": "Nyt tilbud i kataloget", "submit": "Opret"})


@login_required
@renders_errors
def offer_detail(request: AuthenticatedRequest, offer_id: int) -> HttpResponse:
    offer = access_offers.get_offer(request.user, offer_id)
    return render(
        request,
        "web/offers/detail.html",
        {
            "offer": offer,
            "basis": LEGAL_BASES.get(offer.legal_basis),
            "starts": offer.starts.filter(starts_on__gte=date.today()),
            "contacts": offer.provider.contacts.all(),
        },
    )


@login_required
@renders_errors
def offers_xlsx(request: AuthenticatedRequest) -> HttpResponse:
    offers = access_offers.offers_for(request.user).select_related("provider").prefetch_related("starts")
    rows = [
        [
            o.provider.name,
            o.title,
            o.get_kind_display(),
            o.duration_weeks,
            float(o.hours_per_week),
            float(o.price_kr),
            o.get_price_unit_display(),
            o.capacity,
            o.certificate,
            LEGAL_BASES[o.legal_basis].label if o.legal_basis in LEGAL_BASES else o.legal_basis,
            ", ".join(s.starts_on.isoformat() for s in o.starts.all()),
        ]
        for o in offers.order_by("provider__name", "title")
    ]
    header = [
        "Leverandør",
        "Tilbud",
        "Type",
        "Uger",
        "Timer/uge",
        "Pris (kr.)",
        "Pris pr.",
        "Pladser",
        "Certifikat",
        "Hjemmel",
        "Startdatoer",
    ]
    return _xlsx(rows, header, "Tilbudskatalog", "tilbudskatalog.xlsx")


# --------------------------------------------------------------------------- orders


@login_required
@renders_errors
def order_new(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    """Order an offer for a citizen: pick the offer, write the purpose; the rest comes from the
    offer unless changed (next start date, duration, hours, the unit price)."""
    access_offers.require_orderer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, purpose="bestil tilbud")
    offers = access_offers.offers_for(request.user).filter(is_active=True).select_related("provider")
    choices = [
        (str(o.pk), f"{o.title} – {o.provider.name} ({o.price_kr:.0f} kr. {o.get_price_unit_display()})")
        for o in offers.order_by("title")
    ]
    form = OrderForm(request.POST or None, offers=choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            order = services.order_offer(
                actor=request.user,
                citizen=citizen,
                offer=access_offers.get_offer(request.user, data["offer"]),
                purpose=data["purpose"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                hours_per_week=data["hours_per_week"],
                price_kr=data["price_kr"],
            )
        except SmaajobError as error:
            form_error(form, error)
        else:
            messages.success(request, f"»{order.offer.title}« er bestilt hos {order.offer.provider.name}.")
            return redirect("web:order", order.pk)
    return render(
        request,
        "web/form_page.html",
        {"form": form, "title": f"Bestil et tilbud til {citizen.full_name}", "submit": "Bestil", "citizen": citizen},
    )


@login_required
@renders_errors
def order_list(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    orders = list(selectors.order_rows(access_offers.orders_for(user))[:300])
    access_offers.log_order_list(user, orders, purpose="bestillinger")
    rows = [(o, access_offers.citizen_label(user, o)) for o in orders]
    return render(request, "web/offers/orders.html", {"rows": rows, "is_provider": access_offers.is_provider(user)})


@login_required
@renders_errors
def orders_xlsx(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    orders = list(selectors.order_rows(access_offers.orders_for(user)))
    access_offers.log_order_list(user, orders, purpose="bestillinger (Excel)")
    rows = [
        [
            access_offers.citizen_label(user, o),
            o.offer.title,
            o.offer.provider.name,
            o.starts_on,
            o.ends_on,
            float(o.hours_per_week),
            float(o.price_kr),
            o.get_state_display(),
            o.purpose,
        ]
        for o in orders
    ]
    header = ["Borger", "Tilbud", "Leverandør", "Start", "Slut", "Timer/uge", "Pris (kr.)", "Status", "Formål"]
    return _xlsx(rows, header, "Bestillinger", "bestillinger.xlsx")


def _order_context(request: AuthenticatedRequest, order: Order, **forms: object) -> dict[str, object]:
    user = request.user
    today = date.today()
    reports = list(order.reports.all())
    moves = [
        (action, ACTION_LABELS[state])
        for action, state in ACTIONS.items()
        if state in ORDER_TRANSITIONS.get(order.state, ()) and access_offers.may_move_order(user, order, state)
    ]
    return {
        "order": order,
        "citizen_label": access_offers.citizen_label(user, order),
        "facts": access_offers.provider_view(user, order),
        "transitions": order.transitions.select_related("actor"),
        "reports": reports,
        "report_due": selectors.report_due(order, today),
        "moves": moves,
        "transition_form": forms.get("transition_form") or TransitionForm(),
        "report_form": forms.get("report_form") or ReportForm(),
        "may_report": access_offers.may_report(user)
        and order.state in (OrderState.STARTED, OrderState.COMPLETED, OrderState.INTERRUPTED),
        "is_provider": access_offers.is_provider(user),
        "today": today,
    }


@login_required
@renders_errors
def order_detail(request: AuthenticatedRequest, order_id: int) -> HttpResponse:
    order = access_offers.get_order(request.user, order_id)
    return render(request, "web/offers/order.html", _order_context(request, order))


@login_required
@renders_errors
@require_POST
def order_action(request: AuthenticatedRequest, order_id: int, action: str) -> HttpResponse:
    order = access_offers.get_order(request.user, order_id)
    to_state = ACTIONS.get(action)
    if to_state is None:
        raise NotFound(PAGE_NOT_FOUND)
    access_offers.require_order_mover(request.user, order, to_state)
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            services.change_order_state(
                actor=request.user,
                order=order,
                to_state=to_state,
                reason=form.cleaned_data["reason"],
                on=form.cleaned_data["on"],
            )
        except SmaajobError as error:
            form_error(form, error)
        else:
            messages.success(request, f"Bestillingen er nu: {OrderState(to_state).label.lower()}.")
            return redirect("web:order", order.pk)
    order.refresh_from_db()
    return render(request, "web/offers/order.html", _order_context(request, order, transition_form=form), status=400)


@login_required
@renders_errors
def order_report(request: AuthenticatedRequest, order_id: int) -> HttpResponse:
    order = access_offers.get_order(request.user, order_id)
    access_offers.require_reporter(request.user)
    if request.method != "POST":
        return redirect("web:order", order.pk)
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            services.submit_report(actor=request.user, order=order, **form.cleaned_data)
        except SmaajobError as error:
            form_error(form, error)
        else:
            messages.success(request, "Statusrapporten er modtaget.")
            return redirect("web:order", order.pk)
    return render(request, "web/offers/order.html", _order_context(request, order, report_form=form), status=400)


# --------------------------------------------------------------------------- the report


def _period(request: AuthenticatedRequest) -> tuple[PeriodForm, date, date]:
    today = date.today()
    form = PeriodForm(request.GET or {"start": date(today.year, 1, 1), "end": today})
    if form.is_valid() and form.cleaned_data["start"] <= form.cleaned_data["end"]:
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    if form.is_valid():
        form.add_error("end", "Slutdatoen skal ligge samme dag som eller efter startdatoen.")
    return form, date(today.year, 1, 1), today


@login_required
@renders_errors
def offers_report(request: AuthenticatedRequest) -> HttpResponse:
    """Aggregates only: offers and persons (Tabel 3.1's rule), completion, after a lift, costs."""
    user = request.user
    if user.municipality_id is None:
        raise NotFound(PAGE_NOT_FOUND)
    form, start, end = _period(request)
    orders = Order.objects.filter(offer__provider__municipality_id=user.municipality_id)
    # An analyst sees aggregates only: small cells withheld, as in every report.
    threshold = small_cell_threshold(user)
    costs = selectors.order_costs(orders, start=start, end=end)
    return render(
        request,
        "web/offers/report.html",
        {
            "form": form,
            "start": start,
            "end": end,
            "shown_counts": offer_figures.offer_counts(
                selectors.offers_and_persons(orders, start=start, end=end), threshold
            ),
            "completion": offer_figures.completion(selectors.completion(orders, start=start, end=end), threshold),
            "after": offer_figures.after_lift(selectors.after_competence_lift(orders, start=start, end=end), threshold),
            "costs": costs,
            "shown_costs": offer_figures.order_costs(costs, threshold),
            "withheld_note": offer_figures.withheld_note(threshold),
            "rule": RULE_DA,
        },
    )
