# SPDX-License-Identifier: MPL-2.0
"""Correcting and annulling a payslip (issue 18, item 4): the benefit office corrects a payslip
it has received with the payslip's own checks, and annuls one that should not have been sent;
an annulled payslip leaves the worklist but not the history."""

from __future__ import annotations

import html
from unittest import mock

from django.urls import reverse

from smaajob.corrections.models import Correction
from smaajob.money.models import Payslip
from tests.money.conftest import TODAY


def as_user(client, user):
    client.force_login(user)
    return client


def fields(**overrides):
    return {
        "period_start": "2022-05-01",
        "period_end": "2022-05-31",
        "hours": "26",
        "gross_wage": "3380",
        "correction_reason": "Timerne var tastet forkert",
        **overrides,
    }


def test_the_benefit_office_corrects_the_hours_of_a_received_payslip(client, submit, benefit_officer):
    payslip = submit()
    office = as_user(client, benefit_officer)
    assert (
        reverse("web:record_history", args=["loenseddel", payslip.pk])
        in office.get(reverse("money:payslip", args=[payslip.pk])).content.decode()
    )
    response = office.post(reverse("web:correct", args=["loenseddel", payslip.pk]), fields(hours="24,5"))
    assert response.status_code == 302
    payslip.refresh_from_db()
    assert payslip.hours == 24.5
    text = html.unescape(office.get(reverse("web:record_history", args=["loenseddel", payslip.pk])).content.decode())
    assert "timer 26 → 24,5 timer. Begrundelse: Timerne var tastet forkert" in text


def test_a_corrected_payslip_obeys_the_payslips_own_rules(client, submit, benefit_officer):
    payslip = submit()
    response = as_user(client, benefit_officer).post(
        reverse("web:correct", args=["loenseddel", payslip.pk]), fields(hours="400")
    )
    assert response.status_code == 400
    assert "mere end 48 timer om ugen" in html.unescape(response.content.decode())
    payslip.refresh_from_db()
    assert payslip.hours == 26 and not Correction.objects.exists()


def test_a_calculated_payslip_is_not_corrected_but_may_be_annulled(client, submit, benefit_officer, on_kontanthjaelp):
    payslip = submit()
    office = as_user(client, benefit_officer)
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        office.post(reverse("money:payslip_action", args=[payslip.pk, "beregn"]), {})
    refused = office.post(reverse("web:correct", args=["loenseddel", payslip.pk]), fields(hours="24"))
    assert "kun en modtaget lønseddel kan rettes" in html.unescape(refused.content.decode())
    annulled = office.post(reverse("web:annul", args=["loenseddel", payslip.pk]), {"reason": "Sendt to gange"})
    assert annulled.status_code == 302
    assert not Payslip.objects.filter(pk=payslip.pk).exists()


def test_an_annulled_payslip_leaves_the_worklist_and_stays_in_the_history(client, submit, benefit_officer):
    payslip = submit()
    office = as_user(client, benefit_officer)
    assert "Omar Hansen" in office.get(reverse("money:worklist")).content.decode()
    office.post(reverse("web:annul", args=["loenseddel", payslip.pk]), {"reason": "Indsendt for den forkerte borger"})
    assert "Omar Hansen" not in office.get(reverse("money:worklist")).content.decode()
    text = html.unescape(office.get(reverse("web:record_history", args=["loenseddel", payslip.pk])).content.decode())
    assert "Begrundelse: Indsendt for den forkerte borger" in text


def test_a_citizen_and_a_consultant_may_not_correct_a_payslip(client, submit, citizen_user, consultant):
    payslip = submit()
    for user in (citizen_user, consultant):
        response = as_user(client, user).post(
            reverse("web:correct", args=["loenseddel", payslip.pk]), fields(hours="1")
        )
        assert response.status_code == 404
    payslip.refresh_from_db()
    assert payslip.hours == 26


def test_a_corrected_period_moves_the_payslip_to_its_benefit_month_and_deadline(client, submit, benefit_officer):
    from smaajob.money import deadlines

    payslip = submit()
    response = as_user(client, benefit_officer).post(
        reverse("web:correct", args=["loenseddel", payslip.pk]),
        fields(period_start="2022-04-01", period_end="2022-04-30", correction_reason="Lønsedlen var for april"),
    )
    assert response.status_code == 302
    payslip.refresh_from_db()
    assert payslip.benefit_month == deadlines.benefit_month(payslip.period_end)
    assert payslip.deadline == deadlines.deadline_for(payslip.period_end)
    assert payslip.period_end.month == 4
