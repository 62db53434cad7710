# SPDX-License-Identifier: MPL-2.0
"""Payslips through /api/v1/loensedler/: multipart submit, worklist, calculate → approve → paid."""

from __future__ import annotations

from datetime import date
from unittest import mock

from smaajob.money.models import Payslip
from tests.money.conftest import PDF_BYTES, pdf


def log_in(client, user):
    client.force_login(user)
    return client


def fields(citizen, placement, **extra):
    return {
        "citizen_id": citizen.pk,
        "placement_id": placement.pk,
        "period_start": "2022-05-01",
        "period_end": "2022-05-31",
        "hours": "26",
        "gross_wage": "3380",
        "attachment": pdf(),
        **extra,
    }


def test_the_payslip_flow_through_the_api(
    client, citizen_user, citizen, paid_placement, benefit_officer, second_officer, on_kontanthjaelp
):
    with mock.patch("django.utils.timezone.localdate", return_value=date(2022, 6, 10)):
        response = log_in(client, citizen_user).post("/api/v1/loensedler/", fields(citizen, paid_placement))
        assert response.status_code == 201, response.content
        payslip_id = response.json()["id"]
        assert response.json()["deadline"] == "2022-06-20" and response.json()["status"] == "received"
        client.logout()
        office = log_in(client, benefit_officer)
        listed = office.get("/api/v1/loensedler/").json()["items"]
        assert [p["id"] for p in listed] == [payslip_id]
        calculated = office.post(f"/api/v1/loensedler/{payslip_id}/beregn", {}, content_type="application/json")
        assert calculated.status_code == 200, calculated.content
        assert calculated.json()["calculation"]["benefit_after"]
        own = office.post(f"/api/v1/loensedler/{payslip_id}/godkend")
        assert own.status_code == 409 and own.json()["code"] == "four_eyes_required"
        client.logout()
        office = log_in(client, second_officer)
        approved = office.post(f"/api/v1/loensedler/{payslip_id}/godkend").json()
        assert approved["status"] == "approved" and approved["approved_at"]
        paid = office.post(
            f"/api/v1/loensedler/{payslip_id}/udbetalt", {"paid_on": "2022-06-10"}, content_type="application/json"
        )
        assert paid.json()["status"] == "paid"


def test_a_fake_pdf_is_refused_through_the_api_and_nothing_is_saved(client, citizen_user, citizen, paid_placement):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("loen.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    with mock.patch("django.utils.timezone.localdate", return_value=date(2022, 6, 10)):
        response = log_in(client, citizen_user).post(
            "/api/v1/loensedler/", fields(citizen, paid_placement, attachment=fake)
        )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_input" and response.json()["field"] == "attachment"
    assert Payslip.objects.count() == 0


def test_only_the_benefit_office_may_calculate(client, citizen_user, citizen, paid_placement):
    with mock.patch("django.utils.timezone.localdate", return_value=date(2022, 6, 10)):
        payslip_id = (
            log_in(client, citizen_user).post("/api/v1/loensedler/", fields(citizen, paid_placement)).json()["id"]
        )
        response = client.post(f"/api/v1/loensedler/{payslip_id}/beregn", {}, content_type="application/json")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_an_anonymous_caller_cannot_submit(client, citizen, paid_placement):
    assert client.post("/api/v1/loensedler/", fields(citizen, paid_placement)).status_code == 401


def test_a_payslip_not_yours_is_a_404(client, make_user, citizen_user, citizen, paid_placement):
    with mock.patch("django.utils.timezone.localdate", return_value=date(2022, 6, 10)):
        payslip_id = (
            log_in(client, citizen_user).post("/api/v1/loensedler/", fields(citizen, paid_placement)).json()["id"]
        )
    client.logout()
    stranger = log_in(client, make_user("citizen", username="fremmed"))
    assert stranger.get(f"/api/v1/loensedler/{payslip_id}").status_code == 404
    assert PDF_BYTES  # the fixture file really is a PDF
