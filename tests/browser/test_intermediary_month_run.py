# SPDX-License-Identifier: MPL-2.0
"""The intermediary runs last month from its home page in the demo: it sees the week still
missing confirmation, runs the month with one click, and gets one invoice per company and the
citizens' payslips sent to the benefit office (issue 13)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from tests.browser.conftest import DEMO_PASSWORD, log_in

expect.set_options(timeout=30_000)


def test_the_intermediary_runs_last_month_from_its_home_page_and_the_payslips_go_to_the_benefit_office(page, demo):
    from smaajob.intermediary.models import Invoice, MonthlyRun
    from smaajob.money.models import Payslip

    last_month = (date.today().replace(day=1) - timedelta(days=1)).replace(day=1)
    assert not MonthlyRun.objects.filter(month=last_month).exists()
    log_in(page, "mellemled", DEMO_PASSWORD)
    expect(page.get_by_role("heading", name="Job Fokus", exact=True)).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^Se og kør ")).click()

    missing = page.get_by_role("table", name=re.compile("Faktureres og udbetales ikke"))
    expect(missing.locator("tbody tr")).to_have_count(1)
    expect(missing).to_contain_text("Registreret, ikke bekræftet")
    page.get_by_role("button", name=re.compile(r"^Kør ")).click()

    expect(page.get_by_text(re.compile(r"er kørt: 2 fakturaer, 3 lønsedler sendt"))).to_be_visible()
    invoices = page.get_by_role("table", name="Én faktura pr. virksomhed")
    expect(invoices.locator("tbody tr")).to_have_count(2)
    statements = page.get_by_role("table", name=re.compile("Én lønopgørelse pr. medarbejder"))
    expect(statements.locator("tbody tr")).to_have_count(3)
    expect(statements).to_contain_text("Sendt")
    run = MonthlyRun.objects.get(month=last_month)
    assert Invoice.objects.filter(run=run).count() == 2
    sent = Payslip.objects.filter(submitted_via="intermediary", benefit_month=last_month)
    assert sent.count() == 3 and all(p.status == "received" for p in sent)
