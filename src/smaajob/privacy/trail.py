# SPDX-License-Identifier: MPL-2.0
"""The data-protection officer's search in the audit trail, and its export.

Filters: citizen (internal id; a name is resolved to ids first, a CPR number never reaches an
address), user (username or name), period (from/to, both days included), what was done
(action and record type: a read of a payslip, a change of a course …) and the purpose the
entry names (its detail, e.g. »sagsbehandling«, »forside: matchforslag«). The rows come from
``smaajob.access.privacy.audit_trail_for``; the search itself is written to the log (one
``read`` of the ``audit_trail``, the filters in the detail).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

from django.db.models import Q, QuerySet
from django.utils import timezone

from smaajob.access.privacy import audit_trail_for, require_audit_reader
from smaajob.audit.models import AuditAction, AuditChannel, AuditEntry
from smaajob.audit.services import record, record_many
from smaajob.citizens.models import Citizen, full_name_of
from smaajob.errors import InvalidInput, InvalidPeriod
from smaajob.organisation.models import User

HEADER = ("Tidspunkt", "Bruger", "Handling", "Kanal", "Posttype", "Post-id", "Borger-id", "Detalje", "Hash")


@dataclass(frozen=True)
class TrailFilter:
    citizen_id: int | None = None
    citizen_name: str = ""
    user: str = ""
    date_from: date | None = None
    date_to: date | None = None
    action: str = ""
    object_type: str = ""
    purpose: str = ""

    def describe(self) -> str:
        """The filters, for the log entry of the search (names and ids, never a CPR number)."""
        parts = [
            f"{name}={value}"
            for name, value in (
                ("borger", self.citizen_id),
                ("navn", self.citizen_name),
                ("bruger", self.user),
                ("fra", self.date_from),
                ("til", self.date_to),
                ("handling", self.action),
                ("posttype", self.object_type),
                ("formål", self.purpose),
            )
            if value not in (None, "")
        ]
        return "tilsyn: " + (", ".join(parts) or "alle")


def check_filter(f: TrailFilter) -> None:
    if f.date_from and f.date_to and f.date_to < f.date_from:
        raise InvalidPeriod("Til-datoen skal være samme dag som fra-datoen eller senere.", field="date_to")
    if f.action and f.action not in AuditAction.values:
        raise InvalidInput(f"Ukendt handling. Vælg en af: {', '.join(AuditAction.values)}.", field="action")
    if sum(c.isdigit() for c in f.purpose) >= 6:
        raise InvalidInput("Søg på formålets tekst, fx »sagsbehandling« – aldrig CPR-nummer.", field="purpose")
    if any(c.isdigit() for c in f.citizen_name):
        # A CPR number typed into the name box would end up in the log entry of the search.
        raise InvalidInput("Søg på borgerens navn eller interne id – aldrig CPR-nummer.", field="citizen_name")


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def search(user: User, f: TrailFilter) -> QuerySet[AuditEntry]:
    """The entries the DPO may read that match ``f``, newest first. The search is logged."""
    require_audit_reader(user)
    check_filter(f)
    rows = audit_trail_for(user)
    if f.citizen_id is not None:
        rows = rows.filter(citizen_id=f.citizen_id)
    if f.citizen_name.strip():
        words = f.citizen_name.split()
        named = Citizen.objects.filter(municipality_id=user.municipality_id or 0)
        for word in words:
            named = named.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
        rows = rows.filter(citizen_id__in=named.values("pk"))
    if f.user.strip():
        term = f.user.strip()
        users = User.objects.filter(
            Q(username__iexact=term) | Q(first_name__icontains=term) | Q(last_name__icontains=term)
        ).values("pk")
        rows = rows.filter(Q(actor_id__in=users) | Q(actor_username__iexact=term))
    if f.date_from:
        rows = rows.filter(at__gte=_start(f.date_from))
    if f.date_to:
        rows = rows.filter(at__lt=_start(f.date_to + timedelta(days=1)))
    if f.action:
        rows = rows.filter(action=f.action)
    if f.object_type.strip():
        rows = rows.filter(object_type=f.object_type.strip())
    if f.purpose.strip():
        rows = rows.filter(detail__icontains=f.purpose.strip())
    record(actor=user, action=AuditAction.READ, object_type="audit_trail", citizen_id=f.citizen_id, detail=f.describe())
    return rows.order_by("-at", "-id")


# Audit entries about something that is not one record of a model.
OBJECT_TYPE_LABELS = {
    "audit_trail": "adgangsloggen",
    "api_call": "API-kald",
    "api_token": "API-nøgle",
    "cpr_keys": "CPR-nøgler",
    "intermediary_invoice": "faktura fra mellemled",
    "intermediary_contract": "kontrakt mellem mellemled og virksomhed",
    "intermediary_employment": "ansættelse gennem mellemled",
    "intermediary_run": "mellemleddets månedskørsel",
    "project_membership": "projekttilknytning",
}


@cache
def _model_labels() -> dict[str, str]:
    from django.apps import apps

    return {m._meta.model_name or "": str(m._meta.verbose_name) for m in apps.get_models()}


def object_type_label(code: str) -> str:
    """The Danish name of an audit entry's record type (a model's own name, ``borger`` for
    ``citizen``); an unknown code is shown as it is rather than hidden."""
    compact = code.replace("_", "")
    return OBJECT_TYPE_LABELS.get(code) or _model_labels().get(compact) or code


def object_types(user: User) -> list[str]:
    return sorted(set(audit_trail_for(user).values_list("object_type", flat=True).distinct()))


def export_rows(rows: QuerySet[AuditEntry]) -> Iterator[list[object]]:
    actions = dict(AuditAction.choices)
    channels = dict(AuditChannel.choices)
    for e in rows.iterator(chunk_size=2000):
        yield [
            timezone.localtime(e.at).strftime("%d.%m.%Y %H:%M:%S"),
            e.actor_username,
            str(actions.get(e.action, e.action)),
            str(channels.get(e.channel, e.channel)),
            object_type_label(e.object_type),
            e.object_id,
            e.citizen_id,
            e.detail,
            e.entry_hash[:12],
        ]


@dataclass(frozen=True)
class NamedCitizen:
    citizen_id: int
    name: str
    birth_year: int


def citizens_named(user: User, name: str, *, limit: int = 25) -> list[NamedCitizen]:
    """The municipality's citizens whose names contain every word of ``name`` (for the DPO to
    pick the internal id). Showing them is a read of each, and is logged so."""
    require_audit_reader(user)
    if any(c.isdigit() for c in name):
        raise InvalidInput("Søg på borgerens navn – aldrig CPR-nummer.", field="name")
    rows = Citizen.objects.filter(municipality_id=user.municipality_id or 0)
    for word in name.split():
        rows = rows.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    found = [
        NamedCitizen(pk, full_name_of(first, last), born.year)
        for pk, first, last, born in rows.order_by("last_name", "first_name", "pk").values_list(
            "pk", "first_name", "last_name", "birth_date"
        )[:limit]
    ]
    record_many(
        actor=user,
        action=AuditAction.READ,
        object_type="citizen",
        citizen_ids=[c.citizen_id for c in found],
        detail="tilsyn: navnesøgning",
    )
    return found
