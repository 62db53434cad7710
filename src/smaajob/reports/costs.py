# SPDX-License-Identifier: MPL-2.0
"""The effort cost page: the municipality's unit prices (defaults from 003 §2.6) × quantities,
and the recorded orders' actual prices and hours (``smaajob.offers``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from smaajob.danish_numbers import NotANumber, read_decimal
from smaajob.errors import InvalidInput
from smaajob.offers.models import Order
from smaajob.offers.selectors import OrderCosts, order_costs
from smaajob.organisation.models import User
from smaajob.reports import offer_figures
from smaajob.reports.building import check_may_see_reports, small_cell_threshold
from smaajob.reports.counting.costs import DEFAULT_PRICES, UnitPrice, effort_cost
from smaajob.reports.models import UnitPrice as UnitPriceRow


def prices_for(municipality_id: int) -> list[UnitPrice]:
    """The municipality's own prices where it has set them, the 003 §2.6 defaults otherwise."""
    own = {row.key: row for row in UnitPriceRow.objects.filter(municipality_id=municipality_id)}
    result = []
    for default in DEFAULT_PRICES:
        row = own.get(default.key)
        if row is None:
            result.append(default)
            continue
        result.append(
            UnitPrice(
                default.key,
                row.label,
                row.unit,
                None if row.price_kr is None else float(row.price_kr),
                float(row.units_low),
                float(row.units_high),
                row.item,
                row.source,
            )
        )
    return result


def _day(params: Any, key: str, default: date) -> date:
    raw = (params.get(key) or "").strip()
    if not raw:
        return default
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(f"»{raw}« er ikke en dato; skriv fx 2026-01-01.", field=key) from None


def recorded_order_costs(municipality_id: int, params: Any) -> OrderCosts:
    """The recorded orders' actual prices and hours (issue 12) for the period ``fra``–``til``
    (default: this year so far), per project, with the counting rule."""
    today = date.today()
    start = _day(params, "fra", date(today.year, 1, 1))
    end = _day(params, "til", today)
    if end < start:
        raise InvalidInput("»Til« skal ligge samme dag som eller efter »fra«.", field="til")
    orders = Order.objects.filter(offer__provider__municipality_id=municipality_id)
    return order_costs(orders, start=start, end=end)


def cost_context(user: User, params: Any) -> dict[str, Any]:
    municipality_id = check_may_see_reports(user)
    prices = prices_for(municipality_id)
    quantities: dict[str, float] = {}
    for price in prices:
        try:
            value = float(read_decimal(params.get(price.key) or "0"))
        except NotANumber:
            raise InvalidInput(f"»{price.label_da}«: angiv et antal, fx 3.", field=price.key) from None
        if value < 0 or value > 100_000:
            raise InvalidInput(f"»{price.label_da}«: antallet skal være mellem 0 og 100.000.", field=price.key)
        quantities[price.key] = value
    recorded = recorded_order_costs(municipality_id, params)
    threshold = small_cell_threshold(user)
    return {
        "estimate": effort_cost(prices, quantities),
        "quantities": quantities,
        "order_costs": recorded,
        # An analyst sees aggregates only: a project of a few citizens is withheld, as in every report.
        "shown_costs": offer_figures.order_costs(recorded, threshold),
        "withheld_note": offer_figures.withheld_note(threshold),
    }
