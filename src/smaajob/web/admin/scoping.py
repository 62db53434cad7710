# SPDX-License-Identifier: MPL-2.0
"""Which rows of each model the admin may show: those of the administrator's municipality.

``rows_for(model, user)`` is the one answer, used for the lists and change pages
(``get_queryset``) and for every foreign-key choice in a form, so that an administrator can
neither open nor link to another municipality's records. A model missing from the table is
refused (``ImproperlyConfigured``) rather than shown unscoped: a new admin or a new foreign
key fails its test instead of leaking.

Citizens come from ``smaajob.access.citizens_for``, the access layer's own answer.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, Q, QuerySet

from smaajob import access
from smaajob.apitokens.models import ApiToken
from smaajob.audit.models import AuditEntry
from smaajob.citizens.models import Citizen
from smaajob.network.models import Buddy, Company, Contact, Opening
from smaajob.offers.models import Offer, OfferStart, Provider, ProviderContact
from smaajob.organisation.models import Municipality, Project, Role, TargetGroup, Team, User
from smaajob.reports.models import ReferenceFigure, UnitPrice

# The path from each model to its municipality's id.
MUNICIPALITY_PATHS: dict[type[Model], str] = {
    Municipality: "pk",
    Team: "municipality_id",
    Project: "municipality_id",
    TargetGroup: "project__municipality_id",
    Company: "municipality_id",
    Opening: "company__municipality_id",
    Contact: "company__municipality_id",
    Buddy: "company__municipality_id",
    UnitPrice: "municipality_id",
    Provider: "municipality_id",
    ProviderContact: "provider__municipality_id",
    Offer: "provider__municipality_id",
    OfferStart: "offer__provider__municipality_id",
    ReferenceFigure: "project__municipality_id",
    ApiToken: "municipality_id",
}


def users_for(user: User) -> QuerySet[User]:
    """Staff, employer contacts and provider users of the municipality. Citizens' log-ins are not managed in
    the admin (their names are personal data), and superusers only by superusers, so that an
    administrator cannot take over the one account above their own."""
    municipality = user.municipality_id
    rows = User.objects.filter(
        Q(municipality_id=municipality)
        | Q(company__municipality_id=municipality)
        | Q(provider__municipality_id=municipality)
    )
    rows = rows.exclude(role=Role.CITIZEN)
    if not user.is_superuser:
        rows = rows.exclude(is_superuser=True)
    return rows


def audit_entries_for(user: User) -> QuerySet[AuditEntry]:
    """Entries written by the municipality's users or about its citizens."""
    municipality = user.municipality_id
    if municipality is None:  # as rows_for: none without a municipality
        return AuditEntry.objects.none()
    own_citizens = Citizen.objects.filter(municipality_id=municipality).values("pk")
    return AuditEntry.objects.filter(Q(actor__municipality_id=municipality) | Q(citizen_id__in=own_citizens))


def rows_for(model: type[Model], user: Any) -> QuerySet[Any]:
    """The rows of ``model`` the administrator may see and choose; none without a municipality."""
    if getattr(user, "municipality_id", None) is None:
        return model._default_manager.none()
    if model is Citizen:
        return access.citizens_for(user)
    if model is User:
        return users_for(user)
    if model is AuditEntry:
        return audit_entries_for(user)
    path = MUNICIPALITY_PATHS.get(model)
    if path is None:
        raise ImproperlyConfigured(f"The admin has no municipality scope for {model.__name__}.")
    return model._default_manager.filter(**{path: user.municipality_id})
