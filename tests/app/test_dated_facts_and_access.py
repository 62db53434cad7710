# SPDX-License-Identifier: MPL-2.0
"""Dated history, exemption decisions, consent and the access layer."""

from datetime import date

import pytest

from smaajob.access import citizens_for, employer_view, get_citizen
from smaajob.audit.models import AuditEntry
from smaajob.citizens.selectors import benefit_on, readiness_on
from smaajob.citizens.services import decide_exemption, record_consent, set_benefit, set_readiness
from smaajob.errors import InvalidInput, InvalidPeriod, NotFound


def test_a_change_of_readiness_closes_the_previous_period_the_day_before(citizen, caseworker):
    set_readiness(actor=caseworker, citizen=citizen, category="aktivitetsparat", valid_from=date(2023, 1, 1))
    set_readiness(actor=caseworker, citizen=citizen, category="jobparat", valid_from=date(2024, 6, 1))
    before, after = readiness_on(citizen, date(2024, 5, 31)), readiness_on(citizen, date(2024, 6, 1))
    assert before is not None and before.category == "aktivitetsparat"
    assert after is not None and after.category == "jobparat"
    assert readiness_on(citizen, date(2022, 12, 31)) is None


def test_a_change_dated_before_the_current_period_is_refused(citizen, caseworker):
    set_benefit(actor=caseworker, citizen=citizen, benefit_type="kontanthjaelp", valid_from=date(2023, 1, 1))
    with pytest.raises(InvalidPeriod):
        set_benefit(actor=caseworker, citizen=citizen, benefit_type="uddannelseshjaelp", valid_from=date(2022, 1, 1))
    benefit = benefit_on(citizen, date(2024, 1, 1))
    assert benefit is not None and benefit.benefit_type == "kontanthjaelp"


def test_an_exemption_is_a_caseworkers_decision_with_reason_basis_and_review_date(citizen, caseworker, consultant):
    with pytest.raises(InvalidInput, match="Kun en rådgiver"):
        decide_exemption(
            actor=consultant,
            citizen=citizen,
            decided_on=date(2024, 1, 1),
            valid_from=date(2024, 1, 1),
            reason="Begrænset arbejdsevne",
            review_on=date(2024, 7, 1),
        )
    with pytest.raises(InvalidInput, match="begrundes"):
        decide_exemption(
            actor=caseworker,
            citizen=citizen,
            decided_on=date(2024, 1, 1),
            valid_from=date(2024, 1, 1),
            reason="  ",
            review_on=date(2024, 7, 1),
        )
    decision = decide_exemption(
        actor=caseworker,
        citizen=citizen,
        decided_on=date(2024, 1, 1),
        valid_from=date(2024, 1, 1),
        reason="Begrænset arbejdsevne",
        review_on=date(2024, 7, 1),
    )
    assert decision.legal_basis == "LAS § 13 f, stk. 9" and decision.decided_by == caseworker


def test_a_caseworker_sees_own_citizens_and_gets_the_same_answer_for_missing_and_not_yours(citizen, make_user):
    stranger = make_user("caseworker", username="anden")
    with pytest.raises(NotFound) as not_yours:
        get_citizen(stranger, citizen.pk)
    with pytest.raises(NotFound) as missing:
        get_citizen(stranger, 999_999)
    assert not_yours.value.message == missing.value.message
    assert AuditEntry.objects.filter(actor=stranger, action="denied").count() == 2


def test_every_read_of_a_citizen_is_audit_logged_with_the_channel_of_the_operation(citizen, caseworker):
    from smaajob.audit.context import operation

    with operation("web", caseworker):
        get_citizen(caseworker, citizen.pk, purpose="test")
    entry = AuditEntry.objects.filter(action="read").get()
    assert (entry.actor, entry.citizen_id, entry.channel) == (caseworker, citizen.pk, "web")
    assert citizen.cpr not in entry.detail


def test_an_analyst_sees_no_citizens(citizen, make_user):
    assert not citizens_for(make_user("analyst")).exists()


def test_a_coordinator_sees_the_teams_citizens(citizen, make_user):
    assert list(citizens_for(make_user("coordinator"))) == [citizen]


def test_an_employer_sees_only_what_the_citizen_consented_to_disclose(citizen, course, company, consultant, make_user):
    from smaajob.courses.services import create_placement

    employer = make_user("employer", username="netto", company=company, municipality=None, team=None)
    with pytest.raises(NotFound):
        employer_view(employer, citizen.pk)  # not placed there yet
    create_placement(actor=consultant, course=course, company=company, kind="placement", planned_start=date(2024, 2, 5))
    record_consent(actor=consultant, citizen=citizen, facts=["name", "language"], valid_from=date(2024, 1, 1))
    view = employer_view(employer, citizen.pk)
    assert view.name == "Omar Hansen"
    assert view.restrictions is None and view.phone_and_address is None and view.competences is None
    assert view.danish_level is not None


def test_consent_to_an_unknown_fact_is_refused(citizen, consultant):
    with pytest.raises(InvalidInput, match="Gyldige"):
        record_consent(actor=consultant, citizen=citizen, facts=["cpr"], valid_from=date(2024, 1, 1))


def test_the_staff_in_force_on_a_day_follow_the_assignment_history(citizen, caseworker, consultant, make_user):
    from smaajob.citizens.models import Assignment
    from smaajob.citizens.selectors import current_staff
    from smaajob.citizens.services import assign_staff
    from smaajob.history import fact_on

    successor = make_user("consultant", "ny-konsulent")
    assign_staff(actor=caseworker, citizen=citizen, staff=successor, staff_role="consultant",
                 valid_from=date(2025, 3, 1))
    for day in (date(2023, 12, 31), date(2024, 6, 1), date(2025, 2, 28), date(2025, 3, 1), date(2026, 1, 1)):
        staff = current_staff(citizen, day)
        for role in ("caseworker", "consultant"):
            assert staff[role] == fact_on(Assignment, owner={"citizen": citizen, "staff_role": role}, on=day)
    before = current_staff(citizen, date(2025, 2, 28))["consultant"]
    after = current_staff(citizen, date(2025, 3, 1))["consultant"]
    assert before is not None and before.staff == consultant
    assert after is not None and after.staff == successor
    assert current_staff(citizen, date(2023, 12, 31)) == {"caseworker": None, "consultant": None}
