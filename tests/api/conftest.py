# SPDX-License-Identifier: MPL-2.0
"""API tokens for the API tests: ``make_token`` creates one through the service."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone


@pytest.fixture
def make_token(municipality):
    from smaajob.api.bearer import api_areas
    from smaajob.apitokens.services import create_token

    def make(
        name: str = "esdh-test",
        *,
        role: str = "administrator",
        scopes=("borgere:read",),
        days: int = 30,
        municipality_=None,
    ):
        return create_token(
            name=name,
            role=role,
            municipality=municipality_ or municipality,
            scopes=list(scopes),
            expires_at=timezone.now() + timedelta(days=days),
            created_by=None,
            areas=api_areas(),
        )

    return make


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
