# SPDX-License-Identifier: MPL-2.0
"""Reads about citizens. Callers reach citizens through ``smaajob.access`` first.

``citizen_by_cpr`` is the one place that finds a citizen by CPR number: the number is stored
encrypted and searched through its keyed hash (``smaajob.cpr_vault``).
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import QuerySet

from smaajob import cpr_vault
from smaajob.citizens.models import Assignment, Benefit, Citizen, Consent, Readiness, StaffRole
from smaajob.errors import InvalidIdentifier
from smaajob.history import fact_on
from smaajob.organisation.models import Municipality
from smaajob.validators import normalise_cpr


def records_of_cpr(cpr: str) -> QuerySet[Citizen]:
    """Every municipality's record of the person with this CPR number, found by the keyed hash
    (the number itself is stored encrypted). ``InvalidIdentifier`` for a bad number."""
    return Citizen.objects.filter(cpr_hash=cpr_vault.lookup_hash(normalise_cpr(cpr)))


def citizen_by_cpr(municipality: Municipality | int, cpr: str) -> Citizen | None:
    """The municipality's own record of the person with this CPR number, or ``None``.

    Only the given municipality is searched: each municipality keeps its own record of a
    person. ``cpr`` is validated (``InvalidIdentifier`` for a bad number, never echoed).
    The caller decides what the user may learn from the answer (``smaajob.access``).
    """
    municipality_id = municipality if isinstance(municipality, int) else municipality.pk
    return records_of_cpr(cpr).filter(municipality_id=municipality_id).first()


def citizen_for_login(cpr: str) -> Citizen | None:
    """The citizen record a person's CPR number identifies at log-in with NemLog-in (any
    municipality), found by the keyed hash like :func:`citizen_by_cpr`. A person known in several
    municipalities has one record in each; the one already linked to a log-in wins, else the
    newest record (the municipality the person came to last). ``None`` for a malformed number.
    """
    try:
        records = records_of_cpr(cpr)
    except InvalidIdentifier:
        return None
    return (
        records.order_by(models.F("user_id").desc(nulls_last=True), "-created_at", "-id")
        .first()
    )


def spouse_of(citizen: Citizen) -> Citizen | None:
    if citizen.spouse_id:
        return citizen.spouse
    return Citizen.objects.filter(spouse=citizen).first()


def readiness_on(citizen: Citizen, on: date) -> Readiness | None:
    return fact_on(Readiness, owner={"citizen": citizen}, on=on)


def benefit_on(citizen: Citizen, on: date) -> Benefit | None:
    return fact_on(Benefit, owner={"citizen": citizen}, on=on)


def consented_facts_on(citizen: Citizen, on: date) -> frozenset[str]:
    consent = fact_on(Consent, owner={"citizen": citizen}, on=on)
    return frozenset(consent.facts) if consent else frozenset()


def citizens_assigned_to(staff_id: int, staff_role: str, on: date) -> QuerySet[Citizen]:
    ids = (
        Assignment.objects.filter(staff_id=staff_id, staff_role=staff_role, valid_from__lte=on)
        .exclude(valid_to__lt=on)
        .values("citizen_id")
    )
    return Citizen.objects.filter(pk__in=ids)


def current_staff(citizen: Citizen, on: date) -> dict[str, Assignment | None]:
    """The assignment in force on ``on`` per staff role (one query for all roles)."""
    in_force = (
        Assignment.objects.filter(citizen=citizen, valid_from__lte=on)
        .exclude(valid_to__lt=on)
        .select_related("staff")
        .order_by("staff_role", "-valid_from")
    )
    found: dict[str, Assignment] = {}
    for assignment in in_force:
        found.setdefault(assignment.staff_role, assignment)  # the latest start per role, as fact_on
    return {role: found.get(role) for role in StaffRole.values}
