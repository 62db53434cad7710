# SPDX-License-Identifier: MPL-2.0
"""The intermediary's monthly run through its service: the invoice is the confirmed hours times
the price to the øre, a re-run changes nothing, unconfirmed hours are neither invoiced nor paid,
and the payslip arrives in the benefit office's work with the intermediary as its source."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from smaajob.errors import InvalidInput, InvalidPeriod, NotFound
from tests.intermediary.conftest import MONTH, NOVEMBER_WEEKS, PRICE, TODAY, WAGE, hours


def _ore(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def run(actor, today=TODAY):
    from smaajob.intermediary.payslips import run_month

    return run_month(actor=actor, month=MONTH, today=today)


def test_the_invoice_is_the_confirmed_hours_times_the_price_to_the_ore(mellemled, employed, record):
    week_hours = ["7,25", "6,5", "8,33", "7,75", "3,17"]
    for monday, h in zip(NOVEMBER_WEEKS, week_hours, strict=True):
        record(employed, monday, h)

    result = run(mellemled)

    invoice = result.run.invoices.get()
    lines = list(invoice.lines.order_by("week_start"))
    assert [line.week_start for line in lines] == NOVEMBER_WEEKS
    price = hours(PRICE)
    for line, h in zip(lines, week_hours, strict=True):
        assert line.hours == hours(h)
        assert line.amount == _ore(hours(h) * price)  # per line, half up, to the øre
    assert invoice.hours == sum(hours(h) for h in week_hours)
    assert invoice.amount == sum(_ore(hours(h) * price) for h in week_hours)
    statement = result.run.wage_statements.get()
    assert statement.gross_wage == _ore(sum(hours(h) for h in week_hours) * hours(WAGE))
    assert (statement.period_start, statement.period_end) == (date(2026, 11, 1), date(2026, 11, 30))


def test_running_the_month_again_gives_the_same_result_and_sends_no_second_payslip(mellemled, employed, record):
    from smaajob.money.models import Payslip

    for monday in NOVEMBER_WEEKS[:3]:
        record(employed, monday, "7,5")
    first = run(mellemled)
    invoice = first.run.invoices.get()
    before = (
        invoice.pk,
        invoice.number,
        invoice.hours,
        invoice.amount,
        list(invoice.lines.values_list("pk", flat=True)),
    )

    again = run(mellemled)

    invoice = again.run.invoices.get()
    after = (
        invoice.pk,
        invoice.number,
        invoice.hours,
        invoice.amount,
        list(invoice.lines.values_list("pk", flat=True)),
    )
    assert after == before
    assert again.run.pk == first.run.pk and again.run.times_run == 2
    assert len(first.payslips_registered) == 1 and again.payslips_registered == []
    assert again.payslips_kept == 1
    assert Payslip.objects.filter(placement=employed).count() == 1


def test_hours_not_confirmed_are_neither_invoiced_nor_paid_and_are_listed_as_missing(
    mellemled, job_fokus, employed, record
):
    from smaajob.intermediary.selectors import missing_weeks

    record(employed, NOVEMBER_WEEKS[0], "8")
    record(employed, NOVEMBER_WEEKS[1], "6", confirm=False)

    result = run(mellemled)

    invoice = result.run.invoices.get()
    assert invoice.hours == Decimal("8.00")
    assert [line.week_start for line in invoice.lines.all()] == [NOVEMBER_WEEKS[0]]
    assert result.run.wage_statements.get().hours == Decimal("8.00")
    missing = missing_weeks(job_fokus, MONTH, today=TODAY)
    assert [(m.week_start, m.recorded) for m in missing] == [
        (NOVEMBER_WEEKS[1], True),
        (NOVEMBER_WEEKS[2], False),
        (NOVEMBER_WEEKS[3], False),
    ]  # the week of Monday 30 November runs until 6 December: not over on the 3rd
    later = missing_weeks(job_fokus, MONTH, today=date(2026, 12, 7))
    assert later[-1].week_start == NOVEMBER_WEEKS[4]


def test_the_payslip_arrives_in_the_benefit_office_worklist_with_the_intermediary_as_source(
    mellemled, employed, record, make_user
):
    from smaajob.access.worklist import next_actions
    from smaajob.money.models import SubmittedVia

    officer = make_user("benefit_office", username="ydelse")
    record(employed, NOVEMBER_WEEKS[0], "7,5")
    record(employed, NOVEMBER_WEEKS[1], "7,5")

    payslip = run(mellemled).payslips_registered[0]

    assert payslip.submitted_via == SubmittedVia.INTERMEDIARY
    assert payslip.employer_label == "Job Fokus (arbejdssted Netto Vollsmose)"
    assert (payslip.hours, payslip.gross_wage) == (Decimal("15.00"), _ore(15 * hours(WAGE)))
    assert payslip.deadline == date(2026, 12, 20) and payslip.benefit_month == MONTH
    assert payslip.attachment_type == "pdf"
    with payslip.attachment.open("rb") as stored:
        assert stored.read(5) == b"%PDF-"
    alerts = [a for a in next_actions(officer, today=TODAY) if a.code == "payslip_to_calculate"]
    assert [a.key for a in alerts] == [f"payslip_to_calculate:payslip:{payslip.pk}:received"]


def test_a_week_confirmed_after_the_run_makes_it_stale_and_the_rerun_sends_a_corrected_payslip(
    mellemled, employed, record
):
    from smaajob.intermediary.selectors import run_is_current

    record(employed, NOVEMBER_WEEKS[0], "7,5")
    late = record(employed, NOVEMBER_WEEKS[1], "6", confirm=False)
    first = run(mellemled)
    assert run_is_current(first.run)

    from smaajob.courses.services import confirm_week
    from smaajob.organisation.models import User

    confirm_week(actor=User.objects.get(username="netto"), row=late)
    assert not run_is_current(first.run)
    again = run(mellemled)

    assert run_is_current(again.run)
    corrected = again.payslips_registered[0]
    assert corrected.hours == Decimal("13.50")
    # The payslip flow flags the two for the same period, so the benefit office keeps one.
    assert corrected.overlaps_with == [first.payslips_registered[0].pk]


def test_a_month_that_has_not_ended_is_refused_and_nothing_is_saved(mellemled, employed, record):
    from smaajob.intermediary.models import MonthlyRun

    record(employed, NOVEMBER_WEEKS[0], "7,5")
    with pytest.raises(InvalidPeriod, match="ikke slut"):
        run(mellemled, today=date(2026, 11, 30))
    assert not MonthlyRun.objects.exists()


def test_only_the_intermediary_itself_runs_its_month(consultant, employed):
    with pytest.raises(NotFound):
        run(consultant)


def test_wage_subsidy_cannot_be_employed_through_an_intermediary(consultant, course, company, contract):
    from smaajob.courses.services import create_placement
    from smaajob.intermediary.services import employ_through

    placement = create_placement(
        actor=consultant, course=course, company=company, kind="wage_subsidy", planned_start=date(2026, 10, 5)
    )
    with pytest.raises(InvalidInput, match="løntilskud er ikke ordinære timer"):
        employ_through(actor=consultant, placement=placement, contract=contract)


@pytest.mark.parametrize(
    ("price", "message"),
    [("0", "større end 0"), ("abc", "er ikke et beløb"), ("187,555", "hele øre"), ("25000", "tjek beløbet")],
)
def test_a_contract_with_an_impossible_price_is_refused_and_not_saved(consultant, job_fokus, company, price, message):
    from smaajob.intermediary.models import Contract
    from smaajob.intermediary.services import create_contract

    with pytest.raises(InvalidInput, match=message):
        create_contract(
            actor=consultant,
            intermediary=job_fokus,
            company=company,
            hourly_price=price,
            hourly_wage=WAGE,
            basis_reference="Aftale",
            valid_from=date(2026, 1, 1),
        )
    assert not Contract.objects.exists()


def test_the_invoice_csv_has_a_line_per_citizen_and_week_and_neutralises_formulas(mellemled, employed, record, citizen):
    import csv
    import io

    from smaajob.intermediary.documents import invoice_csv

    citizen.first_name = "=HYPERLINK(1)"
    citizen.save(update_fields=["first_name"])
    record(employed, NOVEMBER_WEEKS[0], "7,25")
    record(employed, NOVEMBER_WEEKS[1], "6,5")
    invoice = run(mellemled).run.invoices.get()

    rows = list(csv.reader(io.StringIO(invoice_csv(invoice)), delimiter=";"))

    assert rows[0][:3] == ["fakturanummer", "fakturadato", "leverandoer_cvr"]
    body = rows[1:]
    assert [(r[10], r[12], r[13], r[14]) for r in body] == [
        ("2026-11-02", "7.25", "187.50", "1359.38"),
        ("2026-11-09", "6.50", "187.50", "1218.75"),
    ]
    assert all(not r[9].startswith("=") for r in body)
    assert sum(Decimal(r[14]) for r in body) == invoice.amount
