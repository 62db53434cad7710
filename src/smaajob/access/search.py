# SPDX-License-Identifier: MPL-2.0
"""The header's one search box: citizens, companies and openings the user may see.

A term of ten digits (with or without the dash) is a CPR number: the citizen is found by the
keyed hash (``citizens.selectors.records_of_cpr``), never by the number, and the number is never
put in a URL or a log (the form is posted). Any other term searches citizens by name (every
word must be in the first or last name), companies by name, CVR or industry
(``network.selectors.search_companies``) and open openings by task or company
(``network.selectors.filter_openings``). Only what ``citizens_for``, ``companies_for`` and
``openings_for`` give the user is searched, so the search cannot widen access; the citizens
it lists are audit-logged as one read each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from smaajob.access.citizens import citizens_for, log_list_read
from smaajob.access.companies import companies_for
from smaajob.access.openings import openings_for
from smaajob.citizens.models import Citizen
from smaajob.citizens.selectors import records_of_cpr
from smaajob.network import selectors as network
from smaajob.network.models import Company, Opening
from smaajob.organisation.models import User

# How many of each kind the answer lists; a longer list means the term should be longer.
LIMIT = 25
_CPR_LIKE = re.compile(r"^\d{6}-?\d{4}$")


@dataclass(frozen=True)
class SearchResult:
    term_was_cpr: bool
    citizens: list[Citizen]
    companies: list[Company]
    openings: list[Opening]
    more: bool  # some kind had more hits than LIMIT


def looks_like_cpr(term: str) -> bool:
    return bool(_CPR_LIKE.match(term.strip()))


def _citizens_named(citizens: QuerySet[Citizen], term: str) -> QuerySet[Citizen]:
    for word in term.split():
        citizens = citizens.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    return citizens


def search(user: User, term: str) -> SearchResult:
    """What the user may see that matches ``term``; ``smaajob.errors.InvalidIdentifier`` for
    ten digits that are no CPR number (a bad date)."""
    term = term.strip()
    visible = citizens_for(user)
    if looks_like_cpr(term):
        # A bad date raises InvalidIdentifier for the form; its message never echoes the number.
        found = visible.filter(pk__in=records_of_cpr(term).values("pk"))
        citizens = list(found.order_by("last_name", "first_name", "pk")[: LIMIT + 1])
        companies: list[Company] = []
        openings: list[Opening] = []
    else:
        citizens = list(_citizens_named(visible, term).order_by("last_name", "first_name", "pk")[: LIMIT + 1])
        companies = list(network.search_companies(companies_for(user), q=term)[: LIMIT + 1])
        openings = list(network.filter_openings(openings_for(user), q=term).order_by("title", "pk")[: LIMIT + 1])
    more = any(len(rows) > LIMIT for rows in (citizens, companies, openings))
    citizens, companies, openings = citizens[:LIMIT], companies[:LIMIT], openings[:LIMIT]
    if citizens:
        log_list_read(user, [c.pk for c in citizens], purpose="søgning")
    return SearchResult(looks_like_cpr(term), citizens, companies, openings, more)
