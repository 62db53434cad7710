# SPDX-License-Identifier: MPL-2.0
"""The small demo's intermediary employer: a synthetic "Job Fokus" as in Aalborg's "Små job med
mening" (seed 000 L1657–1671: Job Fokus holds the employment, "så kommer der jo også bare en
faktura til virksomheden en gang om måneden"), with contracts with two demo companies and three
demo citizens employed through it.

The story on the demo's day: the month before last is fully confirmed and was run on the 2nd of
the following month (invoices, wage statements, payslips in the benefit office's flow); last
month is recorded, but one week is still unconfirmed and the month is not run — the
intermediary's home page shows both as its next actions.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from smaajob.courses.models import Course, Placement
from smaajob.courses.services import confirm_week, create_placement, record_week, start_placement
from smaajob.courses.states import CourseState
from smaajob.demo.organisation import make_user
from smaajob.intermediary.services import (
    add_member,
    compute_month,
    create_contract,
    create_intermediary,
    employ_through,
)
from smaajob.network.models import Company
from smaajob.organisation.models import Municipality, Role, User

# Synthetic CVR numbers that pass the modulus-11 check (not real companies).
JOB_FOKUS_CVR = "29000018"
# Price and wage per hour: synthetic, of the order of an unskilled hourly wage plus overhead.
CONTRACTS = ((Decimal("187.50"), Decimal("132.35")), (Decimal("195.00"), Decimal("132.35")))
BASIS = (
    "Samarbejdsaftale »Små job med mening« (opdigtet demo): Job Fokus er arbejdsgiver; ordinære, "
    "ustøttede løntimer efter arbejdsstedets overenskomst; fakturering månedsvis for bekræftede timer."
)
WEEK_HOURS = (("6", "7,5", "8", "6,5", "8", "7", "8", "7,5", "6"), ("4", "4", "5", "4,5", "5", "5", "4", "5", "5"))


def _month_before(day: date) -> date:
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


def _first_monday(month: date) -> date:
    return month + timedelta(days=(7 - month.weekday()) % 7)


def _candidates(companies: list[Company]) -> list[Course]:
    """Open courses of citizens without a placement at either company (deterministic order)."""
    busy = Placement.objects.filter(company__in=companies).values("course__citizen_id")
    return list(
        Course.objects.exclude(state=CourseState.EXITED)
        .exclude(citizen_id__in=busy)
        .filter(citizen__is_synthetic=True, annulled_at__isnull=True)
        .order_by("citizen__last_name", "pk")
    )


def write_intermediary(
    *,
    municipality: Municipality,
    consultant: User,
    employer_company: Company,
    employer_user: User,
    other_company: Company,
    today: date,
) -> dict[str, int]:
    """Job Fokus, its user ``mellemled``, two contracts, three employees and two months of hours."""
    job_fokus = create_intermediary(
        actor=consultant,
        municipality=municipality,
        name="Job Fokus",
        cvr=JOB_FOKUS_CVR,
        invoice_prefix="JF",
        is_synthetic=True,
    )
    user = make_user("mellemled", Role.INTERMEDIARY, "Maja", "Mellemled", municipality)
    add_member(intermediary=job_fokus, user=user)
    other_user = make_user("kunde", Role.EMPLOYER, "Kasper", "Kunde", municipality, company=other_company)
    companies = [employer_company, other_company]
    confirmers = {employer_company.pk: employer_user, other_company.pk: other_user}
    last_month = _month_before(today)
    run_month_day = _month_before(last_month)
    start = _first_monday(run_month_day)
    contracts = [
        create_contract(
            actor=consultant,
            intermediary=job_fokus,
            company=company,
            hourly_price=price,
            hourly_wage=wage,
            basis_reference=BASIS,
            valid_from=start.replace(day=1),
        )
        for company, (price, wage) in zip(companies, CONTRACTS, strict=True)
    ]
    courses = _candidates(companies)[:3]
    mondays = []
    monday = start
    while monday < today.replace(day=1):
        mondays.append(monday)
        monday += timedelta(weeks=1)
    for n, course in enumerate(courses):
        contract = contracts[0] if n < 2 else contracts[1]
        placement = create_placement(
            actor=consultant,
            course=course,
            company=contract.company,
            kind="paid",
            planned_start=start,
            tasks="Lager og opfyldning" if n < 2 else "Kantine og opvask",
        )
        placement = start_placement(actor=consultant, placement=placement, on=start)
        employ_through(actor=consultant, placement=placement, contract=contract)
        pattern = WEEK_HOURS[n % 2]
        for i, week in enumerate(mondays):
            h = pattern[i % len(pattern)]
            row = record_week(
                actor=consultant,
                placement=placement,
                week=week,
                hours_present=h,
                hours_paid=h,
                today=today,
            )
            # The last employee's last week of last month is not confirmed yet (the alert).
            if not (n == 2 and week == mondays[-1] and week >= last_month):
                confirm_week(actor=confirmers[contract.company_id], row=row)
    # The month before last was run on the 2nd of the month after, before the payslip deadline.
    # Its payslips are filed by ``smaajob demo`` once the load (one transaction) has committed
    # (``intermediary.payslips.file_pending_payslips``): a payslip's file and row are written in
    # a transaction of their own (money.attachments), and payslips are an entry point's write.
    result = compute_month(actor=user, month=run_month_day, today=last_month.replace(day=2))
    return {"mellemled": 1, "ansatte gennem mellemled": len(courses), "fakturaer": result.run.invoices.count()}
