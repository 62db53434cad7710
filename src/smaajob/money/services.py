# SPDX-License-Identifier: MPL-2.0
"""Writes for the payslip flow: submit, calculate, approve, reconcile with the weeks, mark as
paid, reject, reminders.

Each function is one transaction and refuses bad input before writing anything; an uploaded
file is removed again if the transaction fails, so nothing is ever half-saved. The calculation
uses the rules engine (``smaajob.rules.offset_benefit``) and is a *proposal* until a person in
the benefit office approves it: no benefit is cut automatically (ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from smaajob.audit.models import AuditAction
from smaajob.audit.services import record as audit
from smaajob.citizens.benefit_today import derived_benefit
from smaajob.citizens.models import Citizen
from smaajob.citizens.selectors import benefit_on
from smaajob.courses.models import HoursSource, Placement, WeeklyHours
from smaajob.courses.services import record_week
from smaajob.danish_numbers import NotANumber, format_date, read_decimal
from smaajob.errors import (
    DecisionRequired,
    FourEyesRequired,
    IllegalTransition,
    InvalidHours,
    InvalidInput,
    InvalidPeriod,
    NotFound,
    OverlappingActivity,
)
from smaajob.hours import parse_hours
from smaajob.money import attachments, deadlines, permissions, selectors
from smaajob.money.models import (
    BenefitCalculation,
    Payslip,
    PayslipStatus,
    PayslipTransition,
    PayslipWeek,
    Reconciliation,
    Reminder,
    ReminderKind,
    SubmittedVia,
)
from smaajob.organisation.models import Role, User
from smaajob.rules import LAS_HELP_KINDS, Trace, offset_benefit
from smaajob.rules.months import danish_month, month_index
from smaajob.rules.trace import format_kr, format_number

# The EU working-time directive (2003/88/EF art. 6, arbejdstidsloven § 4) caps work at 48 hours a
# week on average; a payslip above that is almost certainly mistyped (300 h in a month is 70 h/week).
MAX_AVERAGE_WEEKLY_HOURS = Decimal(48)
MAX_PERIOD_DAYS = 31
MAX_HOURLY_WAGE = Decimal(10_000)

ALLOWED_MOVES = {
    PayslipStatus.RECEIVED: {PayslipStatus.CALCULATED, PayslipStatus.REJECTED},
    PayslipStatus.CALCULATED: {PayslipStatus.CALCULATED, PayslipStatus.APPROVED, PayslipStatus.REJECTED},
    PayslipStatus.APPROVED: {PayslipStatus.PAID},
    PayslipStatus.PAID: set(),
    PayslipStatus.REJECTED: set(),
}


def _money(value: Any, *, field: str, what: str) -> Decimal:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InvalidInput(f"Angiv {what} i kroner, fx 1.850,50.", field=field)
    try:
        amount = read_decimal(value)
    except NotANumber:
        raise InvalidInput(f"»{value}« er ikke et beløb; skriv fx 1850,50.", field=field) from None
    if amount < 0:
        raise InvalidInput(f"{what.capitalize()} kan ikke være negativ (fik {amount} kr.).", field=field)
    return amount.quantize(Decimal("0.01"))


def _hours(value: Any, *, start: date, end: date) -> Decimal:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InvalidHours("Angiv antal timer på lønsedlen, fx 26,5.", field="hours")
    try:
        hours = read_decimal(value)
    except NotANumber:
        raise InvalidHours(f"»{value}« er ikke et antal timer; skriv fx 26,5.", field="hours") from None
    if hours < 0:
        raise InvalidHours(f"Timer kan ikke være negative (fik {hours}).", field="hours")
    if hours == 0:
        raise InvalidHours("Lønsedlen skal have mindst én times arbejde.", field="hours")
    days = (end - start).days + 1
    cap = (MAX_AVERAGE_WEEKLY_HOURS * days / 7).quantize(Decimal("0.01"))
    if hours > cap:
        raise InvalidHours(
            f"{format_number(float(hours))} timer på {days} dage er mere end 48 timer om ugen i gennemsnit "
            f"(højst {format_number(float(cap))} timer). Tjek antal timer på lønsedlen.",
            field="hours",
        )
    return hours.quantize(Decimal("0.01"))


def _period(start: date | None, end: date | None, *, today: date, placement: Placement | None) -> None:
    if start is None:
        raise InvalidPeriod("Angiv lønperiodens første dag.", field="period_start")
    if end is None:
        raise InvalidPeriod("Angiv lønperiodens sidste dag.", field="period_end")
    if end < start:
        raise InvalidPeriod(
            f"Perioden slutter ({format_date(end)}) før den begynder ({format_date(start)}).", field="period_end"
        )
    if end > today:
        raise InvalidPeriod(
            f"Perioden slutter {format_date(end)}, som ligger i fremtiden. Send lønsedlen, når perioden er slut.",
            field="period_end",
        )
    if (end - start).days + 1 > MAX_PERIOD_DAYS:
        raise InvalidPeriod(
            f"En lønseddel dækker højst en måned ({MAX_PERIOD_DAYS} dage); del perioden op.", field="period_start"
        )
    if placement is not None:
        first = placement.actual_start or placement.planned_start
        last = placement.actual_end
        if start < first or (last is not None and end > last):
            shown = f"{format_date(first)} – {format_date(last)}" if last else f"fra {format_date(first)}"
            raise InvalidPeriod(
                f"Perioden ligger uden for ansættelsen hos {placement.company.name} ({shown}).", field="period_start"
            )


def check_payslip_figures(
    *,
    period_start: date | None,
    period_end: date | None,
    hours: Any,
    gross_wage: Any,
    placement: Placement | None,
    today: date,
) -> tuple[Decimal, Decimal]:
    """The period, hours and wage of a payslip, checked alike when it is submitted and when it is
    corrected; returns the hours and the wage as numbers."""
    _period(period_start, period_end, today=today, placement=placement)
    assert period_start is not None and period_end is not None
    worked = _hours(hours, start=period_start, end=period_end)
    wage = _money(gross_wage, field="gross_wage", what="bruttolønnen")
    if wage == 0:
        raise InvalidInput("Bruttolønnen skal være større end 0 kr.", field="gross_wage")
    if wage / worked > MAX_HOURLY_WAGE:
        raise InvalidInput(
            f"Det giver en timeløn på {format_kr(float(wage / worked))}; tjek bruttolønnen og timerne.",
            field="gross_wage",
        )
    return worked, wage


def _overlapping(
    citizen: Citizen, placement: Placement | None, employer_name: str, start: date, end: date
) -> list[Payslip]:
    """Live payslips from the same employer whose periods overlap this one (double reporting)."""
    same = Payslip.objects.filter(citizen=citizen, period_start__lte=end, period_end__gte=start).exclude(
        status=PayslipStatus.REJECTED
    )
    if placement is not None:
        same = same.filter(placement=placement)
    else:
        same = same.filter(placement__isnull=True, employer_name__iexact=employer_name.strip())
    return list(same.order_by("period_start"))


def _move(payslip: Payslip, to: str, actor: User, note: str = "") -> None:
    if to not in ALLOWED_MOVES[PayslipStatus(payslip.status)]:
        raise IllegalTransition(
            f"En lønseddel med status »{PayslipStatus(payslip.status).label}« kan ikke blive "
            f"»{PayslipStatus(to).label}«.",
            field="status",
        )
    PayslipTransition.objects.create(payslip=payslip, from_status=payslip.status, to_status=to, actor=actor, note=note)
    payslip.status = to


def _log(actor: User, action: str, payslip: Payslip, detail: str, channel: str | None) -> None:
    audit(
        actor=actor,
        action=action,
        channel=channel,
        object_type="payslip",
        object_id=payslip.pk,
        citizen_id=payslip.citizen_id,
        detail=detail,
    )


def submit_payslip(
    *,
    actor: User,
    citizen: Citizen,
    period_start: date | None,
    period_end: date | None,
    hours: Any,
    gross_wage: Any,
    attachment: Any,
    placement: Placement | None = None,
    employer_name: str = "",
    urgent_requested: bool = False,
    urgent_note: str = "",
    today: date | None = None,
    channel: str | None = None,
) -> Payslip:
    """A payslip from the citizen, the employer or a member of staff; checked, stored, dated.

    Refuses (and stores nothing): a placement that is not the citizen's or is unpaid praktik,
    a negative or missing wage, hours beyond 48 a week on average, a period in the future or
    longer than a month, a file that is not a PDF or image, and an exact duplicate. A payslip
    from the same employer for an overlapping period is kept but flagged for the benefit office.
    """
    today = today or timezone.localdate()
    if placement is not None and placement.course.citizen_id != citizen.pk:
        raise NotFound(permissions.CITIZEN_NOT_FOUND)
    via = permissions.submission_channel(actor, citizen, placement)
    if placement is not None and placement.kind == "placement":
        raise InvalidInput(
            "Virksomhedspraktik er ulønnet og har ingen lønseddel; vælg ansættelsen med løntimer.", field="placement"
        )
    employer_name = (employer_name or "").strip()
    if placement is None and not employer_name:
        raise InvalidInput("Angiv arbejdsgiverens navn (eller vælg ansættelsen).", field="employer_name")
    worked, wage = check_payslip_figures(
        period_start=period_start,
        period_end=period_end,
        hours=hours,
        gross_wage=gross_wage,
        placement=placement,
        today=today,
    )
    assert period_start is not None and period_end is not None
    checked = attachments.check_upload(attachment)
    overlapping = _overlapping(citizen, placement, employer_name, period_start, period_end)
    for other in overlapping:
        if (other.period_start, other.period_end, other.hours, other.gross_wage) == (
            period_start,
            period_end,
            worked,
            wage,
        ):
            raise OverlappingActivity(
                f"Lønsedlen for {format_date(period_start)}–{format_date(period_end)} er allerede modtaget den "
                f"{format_date(timezone.localtime(other.received_at))} (indsendt af "
                f"{other.get_submitted_via_display().lower()}). Den skal ikke sendes igen.",
                field="period_start",
            )
    payslip = Payslip(
        citizen=citizen,
        placement=placement,
        # With a placement the company names the employer, except for an intermediary's payslip,
        # whose employer of record is the intermediary (smaajob.intermediary).
        employer_name="" if placement is not None and via != SubmittedVia.INTERMEDIARY else employer_name[:200],
        period_start=period_start,
        period_end=period_end,
        benefit_month=deadlines.benefit_month(period_end),
        hours=worked,
        gross_wage=wage,
        attachment_type=checked.kind,
        attachment_size=checked.size,
        submitted_by=actor,
        submitted_via=via,
        deadline=deadlines.deadline_for(period_end),
        urgent_requested=bool(urgent_requested),
        urgent_note=(urgent_note or "").strip()[:300],
        overlaps_with=[other.pk for other in overlapping],
    )
    # The file is staged while the rows are written and moved into place on commit (attachments.py).
    with attachments.stored_with(payslip, checked, attachment):
        payslip.save()
        PayslipTransition.objects.create(
            payslip=payslip,
            from_status="",
            to_status=PayslipStatus.RECEIVED,
            actor=actor,
            note="modtaget efter fristen" if today > payslip.deadline else "",
        )
        for other in overlapping:
            # Flag both sides: whichever the benefit office opens first shows the conflict.
            other.overlaps_with = sorted({*other.overlaps_with, payslip.pk})
            other.overlap_cleared_by = None
            other.save(update_fields=["overlaps_with", "overlap_cleared_by"])
        # The DPO reads this line on /tilsyn/: who sent it in, in Danish (not the stored code).
        _log(actor, AuditAction.CREATE, payslip, f"lønseddel indsendt af {SubmittedVia(via).label.lower()}", channel)
    return payslip


def _month_payslips(citizen: Citizen, month: date) -> list[Payslip]:
    return list(
        Payslip.objects.filter(citizen=citizen, benefit_month=month)
        .exclude(status=PayslipStatus.REJECTED)
        .order_by("period_start", "pk")
    )


@transaction.atomic
def calculate(
    *,
    actor: User,
    payslip: Payslip,
    benefit_amount: Any = None,
    manual_amount: Any = None,
    manual_reason: str = "",
    channel: str | None = None,
) -> BenefitCalculation:
    """The month's supplementary benefit after offsetting all its live payslips, explained.

    ``benefit_amount`` is the month's benefit without work; by default the amount recorded on
    the citizen's benefit. Where the rules engine cannot compute (a benefit it does not model,
    a legal amount our sources lack), the benefit office may enter ``manual_amount`` with a
    reason; the calculation is then marked as manual.
    """
    if not permissions.may_handle(actor):
        raise NotFound(permissions.NOT_FOUND)
    payslip = Payslip.objects.select_for_update().get(pk=payslip.pk)
    if payslip.unresolved_overlap:
        raise DecisionRequired(
            f"Lønsedlen overlapper med lønseddel nr. {', '.join(str(i) for i in payslip.overlaps_with)} fra samme "
            "arbejdsgiver. Afvis den ene som dobbelt indberetning, eller bekræft at begge er rigtige.",
            field="overlaps_with",
        )
    if payslip.status not in (PayslipStatus.RECEIVED, PayslipStatus.CALCULATED):
        _move(payslip, PayslipStatus.CALCULATED, actor)  # raises with a clear message
    month = payslip.benefit_month
    month_end = deadlines.next_month(month) - timedelta(days=1)
    included = _month_payslips(payslip.citizen, month)
    hours = sum((p.hours for p in included), Decimal(0))
    wage = sum((p.gross_wage for p in included), Decimal(0))
    benefit = benefit_on(payslip.citizen, month_end)
    benefit_type = benefit.benefit_type if benefit else ""
    amount_given = benefit_amount not in (None, "")
    # From July 2025 the rate, its amount and the free amount follow from the recorded facts.
    derived = derived_benefit(payslip.citizen, month_end, benefit=benefit)
    if amount_given:
        before = _money(benefit_amount, field="benefit_amount", what="hjælpen uden arbejde")
    elif benefit is not None and benefit.monthly_amount is not None:
        before = Decimal(benefit.monthly_amount)
    elif derived.monthly_amount is not None:
        before = Decimal(str(round(derived.monthly_amount, 2)))
    else:
        why = derived.amount_problem or derived.problem
        if derived.missing:
            why = "oplysningerne til satsen mangler: " + ", ".join(derived.missing)
        raise InvalidInput(
            f"Borgerens hjælp for {danish_month(month_index(month))} er ikke registreret med et beløb"
            + (f", og den kan ikke udledes ({why})" if why else "")
            + "; angiv hjælpen uden arbejde for måneden.",
            field="benefit_amount",
        )
    previous = BenefitCalculation.objects.filter(citizen=payslip.citizen, month=month).first()
    trace = Trace(f"Supplerende hjælp for {danish_month(month_index(month))}")
    for p in included:
        trace.input(
            f"payslip_{p.pk}",
            f"Lønseddel nr. {p.pk} ({p.employer_label}, "
            f"{p.period_start.day}.{p.period_start.month}.–{format_date(p.period_end)})",
            f"{format_number(float(p.hours))} timer, {format_kr(float(p.gross_wage))}",
        )
    trace.input(
        "benefit_before",
        "Hjælp uden arbejde" + (" (angivet af ydelseskontoret)" if amount_given else ""),
        format_kr(float(before)),
    )
    manual = manual_amount not in (None, "")
    if manual:
        if not (manual_reason or "").strip():
            raise InvalidInput("Skriv hvorfor beløbet er beregnet manuelt.", field="manual_reason")
        after = _money(manual_amount, field="manual_amount", what="den supplerende hjælp")
        deducted = max(Decimal(0), before - after)
        trace.step(
            f"Beregnet manuelt af ydelseskontoret: {format_kr(float(after))}. Begrundelse: {manual_reason.strip()}",
            float(after),
        )
        trace.note("Beløbet er ikke beregnet af regelmotoren.")
    else:
        if benefit_type and benefit_type not in LAS_HELP_KINDS:
            raise InvalidInput(
                f"Modregning i {benefit.get_benefit_type_display().lower()} beregnes ikke af Småjob endnu; "  # type: ignore[union-attr]
                "angiv beløbet manuelt med en begrundelse.",
                field="manual_amount",
            )
        if derived.rate:
            trace.input("rate", "Sats (udledt af oplysningerne)", derived.rate_label)
        result = offset_benefit(
            month_end,
            benefit=float(before),
            wage=float(wage),
            hours=float(hours),
            kind=derived.free_amount_kind or None,
            trace=trace,
        )
        after = Decimal(str(round(result.benefit_after, 2)))
        deducted = Decimal(str(round(result.deducted, 2)))
    if previous is not None:
        change = after - previous.benefit_after
        trace.step(
            f"Tidligere beregnet for måneden: {format_kr(float(previous.benefit_after))}; "
            f"forskel {format_kr(float(change))}.",
            float(change),
        )
    trace.note("Jobpræmie udbetales ikke af kommunen og indgår ikke i den supplerende hjælp.")
    trace.note("Beregningen er et forslag: den gælder først, når en medarbejder i ydelseskontoret har godkendt den.")
    calculation = BenefitCalculation.objects.create(
        citizen=payslip.citizen,
        month=month,
        benefit_type=benefit_type,
        benefit_before=before,
        hours=hours,
        wage=wage,
        deducted=deducted,
        benefit_after=after,
        previous_benefit_after=previous.benefit_after if previous else None,
        manual=manual,
        manual_reason=(manual_reason or "").strip(),
        payslip_ids=[p.pk for p in included],
        explanation=trace.to_dict(),
        explanation_text=trace.render_text(),
        calculated_by=actor,
    )
    if payslip.status != PayslipStatus.CALCULATED or payslip.calculation_id is not None:
        _move(payslip, PayslipStatus.CALCULATED, actor, "genberegnet" if payslip.calculation_id else "")
    payslip.calculation = calculation
    payslip.save(update_fields=["status", "calculation"])
    _log(actor, AuditAction.UPDATE, payslip, "beregnet", channel)
    return calculation


@transaction.atomic
def approve(*, actor: User, payslip: Payslip, channel: str | None = None) -> Payslip:
    """A person in the benefit office approves the calculated supplement.

    The approved payslip is the record of its paid hours and wage for its period, next to the
    weekly ledger: approval changes no week. Where the payslip and the weeks differ, the
    difference is shown to resolve (``transfer_to_weeks``, ``keep_weeks``, or editing a week).
    With ``settings.FOUR_EYES_APPROVAL`` (on by default) the person who calculated may not
    approve: a second person must, a manual amount included.
    """
    if not permissions.may_handle(actor):
        raise NotFound(permissions.NOT_FOUND)
    payslip = Payslip.objects.select_for_update(of=("self",)).select_related("calculation").get(pk=payslip.pk)
    if payslip.calculation_id is None and payslip.status == PayslipStatus.RECEIVED:
        raise IllegalTransition("Beregn den supplerende hjælp, før lønsedlen godkendes.", field="status")
    calculation = payslip.calculation
    if settings.FOUR_EYES_APPROVAL and calculation is not None and calculation.calculated_by_id == actor.pk:
        raise FourEyesRequired(
            "Du har selv beregnet den supplerende hjælp"
            + (" manuelt" if calculation.manual else "")
            + "; en anden medarbejder i ydelseskontoret skal godkende den (fire øjne).",
            field="status",
        )
    _move(payslip, PayslipStatus.APPROVED, actor)
    payslip.approved_by = actor
    payslip.approved_at = timezone.now()
    payslip.save(update_fields=["status", "approved_by", "approved_at"])
    _log(actor, AuditAction.UPDATE, payslip, "godkendt", channel)
    return payslip


def _reconcilable(actor: User, payslip: Payslip) -> Payslip:
    if not permissions.may_reconcile(actor) or not permissions.payslips_for(actor).filter(pk=payslip.pk).exists():
        raise NotFound(permissions.NOT_FOUND)
    payslip = Payslip.objects.select_for_update(of=("self",)).select_related("placement__course").get(pk=payslip.pk)
    if payslip.status not in (PayslipStatus.APPROVED, PayslipStatus.PAID):
        raise IllegalTransition("Lønsedlen afstemmes med ugerne, når den er godkendt.", field="status")
    if payslip.placement is None:
        raise InvalidInput(
            "Lønsedlen hører ikke til en placering i Småjob; der er ingen uger at afstemme med.", field="placement"
        )
    return payslip


@transaction.atomic
def transfer_to_weeks(
    *,
    actor: User,
    payslip: Payslip,
    hours_by_week: Mapping[date, Any],
    today: date | None = None,
    channel: str | None = None,
) -> Payslip:
    """»Overfør lønsedlens timer til ugerne«: a person's chosen distribution of the payslip's
    hours over the ISO weeks of its period becomes those weeks' paid hours.

    The distribution must add up to the payslip's hours. A week's hours present are never
    changed: a week whose chosen paid hours exceed its hours present is refused (correct the
    week first); a week with no row yet is created with hours present equal to its paid hours.
    A week reaching outside the period also keeps what other payslips transferred to it.
    """
    payslip = _reconcilable(actor, payslip)
    placement = payslip.placement
    assert placement is not None
    allowed = selectors.period_weeks(payslip.period_start, payslip.period_end)
    chosen: dict[date, Decimal] = {}
    for week_start, raw in hours_by_week.items():
        if week_start not in allowed:
            raise InvalidPeriod(
                f"Uge {week_start.isocalendar().week} ligger uden for lønsedlens periode.", field="hours_by_week"
            )
        value = parse_hours(raw, field=f"uge-{week_start.isoformat()}", allow_blank=True)
        chosen[week_start] = value if value is not None else Decimal(0)
    total = sum(chosen.values(), Decimal(0))
    if total != payslip.hours:
        raise InvalidHours(
            f"Fordelingen giver {format_number(float(total))} timer; lønsedlen har "
            f"{format_number(float(payslip.hours))} timer. Ret fordelingen, så den giver det samme.",
            field="hours_by_week",
        )
    PayslipWeek.objects.filter(payslip=payslip).delete()
    for week_start, hours in sorted(chosen.items()):
        others = PayslipWeek.objects.filter(
            placement=placement,
            week_start=week_start,
            payslip__status__in=[PayslipStatus.APPROVED, PayslipStatus.PAID],
        ).aggregate(t=Sum("hours"))["t"] or Decimal(0)
        existing = WeeklyHours.objects.filter(placement=placement, week_start=week_start).first()
        paid = hours + others
        if existing is None and not paid:
            continue
        number = week_start.isocalendar().week
        if existing is not None and paid > existing.hours_present:
            raise InvalidHours(
                f"Uge {number}: {format_number(float(paid))} løntimer er flere end de "
                f"{format_number(float(existing.hours_present))} timer til stede. Ret ugens timer til stede "
                "først, eller fordel timerne anderledes.",
                field=f"uge-{week_start.isoformat()}",
            )
        try:
            record_week(
                actor=actor,
                placement=placement,
                week=week_start,
                hours_present=existing.hours_present if existing is not None else paid,
                hours_paid=paid,
                hours_effective=existing.hours_effective if existing is not None else None,
                hours_training=existing.hours_training if existing is not None else 0,
                source=HoursSource.PAYSLIP,
                today=today or timezone.localdate(),
            )
        except (InvalidHours, InvalidPeriod, OverlappingActivity) as error:
            raise type(error)(f"Uge {number}: {error.message}", field=f"uge-{week_start.isoformat()}") from None
        if hours:
            PayslipWeek.objects.create(payslip=payslip, placement=placement, week_start=week_start, hours=hours)
    payslip.reconciliation = Reconciliation.TRANSFERRED
    payslip.reconciled_difference = None
    _reconciled(payslip, actor, note="")
    _log(actor, AuditAction.UPDATE, payslip, "timer overført til ugerne", channel)
    return payslip


@transaction.atomic
def keep_weeks(*, actor: User, payslip: Payslip, reason: str, channel: str | None = None) -> Payslip:
    """The weeks are right as recorded (e.g. the payslip pays holiday hours): the difference is
    accepted with a reason, and shown again only if the weeks later give another difference."""
    payslip = _reconcilable(actor, payslip)
    if not (reason or "").strip():
        raise InvalidInput("Skriv hvorfor ugerne er rigtige, selv om lønsedlen siger noget andet.", field="reason")
    payslip.reconciliation = Reconciliation.WEEKS_KEPT
    payslip.reconciled_difference = selectors.difference_for(payslip).difference
    _reconciled(payslip, actor, note=reason.strip())
    _log(actor, AuditAction.UPDATE, payslip, "ugerne beholdt", channel)
    return payslip


def _reconciled(payslip: Payslip, actor: User, *, note: str) -> None:
    payslip.reconciled_by = actor
    payslip.reconciled_at = timezone.now()
    payslip.reconciliation_note = note
    payslip.save(
        update_fields=[
            "reconciliation",
            "reconciled_difference",
            "reconciled_by",
            "reconciled_at",
            "reconciliation_note",
        ]
    )


@transaction.atomic
def mark_paid(
    *, actor: User, payslip: Payslip, paid_on: date | None = None, channel: str | None = None
) -> Payslip:
    if not permissions.may_handle(actor):
        raise NotFound(permissions.NOT_FOUND)
    paid_on = paid_on or timezone.localdate()
    if paid_on > timezone.localdate():
        raise InvalidPeriod("Udbetalingsdatoen ligger i fremtiden.", field="paid_on")
    payslip = Payslip.objects.select_for_update().get(pk=payslip.pk)
    _move(payslip, PayslipStatus.PAID, actor, f"udbetalt {format_date(paid_on)}")
    payslip.paid_on = paid_on
    payslip.save(update_fields=["status", "paid_on"])
    _log(actor, AuditAction.UPDATE, payslip, "udbetalt", channel)
    return payslip


@transaction.atomic
def reject(*, actor: User, payslip: Payslip, reason: str, channel: str | None = None) -> Payslip:
    """Reject a payslip (e.g. a double report); the reason is kept and shown to the submitter."""
    if not permissions.may_handle(actor):
        raise NotFound(permissions.NOT_FOUND)
    if not (reason or "").strip():
        raise InvalidInput("Skriv hvorfor lønsedlen afvises, fx »dobbelt indberetning af nr. 12«.", field="reason")
    payslip = Payslip.objects.select_for_update().get(pk=payslip.pk)
    _move(payslip, PayslipStatus.REJECTED, actor, reason.strip())
    payslip.rejection_reason = reason.strip()
    payslip.save(update_fields=["status", "rejection_reason"])
    # The other side of an overlap no longer conflicts with a rejected payslip.
    for other in Payslip.objects.filter(pk__in=payslip.overlaps_with):
        other.overlaps_with = [i for i in other.overlaps_with if i != payslip.pk]
        other.save(update_fields=["overlaps_with"])
    _log(actor, AuditAction.UPDATE, payslip, "afvist", channel)
    return payslip


@transaction.atomic
def confirm_overlap(*, actor: User, payslip: Payslip, note: str, channel: str | None = None) -> Payslip:
    """The benefit office confirms that overlapping payslips are both genuine (e.g. a correction)."""
    if not permissions.may_handle(actor):
        raise NotFound(permissions.NOT_FOUND)
    if not (note or "").strip():
        raise InvalidInput("Skriv hvorfor begge lønsedler er rigtige.", field="note")
    payslip = Payslip.objects.select_for_update().get(pk=payslip.pk)
    if not payslip.overlaps_with:
        raise InvalidInput("Lønsedlen overlapper ikke med andre.", field="overlaps_with")
    payslip.overlap_cleared_by = actor
    payslip.overlap_note = note.strip()
    payslip.save(update_fields=["overlap_cleared_by", "overlap_note"])
    _log(actor, AuditAction.UPDATE, payslip, "overlap bekræftet", channel)
    return payslip


@transaction.atomic
def create_due_reminders(*, today: date | None = None) -> list[Reminder]:
    """Reminders to whoever must act; safe to run many times a day (one per recipient and subject).

    * Before the 20th: the citizen, the employer's contacts and the consultant, for a month with
      paid hours and no payslip yet.
    * Before the payout: the benefit office, for payslips not yet approved.
    """
    today = today or timezone.localdate()
    made: list[Reminder] = []

    def remind(recipient: User | None, **fields: Any) -> None:
        if recipient is None or not recipient.is_active:
            return
        reminder, created = Reminder.objects.get_or_create(recipient=recipient, key=fields.pop("key"), defaults=fields)
        if created:
            made.append(reminder)

    for missing in selectors.missing_payslips(on=today, within_days=deadlines.REMINDER_DAYS_BEFORE_DEADLINE):
        month_text = danish_month(month_index(missing.month))
        message = (
            f"Lønsedlen for {month_text} fra {missing.placement.company.name} mangler. Den skal være "
            f"ydelseskontoret i hænde senest {format_date(missing.deadline)}."
        )
        key = f"missing:{missing.citizen.pk}:{missing.month:%Y-%m}:{missing.placement.pk}"
        recipients = [missing.citizen.user, *missing.placement.company.employer_users.all(), missing.consultant]
        for recipient in recipients:
            remind(
                recipient,
                key=key,
                kind=ReminderKind.MISSING_PAYSLIP,
                citizen=missing.citizen,
                placement=missing.placement,
                month=missing.month,
                due_on=missing.deadline,
                message=message,
            )

    office = User.objects.filter(role=Role.BENEFIT_OFFICE, is_active=True)
    for payslip in selectors.awaiting_action(on=today):
        urgency = deadlines.urgency(
            deadline=payslip.deadline, done=False, requested=payslip.urgent_requested, today=today
        )
        if not urgency.urgent:
            continue
        message = (
            f"Lønseddel nr. {payslip.pk} ({payslip.citizen.full_name}) er "
            f"{payslip.get_status_display().lower()}; udbetaling {format_date(urgency.payout_on)}."
        )
        for recipient in office.filter(municipality_id=payslip.citizen.municipality_id):
            remind(
                recipient,
                key=f"act:{payslip.pk}",
                kind=ReminderKind.ACT_ON_PAYSLIP,
                citizen=payslip.citizen,
                payslip=payslip,
                month=payslip.benefit_month,
                due_on=urgency.payout_on,
                message=message,
            )
    return made
