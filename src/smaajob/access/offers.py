# SPDX-License-Identifier: MPL-2.0
"""Access to the offer catalogue, orders and progress reports (issue 12).

* The catalogue has no personal data: staff of the municipality (not analysts, not the
  benefit office) see its offers; a provider user sees its own organisation's offers.
* An order is about a citizen. Staff reach it through the citizens they may open
  (``citizens_for``); a provider user reaches only the orders sent to its own organisation, and
  of the citizen only the facts the citizen consented to disclose (``provider_view``, the same
  consent as towards an employer). Every read is audit-logged against the citizen.
* Another provider's order, another municipality's offer and a missing id get the same
  ``NotFound`` with the same message.
"""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from smaajob.access.audited import get_audited, get_visible
from smaajob.access.citizens import EmployerCitizenView, citizens_for, employer_facts, log_list_read
from smaajob.access.courses import CASE_WRITERS
from smaajob.access.openings import NETWORK_EDITORS
from smaajob.errors import NotFound
from smaajob.offers.models import Offer, Order
from smaajob.organisation.models import Role, User

OFFER_NOT_FOUND = "Tilbuddet findes ikke, eller du har ikke adgang til det."
ORDER_NOT_FOUND = "Bestillingen findes ikke, eller du har ikke adgang til den."

CATALOGUE_STAFF = frozenset({Role.CASEWORKER, Role.CONSULTANT, Role.COORDINATOR, Role.ADMINISTRATOR})
CATALOGUE_EDITORS = NETWORK_EDITORS
# Ordering is a case write: the caseworker, the consultant, the coordinator for the team.
ORDERERS = CASE_WRITERS
ORDER_STAFF = CASE_WRITERS | {Role.ADMINISTRATOR}
PROVIDER = frozenset({Role.PROVIDER})
# The provider moves its own orders on (accepts, starts, completes, interrupts); staff may too.
ORDER_MOVERS = CASE_WRITERS | PROVIDER
REPORTERS = CASE_WRITERS | PROVIDER


def _active(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


def is_provider(user: User) -> bool:
    return _active(user) and user.role == Role.PROVIDER and user.provider_id is not None


def offers_for(user: User) -> QuerySet[Offer]:
    if not _active(user):
        return Offer.objects.none()
    if user.role == Role.PROVIDER:
        if user.provider_id is None:
            return Offer.objects.none()
        return Offer.objects.filter(provider_id=user.provider_id)
    if user.role in CATALOGUE_STAFF and user.municipality_id is not None:
        return Offer.objects.filter(provider__municipality_id=user.municipality_id)
    return Offer.objects.none()


def get_offer(user: User, offer_id: int | str) -> Offer:
    return get_visible(offers_for(user).select_related("provider"), offer_id, not_found=OFFER_NOT_FOUND)


def may_edit_catalogue(user: User) -> bool:
    return _active(user) and user.role in CATALOGUE_EDITORS


def require_catalogue_editor(user: User) -> None:
    if not may_edit_catalogue(user):
        raise NotFound(OFFER_NOT_FOUND)


def orders_for(user: User, *, on: date | None = None) -> QuerySet[Order]:
    """Staff: the orders of the citizens they may open; a provider: the orders sent to it."""
    if not _active(user):
        return Order.objects.none()
    if user.role == Role.PROVIDER:
        if user.provider_id is None:
            return Order.objects.none()
        return Order.objects.filter(offer__provider_id=user.provider_id)
    if user.role in ORDER_STAFF:
        return Order.objects.filter(citizen__in=citizens_for(user, on=on))
    return Order.objects.none()


def get_order(user: User, order_id: int | str, *, purpose: str = "bestilling") -> Order:
    return get_audited(
        user,
        orders_for(user).select_related("offer__provider", "citizen", "course__project"),
        order_id,
        object_type="order",
        citizen_of=lambda o: o.citizen_id,
        not_found=ORDER_NOT_FOUND,
        purpose=purpose,
    )


def log_order_list(user: User, orders: list[Order], *, purpose: str) -> None:
    log_list_read(user, sorted({o.citizen_id for o in orders}), purpose=purpose)


def may_order(user: User) -> bool:
    return _active(user) and user.role in ORDERERS


def require_orderer(user: User) -> None:
    if not may_order(user):
        raise NotFound(ORDER_NOT_FOUND)


def may_move_order(user: User, order: Order, to_state: str) -> bool:
    """Staff may make any allowed change; the provider too, on its own orders (it got the order
    through ``get_order``, so it is its own). Which change is allowed is the service's answer
    (``IllegalTransition``), the same for everyone who may move the order."""
    return _active(user) and user.role in ORDER_MOVERS


def require_order_mover(user: User, order: Order, to_state: str) -> None:
    if not may_move_order(user, order, to_state):
        raise NotFound(ORDER_NOT_FOUND)


def may_report(user: User) -> bool:
    return _active(user) and user.role in REPORTERS


def require_reporter(user: User) -> None:
    if not may_report(user):
        raise NotFound(ORDER_NOT_FOUND)


def provider_view(user: User, order: Order, *, on: date | None = None) -> EmployerCitizenView | None:
    """What a provider user may see of the order's citizen: only the consented facts (None for
    staff, who see the citizen page itself)."""
    if user.role != Role.PROVIDER:
        return None
    return employer_facts(order.citizen, on=on or date.today())


def citizen_label(user: User, order: Order, *, on: date | None = None) -> str:
    """The citizen's name as this user may see it: a provider sees it only if consented."""
    view = provider_view(user, order, on=on)
    if view is None:
        return order.citizen.full_name
    return view.name or f"Borger nr. {order.citizen_id} (navn ikke delt)"
