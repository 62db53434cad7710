# SPDX-License-Identifier: MPL-2.0
"""The worklist computes the 225-hour status of a whole caseload in one pass; it must give each
citizen exactly the status the citizen page gives, payslip hours and split weeks included."""

from __future__ import annotations

from datetime import date
from typing import Any

from smaajob import cases
from smaajob.access.worklist import worklist
from smaajob.courses import selectors as course_selectors
from smaajob.money import services
from tests.money.conftest import TODAY


def _without_result(status: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in status.items() if key != "result"}


def test_the_status_for_many_citizens_equals_each_citizens_own_status(
    submit,
    benefit_officer,
    second_officer,
    on_kontanthjaelp,
    citizen,
    paid_placement,
    employer_user,
    municipality,
    caseworker,
):
    from smaajob.citizens.services import register_citizen
    from smaajob.courses.services import record_week

    payslip = submit()
    services.calculate(actor=benefit_officer, payslip=payslip)
    services.approve(actor=second_officer, payslip=payslip)
    # A ledger week across two months (28 February - 6 March) is split by working days.
    record_week(
        actor=employer_user,
        placement=paid_placement,
        week=date(2022, 2, 28),
        hours_present=10,
        hours_paid=8,
        source="employer",
        today=TODAY,
    )
    nobody = register_citizen(
        actor=caseworker, cpr="020290-1234", first_name="Ida", last_name="Jensen", municipality=municipality
    )
    citizens = [citizen, nobody]
    for on in (date(2022, 6, 15), date(2022, 6, 30), date(2023, 2, 1), date(2026, 1, 5)):
        many = cases.hours_requirement_for_many([c.pk for c in citizens], on)
        for c in citizens:
            assert _without_result(many[c.pk]) == _without_result(cases.hours_requirement_for(c, on))


def test_the_worklist_shows_the_225_hour_risk_with_the_citizen_pages_figures(
    on_kontanthjaelp, citizen, caseworker, paid_placement, employer_user
):
    from smaajob.courses.services import record_week

    on = date(2024, 6, 15)  # the caseworker holds the citizen from 2024
    record_week(
        actor=employer_user,
        placement=paid_placement,
        week=date(2024, 4, 29),
        hours_present=10,
        hours_paid=8,
        source="employer",
        today=on,
    )
    own = cases.hours_requirement_for(citizen, on)
    assert own["status"] in ("at_risk", "reduction_proposed") and 0 < own["hours_counted"] < 225
    [alert] = [a for a in worklist(caseworker, today=on) if a.code == "hours_225_risk"]
    assert alert.citizen_id == citizen.pk and alert.citizen_name == citizen.full_name
    assert alert.detail == f"Mangler {own['hours_missing']:g} timer"
    assert alert.url == f"/borgere/{citizen.pk}/#timer-225"


def test_after_the_225_hour_rule_ended_the_worklist_has_no_225_hour_alerts(
    submit, benefit_officer, on_kontanthjaelp, citizen, caseworker
):
    assert course_selectors.hours_requirement_in_force(date(2025, 6, 30))
    assert not course_selectors.hours_requirement_in_force(date(2025, 7, 1))
    assert cases.hours_requirement_for(citizen, date(2025, 7, 1))["status"] == "not_covered"
    assert not [a for a in worklist(caseworker, today=date(2025, 7, 1)) if a.code == "hours_225_risk"]


def test_an_exemption_replaced_by_a_later_decision_is_not_due_for_review(citizen, caseworker):
    from smaajob.citizens.services import decide_exemption

    on = date(2024, 6, 1)
    first: dict[str, Any] = {
        "decided_on": date(2024, 1, 10),
        "valid_from": date(2024, 1, 10),
        "valid_to": None,
        "reason": "Svær sygdom",
        "legal_basis": "LAS § 13 f, stk. 9",
        "review_on": date(2024, 6, 5),
    }
    decide_exemption(actor=caseworker, citizen=citizen, **first)
    [alert] = [a for a in worklist(caseworker, today=on) if a.code == "exemption_review"]
    assert (
        alert.url == f"/borgere/{citizen.pk}/fritagelse/" and alert.detail == "Afgjort 10.1.2024 (LAS § 13 f, stk. 9)"
    )
    later = dict(first, decided_on=date(2024, 3, 1), valid_from=date(2024, 3, 1), review_on=date(2024, 12, 1))
    decide_exemption(actor=caseworker, citizen=citizen, **later)
    assert not [a for a in worklist(caseworker, today=on) if a.code == "exemption_review"]
