# SPDX-License-Identifier: MPL-2.0
"""The sample files in docs/import/ import cleanly into the demo municipality, in the order the
guide gives, and a second import of them changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from smaajob.imports import services
from smaajob.organisation.models import User
from tests.demo.conftest import TODAY

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "import"
ORDER = (
    "virksomheder",
    "kontakter",
    "buddies",
    "jobaabninger",
    "borgere",
    "forloeb",
    "placeringer",
    "timer",
    "opfoelgninger",
)


def test_every_sample_file_imports_cleanly_into_the_demo_municipality_and_again_changes_nothing(small_demo):
    coordinator = User.objects.get(username="koordinator")
    assert sorted(p.stem for p in SAMPLES.glob("*.csv")) == sorted(ORDER)
    for kind in ORDER:
        data = (SAMPLES / f"{kind}.csv").read_bytes()
        first = services.import_file(
            actor=coordinator,
            kind=kind,
            data=data,
            file_name=f"{kind}.csv",
            source_system="momentum",
            write=True,
            today=TODAY,
        )
        assert first.problems == [], (kind, first.problems)
        assert first.written and first.created == first.total_rows > 0
    for kind in ORDER:
        data = (SAMPLES / f"{kind}.csv").read_bytes()
        again = services.import_file(
            actor=coordinator,
            kind=kind,
            data=data,
            file_name=f"{kind}.csv",
            source_system="momentum",
            write=True,
            today=TODAY,
        )
        assert (again.created, again.updated, again.unchanged) == (0, 0, again.total_rows), kind
