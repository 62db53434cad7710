# SPDX-License-Identifier: MPL-2.0
"""What the small demo municipality contains: the seeds' trajectories, valid and synthetic."""

from __future__ import annotations

from datetime import timedelta

import pytest
from stdnum.dk import cpr as stdnum_cpr
from stdnum.dk import cvr as stdnum_cvr

from smaajob.citizens.models import Citizen
from smaajob.courses.models import Course, CourseTransition, FollowUp, Placement, WeeklyHours
from smaajob.courses.states import check_transition
from smaajob.network.models import Company
from smaajob.slots import first_clash
from tests.demo.conftest import TODAY

pytestmark = pytest.mark.django_db


def test_the_small_demo_has_one_citizen_per_seed_trajectory(small_demo):
    from smaajob.demo.deadlines import CASES
    from smaajob.demo.trajectories import TRAJECTORIES

    # One per seed trajectory, plus the three 2012 courses of the rettidighed pages.
    assert Citizen.objects.count() == len(TRAJECTORIES) + len(CASES) == 29 + 3
    assert Course.objects.count() == 29 + 3


def test_the_small_demo_shows_rettidighed_in_2012_on_time_late_and_waiting(small_demo):
    from smaajob.access.deadlines import team_deadlines
    from smaajob.demo.deadlines import SHOW_ON
    from smaajob.organisation.models import User

    rows = team_deadlines(User.objects.get(username="raadgiver"), on=SHOW_ON)
    reports = [r.report for r in rows if r.report is not None]
    assert len(reports) == 3
    missed = sorted(len(report.missed) for report in reports)
    assert missed[0] == 0 and missed[-1] >= 1
    assert sum(report.refund_at_stake for report in reports) > 0


def test_every_citizen_has_a_cpr_number_that_validates_and_is_marked_synthetic(small_demo):
    for citizen in Citizen.objects.all():
        assert stdnum_cpr.is_valid(citizen.cpr)
        assert stdnum_cpr.get_birth_date(citizen.cpr) == citizen.birth_date
        assert citizen.is_synthetic


def test_every_company_has_a_cvr_number_that_passes_the_checksum_and_is_marked_synthetic(small_demo):
    companies = list(Company.objects.all())
    assert len(companies) >= 20
    for company in companies:
        assert stdnum_cvr.is_valid(company.cvr)
        assert company.is_synthetic


def test_citizens_and_companies_lie_in_odense(small_demo):
    rows: list[Citizen | Company] = [*Citizen.objects.all(), *Company.objects.all()]
    for row in rows:
        assert row.latitude is not None and row.longitude is not None
        assert 55.30 < row.latitude < 55.48 and 10.28 < row.longitude < 10.49


def test_some_placement_steps_up_its_hours_at_least_three_times(small_demo):
    counts = [p.steps.count() for p in Placement.objects.all()]
    assert max(counts) >= 4  # e.g. Lina (004 §2.3): 2 → 4 → 8 → 12 h/week


def test_a_citizen_has_two_simultaneous_jobs_whose_slots_do_not_clash(small_demo):
    found = False
    for citizen in Citizen.objects.all():
        paid = list(Placement.objects.filter(course__citizen=citizen, kind="paid"))
        for a in paid:
            for b in paid:
                if a.pk < b.pk and a.company_id != b.company_id:
                    shared = set(a.weeks.values_list("week_start", flat=True)) & set(
                        b.weeks.values_list("week_start", flat=True))
                    if shared:
                        assert first_clash(a.slots, b.slots) is None
                        found = True
    assert found, "Igor (003 §4.3.2.3) works in a clothes shop and as IT supporter at once"


def test_a_stopped_course_carries_its_reason(small_demo):
    stopped = Course.objects.filter(exit_outcome="stopped")
    assert {c.stop_reason for c in stopped} >= {"fired", "health", "instability", "employer_declined"}
    for course in stopped:
        exit_row = course.transitions.get(to_state="exited")
        assert exit_row.reason


def test_paid_hours_differ_from_effective_and_from_present_hours_somewhere(small_demo):
    # Omar: paid 6, effective 4 (001 L451); Frederik: present 20, paid 15 (001 L538).
    assert WeeklyHours.objects.filter(hours_paid=6, hours_effective=4).exists()
    assert WeeklyHours.objects.filter(hours_present=20, hours_paid=15).exists()


def test_praktik_becomes_paid_hours_through_a_conversion(small_demo):
    converted = Placement.objects.filter(previous__kind="placement", kind="paid")
    assert converted.count() >= 5


def test_no_hours_follow_ups_or_transitions_lie_after_today(small_demo):
    assert not WeeklyHours.objects.filter(week_start__gt=TODAY - timedelta(days=7)).exists()
    assert not FollowUp.objects.filter(happened_on__gt=TODAY).exists()
    assert not CourseTransition.objects.filter(happened_on__gt=TODAY).exists()
    assert WeeklyHours.objects.count() > 500


def test_every_course_history_follows_the_state_machine(small_demo):
    for course in Course.objects.all():
        states = list(course.transitions.order_by("happened_on", "id").values_list("to_state", flat=True))
        assert states[0] == "visited"
        for a, b in zip(states, states[1:], strict=False):
            check_transition(a, b)
        assert states[-1] == course.state


def test_each_citizen_has_a_caseworker_and_a_consultant_from_the_visitation(small_demo):
    for citizen in Citizen.objects.all():
        roles = set(citizen.assignments.values_list("staff_role", flat=True))
        assert roles == {"caseworker", "consultant"}


def test_the_demo_users_cover_every_role_and_the_citizen_user_owns_a_course(small_demo):
    from smaajob.organisation.models import Role, User

    assert {u.role for u in User.objects.all()} == set(Role.values)
    borger = User.objects.get(username="borger")
    assert borger.citizen.courses.exists()
    virksomhed = User.objects.get(username="virksomhed")
    assert Placement.objects.filter(company=virksomhed.company, actual_end__isnull=True).exists()
    assert User.objects.get(username="raadgiver").check_password(small_demo.password)


def test_what_the_demo_writes_through_the_services_is_logged_as_an_import(small_demo):
    from smaajob.audit.models import AuditEntry

    writes = AuditEntry.objects.filter(action__in=("create", "update"))
    assert writes.filter(object_type="weeklyhours").exists()
    assert set(writes.values_list("channel", flat=True)) == {"import"}
