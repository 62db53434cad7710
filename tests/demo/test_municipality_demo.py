# SPDX-License-Identifier: MPL-2.0
"""The municipality size, scaled down to 1 % so that it runs in the default suite.

The full size (≈ 5,000 citizens) is timed by benchmarks/demo_load.py instead.
"""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from stdnum.dk import cpr as stdnum_cpr
from stdnum.dk import cvr as stdnum_cvr

from tests.demo.conftest import TODAY
from tests.demo.fingerprint import demo_state, fails_on_call

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def municipality_demo(django_db_setup, django_db_blocker):
    from django.db import transaction

    from smaajob.demo.loader import load_demo

    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo("municipality", today=TODAY, scale=0.01)
        transaction.set_rollback(True)


def test_a_scaled_municipality_has_the_asked_for_numbers_of_citizens_companies_and_openings(municipality_demo):
    from smaajob.citizens.models import Citizen
    from smaajob.network.models import Company, Opening

    assert Citizen.objects.count() == 50
    assert Company.objects.filter(is_synthetic=True).count() >= 24  # at least one per seed job sector
    assert Opening.objects.count() >= 30
    assert not Citizen.objects.filter(is_synthetic=False).exists()


def test_bulk_written_rows_obey_the_same_rules_as_the_services(municipality_demo):
    from smaajob.citizens.models import Citizen
    from smaajob.courses.models import Course, WeeklyHours
    from smaajob.courses.states import check_transition
    from smaajob.network.models import Company

    assert all(stdnum_cpr.is_valid(c.cpr) for c in Citizen.objects.all())
    assert all(stdnum_cvr.is_valid(c.cvr) and c.is_synthetic for c in Company.objects.all())
    for course in Course.objects.all():
        states = list(course.transitions.order_by("happened_on", "id").values_list("to_state", flat=True))
        for a, b in zip(states, states[1:], strict=False):
            check_transition(a, b)
        assert states[-1] == course.state
        if course.state == "exited":
            assert course.exit_outcome and course.ended_on
    assert not WeeklyHours.objects.filter(week_start__gt=TODAY - timedelta(days=7)).exists()
    for row in WeeklyHours.objects.all():
        assert row.hours_paid + row.hours_training <= row.hours_present
        if row.placement.kind == "placement":
            assert row.hours_paid == 0


def test_staff_come_in_two_teams_and_share_the_caseload(municipality_demo):
    from smaajob.citizens.models import Assignment
    from smaajob.organisation.models import User

    teams = set(User.objects.filter(role="caseworker").values_list("team__name", flat=True))
    assert teams == {"Team Nord", "Team Syd"}
    assert Assignment.objects.filter(staff_role="caseworker").values("staff").distinct().count() >= 1
    assert User.objects.get(username="borger").citizen is not None


def test_a_crash_in_the_middle_of_a_municipality_reset_keeps_the_earlier_demo(municipality_demo):
    """The deletion and the load are one transaction (issue 23, item 11; the small demo's Ctrl-C:
    tests/demo/test_demo_command_on_a_loaded_demo.py)."""
    from smaajob.demo import bulk_writer
    from smaajob.demo.loader import load_demo

    before = demo_state()
    assert len(before[1]) == 50
    crash = fails_on_call(bulk_writer._write_batch, 1, RuntimeError("disken er fuld"))
    with mock.patch.object(bulk_writer, "_write_batch", side_effect=crash), pytest.raises(RuntimeError):
        load_demo("municipality", today=TODAY, scale=0.01, seed=9, reset=True)
    assert demo_state() == before
