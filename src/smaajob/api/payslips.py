# SPDX-License-Identifier: MPL-2.0
"""API: payslips — submit (multipart with the file), the benefit office's worklist, and the
steps received → calculated → approved → paid. Same access rules as the pages; reads are logged."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from django.utils import timezone
from ninja import Field, File, Form, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.api.pagination import Pages, Rows
from smaajob.api.types import Id, Text, text_for
from smaajob.audit.models import AuditChannel
from smaajob.courses.models import Placement
from smaajob.errors import NotFound
from smaajob.money import permissions, selectors, services
from smaajob.money.models import Payslip
from smaajob.organisation.models import User

PREFIX = "/loensedler"
TAG = "loensedler"
router = Router()
EmployerName = Annotated[str, text_for(Payslip, "employer_name")]
UrgentNote = Annotated[str, text_for(Payslip, "urgent_note")]
API = AuditChannel.API


class CalculationOut(Schema):
    month: dt.date
    benefit_before: Decimal
    hours: Decimal
    wage: Decimal
    deducted: Decimal
    benefit_after: Decimal = Field(..., description="Supplerende hjælp for måneden (forslag indtil godkendt)")
    previous_benefit_after: Decimal | None
    manual: bool
    payslip_ids: list[int]
    explanation_text: str
    explanation: dict[str, Any]


class PayslipOut(Schema):
    id: int
    citizen_id: int
    placement_id: int | None
    employer: str
    period_start: dt.date
    period_end: dt.date
    hours: Decimal
    gross_wage: Decimal
    attachment_type: str
    submitted_via: str
    received_at: dt.datetime
    deadline: dt.date
    status: str
    urgent: bool
    urgent_reasons: list[str]
    overlaps_with: list[int] | None = Field(..., description="Lønsedler for samme periode; null for en virksomhed")
    overlap_resolved: bool | None = Field(..., description="null for en virksomhed")
    calculation: CalculationOut | None = Field(..., description="Den supplerende hjælp; null for en virksomhed")
    approved_at: dt.datetime | None
    reconciliation: str = Field(description="transferred / weeks_kept / tom: hvordan forskellen til ugerne er afstemt")


def _out(p: Payslip, actor: User) -> PayslipOut:
    """The payslip as ``actor`` may see it: an employer gets its own payslip without the
    citizen's benefit and without the citizen's other payslips (``permissions.sees_benefit``)."""
    from smaajob.money import deadlines

    benefit = permissions.sees_benefit(actor)

    urgency = deadlines.urgency(
        deadline=p.deadline,
        done=p.status in ("approved", "paid"),
        requested=p.urgent_requested,
        today=timezone.localdate(),
    )
    c = p.calculation
    return PayslipOut(
        id=p.pk,
        citizen_id=p.citizen_id,
        placement_id=p.placement_id,
        employer=p.employer_label,
        period_start=p.period_start,
        period_end=p.period_end,
        hours=p.hours,
        gross_wage=p.gross_wage,
        attachment_type=p.attachment_type,
        submitted_via=p.submitted_via,
        received_at=p.received_at,
        deadline=p.deadline,
        status=p.status,
        urgent=urgency.urgent,
        urgent_reasons=list(urgency.reasons),
        overlaps_with=list(p.overlaps_with) if benefit else None,
        overlap_resolved=not p.unresolved_overlap if benefit else None,
        calculation=None
        if c is None or not benefit
        else CalculationOut(
            month=c.month,
            benefit_before=c.benefit_before,
            hours=c.hours,
            wage=c.wage,
            deducted=c.deducted,
            benefit_after=c.benefit_after,
            previous_benefit_after=c.previous_benefit_after,
            manual=c.manual,
            payslip_ids=list(c.payslip_ids),
            explanation_text=c.explanation_text,
            explanation=c.explanation,
        ),
        approved_at=p.approved_at,
        reconciliation=p.reconciliation,
    )


@router.post("/", response={201: PayslipOut}, summary="Indsend en lønseddel (PDF eller billede)")
def submit(
    request: AuthenticatedRequest,
    citizen_id: Form[Id],
    period_start: Form[dt.date],
    period_end: Form[dt.date],
    hours: Form[Text],
    gross_wage: Form[Text],
    attachment: File[UploadedFile] = None,  # type: ignore[assignment]
    placement_id: Form[Id | None] = None,
    # Annotated[..., Form("")], not Form[...] = "": ninja drops that default for an Annotated type.
    employer_name: Annotated[EmployerName, Form("")] = "",
    urgent: Form[bool] = False,
    urgent_note: Annotated[UrgentNote, Form("")] = "",
) -> Status[PayslipOut]:
    from smaajob.citizens.models import Citizen

    citizen = Citizen.objects.filter(pk=citizen_id).first()
    if citizen is None:
        raise NotFound(permissions.CITIZEN_NOT_FOUND)
    placement = None
    if placement_id is not None:
        placement = Placement.objects.select_related("course", "company").filter(pk=placement_id).first()
        if placement is None:
            raise NotFound(permissions.CITIZEN_NOT_FOUND)
    payslip = services.submit_payslip(
        actor=request.user,
        citizen=citizen,
        placement=placement,
        employer_name=employer_name,
        period_start=period_start,
        period_end=period_end,
        hours=hours,
        gross_wage=gross_wage,
        attachment=attachment,
        urgent_requested=urgent,
        urgent_note=urgent_note,
        channel=API,
    )
    return Status(201, _out(payslip, request.user))


@router.get("/", response=list[PayslipOut], summary="Åbne lønsedler, mest presserende først")
@paginate(Pages)
def worklist(request: AuthenticatedRequest, status: str | None = None) -> Rows:
    user = request.user
    rows = selectors.worklist(permissions.payslips_for(user), today=timezone.localdate(), status=status or None)

    def log_page(page: list[PayslipOut]) -> None:
        # The citizens on this page are read, not every citizen in the list.
        access.log_list_read(user, sorted({p.citizen_id for p in page}), channel=API, purpose="API: lønsedler")

    return Rows(rows, lambda r: _out(r.payslip, user), on_page=log_page)


@router.get("/{payslip_id}", response=PayslipOut, summary="Én lønseddel (404 hvis den ikke findes eller ikke er din)")
def detail(request: AuthenticatedRequest, payslip_id: Id) -> PayslipOut:
    return _out(permissions.get_payslip(request.user, payslip_id, channel=API, purpose="API"), request.user)


class CalculateIn(Schema):
    benefit_amount: Text | None = Field(None, description="Hjælp uden arbejde; ellers borgerens registrerede beløb")
    manual_amount: Text | None = Field(None, description="Kun når Småjob ikke kan beregne; kræver manual_reason")
    manual_reason: Text = ""


class ReasonIn(Schema):
    reason: Text


class PaidIn(Schema):
    paid_on: dt.date


@router.post("/{payslip_id}/beregn", response=PayslipOut, summary="Beregn den supplerende hjælp (ydelseskontoret)")
def calculate(request: AuthenticatedRequest, payslip_id: Id, payload: CalculateIn) -> PayslipOut:
    payslip = permissions.get_payslip(request.user, payslip_id, channel=API, purpose="API: beregn")
    services.calculate(
        actor=request.user,
        payslip=payslip,
        benefit_amount=payload.benefit_amount,
        manual_amount=payload.manual_amount,
        manual_reason=payload.manual_reason,
        channel=API,
    )
    return _out(Payslip.objects.select_related("calculation", "placement__company").get(pk=payslip.pk), request.user)


@router.post("/{payslip_id}/godkend", response=PayslipOut, summary="Godkend (fire øjne); ugerne ændres ikke")
def approve(request: AuthenticatedRequest, payslip_id: Id) -> PayslipOut:
    payslip = permissions.get_payslip(request.user, payslip_id, channel=API, purpose="API: godkend")
    return _out(services.approve(actor=request.user, payslip=payslip, channel=API), request.user)


@router.post("/{payslip_id}/udbetalt", response=PayslipOut, summary="Marker som udbetalt")
def paid(request: AuthenticatedRequest, payslip_id: Id, payload: PaidIn) -> PayslipOut:
    payslip = permissions.get_payslip(request.user, payslip_id, channel=API, purpose="API: udbetalt")
    row = services.mark_paid(actor=request.user, payslip=payslip, paid_on=payload.paid_on, channel=API)
    return _out(row, request.user)


@router.post("/{payslip_id}/afvis", response=PayslipOut, summary="Afvis (fx dobbelt indberetning)")
def reject(request: AuthenticatedRequest, payslip_id: Id, payload: ReasonIn) -> PayslipOut:
    payslip = permissions.get_payslip(request.user, payslip_id, channel=API, purpose="API: afvis")
    return _out(services.reject(actor=request.user, payslip=payslip, reason=payload.reason, channel=API), request.user)
