# SPDX-License-Identifier: MPL-2.0
"""The consultants' worklist shows "Lønseddel mangler (frist d. 20.)" from the money app."""

from __future__ import annotations

from datetime import date

import pytest

from smaajob.access.worklist import worklist


@pytest.fixture(autouse=True)
def consultant_since_2022(citizen, consultant):
    # The shared fixture assigns the consultant from 2024; these cases are set in 2022.
    from smaajob.citizens.models import Assignment

    Assignment.objects.create(
        citizen=citizen,
        staff=consultant,
        staff_role="consultant",
        valid_from=date(2022, 1, 1),
        valid_to=date(2023, 12, 31),
    )


def test_a_missing_payslip_is_an_alert_on_the_consultants_worklist_before_the_20th(consultant, paid_placement):
    alerts = [a for a in worklist(consultant, today=date(2022, 6, 16)) if a.code == "payslip_missing"]
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert.due == date(2022, 6, 20) and alert.severity == "high"
    assert "maj 2022" in alert.detail and alert.url.endswith("/ny/")


def test_no_alert_once_the_payslip_has_arrived_or_after_the_20th(consultant, submit):
    submit(today=date(2022, 6, 16))
    assert not [a for a in worklist(consultant, today=date(2022, 6, 16)) if a.code == "payslip_missing"]


def test_no_alert_after_the_deadline_has_passed(consultant, paid_placement):
    assert not [a for a in worklist(consultant, today=date(2022, 6, 21)) if a.code == "payslip_missing"]


def test_a_consultant_without_the_citizen_gets_no_alert(make_user, paid_placement):
    stranger = make_user("consultant", username="fremmed")
    assert not [a for a in worklist(stranger, today=date(2022, 6, 16)) if a.code == "payslip_missing"]


def test_the_worklists_reading_names_the_same_payslips_without_cpr_numbers_or_consultants(consultant, paid_placement):
    """The list reads names only (issue 16: a whole citizen row decrypts the CPR number);
    the reminders' reading, which needs the recipients, finds the very same payslips."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from smaajob.money.selectors import missing_payslips

    day = date(2022, 6, 16)
    full = missing_payslips(on=day)
    with CaptureQueriesContext(connection) as queries:
        listed = missing_payslips(on=day, recipients=False)
        names = [(m.citizen.full_name, m.placement.company.name, m.month, m.deadline) for m in listed]
    assert len(queries) == 2, [q["sql"] for q in queries]  # the placements and their payslips
    assert all('"cpr' not in q["sql"] for q in queries), "the list must not read the CPR column"
    assert [m.placement.pk for m in listed] == [m.placement.pk for m in full] != []
    assert names == [(m.citizen.full_name, m.placement.company.name, m.month, m.deadline) for m in full]
    assert [m.consultant for m in listed] == [None] and full[0].consultant == consultant
