# SPDX-License-Identifier: MPL-2.0
"""Who may read the audit trail and who may take out a citizen's data (GDPR art. 15).

* ``audit_trail_for(user)`` — the data-protection officer (``Role.DPO``) reads the entries of
  the own municipality: written by its users or about its citizens. Nobody else does here
  (the administrator has the admin's read-only log).
* ``get_citizen_for_insight(user, citizen_id)`` — the citizen whose data an art. 15 export
  is made of: the DPO for any citizen of the municipality, a caseworker for the own citizens
  (``citizens_for``); audit-logged as a read with the purpose "indsigt"; the same ``NotFound``
  for missing and not yours.
* ``staff_lookups_of(citizen)`` — what the citizen's own page "Hvem har set mine oplysninger"
  shows: reads by the municipality's staff, never the citizen's own reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet

from smaajob.access.audited import get_audited
from smaajob.access.citizens import NOT_FOUND_MESSAGE, citizens_for
from smaajob.audit.models import AuditAction, AuditEntry
from smaajob.citizens.models import Citizen
from smaajob.errors import NotFound
from smaajob.organisation.models import STAFF_ROLES, Role, User

INSIGHT_ROLES = frozenset({Role.DPO, Role.CASEWORKER})
AUDIT_READERS = frozenset({Role.DPO})
PAGE_NOT_FOUND = "Siden findes ikke, eller du har ikke adgang til den."


def _active(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.municipality_id is not None)


def audit_trail_for(user: User) -> QuerySet[AuditEntry]:
    """Entries written by the municipality's users or about its citizens; none for others."""
    if not _active(user) or user.role not in AUDIT_READERS:
        return AuditEntry.objects.none()
    municipality = user.municipality_id
    assert municipality is not None  # _active
    own_citizens = Citizen.objects.filter(municipality_id=municipality).values("pk")
    return AuditEntry.objects.filter(Q(actor__municipality_id=municipality) | Q(citizen_id__in=own_citizens))


def require_audit_reader(user: User) -> None:
    if not _active(user) or user.role not in AUDIT_READERS:
        raise NotFound(PAGE_NOT_FOUND)


def citizens_for_insight(user: User) -> QuerySet[Citizen]:
    if not _active(user) or user.role not in INSIGHT_ROLES:
        return Citizen.objects.none()
    if user.role == Role.DPO and user.municipality_id is not None:
        return Citizen.objects.filter(municipality_id=user.municipality_id)
    return citizens_for(user)


def get_citizen_for_insight(user: User, citizen_id: int | str, *, channel: str | None = None) -> Citizen:
    return get_audited(
        user,
        citizens_for_insight(user),
        citizen_id,
        object_type="citizen",
        citizen_of=lambda c: c.pk,
        not_found=NOT_FOUND_MESSAGE,
        channel=channel,
        purpose="indsigt (databeskyttelsesforordningens art. 15)",
        denied_citizen_id=True,
    )


@dataclass(frozen=True)
class Lookup:
    """One look at the citizen's data by someone in the municipality, as the citizen sees it."""

    at: datetime
    name: str
    role: str
    unit: str
    what: str


# The roles whose reads the citizen is shown: the municipality's staff (and its DPO). An
# employer's reads are of consented facts and shown on the consent, not here.
_STAFF = frozenset(str(r) for r in STAFF_ROLES | {Role.DPO})


def staff_lookups_of(citizen: Citizen, *, limit: int = 200) -> list[Lookup]:
    """Reads of the citizen's data by the municipality's staff, newest first (not the citizen's own).

    Name, role and team are shown: the municipality's choice for this system, as sundhed.dk shows
    the name of who looked (docs/privacy.md); a role or team alone would not let the citizen ask."""
    entries = (
        AuditEntry.objects.filter(citizen_id=citizen.pk, action=AuditAction.READ)
        .exclude(actor__isnull=True)
        .order_by("-at", "-id")
        .values_list("at", "actor_id", "object_type")
    )
    rows = list(entries[: limit * 4])
    actors = {
        u.pk: u for u in User.objects.filter(pk__in={a for _, a, _ in rows}, role__in=_STAFF).select_related("team")
    }
    labels = dict(Role.choices)
    found: list[Lookup] = []
    for at, actor_id, object_type in rows:
        actor = actors.get(actor_id)
        if actor is None or actor.municipality_id != citizen.municipality_id:
            continue
        found.append(
            Lookup(
                at=at,
                name=actor.get_full_name() or actor.username,
                role=str(labels.get(actor.role, actor.role)),
                unit=actor.team.name if actor.team else "",
                what=OBJECT_LABELS.get(object_type, object_type),
            )
        )
        if len(found) >= limit:
            break
    return found


OBJECT_LABELS = {
    "citizen": "dine oplysninger",
    "course": "dit forløb",
    "placement": "en placering",
    "weeklyhours": "dine timer",
    "payslip": "en lønseddel",
    "matchproposal": "et matchforslag",
    "progressionassessment": "din progression",
    "consent": "dit samtykke",
}
