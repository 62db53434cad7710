# SPDX-License-Identifier: MPL-2.0
"""API: rettidighed under ``/api/v1/rettidighed/`` — the same deadlines as the pages, through
the same access rules (``smaajob.access.deadlines``): the case workers only, a citizen of
another caseload or municipality is "not found", reads are audit-logged."""

# No ``from __future__ import annotations`` (django-ninja pagination reads the annotations).

from datetime import date

from ninja import Query, Router, Schema
from ninja.pagination import paginate

from smaajob.access import deadlines as access_deadlines
from smaajob.access.requests import AuthenticatedRequest
from smaajob.api.pagination import Pages, Rows
from smaajob.api.types import Id
from smaajob.audit.models import AuditChannel
from smaajob.courses.selectors.deadlines import CitizenDeadlines
from smaajob.rules.deadlines import Deadline, RefundLoss

PREFIX = "/rettidighed"
TAG = "rettidighed"
router = Router()


class RefundOut(Schema):
    late_from: date
    late_to: date
    days: int
    rate: float | None
    rate_when_late: float | None
    share_lost: float | None
    amount: float | None
    ongoing: bool
    unknown_reason: str


class DeadlineOut(Schema):
    kind: str
    label: str
    status: str
    status_label: str
    due: date | None
    met_on: date | None
    counted_from: date | None
    basis: str
    note: str
    refund: RefundOut | None


class CitizenDeadlinesOut(Schema):
    citizen_id: int
    name: str
    project: str | None
    covered: bool
    reason: str
    on: date
    next: DeadlineOut | None
    missed: int
    refund_at_stake: float
    refund_unknown: bool
    unknown_rules: int
    deadlines: list[DeadlineOut]


class OverviewFilter(Schema):
    dato: date | None = None
    medarbejder: Id | None = None


def _refund(r: RefundLoss) -> RefundOut:
    return RefundOut(
        late_from=r.late_from,
        late_to=r.late_to,
        days=r.days,
        rate=r.rate,
        rate_when_late=r.rate_when_late,
        share_lost=r.share_lost,
        amount=r.amount,
        ongoing=r.ongoing,
        unknown_reason=r.unknown_reason,
    )


def _deadline(d: Deadline) -> DeadlineOut:
    refund = d.refund
    return DeadlineOut(
        kind=d.kind.value,
        label=d.label,
        status=d.status.value,
        status_label=d.status_label,
        due=d.due,
        met_on=d.met_on,
        counted_from=d.counted_from,
        basis=d.basis,
        note=d.note,
        refund=_refund(refund) if refund else None,
    )


def _row(row: CitizenDeadlines, on: date, *, with_all: bool) -> CitizenDeadlinesOut:
    report = row.report
    nxt = report.next_open if report else None
    return CitizenDeadlinesOut(
        citizen_id=row.citizen_id,
        name=row.name,
        project=row.course.project.name if row.course else None,
        covered=report is not None,
        reason=row.reason,
        on=on,
        next=_deadline(nxt) if nxt else None,
        missed=len(report.missed) if report else 0,
        refund_at_stake=report.refund_at_stake if report else 0.0,
        refund_unknown=report.refund_unknown if report else False,
        unknown_rules=len(report.unknown) if report else 0,
        deadlines=[_deadline(d) for d in report.deadlines] if report and with_all else [],
    )


@router.get(
    "/",
    response=list[CitizenDeadlinesOut],
    summary="Fristerne pr. borger, de mest presserende først (næste frist, overskredne, refusion)",
)
@paginate(Pages)
def overview(request: AuthenticatedRequest, filters: Query[OverviewFilter]) -> Rows:
    on = filters.dato or date.today()
    rows = access_deadlines.team_deadlines(
        request.user, on=on, caseworker_id=filters.medarbejder, channel=AuditChannel.API
    )
    return Rows(rows, lambda r: _row(r, on, with_all=False))


@router.get("/borgere/{citizen_id}", response=CitizenDeadlinesOut, summary="Alle én borgers frister")
def citizen(request: AuthenticatedRequest, citizen_id: Id, dato: date | None = None) -> CitizenDeadlinesOut:
    on = dato or date.today()
    row = access_deadlines.citizen_deadlines(request.user, citizen_id, on=on, channel=AuditChannel.API)
    return _row(row, on, with_all=True)
