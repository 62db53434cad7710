# SPDX-License-Identifier: MPL-2.0
"""Fixtures for the intermediary employer: Job Fokus (synthetic) with a contract with Netto,
Omar employed through it at Netto from October 2026, and the weeks of November 2026 that Netto
has recorded and confirmed. Wage statement PDFs go to a temporary MEDIA_ROOT."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

MONTH = date(2026, 11, 1)
TODAY = date(2026, 12, 3)  # after November, before the payslip deadline on 20 December
# November 2026's Mondays: 2, 9, 16, 23 and 30 November.
NOVEMBER_WEEKS = [date(2026, 11, d) for d in (2, 9, 16, 23, 30)]
PRICE = "187,50"
WAGE = "132,35"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def job_fokus(municipality, consultant):
    from smaajob.intermediary.services import create_intermediary

    return create_intermediary(
        actor=consultant, municipality=municipality, name="Job Fokus", cvr="29000018", invoice_prefix="JF"
    )


@pytest.fixture
def mellemled(make_user, job_fokus):
    from smaajob.intermediary.services import add_member

    user = make_user("intermediary", username="mellemled", first_name="Mette", last_name="Mellemled", team=None)
    add_member(intermediary=job_fokus, user=user)
    return user


@pytest.fixture
def contract(consultant, job_fokus, company):
    from smaajob.intermediary.services import create_contract

    return create_contract(
        actor=consultant,
        intermediary=job_fokus,
        company=company,
        hourly_price=PRICE,
        hourly_wage=WAGE,
        basis_reference="Samarbejdsaftale »Små job med mening« 2026; ordinære timer efter virksomhedens overenskomst",
        valid_from=date(2026, 1, 1),
    )


@pytest.fixture
def employer_user(make_user, company):
    return make_user("employer", username="netto", company=company, team=None)


@pytest.fixture
def employed(consultant, course, company, contract):
    """Omar's paid hours at Netto, employed through Job Fokus from 5 October 2026."""
    from smaajob.courses.services import create_placement, start_placement
    from smaajob.intermediary.services import employ_through

    placement = create_placement(
        actor=consultant,
        course=course,
        company=company,
        kind="paid",
        planned_start=date(2026, 10, 5),
        steps=[(date(2026, 10, 5), 8)],
    )
    placement = start_placement(actor=consultant, placement=placement, on=date(2026, 10, 5))
    employ_through(actor=consultant, placement=placement, contract=contract)
    return placement


@pytest.fixture
def record(consultant, employer_user):
    """Record a week's paid hours (the consultant) and, unless told otherwise, confirm it (Netto)."""
    from smaajob.courses.services import confirm_week, record_week

    def week(placement, monday: date, hours: str, *, confirm: bool = True, by=None):
        row = record_week(
            actor=consultant, placement=placement, week=monday, hours_present=hours, hours_paid=hours, today=TODAY
        )
        if confirm:
            row = confirm_week(actor=by or employer_user, row=row)
        return row

    return week


def hours(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))
