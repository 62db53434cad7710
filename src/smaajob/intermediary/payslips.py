# SPDX-License-Identifier: MPL-2.0
"""The intermediary's monthly run with its payslips: ``run_month`` computes the month
(``services.compute_month``: invoices and wage statements, one transaction), then registers each
citizen's payslip in the payslip flow (``smaajob.money.services.submit_payslip``, which files the
payslip in its own transaction with the wage statement PDF as the attachment and the
intermediary as its source). An entry point beside ``money.services`` (pyproject.toml).

Running the month again changes nothing that has not changed: an unchanged payslip is not sent
again; a changed one (a week confirmed late) is sent as a new payslip for the same period, which
the payslip flow flags as overlapping the first so that the benefit office keeps one.
"""

from __future__ import annotations

from datetime import date

from django.core.files.base import ContentFile
from django.utils import timezone

from smaajob.errors import SmaajobError
from smaajob.intermediary import documents
from smaajob.intermediary.models import WageStatement
from smaajob.intermediary.services import RunResult, compute_month
from smaajob.money.models import Payslip, PayslipStatus, SubmittedVia
from smaajob.money.services import submit_payslip
from smaajob.organisation.models import User


def run_month(*, actor: User, month: date, today: date | None = None) -> RunResult:
    """The month's invoices, wage statements and payslips (only confirmed weeks count)."""
    today = today or timezone.localdate()
    result = compute_month(actor=actor, month=month, today=today)
    return file_payslips(actor=actor, result=result, today=today)


def file_pending_payslips(*, today: date | None = None) -> int:
    """File the payslips of wage statements that have none yet, for runs computed without them
    (the demo loader computes its run inside its one transaction; ``smaajob demo`` files them
    after). Each is filed by the run's last runner, dated the run's own day."""
    count = 0
    pending = WageStatement.objects.filter(payslip__isnull=True, hours__gt=0).select_related("run__last_run_by")
    for run in {s.run for s in pending}:
        result = RunResult(run=run)
        file_payslips(actor=run.last_run_by, result=result, today=today or run.last_run_at.date())
        count += len(result.payslips_registered)
    return count


def _matches(payslip: Payslip, statement: WageStatement) -> bool:
    return (payslip.period_start, payslip.period_end, payslip.hours, payslip.gross_wage) == (
        statement.period_start,
        statement.period_end,
        statement.hours,
        statement.gross_wage,
    )


def _register_payslip(*, actor: User, statement: WageStatement, today: date) -> Payslip | None:
    """The statement's payslip in the payslip flow, unless the same one is there already."""
    if statement.payslip is not None and _matches(statement.payslip, statement):
        return None
    # A payslip this run sent before its link was saved (a process stopped in between).
    same = [
        p
        for p in Payslip.objects.filter(
            placement=statement.placement, submitted_via=SubmittedVia.INTERMEDIARY, period_start=statement.period_start
        ).exclude(status=PayslipStatus.REJECTED)
        if _matches(p, statement)
    ]
    if same:
        WageStatement.objects.filter(pk=statement.pk).update(payslip=same[0])
        return None
    pdf = ContentFile(documents.wage_statement_pdf(statement), name="loenopgoerelse.pdf")
    payslip = submit_payslip(
        actor=actor,
        citizen=statement.citizen,
        placement=statement.placement,
        period_start=statement.period_start,
        period_end=statement.period_end,
        hours=statement.hours,
        gross_wage=statement.gross_wage,
        attachment=pdf,
        employer_name=statement.run.intermediary.name,
        today=today,
    )
    WageStatement.objects.filter(pk=statement.pk).update(payslip=payslip)
    return payslip


def file_payslips(*, actor: User, result: RunResult, today: date) -> RunResult:
    """Register the run's payslips in the payslip flow; an unchanged one is not sent again."""
    statements = (
        WageStatement.objects.filter(run=result.run, hours__gt=0)
        .select_related("run__intermediary", "citizen", "placement__company", "payslip")
        .order_by("pk")
    )
    for statement in statements:
        try:
            payslip = _register_payslip(actor=actor, statement=statement, today=today)
        except SmaajobError as error:
            result.problems.append(f"{statement.citizen.full_name}: {error.message}")
            continue
        if payslip is None:
            result.payslips_kept += 1
        else:
            result.payslips_registered.append(payslip)
    return result
