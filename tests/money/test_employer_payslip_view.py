# SPDX-License-Identifier: MPL-2.0
"""What an employer sees of a payslip for a citizen placed with it (issue 23 item 3): the payslip
it is party to, never the citizen's benefit, the citizen's other payslips, or a name the citizen
did not consent to share."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from smaajob.money import services

BENEFIT_WORDS = ("Supplerende hjælp", "Hjælp uden arbejde", "11.000", "modregnet")


def calculated_payslip(submit, benefit_officer):
    payslip = submit()
    services.calculate(actor=benefit_officer, payslip=payslip)
    return payslip


def test_the_payslip_api_gives_an_employer_no_benefit_amount_and_no_other_payslips(
    client, submit, benefit_officer, on_kontanthjaelp, employer_user
):
    payslip = calculated_payslip(submit, benefit_officer)
    client.force_login(employer_user)
    one = client.get(f"/api/v1/loensedler/{payslip.pk}").json()
    listed = client.get("/api/v1/loensedler/").json()["items"]
    assert one["id"] == payslip.pk and float(one["gross_wage"]) == 3380
    assert one["calculation"] is None and one["overlaps_with"] is None and one["overlap_resolved"] is None
    assert [row["calculation"] for row in listed] == [None]
    assert "11000" not in client.get(f"/api/v1/loensedler/{payslip.pk}").content.decode()


def test_the_benefit_office_still_gets_the_calculation_from_the_payslip_api(
    client, submit, benefit_officer, on_kontanthjaelp
):
    payslip = calculated_payslip(submit, benefit_officer)
    client.force_login(benefit_officer)
    body = client.get(f"/api/v1/loensedler/{payslip.pk}").json()
    assert float(body["calculation"]["benefit_before"]) == 11000 and body["overlaps_with"] == []


def test_the_payslip_page_shows_an_employer_neither_the_benefit_nor_the_name_without_consent(
    client, submit, benefit_officer, on_kontanthjaelp, employer_user
):
    payslip = calculated_payslip(submit, benefit_officer)
    client.force_login(employer_user)
    page = client.get(reverse("money:payslip", args=[payslip.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and "3.380,00 kr." in text
    assert [word for word in BENEFIT_WORDS if word in text] == []
    assert "Omar" not in text and "Hansen" not in text
    assert "en borger hos jer" in text


def test_the_payslip_page_names_the_citizen_to_the_employer_once_the_name_is_consented(
    client, submit, benefit_officer, on_kontanthjaelp, employer_user, citizen, consultant
):
    from smaajob.citizens.services import record_consent

    payslip = calculated_payslip(submit, benefit_officer)
    record_consent(actor=consultant, citizen=citizen, facts=["name"], valid_from=date(2022, 1, 1))
    client.force_login(employer_user)
    text = client.get(reverse("money:payslip", args=[payslip.pk])).content.decode()
    assert "Omar Hansen" in text
    assert [word for word in BENEFIT_WORDS if word in text] == []


def test_the_employers_payslip_pages_name_no_citizen_without_consent(client, employer_user, paid_placement):
    client.force_login(employer_user)
    overview = client.get(reverse("money:employer_payslips")).content.decode()
    form = client.get(reverse("money:submit_for", args=[paid_placement.course.citizen_id])).content.decode()
    assert "Lønseddel for en borger hos jer" in overview and "Lønseddel for en borger hos jer" in form
    assert "Omar" not in overview + form and "Hansen" not in overview + form
