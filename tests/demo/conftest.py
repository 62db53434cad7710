# SPDX-License-Identifier: MPL-2.0
"""Demo tests share one loaded small demo per module (passwords hashed fast: tests/conftest.py)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def small_demo(django_db_setup, django_db_blocker):
    """The small demo, loaded once for the module and rolled back afterwards."""
    from smaajob.demo.loader import load_demo

    with django_db_blocker.unblock(), transaction.atomic():
        result = load_demo("small", today=TODAY)
        yield result
        transaction.set_rollback(True)
