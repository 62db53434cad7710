# SPDX-License-Identifier: MPL-2.0
"""The worklist and each role's next actions, from ONE declared list of alert rules.

``ALERT_RULES`` below is the whole list: every alert anyone sees is one of these rules, each
with its code, the roles it is for, its Danish label (numbers filled in), its urgency, the
condition that finds its cases and the page its alerts link to. Nothing registers rules at
start-up; a new rule is a new entry in the tuple.

A condition is called with the user, the ``QuerySet`` of citizens that user may see (from
``smaajob.access.citizens_for``, so a rule cannot widen access) and the day, and yields
``Hit``s. The list lives in ``smaajob.access`` because the web pages and the API both show it
and both must get exactly the same, access-checked list. Reading it audit-logs one list read.

* ``worklist(user)`` — the staff worklist (caseworkers, consultants, coordinators), most
  urgent first; anyone else gets the ``NotFound`` of a missing page.
* ``next_actions(user)`` — the same rules for any role: the home page's "Det næste".
* ``mark_handled(actor=…, keys=…, reason=…)`` — several alerts handled with one reason; they
  leave the list until their condition changes (the key names the condition's state).

A rule that no longer applies on the day (the 225-hour rule's reviews and risk after 30 June
2025) yields nothing: its ``applies_on`` says so, and its group is left out of the counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import get_language

from smaajob.access.cases import require_worklist
from smaajob.access.citizens import citizens_for, employer_facts, log_list_read
from smaajob.access.courses import placements_for, proposals_for
from smaajob.access.intermediary import intermediary_of
from smaajob.audit.models import AuditAction, AuditChannel, HandledAlert
from smaajob.audit.services import record as audit
from smaajob.cases import hours_requirement_for_many
from smaajob.choices import choice_labels
from smaajob.citizens.models import (
    Benefit,
    Citizen,
    ExemptionDecision,
    TransferRequest,
    TransferStatus,
    WorkDuty,
    full_name_of,
)
from smaajob.citizens.services import may_answer_transfer
from smaajob.courses.models import Course, CourseTransition, MatchProposal, Placement, WeeklyHours
from smaajob.courses.selectors import (
    active_on,
    follow_up_due_dates,
    follow_up_is_due,
    hours_requirement_in_force,
)
from smaajob.courses.selectors.deadlines import deadlines_for_many
from smaajob.courses.states import CourseState
from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidInput
from smaajob.ids import IdIn
from smaajob.intermediary import selectors as intermediary_selectors
from smaajob.links import cached_reverse
from smaajob.money import selectors as money_selectors
from smaajob.money.deadlines import DEADLINE_DAY, REMINDER_DAYS_BEFORE_DEADLINE
from smaajob.money.models import Payslip, PayslipStatus
from smaajob.offers.models import Order
from smaajob.offers.selectors import orders_with_overdue_report
from smaajob.organisation.models import Project, Role, User
from smaajob.rules.coverage import covered_benefits
from smaajob.rules.deadlines import DeadlineStatus
from smaajob.rules.months import danish_month, month_index
from smaajob.rules.trace import format_kr

HIGH = "high"
NORMAL = "normal"

STAFF = frozenset({Role.CASEWORKER, Role.CONSULTANT, Role.COORDINATOR})
# How soon a placement's end counts as "ending" when no next step is planned.
ENDING_WITHIN_DAYS = 7
# A week to plan the work-duty hours after the duty starts before the alert turns urgent.
WORK_DUTY_GRACE_DAYS = 7


def match_wait_days() -> int:
    """Days a citizen may wait for a match without contact before the worklist says so
    (``SMAAJOB_MATCH_WAIT_DAYS``, default 30; docs/working-tool.md)."""
    return int(settings.SMAAJOB_MATCH_WAIT_DAYS)


@dataclass(frozen=True)
class Hit:
    """One case a rule's condition found."""

    citizen_id: int
    citizen_name: str
    due: date
    url_args: tuple[int | str, ...]
    title: str
    subject: str  # the state of the condition: with the rule's code, the alert's key
    detail: str = ""
    urgency: str | None = None  # None: the rule's


@dataclass(frozen=True)
class Alert:
    code: str
    title: str
    citizen_id: int
    citizen_name: str
    due: date
    url: str
    action: str
    detail: str = ""
    severity: str = NORMAL  # "high" when overdue or money is at stake
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Condition = Callable[[User, QuerySet[Citizen], date], Iterable[Hit]]


def _always(on: date) -> bool:
    return True


def _no_numbers(user: User, on: date) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class AlertRule:
    code: str
    roles: frozenset[str]
    label: str  # Danish; ``{name}`` fields are filled in by ``numbers``
    urgency: str
    action_url: str  # the URL name its alerts link to; each hit gives the arguments
    action: str
    condition: Condition
    applies_on: Callable[[date], bool] = _always
    numbers: Callable[[User, date], dict[str, Any]] = field(default=_no_numbers)
    fragment: str = ""  # a place on the action page ("#timer-225")

    def label_for(self, user: User, on: date) -> str:
        return self.label.format(**self.numbers(user, on))

    def for_user(self, user: User, on: date) -> bool:
        return user.role in self.roles and self.applies_on(on)


def _name(first: str, last: str) -> str:
    return full_name_of(first, last)


# --------------------------------------------------------------------------- the conditions
#
# A caseload is tens of citizens and a team's hundreds, so each condition is one query (or a
# few) that reads plain rows, not model instances.


def follow_ups_overdue(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """Every follow-up due today or before, by the follow-up page's own rule."""
    courses = Course.objects.filter(citizen__in=citizens)
    due_by_course = follow_up_due_dates(courses)
    rows = (
        courses.filter(IdIn("pk", [pk for pk, due in due_by_course.items() if follow_up_is_due(due, today)]))
        .order_by("pk")
        .values_list(
            "pk",
            "citizen_id",
            "citizen__first_name",
            "citizen__last_name",
            "project__name",
            "project__follow_up_interval_days",
            named=True,
        )
    )
    for course in rows:
        due = due_by_course[course.pk]
        yield Hit(
            citizen_id=course.citizen_id,
            citizen_name=_name(course.citizen__first_name, course.citizen__last_name),
            due=due,
            url_args=(course.pk,),
            title="Opfølgning forfalden" if due < today else "Opfølgning i dag",
            subject=f"course:{course.pk}:{due.isoformat()}",
            detail=f"{course.project__name}: hver {course.project__follow_up_interval_days}. dag",
            urgency=HIGH if due < today else NORMAL,
        )


def waiting_for_match(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """Citizens in matching whose last contact (a follow-up, or the day matching began) is
    more than ``match_wait_days()`` ago."""
    days = match_wait_days()
    entered = CourseTransition.objects.filter(course=OuterRef("pk"), to_state=CourseState.MATCHING).order_by(
        "-happened_on", "-id"
    )
    rows = (
        Course.objects.filter(citizen__in=citizens, state=CourseState.MATCHING)
        .annotate(
            last_contact=Max("follow_ups__happened_on"),
            matching_since=Subquery(entered.values("happened_on")[:1]),
        )
        .order_by("pk")
        .values_list(
            "pk",
            "citizen_id",
            "citizen__first_name",
            "citizen__last_name",
            "last_contact",
            "matching_since",
            "started_on",
            named=True,
        )
    )
    for course in rows:
        known = [d for d in (course.last_contact, course.matching_since) if d is not None]
        contact = max(known) if known else course.started_on
        if (today - contact).days <= days:
            continue
        yield Hit(
            citizen_id=course.citizen_id,
            citizen_name=_name(course.citizen__first_name, course.citizen__last_name),
            due=contact + timedelta(days=days),
            url_args=(course.citizen_id,),
            title=f"Venter på match: ingen kontakt i {(today - contact).days} dage",
            subject=f"course:{course.pk}:{contact.isoformat()}",
            detail=f"Sidste kontakt {format_date(contact)}",
        )


def proposal_answers_waiting(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """The employer said yes to a proposed match and no match meeting is booked yet."""
    rows = (
        MatchProposal.objects.filter(course__citizen__in=citizens, status="agreed")
        .order_by("answered_on", "pk")
        .values_list(
            "pk",
            "course__citizen_id",
            "course__citizen__first_name",
            "course__citizen__last_name",
            "opening__title",
            "opening__company__name",
            "answered_on",
            "proposed_on",
            named=True,
        )
    )
    for p in rows:
        answered = p.answered_on or p.proposed_on
        yield Hit(
            citizen_id=p.course__citizen_id,
            citizen_name=_name(p.course__citizen__first_name, p.course__citizen__last_name),
            due=answered,
            url_args=(p.pk,),
            title="Virksomheden har svaret ja til et matchforslag",
            subject=f"proposal:{p.pk}:agreed",
            detail=f"»{p.opening__title}« hos {p.opening__company__name}, svar {format_date(answered)}",
        )


def payslips_missing(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """Paid placements of last month without a payslip while the 20th has not passed."""
    for missing in money_selectors.missing_payslips(
        on=today, municipality_id=user.municipality_id, citizens=citizens, recipients=False
    ):
        days_left = (missing.deadline - today).days
        yield Hit(
            citizen_id=missing.citizen.pk,
            citizen_name=missing.citizen.full_name,
            due=missing.deadline,
            url_args=(missing.citizen.pk,),
            title=f"Lønseddel mangler (frist d. {DEADLINE_DAY}.)",
            subject=f"placement:{missing.placement.pk}:{missing.month.isoformat()}",
            detail=(
                f"Lønsedlen for {danish_month(month_index(missing.month))} fra "
                f"{missing.placement.company.name} skal være hos ydelseskontoret senest "
                f"{format_date(missing.deadline)}."
            ),
            # Money is at stake: the whole benefit can be withheld after the 20th (000 L1673).
            urgency=HIGH if days_left <= 5 else NORMAL,
        )


def own_payslip_missing(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """The citizen's own missing payslip (the same selector as the staff's alert)."""
    for hit in payslips_missing(user, citizens, today):
        yield Hit(**{**asdict(hit), "url_args": (), "title": "Send din lønseddel"})


_PLACEMENT_FIELDS = (
    "pk",
    "kind",
    "actual_start",
    "planned_end",
    "course__citizen_id",
    "course__citizen__first_name",
    "course__citizen__last_name",
    "course__project__name",
    "course__project__weeks_without_pay_alert",
    "company__name",
)


def _running(citizens: QuerySet[Citizen], today: date) -> QuerySet[Placement]:
    return (
        Placement.objects.filter(course__citizen__in=citizens)
        .filter(active_on(today))
        .exclude(course__state="exited")
        .order_by("pk")
    )


def placements_ending(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    later = Placement.objects.filter(course=OuterRef("course"), planned_start__gt=OuterRef("planned_start"))
    rows = (
        _running(citizens, today)
        .filter(planned_end__gte=today, planned_end__lte=today + timedelta(days=ENDING_WITHIN_DAYS))
        .filter(converted_to__isnull=True)
        .filter(~Exists(later))
        .values_list(*_PLACEMENT_FIELDS, named=True)
    )
    kinds = choice_labels(Placement._meta.get_field("kind"), get_language())
    for p in rows:
        yield Hit(
            citizen_id=p.course__citizen_id,
            citizen_name=_name(p.course__citizen__first_name, p.course__citizen__last_name),
            due=p.planned_end,
            url_args=(p.pk,),
            title="Placering slutter uden næste skridt",
            subject=f"placement:{p.pk}:{p.planned_end.isoformat()}",
            detail=f"{kinds.get(p.kind, p.kind)} hos {p.company__name} slutter {format_date(p.planned_end)}",
        )


def weeks_without_pay(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    paid = WeeklyHours.objects.filter(placement__course=OuterRef("course"), hours_paid__gt=0)
    rows = _running(citizens, today).filter(~Exists(paid)).values_list(*_PLACEMENT_FIELDS, named=True)
    for p in rows:
        limit = p.course__project__weeks_without_pay_alert
        weeks = (today - p.actual_start).days // 7
        if weeks >= limit:
            yield Hit(
                citizen_id=p.course__citizen_id,
                citizen_name=_name(p.course__citizen__first_name, p.course__citizen__last_name),
                due=p.actual_start + timedelta(weeks=limit),
                url_args=(p.pk,),
                title=f"{weeks} uger uden løntimer",
                subject=f"placement:{p.pk}",
                detail=f"{p.company__name}; grænsen i {p.course__project__name} er {limit} uger",
            )


def _weeks_limits(user: User, on: date) -> dict[str, Any]:
    projects = (
        Project.objects.filter(municipality_id=user.municipality_id)
        if user.municipality_id is not None
        else Project.objects.none()
    )
    limits = sorted(set(projects.values_list("weeks_without_pay_alert", flat=True)))
    # Without projects no placement can raise the alert; the label still reads as Danish.
    return {"weeks": " eller ".join(str(n) for n in limits) if limits else "flere"}


def exemption_reviews(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    # Whether a later decision replaced the one due for review comes in as a subquery.
    later = ExemptionDecision.objects.filter(citizen=OuterRef("citizen"), decided_on__gt=OuterRef("decided_on"))
    rows = (
        ExemptionDecision.objects.filter(citizen__in=citizens, review_on__lte=today + timedelta(days=14))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .annotate(superseded=Exists(later))
        .order_by("decided_on", "id")
        .values_list(
            "pk",
            "citizen_id",
            "citizen__first_name",
            "citizen__last_name",
            "decided_on",
            "review_on",
            "legal_basis",
            "superseded",
            named=True,
        )
    )
    newest: dict[int, Any] = {}
    for e in rows:
        newest[e.citizen_id] = e
    for e in newest.values():
        if e.superseded:
            continue
        yield Hit(
            citizen_id=e.citizen_id,
            citizen_name=_name(e.citizen__first_name, e.citizen__last_name),
            due=e.review_on,
            url_args=(e.citizen_id,),
            title="Fritagelse skal revurderes",
            subject=f"exemption:{e.pk}:{e.review_on.isoformat()}",
            detail=f"Afgjort {format_date(e.decided_on)} ({e.legal_basis})",
            urgency=HIGH if e.review_on < today else NORMAL,
        )


def hours_requirement_risk(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    covered = Benefit.objects.filter(
        citizen=OuterRef("pk"), benefit_type__in=covered_benefits(today), valid_from__lte=today
    ).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
    exempt = ExemptionDecision.objects.filter(citizen=OuterRef("pk"), valid_from__lte=today).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=today)
    )
    # Exempt citizens cannot be at risk; leaving them out saves the rule run for most
    # aktivitetsparate (93 % exempt in Aalborg, 000).
    people = {
        pk: _name(first, last)
        for pk, first, last in citizens.filter(Exists(covered))
        .exclude(Exists(exempt))
        .values_list("pk", "first_name", "last_name")[:300]
    }
    for pk, status in hours_requirement_for_many(list(people), today).items():
        if status["status"] not in ("at_risk", "reduction_proposed"):
            continue
        yield Hit(
            citizen_id=pk,
            citizen_name=people[pk],
            due=date.fromisoformat(status["avoid_by"]) if status.get("avoid_by") else today,
            url_args=(pk,),
            title=status["status_text"],
            subject=f"citizen:{pk}:{status['status']}:{status.get('avoid_by') or ''}",
            detail=f"Mangler {status['hours_missing']:g} timer",
            urgency=HIGH if status["status"] == "reduction_proposed" else NORMAL,
        )


def work_duty_unplanned(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """A citizen under the work duty (arbejdspligt) must have activities planned, up to 37
    hours a week (småjob hours count); a recorded duty without planned hours hangs."""
    grace = timedelta(days=WORK_DUTY_GRACE_DAYS)
    rows = (
        WorkDuty.objects.filter(citizen__in=citizens, valid_from__lte=today, planned_hours_per_week__isnull=True)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .order_by("valid_from", "id")
        .values_list("pk", "citizen_id", "citizen__first_name", "citizen__last_name", "valid_from", "legal_basis")
    )
    for pk, citizen_id, first, last, valid_from, legal_basis in rows:
        yield Hit(
            citizen_id=citizen_id,
            citizen_name=_name(first, last),
            due=valid_from + grace,
            url_args=(citizen_id,),
            title="Arbejdspligt: timerne er ikke planlagt",
            subject=f"work_duty:{pk}",
            detail=f"Omfattet fra {format_date(valid_from)} ({legal_basis})",
            urgency=HIGH if valid_from + grace < today else NORMAL,
        )


def transfer_requests(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """A caseworker asked to take over a citizen: for the two who may answer
    (``citizens.services.may_answer_transfer``); the requester cannot see the citizen."""
    waiting = (
        TransferRequest.objects.filter(citizen__in=citizens, status=TransferStatus.PENDING)
        .select_related("citizen", "requested_by")
        .order_by("requested_at")
    )
    for transfer in waiting:
        if not may_answer_transfer(user, transfer, on=today):
            continue
        yield Hit(
            citizen_id=transfer.citizen_id,
            citizen_name=transfer.citizen.full_name,
            due=transfer.requested_at.date(),
            url_args=(transfer.citizen_id,),
            title="Anmodning om overdragelse",
            subject=f"transfer:{transfer.pk}",
            detail=f"{transfer.requested_by.get_full_name() or transfer.requested_by.username}: {transfer.reason}",
        )


def _employer_name(citizen: Citizen, on: date) -> str:
    return employer_facts(citizen, on=on).name or "(navn ikke delt)"


def weeks_to_confirm(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """The employer's recorded weeks not yet confirmed: one action per citizen and month,
    linking to the page that confirms the whole month at once."""
    groups: dict[tuple[int, int, int], list[WeeklyHours]] = {}
    weeks = (
        WeeklyHours.objects.filter(placement__in=placements_for(user, on=today), confirmed_by_employer=False)
        .select_related("placement__course__citizen")
        .order_by("week_start", "pk")
    )
    for week in weeks:
        key = (week.placement.course.citizen_id, week.week_start.year, week.week_start.month)
        groups.setdefault(key, []).append(week)
    for (citizen_id, year, month), rows in groups.items():
        citizen = rows[0].placement.course.citizen
        plural = "r" if len(rows) != 1 else ""
        yield Hit(
            citizen_id=citizen_id,
            citizen_name=_employer_name(citizen, today),
            due=rows[-1].week_start + timedelta(days=7),
            url_args=(f"{year:04d}-{month:02d}", citizen_id),
            title=f"Bekræft {len(rows)} uge{plural} i {danish_month(month_index(date(year, month, 1)))}",
            subject=f"citizen:{citizen_id}:{year}-{month:02d}:{len(rows)}",
        )


def proposals_to_answer(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """Match proposals to the employer's openings that wait for its answer."""
    rows = (
        proposals_for(user)
        .filter(status="asked")
        .select_related("course__citizen", "opening")
        .order_by("proposed_on", "pk")
    )
    for proposal in rows:
        yield Hit(
            citizen_id=proposal.course.citizen_id,
            # No name here: the home page's own list of proposals shows the consented facts
            # (and logs that read once).
            citizen_name="",
            due=proposal.proposed_on,
            url_args=(proposal.pk,),
            title=f"Svar på forslaget til »{proposal.opening.title}«",
            subject=f"proposal:{proposal.pk}:asked",
        )


def payslips_to_calculate(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """Payslips received and not yet calculated: the benefit office's next work."""
    rows = (
        Payslip.objects.filter(placement__course__citizen__in=citizens, status=PayslipStatus.RECEIVED)
        .order_by("benefit_month", "pk")
        .values_list(
            "pk",
            "benefit_month",
            "placement__course__citizen_id",
            "placement__course__citizen__first_name",
            "placement__course__citizen__last_name",
            named=True,
        )
    )
    for p in rows:
        yield Hit(
            citizen_id=p.placement__course__citizen_id,
            citizen_name=_name(p.placement__course__citizen__first_name, p.placement__course__citizen__last_name),
            due=p.benefit_month,
            url_args=(p.pk,),
            title=f"Lønseddel for {danish_month(month_index(p.benefit_month))} skal beregnes",
            subject=f"payslip:{p.pk}:received",
        )


def progress_reports_overdue(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """Orders to a provider whose progress report (at the agreed interval, or the final one) is
    overdue (issue 12): the consultant chases the provider."""
    for row in orders_with_overdue_report(Order.objects.filter(citizen__in=citizens), today):
        order = row.order
        yield Hit(
            citizen_id=order.citizen_id,
            citizen_name=order.citizen.full_name,
            due=row.due,
            url_args=(order.pk,),
            title="Statusrapport mangler" if order.state == "started" else "Slutrapport mangler",
            subject=f"order:{order.pk}:{row.due.isoformat()}",
            detail=f"{order.offer.title} – {order.offer.provider.name}",
            urgency=HIGH if (today - row.due).days > 14 else NORMAL,
        )


def _month_key(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def intermediary_month_to_run(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """The last month has ended and is not run, or a week was confirmed after the run: the
    intermediary runs it, so that the payslips reach the benefit office by the 20th."""
    own = intermediary_of(user)
    if own is None:
        return
    state = intermediary_selectors.month_to_run(own, today=today)
    if state.current or today > state.deadline:
        return
    label = danish_month(month_index(state.month))
    yield Hit(
        citizen_id=0,
        citizen_name="",  # about the month, not a citizen
        due=state.deadline,
        url_args=(_month_key(state.month),),
        title=f"Kør {label}" if state.run is None else f"Kør {label} igen: der er bekræftet timer siden",
        subject=f"month:{_month_key(state.month)}:{'new' if state.run is None else 'stale'}",
        urgency=HIGH if (state.deadline - today).days <= REMINDER_DAYS_BEFORE_DEADLINE else NORMAL,
    )


def intermediary_hours_missing(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """Weeks of the last month without confirmed hours while the payslip deadline (the 20th)
    approaches: not confirmed means not paid, and the citizen's payslip is short."""
    own = intermediary_of(user)
    if own is None:
        return
    state = intermediary_selectors.month_to_run(own, today=today)
    if today > state.deadline:
        return
    by_citizen: dict[int, list[intermediary_selectors.MissingWeek]] = {}
    for week in state.missing:
        by_citizen.setdefault(week.citizen.pk, []).append(week)
    for citizen_id, weeks in by_citizen.items():
        plural = "r" if len(weeks) != 1 else ""
        yield Hit(
            citizen_id=citizen_id,
            citizen_name=weeks[0].citizen.full_name,
            due=state.deadline,
            url_args=(_month_key(state.month),),
            title=f"{len(weeks)} uge{plural} uden bekræftede timer hos {weeks[0].company.name}",
            subject=f"citizen:{citizen_id}:{_month_key(state.month)}:{len(weeks)}",
            detail="Uger: " + ", ".join(str(w.week_start.isocalendar().week) for w in weeks),
            urgency=HIGH if (state.deadline - today).days <= REMINDER_DAYS_BEFORE_DEADLINE else NORMAL,
        )


def _ending_numbers(user: User, on: date) -> dict[str, Any]:
    return {"days": ENDING_WITHIN_DAYS}


def deadline_alert_days() -> int:
    """Days before a rettidighed deadline the worklist warns (``SMAAJOB_DEADLINE_ALERT_DAYS``,
    default 14; docs/deadlines.md)."""
    return int(settings.SMAAJOB_DEADLINE_ALERT_DAYS)


# What several rules of one reading need alike, computed once per ``_alerts`` call (the two
# deadline rules read the same deadlines; computing them twice was a third of the home page).
_shared: ContextVar[dict[str, Any] | None] = ContextVar("worklist_shared", default=None)


def _once(key: str, compute: Callable[[], Any]) -> Any:
    memo = _shared.get()
    if memo is None:  # a condition called on its own
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _deadline_hits(citizens: QuerySet[Citizen], today: date, *, missed: bool) -> Iterable[Hit]:
    """Open rettidighed deadlines: overdue ones (``missed``) or those due within the alert days."""
    soon = today + timedelta(days=deadline_alert_days())
    rows = _once(
        f"deadlines:{today.isoformat()}", lambda: deadlines_for_many(citizens.order_by("pk"), today, courses=False)
    )
    for row in rows:
        if row.report is None:
            continue
        for d in row.report.deadlines:
            if not d.is_open or d.due is None:
                continue
            overdue = d.status == DeadlineStatus.MISSED
            if overdue != missed or (not missed and d.due > soon):
                continue
            refund = ""
            if overdue and d.refund is not None and d.refund.amount is not None:
                refund = f"; refusion tabt indtil nu: {format_kr(d.refund.amount)}"
            yield Hit(
                citizen_id=row.citizen_id,
                citizen_name=row.name,
                due=d.due,
                url_args=(row.citizen_id,),
                title=f"{d.label}: frist {d.due.day}.{d.due.month}.{d.due.year}",
                subject=f"{d.kind.value}:{d.due.isoformat()}",
                detail=f"{d.note}{refund}",
            )


def deadlines_soon(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """Rettidighed deadlines (samtale, tilbud, praktikkens 13 uger) due within the alert days."""
    return _deadline_hits(citizens, today, missed=False)


def deadlines_missed(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Hit]:
    """Rettidighed deadlines that have passed and are not yet made good (refund is being lost)."""
    return _deadline_hits(citizens, today, missed=True)


def _deadline_alert_numbers(user: User, on: date) -> dict[str, Any]:
    return {"days": deadline_alert_days()}


def _match_numbers(user: User, on: date) -> dict[str, Any]:
    return {"days": match_wait_days()}


def _deadline_numbers(user: User, on: date) -> dict[str, Any]:
    return {"day": DEADLINE_DAY}


# --------------------------------------------------------------------------- the one list

ALERT_RULES: tuple[AlertRule, ...] = (
    AlertRule(
        code="follow_up_overdue",
        roles=STAFF,
        label="Opfølgning forfalden",
        urgency=HIGH,
        action_url="web:follow_up_new",
        action="Registrér opfølgning",
        condition=follow_ups_overdue,
    ),
    AlertRule(
        code="waiting_for_match",
        roles=STAFF,
        label="Venter på match i over {days} dage uden kontakt",
        urgency=NORMAL,
        action_url="web:match_citizen",
        action="Find et match eller tag kontakt",
        condition=waiting_for_match,
        numbers=_match_numbers,
    ),
    AlertRule(
        code="deadline_missed",
        roles=STAFF,
        label="Frist overskredet (rettidighed)",
        urgency=HIGH,
        action_url="web:citizen_deadlines",
        action="Se fristerne",
        condition=deadlines_missed,
    ),
    AlertRule(
        code="deadline_soon",
        roles=STAFF,
        label="Frist om {days} dage eller mindre (rettidighed)",
        urgency=NORMAL,
        action_url="web:citizen_deadlines",
        action="Se fristerne",
        condition=deadlines_soon,
        numbers=_deadline_alert_numbers,
    ),
    AlertRule(
        code="proposal_answered",
        roles=STAFF,
        label="Virksomhedens svar på matchforslag venter",
        urgency=NORMAL,
        action_url="web:proposal",
        action="Book matchmøde",
        condition=proposal_answers_waiting,
    ),
    AlertRule(
        code="payslip_missing",
        roles=STAFF,
        label="Lønseddel mangler (frist d. {day}.)",
        urgency=NORMAL,
        action_url="money:submit_for",
        action="Registrér lønseddel",
        condition=payslips_missing,
        numbers=_deadline_numbers,
    ),
    AlertRule(
        code="placement_ending",
        roles=STAFF,
        label="Placering slutter inden {days} dage uden næste skridt",
        urgency=HIGH,
        action_url="web:placement",
        action="Forlæng, omdan til løntimer eller afslut",
        condition=placements_ending,
        numbers=_ending_numbers,
    ),
    AlertRule(
        code="no_paid_hours",
        roles=STAFF,
        label="Placeringer med {weeks} uger uden løntimer",
        urgency=NORMAL,
        action_url="web:placement",
        action="Tal løn med virksomheden eller afslut",
        condition=weeks_without_pay,
        numbers=_weeks_limits,
    ),
    AlertRule(
        code="progress_report_overdue",
        roles=STAFF,
        label="Statusrapport fra leverandør forfalden",
        urgency=NORMAL,
        action_url="web:order",
        action="Rykke leverandøren for rapporten",
        condition=progress_reports_overdue,
    ),
    AlertRule(
        code="work_duty_unplanned",
        roles=STAFF,
        label="Arbejdspligt uden planlagte timer",
        urgency=NORMAL,
        action_url="web:work_duty",
        action="Planlæg timerne i arbejdspligten",
        condition=work_duty_unplanned,
    ),
    AlertRule(
        code="transfer_requested",
        roles=frozenset({Role.CASEWORKER, Role.COORDINATOR}),
        label="Anmodning om overdragelse",
        urgency=HIGH,
        action_url="web:citizen",
        action="Acceptér eller afvis",
        condition=transfer_requests,
    ),
    # The exemptions and the risk are the 225-hour rule's, abolished from 1 July 2025.
    AlertRule(
        code="exemption_review",
        roles=STAFF,
        label="Fritagelse skal revurderes",
        urgency=NORMAL,
        action_url="web:exemption",
        action="Revurdér fritagelsen",
        condition=exemption_reviews,
        applies_on=hours_requirement_in_force,
    ),
    AlertRule(
        code="hours_225_risk",
        roles=STAFF,
        label="Risiko efter 225-timersreglen",
        urgency=NORMAL,
        action_url="web:citizen",
        action="Se 225-timersstatus",
        condition=hours_requirement_risk,
        applies_on=hours_requirement_in_force,
        fragment="#timer-225",
    ),
    AlertRule(
        code="weeks_to_confirm",
        roles=frozenset({Role.EMPLOYER}),
        label="Uger til bekræftelse",
        urgency=NORMAL,
        action_url="web:employer_confirm_month_citizen",
        action="Se og bekræft måneden",
        condition=weeks_to_confirm,
    ),
    AlertRule(
        code="proposal_to_answer",
        roles=frozenset({Role.EMPLOYER}),
        label="Forslag fra jobcentret venter på jeres svar",
        urgency=NORMAL,
        action_url="web:employer_proposal",
        action="Svar på forslaget",
        condition=proposals_to_answer,
    ),
    AlertRule(
        code="own_payslip_missing",
        roles=frozenset({Role.CITIZEN}),
        label="Din lønseddel mangler (frist d. {day}.)",
        urgency=HIGH,
        action_url="money:my_payslips",
        action="Send lønsedlen",
        condition=own_payslip_missing,
        numbers=_deadline_numbers,
    ),
    AlertRule(
        code="payslip_to_calculate",
        roles=frozenset({Role.BENEFIT_OFFICE}),
        label="Lønsedler, der skal beregnes",
        urgency=NORMAL,
        action_url="money:payslip",
        action="Beregn",
        condition=payslips_to_calculate,
    ),
    AlertRule(
        code="intermediary_month_to_run",
        roles=frozenset({Role.INTERMEDIARY}),
        label="Måned, der skal køres (lønsedler til ydelseskontoret senest d. {day}.)",
        urgency=NORMAL,
        action_url="web:intermediary_month",
        action="Kør måneden",
        condition=intermediary_month_to_run,
        numbers=_deadline_numbers,
    ),
    AlertRule(
        code="intermediary_hours_missing",
        roles=frozenset({Role.INTERMEDIARY}),
        label="Uger uden bekræftede timer før fristen d. {day}.",
        urgency=NORMAL,
        action_url="web:intermediary_month",
        action="Bed virksomheden bekræfte ugerne",
        condition=intermediary_hours_missing,
        numbers=_deadline_numbers,
    ),
)

RULES_BY_CODE = {rule.code: rule for rule in ALERT_RULES}


# --------------------------------------------------------------------------- reading


def rules_for(user: User, on: date) -> list[AlertRule]:
    """The rules that are the user's on the day (by role, and still in force)."""
    return [rule for rule in ALERT_RULES if rule.for_user(user, on)]


def _alerts(user: User, rules: Sequence[AlertRule], today: date) -> list[Alert]:
    # The caseload is read once, and each rule gets it as its ids (one array parameter): the
    # rules' queries then neither repeat nor compile the assignments' dated subquery (issue 16).
    caseload = list(citizens_for(user, on=today).values_list("pk", flat=True))
    citizens = Citizen.objects.filter(IdIn("pk", caseload)) if caseload else Citizen.objects.none()
    alerts: list[Alert] = []
    token = _shared.set({})  # one reading: the same user, citizens and day for every rule
    try:
        hits = [(rule, hit) for rule in rules for hit in rule.condition(user, citizens, today)]
    finally:
        _shared.reset(token)
    for rule, hit in hits:
        alerts.append(
            Alert(
                code=rule.code,
                title=hit.title,
                citizen_id=hit.citizen_id,
                citizen_name=hit.citizen_name,
                due=hit.due,
                url=cached_reverse(rule.action_url, *hit.url_args) + rule.fragment,
                action=rule.action,
                detail=hit.detail,
                severity=hit.urgency or rule.urgency,
                key=f"{rule.code}:{hit.subject}",
            )
        )
    handled = set(HandledAlert.objects.filter(key__in=[a.key for a in alerts]).values_list("key", flat=True))
    alerts = [a for a in alerts if a.key not in handled]
    alerts.sort(key=lambda a: (a.severity != HIGH, a.due, a.citizen_name))
    return alerts


def worklist(user: User, *, today: date | None = None, channel: str = AuditChannel.WEB) -> list[Alert]:
    """All alerts for the user's citizens, most urgent first; logged as one list read.

    Only the case workers have a worklist (``access.cases.WORKLIST_ROLES``); anyone else gets
    the ``NotFound`` of a missing page, on the web and in the API alike."""
    require_worklist(user)
    today = today or date.today()
    alerts = _alerts(user, rules_for(user, today), today)
    log_list_read(user, sorted({a.citizen_id for a in alerts}), channel=channel, purpose="arbejdsliste")
    return alerts


def next_actions(user: User, *, today: date | None = None, channel: str = AuditChannel.WEB) -> list[Alert]:
    """The user's next actions for the home page, from the same rules as the worklist."""
    today = today or date.today()
    alerts = _alerts(user, rules_for(user, today), today)
    named = sorted({a.citizen_id for a in alerts if a.citizen_name})  # an unnamed one shows nobody
    log_list_read(user, named, channel=channel, purpose="forside: det næste")
    return alerts


def groups(user: User, alerts: Sequence[Alert], today: date) -> list[tuple[str, str, int]]:
    """``(code, label, count)`` per rule of the user's on the day, in the declared order."""
    counts: dict[str, int] = {}
    for a in alerts:
        counts[a.code] = counts.get(a.code, 0) + 1
    return [(rule.code, rule.label_for(user, today), counts.get(rule.code, 0)) for rule in rules_for(user, today)]


# --------------------------------------------------------------------------- marking handled

MAX_REASON = 2000


@transaction.atomic
def mark_handled(
    *, actor: User, keys: Sequence[str], reason: str, today: date | None = None, channel: str = AuditChannel.WEB
) -> list[Alert]:
    """Mark several of the actor's worklist alerts as handled with one reason.

    Only alerts on the actor's own worklist today can be marked; one unknown key refuses all
    (nothing half-written). Each mark is stored with actor, time and reason, and audit-logged.
    """
    require_worklist(actor)
    reason = (reason or "").strip()
    if not keys:
        raise InvalidInput("Vælg mindst én advarsel.", field="keys")
    if not reason:
        raise InvalidInput("Skriv en begrundelse.", field="reason")
    if len(reason) > MAX_REASON:
        raise InvalidInput(f"Begrundelsen må højst være {MAX_REASON} tegn.", field="reason")
    today = today or date.today()
    mine = {a.key: a for a in _alerts(actor, rules_for(actor, today), today)}
    wanted = list(dict.fromkeys(keys))
    unknown = [k for k in wanted if k not in mine]
    if unknown:
        raise InvalidInput(
            "En af de valgte advarsler findes ikke længere på din arbejdsliste. Indlæs siden igen.",
            field="keys",
        )
    marked = [mine[k] for k in wanted]
    HandledAlert.objects.bulk_create(
        [HandledAlert(key=a.key, code=a.code, citizen_id=a.citizen_id, reason=reason, handled_by=actor) for a in marked]
    )
    for a in marked:
        audit(
            actor=actor,
            action=AuditAction.UPDATE,
            channel=channel,
            object_type="alert",
            object_id=None,
            citizen_id=a.citizen_id,
            detail=f"advarsel håndteret: {a.code}",
        )
    return marked
