# SPDX-License-Identifier: MPL-2.0
"""Reads of API tokens: a municipality's tokens, newest state first (never the secret)."""

from __future__ import annotations

from django.db.models import QuerySet

from smaajob.apitokens.models import ApiToken


def tokens_of(municipality_id: int | None = None) -> QuerySet[ApiToken]:
    """All tokens, or those of one municipality."""
    rows = ApiToken.objects.select_related("municipality", "created_by", "revoked_by").order_by("name")
    return rows if municipality_id is None else rows.filter(municipality_id=municipality_id)


def token_named(name: str) -> ApiToken | None:
    return ApiToken.objects.filter(name=name).first()
