# SPDX-License-Identifier: MPL-2.0
"""Reads about companies that need their placements: the conversion record and the company
search with its "has converted praktik to paid hours" filter. (The network's own search is
``smaajob.network.selectors``; courses sit above the network, so these live here.)"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet, Sum

from smaajob.courses.models import Placement, WeeklyHours
from smaajob.network import selectors as network_selectors
from smaajob.network.models import Company


def search_companies(companies: QuerySet[Company], *, converted: bool = False, **filters: Any) -> QuerySet[Company]:
    """The network's search (``network.selectors.search_companies``), and with ``converted``
    only companies where a placement became paid hours, hybrid or wage subsidy."""
    qs = network_selectors.search_companies(companies, **filters)
    if converted:
        conversions = Placement.objects.filter(company=OuterRef("pk"), converted_to__isnull=False).exclude(
            converted_to__kind="placement"
        )
        qs = qs.filter(Exists(conversions))
    return qs


@dataclass(frozen=True)
class CompanyRecord:
    """Placements at a company and how many became paid hours (the conversion record)."""

    placements: int
    running: int
    converted_to_paid: int
    paid_hours: Decimal

    @property
    def conversion_rate(self) -> float | None:
        return self.converted_to_paid / self.placements if self.placements else None


def company_record(company: Company) -> CompanyRecord:
    placements = Placement.objects.filter(company=company)
    first = placements.filter(previous__isnull=True)
    converted = placements.filter(converted_to__isnull=False).exclude(converted_to__kind="placement").count()
    paid = WeeklyHours.objects.filter(placement__company=company).aggregate(t=Sum("hours_paid"))["t"] or Decimal(0)
    return CompanyRecord(
        placements=first.count(),
        running=placements.filter(actual_end__isnull=True, actual_start__isnull=False).count(),
        converted_to_paid=converted,
        paid_hours=paid,
    )
