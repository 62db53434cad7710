# SPDX-License-Identifier: MPL-2.0
"""Access to the company network. Staff share one network per municipality; an employer
contact sees only its own company."""

from __future__ import annotations

from django.db.models import QuerySet

from smaajob.access.audited import get_visible
from smaajob.network.models import Company
from smaajob.organisation.models import STAFF_ROLES, Role, User

NOT_FOUND = "Virksomheden findes ikke, eller du har ikke adgang til den."


def companies_for(user: User) -> QuerySet[Company]:
    if not user.is_authenticated or not user.is_active:
        return Company.objects.none()
    if user.role == Role.EMPLOYER and user.company_id is not None:
        return Company.objects.filter(pk=user.company_id)
    if user.role in STAFF_ROLES and user.role != Role.ANALYST and user.municipality_id is not None:
        return Company.objects.filter(municipality_id=user.municipality_id)
    return Company.objects.none()


def get_company(user: User, company_id: int | str) -> Company:
    return get_visible(companies_for(user), company_id, not_found=NOT_FOUND)
