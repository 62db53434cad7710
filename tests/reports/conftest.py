# SPDX-License-Identifier: MPL-2.0
"""Fixtures for the reports tests: report readers per role and the VTA history.

The VTA history takes ~3,000 writes through the services, so it is built once per module
inside an outer transaction that is rolled back afterwards; each test runs in its own
savepoint inside it (pytest-django's ``db``), so tests still cannot see each other's writes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.db import transaction

from tests.conftest import PASSWORD


@pytest.fixture
def analyst(make_user):
    return make_user("analyst", first_name="Anna", last_name="Analytiker")


@pytest.fixture
def coordinator(make_user):
    return make_user("coordinator", first_name="Karin", last_name="Koordinator")


@dataclass
class VtaWorld:
    history: object
    analyst: object
    coordinator: object
    consultant: object
    other_coordinator: object


@pytest.fixture(scope="module")
def vta_world(django_db_setup, django_db_blocker):
    from smaajob.organisation.models import Team
    from smaajob.organisation.services import create_municipality, create_user
    from tests.reports.vta_history import build_vta_history

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            roskilde = create_municipality(code="265", name="Roskilde Kommune")
            pulsen = Team.objects.create(municipality=roskilde, name="Jobhuset Pulsen")
            other = Team.objects.create(municipality=roskilde, name="Integrationsafdelingen")

            def user(role, name, team=pulsen):
                return create_user(
                    username=f"vta-{name}",
                    password=PASSWORD,
                    role=role,
                    municipality=roskilde,
                    team=team,
                    first_name=name.title(),
                    last_name="Roskilde",
                )

            caseworker = user("caseworker", "raadgiver")
            consultant = user("consultant", "jobformidler")
            history = build_vta_history(municipality=roskilde, caseworker=caseworker, consultant=consultant)
            yield VtaWorld(
                history,
                user("analyst", "analytiker"),
                user("coordinator", "koordinator"),
                consultant,
                user("coordinator", "anden-koordinator", other),
            )
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def vta(vta_world, db):
    return vta_world
