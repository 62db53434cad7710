# SPDX-License-Identifier: MPL-2.0
"""One source of truth for hours (issue 19 item 2): the 225-hour case of a citizen with both
ledger weeks and approved payslips counts each hour once, built by ``smaajob.cases`` with no
registry filled at start-up, and the citizen page, the API and the worklist's many-citizen read
show the same figures.

The citizen (on kontanthjælp since 2021, a paid småjob since February 2022) has:

* a ledger week of 2 May 2022 with 6 paid hours (the employer's report);
* an approved payslip for May on that job, 26 hours: the ledger holds May, so it adds nothing;
* an approved payslip for March on that job, 20 hours: no week recorded, so all 20 count;
* an approved payslip for April from a job outside Småjob, 10 hours: it always counts.

So June 2022's window holds 6 + 20 + 10 = 36 ordinary hours (the same as before the change).
"""

from __future__ import annotations

from datetime import date

import pytest

from smaajob import cases
from smaajob.money import services
from tests.money.conftest import TODAY

MARCH, APRIL, MAY = 2022 * 12 + 2, 2022 * 12 + 3, 2022 * 12 + 4
JUNE_END = date(2022, 6, 30)


@pytest.fixture
def mixed_history(submit, benefit_officer, second_officer, on_kontanthjaelp, employer_user, paid_placement, citizen):
    from smaajob.courses.services import record_week

    record_week(
        actor=employer_user,
        placement=paid_placement,
        week=date(2022, 5, 2),
        hours_present=7,
        hours_paid=6,
        source="employer",
        today=TODAY,
    )
    for fields in (
        {},
        {"period_start": date(2022, 3, 1), "period_end": date(2022, 3, 31), "hours": "20", "gross_wage": "2600"},
        {
            "placement": None,
            "employer_name": "Bageriet",
            "period_start": date(2022, 4, 1),
            "period_end": date(2022, 4, 30),
            "hours": "10",
            "gross_wage": "1300",
        },
    ):
        payslip = submit(**fields)
        services.calculate(actor=benefit_officer, payslip=payslip)
        services.approve(actor=second_officer, payslip=payslip)
    return citizen


def test_each_hour_of_ledger_weeks_and_approved_payslips_counts_once_in_the_225_case(mixed_history):
    case = cases.hours_requirement_case(mixed_history, JUNE_END)
    assert case.record(MARCH).ordinary_hours == pytest.approx(20.0)
    assert case.record(APRIL).ordinary_hours == pytest.approx(10.0)
    assert case.record(MAY).ordinary_hours == pytest.approx(6.0)
    assert sum(r.ordinary_hours for r in case.months) == pytest.approx(36.0)


def test_the_225_status_counts_the_same_36_hours_for_one_citizen_and_for_many(mixed_history):
    own = cases.hours_requirement_for(mixed_history, JUNE_END)
    many = cases.hours_requirement_for_many([mixed_history.pk], JUNE_END)[mixed_history.pk]
    assert own["hours_counted"] == pytest.approx(36.0)
    assert many["hours_counted"] == own["hours_counted"]


def test_the_calculators_history_is_the_same_case_the_pages_use(mixed_history):
    history, by_month = cases.case_for_rules(mixed_history, first=date(2022, 1, 1), last=date(2022, 6, 1))
    page = cases.hours_requirement_case(mixed_history, date(2022, 6, 1), first=date(2022, 1, 1))
    assert history == page
    may = by_month[MAY]
    assert may is not None and may.benefit_type == "kontanthjaelp"


def test_the_api_shows_the_hours_the_case_builder_counted(mixed_history, client, caseworker):
    from unittest import mock

    client.force_login(caseworker)
    with mock.patch("smaajob.api.citizens.date") as fake_date:
        fake_date.today.return_value = JUNE_END
        body = client.get(f"/api/v1/borgere/{mixed_history.pk}/225-timer").json()
    assert body["hours_counted"] == pytest.approx(36.0)


def test_the_money_app_registers_nothing_for_the_case_builder_at_start_up():
    import inspect

    from smaajob.money.apps import MoneyConfig

    assert "hours" not in inspect.getsource(MoneyConfig.ready)
    assert not any(name.startswith("register") for name in vars(cases))
