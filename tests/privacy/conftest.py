# SPDX-License-Identifier: MPL-2.0
"""A data-protection officer of the shared test municipality."""

from __future__ import annotations

import pytest


@pytest.fixture
def dpo(make_user):
    return make_user("dpo", first_name="Dorte", last_name="Databeskyttelse", team=None)
