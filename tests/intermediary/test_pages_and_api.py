# SPDX-License-Identifier: MPL-2.0
"""The intermediary through HTTP: the month page runs the month and offers the invoice as PDF and
CSV, the API runs a month and reports what was invoiced, the home page lists the next actions —
and an intermediary that does not employ a citizen gets the same answer as for a missing id."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from tests.intermediary.conftest import MONTH, NOVEMBER_WEEKS, TODAY
from tests.web.test_pages import log_in

JSON = "application/json"


def _run(mellemled):
    from smaajob.intermediary.payslips import run_month

    return run_month(actor=mellemled, month=MONTH, today=TODAY)


def test_the_intermediary_runs_the_month_on_its_page_and_gets_the_invoice_as_pdf_and_csv(
    client, mellemled, employed, record
):
    record(employed, NOVEMBER_WEEKS[0], "7,25")
    record(employed, NOVEMBER_WEEKS[1], "6,5")
    log_in(client, mellemled)
    page = reverse("web:intermediary_month", args=["2026-11"])

    response = client.post(page)

    assert response.status_code == 302
    shown = client.get(page).content.decode()
    assert "JF-202611-" in shown and "2578,13" in shown.replace(".", "")  # 1359,38 + 1218,75
    from smaajob.intermediary.models import Invoice

    invoice = Invoice.objects.get()
    pdf = client.get(reverse("web:intermediary_invoice_pdf", args=[invoice.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    csv_text = client.get(reverse("web:intermediary_invoice_csv", args=[invoice.pk])).content.decode()
    assert csv_text.splitlines()[1].endswith("187.50;1359.38;DKK")


def test_the_api_runs_a_month_and_the_report_sums_what_was_invoiced(client, mellemled, employed, record):
    record(employed, NOVEMBER_WEEKS[0], "8")
    log_in(client, mellemled)

    body = client.post("/api/v1/mellemled/koersler", {"month": "2026-11"}, content_type=JSON).json()

    assert body["run"]["hours"] == "8.00" and body["run"]["amount"] == "1500.00"
    assert len(body["payslips_registered"]) == 1 and body["problems"] == []
    again = client.post("/api/v1/mellemled/koersler", {"month": "2026-11"}, content_type=JSON).json()
    assert again["payslips_registered"] == [] and again["payslips_unchanged"] == 1
    invoice_id = body["run"]["invoices"][0]["id"]
    invoice = client.get(f"/api/v1/mellemled/fakturaer/{invoice_id}").json()
    assert [(line["week_start"], line["amount"]) for line in invoice["lines"]] == [("2026-11-02", "1500.00")]
    report = client.get("/api/v1/mellemled/rapport?start=2026-01&end=2026-12").json()
    assert [(r["company"], r["month"], r["hours"], r["amount"]) for r in report["rows"]] == [
        ("Netto Vollsmose", "2026-11-01", "8.00", "1500.00")
    ]
    assert "/api/v1/mellemled/koersler" in client.get("/api/v1/openapi.json").json()["paths"]


def test_a_month_not_yet_over_is_refused_by_the_api_with_a_danish_message(client, mellemled, employed):
    log_in(client, mellemled)
    response = client.post("/api/v1/mellemled/koersler", {"month": "2099-01"}, content_type=JSON)
    assert response.status_code == 400
    assert response.json()["field"] == "month" and "ikke slut" in response.json()["message"]


def test_an_intermediary_that_does_not_employ_the_citizen_gets_the_answer_for_a_missing_id(
    client, municipality, consultant, make_user, mellemled, employed, record, citizen
):
    from smaajob.access import citizens_for
    from smaajob.intermediary.services import add_member, create_intermediary

    record(employed, NOVEMBER_WEEKS[0], "8")
    statement = _run(mellemled).run.wage_statements.get()
    other = create_intermediary(actor=consultant, municipality=municipality, name="Andet Led", cvr="29000026")
    stranger = make_user("intermediary", username="andet", team=None)
    add_member(intermediary=other, user=stranger)
    log_in(client, stranger)

    theirs = client.get(f"/api/v1/mellemled/loenopgoerelser/{statement.pk}")
    missing = client.get(f"/api/v1/mellemled/loenopgoerelser/{statement.pk + 1000}")
    page_theirs = client.get(reverse("web:intermediary_statement_pdf", args=[statement.pk]))
    page_missing = client.get(reverse("web:intermediary_statement_pdf", args=[statement.pk + 1000]))

    assert theirs.status_code == missing.status_code == 404
    assert theirs.json() == missing.json()
    assert page_theirs.status_code == page_missing.status_code == 404
    assert not citizens_for(stranger).filter(pk=citizen.pk).exists()
    assert citizens_for(mellemled).filter(pk=citizen.pk).exists()
    assert client.get(reverse("web:citizen", args=[citizen.pk])).status_code == 404
    assert client.get("/api/v1/mellemled/koersler").json() == []


def test_the_next_actions_name_the_month_to_run_and_the_weeks_missing_before_the_20th(mellemled, employed, record):
    from smaajob.access.worklist import next_actions

    record(employed, NOVEMBER_WEEKS[0], "8")
    record(employed, NOVEMBER_WEEKS[1], "8", confirm=False)

    before = {a.code: a for a in next_actions(mellemled, today=TODAY)}
    assert before["intermediary_month_to_run"].title == "Kør november 2026"
    assert before["intermediary_hours_missing"].title == "3 uger uden bekræftede timer hos Netto Vollsmose"
    assert before["intermediary_hours_missing"].severity == "normal"
    near = {a.code: a for a in next_actions(mellemled, today=date(2026, 12, 16))}
    assert near["intermediary_hours_missing"].severity == "high"
    _run(mellemled)
    after = {a.code for a in next_actions(mellemled, today=TODAY)}
    assert "intermediary_month_to_run" not in after
    assert next_actions(mellemled, today=date(2026, 12, 21)) == []  # after the deadline


def test_the_intermediary_home_page_is_its_own(client, mellemled, job_fokus):
    log_in(client, mellemled)
    page = client.get("/").content.decode()
    assert "<h1>Job Fokus</h1>" in page
    assert reverse("web:intermediary") in page


def test_a_contract_with_a_price_that_is_not_an_amount_is_refused_by_the_api_and_not_saved(
    client, consultant, job_fokus, company
):
    from smaajob.intermediary.models import Contract

    log_in(client, consultant)
    response = client.post(
        "/api/v1/mellemled/kontrakter",
        {
            "intermediary_id": job_fokus.pk,
            "company_id": company.pk,
            "hourly_price": "mange",
            "hourly_wage": "132,35",
            "basis_reference": "Aftale",
            "valid_from": "2026-01-01",
        },
        content_type=JSON,
    )
    assert response.status_code == 400 and response.json()["field"] == "hourly_price"
    assert not Contract.objects.exists()


def test_staff_see_the_invoiced_amounts_in_the_report_page(client, consultant, mellemled, employed, record):
    record(employed, NOVEMBER_WEEKS[0], "8")
    _run(mellemled)
    log_in(client, consultant)
    page = client.get(reverse("web:intermediary_report") + "?fra=2026-11&til=2026-11").content.decode()
    assert "Netto Vollsmose" in page and "1500,00" in page.replace(".", "")


def test_a_consultant_sets_up_a_contract_and_employs_a_placement_through_the_forms(
    client, consultant, job_fokus, company, course
):
    from smaajob.courses.services import create_placement
    from smaajob.intermediary.models import Contract, Employment

    placement = create_placement(
        actor=consultant, course=course, company=company, kind="paid", planned_start=date(2026, 10, 5)
    )
    log_in(client, consultant)
    bad = client.post(
        reverse("web:intermediary_contract_new"),
        {
            "intermediary": job_fokus.pk,
            "company": company.pk,
            "hourly_price": "0",
            "hourly_wage": "132,35",
            "basis_reference": "Aftale",
            "valid_from": "2026-01-01",
        },
    )
    assert bad.status_code == 200 and "større end 0" in bad.content.decode()
    assert not Contract.objects.exists()
    client.post(
        reverse("web:intermediary_contract_new"),
        {
            "intermediary": job_fokus.pk,
            "company": company.pk,
            "hourly_price": "187,50",
            "hourly_wage": "132,35",
            "basis_reference": "Samarbejdsaftale",
            "valid_from": "2026-01-01",
        },
    )
    contract = Contract.objects.get()
    response = client.post(
        reverse("web:intermediary_employment_new"), {"placement": placement.pk, "contract": contract.pk}
    )
    assert response.status_code == 302
    assert Employment.objects.get().placement == placement
