# SPDX-License-Identifier: MPL-2.0
"""The payslip pages over HTTP: submit with errors next to the field, the worklist for the benefit
office only, the file served safely, and the menu entries per role."""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.urls import reverse

from smaajob.audit.models import AuditEntry
from smaajob.money.models import Payslip
from tests.money.conftest import pdf

TODAY = date(2022, 6, 10)


def as_user(client, user):
    client.force_login(user)
    return client


def form(**extra):
    return {
        "placement": "",
        "employer_name": "Bageriet",
        "period_start": "2022-05-01",
        "period_end": "2022-05-31",
        "hours": "26",
        "gross_wage": "3.380,00",
        "attachment": pdf(),
        **extra,
    }


def test_a_citizen_submits_from_the_page_and_sees_the_receipt(client, citizen_user, paid_placement):
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        response = as_user(client, citizen_user).post(
            reverse("money:my_payslips"), form(placement=str(paid_placement.pk), employer_name="")
        )
    assert response.status_code == 302 and "modtaget=1" in response["Location"]
    payslip = Payslip.objects.get()
    assert payslip.gross_wage == 3380 and payslip.placement == paid_placement
    page = client.get(response["Location"]).content.decode()
    assert "lønsedlen er modtaget" in page and "20. juni 2022" in page


def test_a_negative_wage_is_shown_next_to_the_field_and_nothing_is_saved(client, citizen_user, paid_placement):
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        page = as_user(client, citizen_user).post(reverse("money:my_payslips"), form(gross_wage="-100")).content
    assert 'id="id_gross_wage_error"' in page.decode() and "kan ikke være negativ" in page.decode()
    assert Payslip.objects.count() == 0


def test_the_worklist_is_for_the_benefit_office_only(client, submit, benefit_officer, consultant):
    submit()
    assert as_user(client, consultant).get(reverse("money:worklist")).status_code == 404
    page = as_user(client, benefit_officer).get(reverse("money:worklist")).content.decode()
    assert "Omar Hansen" in page and "Lønsedler" in page
    assert AuditEntry.objects.filter(actor=benefit_officer, action="read", object_type="citizen").exists()


def test_the_worklist_filters_by_status_with_htmx(client, submit, benefit_officer):
    submit()
    response = as_user(client, benefit_officer).get(
        reverse("money:worklist") + "?status=approved", HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "<html" not in body and "Ingen lønsedler at behandle" in body


def test_the_benefit_office_calculates_and_approves_from_the_payslip_page(
    client, submit, benefit_officer, second_officer, on_kontanthjaelp
):
    payslip = submit()
    office = as_user(client, benefit_officer)
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        office.post(reverse("money:payslip_action", args=[payslip.pk, "beregn"]), {})
        office = as_user(client, second_officer)
        office.post(reverse("money:payslip_action", args=[payslip.pk, "godkend"]))
        refused = office.post(reverse("money:payslip_action", args=[payslip.pk, "afvis"]), {"reason": "x"})
    payslip.refresh_from_db()
    assert payslip.status == "approved" and payslip.calculation is not None
    assert refused.status_code == 409 and "kan ikke blive" in refused.content.decode()


def test_the_file_is_served_only_to_those_who_may_see_it_and_sandboxed(client, submit, benefit_officer, make_user):
    payslip = submit()
    response = as_user(client, benefit_officer).get(reverse("money:payslip_file", args=[payslip.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    stranger = as_user(client, make_user("citizen", username="fremmed"))
    assert stranger.get(reverse("money:payslip_file", args=[payslip.pk])).status_code == 404


def test_each_role_sees_its_own_menu_entries(client, citizen_user, benefit_officer, employer_user):
    assert "Mine lønsedler" in as_user(client, citizen_user).get("/").content.decode()
    assert "Indsend lønseddel" in as_user(client, employer_user).get("/").content.decode()
    office = as_user(client, benefit_officer).get("/").content.decode()
    assert ">Lønsedler<" in office and "Mine lønsedler" not in office


def test_an_employer_typed_next_to_a_chosen_job_is_not_silently_dropped(client, citizen_user, paid_placement):
    # The page preselects the citizen's only job; a person who types another employer has not
    # chosen that job, and saving either answer would drop what they typed in the other.
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        page = as_user(client, citizen_user).post(
            reverse("money:my_payslips"), form(placement=str(paid_placement.pk), employer_name="Bageriet")
        )
    assert page.status_code == 400 and "Vælg »Andet job«" in page.content.decode()
    assert Payslip.objects.count() == 0


def test_with_several_jobs_none_is_preselected(citizen_user, paid_placement):
    from smaajob.money.forms import PayslipForm

    assert PayslipForm(placements=[paid_placement]).fields["placement"].initial == str(paid_placement.pk)
    assert PayslipForm(placements=[paid_placement, paid_placement]).fields["placement"].initial is None
