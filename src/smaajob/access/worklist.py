# SPDX-License-Identifier: MPL-2.0
"""The worklist: alerts for the citizens a user may see, each linking to the action.

Alerts come from *alert sources*. The built-in sources (follow-up overdue, placement ending
without a next step, N weeks without paid hours, exemption review due, 225-hour risk) are
registered below; another app adds its own without editing this module::

    # in money/apps.py
    class MoneyConfig(AppConfig):
        def ready(self):
            from smaajob.access.worklist import Alert, register_alert_source

            def payslips_missing(user, citizens, today):
                for payslip in ...:           # citizens: the QuerySet the user may see
                    yield Alert(code="payslip_missing", title="Lønseddel mangler (frist d. 20.)",
                                citizen_id=..., citizen_name=..., due=..., url=reverse("money:..."),
                                action="Registrér lønseddel")

            register_alert_source("payslip_missing", payslips_missing, label="Lønseddel mangler")

A source is called with the user, the ``QuerySet`` of citizens that user may see (from
``smaajob.access.citizens_for``, so a source cannot widen access) and today's date. It lives
in ``smaajob.access`` because the web pages and the API both show it and both must get
exactly the same, access-checked list. Reading the worklist audit-logs one list read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from smaajob.access.citizens import citizens_for, log_list_read
from smaajob.audit.models import AuditChannel
from smaajob.citizens.models import Benefit, Citizen, ExemptionDecision
from smaajob.courses.models import Course, FollowUp, Placement, WeeklyHours
from smaajob.courses.selectors import COVERED_BENEFITS, active_on, hours_requirement_for_many
from smaajob.organisation.models import User


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
    severity: str = "normal"  # "high" when overdue or money is at stake

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


AlertSource = Callable[[User, QuerySet[Citizen], date], Iterable[Alert]]


@dataclass(frozen=True)
class _Source:
    code: str
    label: str
    provider: AlertSource


_SOURCES: dict[str, _Source] = {}


def register_alert_source(code: str, provider: AlertSource, *, label: str = "") -> None:
    """Add (or replace) the alert source named ``code``."""
    _SOURCES[code] = _Source(code, label or code, provider)


def alert_sources() -> list[tuple[str, str]]:
    return [(s.code, s.label) for s in _SOURCES.values()]


def worklist(user: User, *, today: date | None = None, channel: str = AuditChannel.WEB) -> list[Alert]:
    """All alerts for the user's citizens, most urgent first; logged as one list read."""
    today = today or date.today()
    citizens = citizens_for(user, on=today)
    alerts: list[Alert] = []
    for source in _SOURCES.values():
        alerts.extend(source.provider(user, citizens, today))
    alerts.sort(key=lambda a: (a.severity != "high", a.due, a.citizen_name))
    log_list_read(user, sorted({a.citizen_id for a in alerts}), channel=channel, purpose="arbejdsliste")
    return alerts


# --------------------------------------------------------------------------- built-in sources


def _open_courses(citizens: QuerySet[Citizen]) -> QuerySet[Course]:
    return Course.objects.filter(citizen__in=citizens).exclude(state="exited").select_related("citizen", "project")


def follow_ups_overdue(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Alert]:
    # One query: the last follow-up and the first placement come in as subqueries, so a
    # caseload of 50 does not cost 100 round trips (same rule as courses.selectors.follow_up_due).
    last = FollowUp.objects.filter(course=OuterRef("pk")).order_by("-happened_on", "-id")
    first = Placement.objects.filter(course=OuterRef("pk")).order_by("planned_start")
    courses = (
        _open_courses(citizens)
        .filter(state__in=["placement", "paid_hours", "follow_up"])
        .annotate(
            last_next=Subquery(last.values("next_on")[:1]),
            last_on=Subquery(last.values("happened_on")[:1]),
            first_start=Subquery(first.annotate(s=Coalesce("actual_start", "planned_start")).values("s")[:1]),
        )
    )
    for course in courses:
        interval = timedelta(days=course.project.follow_up_interval_days)
        if course.last_next is not None:
            due = course.last_next
        else:
            due = (course.last_on or course.first_start or course.started_on) + interval
        if due <= today:
            yield Alert(
                code="follow_up_overdue",
                title="Opfølgning forfalden" if due < today else "Opfølgning i dag",
                citizen_id=course.citizen_id,
                citizen_name=course.citizen.full_name,
                due=due,
                url=reverse("web:follow_up_new", args=[course.pk]),
                action="Registrér opfølgning",
                detail=f"{course.project.name}: hver {course.project.follow_up_interval_days}. dag",
                severity="high" if due < today else "normal",
            )


def _running(citizens: QuerySet[Citizen], today: date) -> QuerySet[Placement]:
    return (
        Placement.objects.filter(course__citizen__in=citizens)
        .filter(active_on(today))
        .exclude(course__state="exited")
        .select_related("course__citizen", "course__project", "company")
    )


def placements_ending(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Alert]:
    later = Placement.objects.filter(course=OuterRef("course"), planned_start__gt=OuterRef("planned_start"))
    rows = (
        _running(citizens, today)
        .filter(planned_end__gte=today, planned_end__lte=today + timedelta(days=7))
        .filter(converted_to__isnull=True)
        .annotate(has_next=Exists(later))
        .filter(has_next=False)
    )
    for p in rows:
        yield Alert(
            code="placement_ending",
            title="Placering slutter uden næste skridt",
            citizen_id=p.course.citizen_id,
            citizen_name=p.course.citizen.full_name,
            due=p.planned_end,
            url=reverse("web:placement", args=[p.pk]),
            action="Forlæng, omdan til løntimer eller afslut",
            detail=f"{p.get_kind_display()} hos {p.company.name} slutter {p.planned_end:%d.%m.%Y}",
            severity="high",
        )


def weeks_without_pay(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Alert]:
    paid = WeeklyHours.objects.filter(placement__course=OuterRef("course"), hours_paid__gt=0)
    rows = _running(citizens, today).annotate(any_paid=Exists(paid)).filter(any_paid=False)
    for p in rows:
        limit = p.course.project.weeks_without_pay_alert
        weeks = (today - p.actual_start).days // 7
        if weeks >= limit:
            yield Alert(
                code="no_paid_hours",
                title=f"{weeks} uger uden løntimer",
                citizen_id=p.course.citizen_id,
                citizen_name=p.course.citizen.full_name,
                due=p.actual_start + timedelta(weeks=limit),
                url=reverse("web:placement", args=[p.pk]),
                action="Tal løn med virksomheden eller afslut",
                detail=f"{p.company.name}; grænsen i {p.course.project.name} er {limit} uger",
            )


def exemption_reviews(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Alert]:
    rows = (
        ExemptionDecision.objects.filter(citizen__in=citizens, review_on__lte=today + timedelta(days=14))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .select_related("citizen")
    )
    newest: dict[int, ExemptionDecision] = {}
    for e in rows.order_by("decided_on", "id"):
        newest[e.citizen_id] = e
    for e in newest.values():
        if ExemptionDecision.objects.filter(citizen_id=e.citizen_id, decided_on__gt=e.decided_on).exists():
            continue
        yield Alert(
            code="exemption_review",
            title="Fritagelse skal revurderes",
            citizen_id=e.citizen_id,
            citizen_name=e.citizen.full_name,
            due=e.review_on,
            url=reverse("web:exemption", args=[e.citizen_id]),
            action="Revurdér fritagelsen",
            detail=f"Afgjort {e.decided_on:%d.%m.%Y} ({e.legal_basis})",
            severity="high" if e.review_on < today else "normal",
        )


def hours_requirement_risk(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Alert]:
    covered = Benefit.objects.filter(
        citizen=OuterRef("pk"), benefit_type__in=COVERED_BENEFITS, valid_from__lte=today
    ).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
    exempt = ExemptionDecision.objects.filter(citizen=OuterRef("pk"), valid_from__lte=today).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=today)
    )
    # Exempt citizens cannot be at risk; leaving them out saves the rule run for most
    # aktivitetsparate (93 % exempt in Aalborg, 000).
    people = {c.pk: c for c in citizens.filter(Exists(covered)).exclude(Exists(exempt))[:300]}
    for pk, status in hours_requirement_for_many(list(people), today).items():
        citizen = people[pk]
        if status["status"] not in ("at_risk", "reduction_proposed"):
            continue
        yield Alert(
            code="hours_225_risk",
            title=status["status_text"],
            citizen_id=citizen.pk,
            citizen_name=citizen.full_name,
            due=date.fromisoformat(status["avoid_by"]) if status.get("avoid_by") else today,
            url=reverse("web:citizen", args=[citizen.pk]) + "#timer-225",
            action="Se 225-timersstatus",
            detail=f"Mangler {status['hours_missing']:g} timer",
            severity="high" if status["status"] == "reduction_proposed" else "normal",
        )


register_alert_source("follow_up_overdue", follow_ups_overdue, label="Opfølgning forfalden")
register_alert_source("placement_ending", placements_ending, label="Placering slutter inden 7 dage uden næste skridt")
register_alert_source("no_paid_hours", weeks_without_pay, label="N uger uden løntimer")
register_alert_source("exemption_review", exemption_reviews, label="Fritagelse skal revurderes")
register_alert_source("hours_225_risk", hours_requirement_risk, label="Risiko efter 225-timersreglen")
