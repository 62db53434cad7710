# SPDX-License-Identifier: MPL-2.0
"""Reads for the company network: search and filter, the openings list.

Callers pass the queryset they may see (``smaajob.access.companies_for`` / ``openings_for``).
What needs placements (a company's conversion record, the "has converted" filter) is a
course read: ``smaajob.courses.selectors.companies``, because courses sit above the network.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from smaajob.network.models import Buddy, Company, Opening


def search_companies(
    companies: QuerySet[Company],
    *,
    q: str = "",
    sector: str = "",
    area: str = "",
    buddy: bool = False,
) -> QuerySet[Company]:
    """Filter by free text (name, CVR, industry), sector, area (postcode or town), trained buddy."""
    qs = companies
    if q.strip():
        term = q.strip()
        qs = qs.filter(Q(name__icontains=term) | Q(cvr__startswith=term) | Q(industry_name__icontains=term))
    if sector:
        qs = qs.filter(sector=sector)
    if area.strip():
        qs = qs.filter(Q(postcode__startswith=area.strip()) | Q(city__icontains=area.strip()))
    if buddy:
        qs = qs.filter(Exists(Buddy.objects.filter(company=OuterRef("pk"))))
    # Counted per listed company (correlated subqueries), not by grouping the whole network:
    # a page shows 50 companies, and the database then counts for those 50 only.
    return qs.annotate(
        open_openings=count_of(Opening.objects.filter(company=OuterRef("pk"), status="open"), "company"),
        buddy_count=count_of(Buddy.objects.filter(company=OuterRef("pk")), "company"),
    ).order_by("name", "pk")  # pk: a stable order for pages


def count_of(rows: QuerySet[Any], outer: str) -> Coalesce:
    """The number of ``rows`` (filtered on ``outer`` = ``OuterRef``) as an annotation; 0 when none."""
    counted = rows.order_by().values(outer).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), 0)


def sectors(companies: QuerySet[Company]) -> list[str]:
    return sorted({s for s in companies.values_list("sector", flat=True).distinct() if s})


def filter_openings(
    openings: QuerySet[Opening],
    *,
    hours_max: Any = None,
    hours_min: Any = None,
    weekday: int | None = None,
    buddy: bool = False,
    language_max: int | None = None,
    kind: str = "",
    status: str = "open",
    q: str = "",
) -> QuerySet[Opening]:
    """The openings list that replaces the 14-day e-mail: which companies, which tasks, how many
    hours, which days, is there a buddy (003 §2.3)."""
    qs = openings.select_related("company", "buddy")
    if status:
        qs = qs.filter(status=status)
    if q.strip():
        qs = qs.filter(Q(title__icontains=q.strip()) | Q(company__name__icontains=q.strip()))
    if hours_max is not None:
        # "at most N hours": tasks that can be done in N hours or fewer.
        qs = qs.filter(hours_min__lte=hours_max)
    if hours_min is not None:
        qs = qs.filter(hours_max__gte=hours_min)
    if buddy:
        qs = qs.filter(buddy__isnull=False)
    if language_max is not None:
        qs = qs.filter(language_requirement__lte=language_max)
    if kind:
        qs = qs.filter(kind=kind)
    qs = qs.order_by("company__name", "title", "pk")  # pk: a stable order for pages
    if weekday is not None:
        # Slots are JSON; filter in Python so SQLite and PostgreSQL behave the same.
        keep = [o.pk for o in qs if not o.slots or any(s["weekday"] == weekday for s in o.slots)]
        qs = qs.filter(pk__in=keep)
    return qs
