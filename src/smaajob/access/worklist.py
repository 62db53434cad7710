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
exactly the same, access-checked list. Reading the worklist audit-logs one list read. Only
the case workers have one (``smaajob.access.cases.require_worklist``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from smaajob.access.cases import require_worklist
from smaajob.access.citizens import citizens_for, log_list_read
from smaajob.audit.models import AuditChannel
from smaajob.choices import choice_labels
from smaajob.citizens.models import Benefit, Citizen, ExemptionDecision
from smaajob.courses.models import Course, FollowUp, Placement, WeeklyHours
from smaajob.courses.rules_case import COVERED_BENEFITS
from smaajob.courses.selectors import (
    active_on,
    hours_requirement_for_many,
    hours_requirement_in_force,
)
from smaajob.links import url_for
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
    """All alerts for the user's citizens, most urgent first; logged as one list read.

    Only the case workers have a worklist (``access.cases.WORKLIST_ROLES``); anyone else gets
    the ``NotFound`` of a missing page, on the web and in the API alike."""
    require_worklist(user)
    today = today or date.today()
    citizens = citizens_for(user, on=today)
    alerts: list[Alert] = []
    for source in _SOURCES.values():
        alerts.extend(source.provider(user, citizens, today))
    alerts.sort(key=lambda a: (a.severity != "high", a.due, a.citizen_name))
    log_list_read(user, sorted({a.citizen_id for a in alerts}), channel=channel, purpose="arbejdsliste")
    return alerts


# --------------------------------------------------------------------------- built-in sources
#
# A caseload is tens of citizens and a team's hundreds, so each source is one query that reads
# plain rows (``values_list``), not model instances, and builds each link from remembered
# addresses (``smaajob.links``).

def _name(first: str, last: str) -> str:
    return f"{first} {last}"  # as ``Citizen.full_name``


def follow_ups_overdue(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Alert]:
    # One query: the last follow-up and the first placement come in as subqueries, so a
    # caseload of 50 does not cost 100 round trips (same rule as courses.selectors.follow_up_due).
    last = FollowUp.objects.filter(course=OuterRef("pk")).order_by("-happened_on", "-id")
    first = Placement.objects.filter(course=OuterRef("pk")).order_by("planned_start")
    rows = (
        Course.objects.filter(citizen__in=citizens, state__in=["placement", "paid_hours", "follow_up"])
        .annotate(
            last_next=Subquery(last.values("next_on")[:1]),
            last_on=Subquery(last.values("happened_on")[:1]),
            first_start=Subquery(first.annotate(s=Coalesce("actual_start", "planned_start")).values("s")[:1]),
        )
        .order_by("pk")
        .values_list(
            "pk",
            "citizen_id",
            "citizen__first_name",
            "citizen__last_name",
            "project__name",
            "project__follow_up_interval_days",
            "started_on",
            "last_next",
            "last_on",
            "first_start",
            named=True,
        )
    )
    url = url_for("web:follow_up_new")
    for course in rows:
        if course.last_next is not None:
            due = course.last_next
        else:
            interval = timedelta(days=course.project__follow_up_interval_days)
            due = (course.last_on or course.first_start or course.started_on) + interval
        if due <= today:
            yield Alert(
                code="follow_up_overdue",
                title="Opfølgning forfalden" if due < today else "Opfølgning i dag",
                citizen_id=course.citizen_id,
                citizen_name=_name(course.citizen__first_name, course.citizen__last_name),
                due=due,
                url=url(course.pk),
                action="Registrér opfølgning",
                detail=f"{course.project__name}: hver {course.project__follow_up_interval_days}. dag",
                severity="high" if due < today else "normal",
            )


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


def placements_ending(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Alert]:
    later = Placement.objects.filter(course=OuterRef("course"), planned_start__gt=OuterRef("planned_start"))
    rows = (
        _running(citizens, today)
        .filter(planned_end__gte=today, planned_end__lte=today + timedelta(days=7))
        .filter(converted_to__isnull=True)
        .filter(~Exists(later))
        .values_list(*_PLACEMENT_FIELDS, named=True)
    )
    kinds = choice_labels(Placement._meta.get_field("kind"), get_language())
    url = url_for("web:placement")
    for p in rows:
        yield Alert(
            code="placement_ending",
            title="Placering slutter uden næste skridt",
            citizen_id=p.course__citizen_id,
            citizen_name=_name(p.course__citizen__first_name, p.course__citizen__last_name),
            due=p.planned_end,
            url=url(p.pk),
            action="Forlæng, omdan til løntimer eller afslut",
            detail=f"{kinds.get(p.kind, p.kind)} hos {p.company__name} slutter {p.planned_end:%d.%m.%Y}",
            severity="high",
        )


def weeks_without_pay(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Alert]:
    paid = WeeklyHours.objects.filter(placement__course=OuterRef("course"), hours_paid__gt=0)
    rows = _running(citizens, today).filter(~Exists(paid)).values_list(*_PLACEMENT_FIELDS, named=True)
    url = url_for("web:placement")
    for p in rows:
        limit = p.course__project__weeks_without_pay_alert
        weeks = (today - p.actual_start).days // 7
        if weeks >= limit:
            yield Alert(
                code="no_paid_hours",
                title=f"{weeks} uger uden løntimer",
                citizen_id=p.course__citizen_id,
                citizen_name=_name(p.course__citizen__first_name, p.course__citizen__last_name),
                due=p.actual_start + timedelta(weeks=limit),
                url=url(p.pk),
                action="Tal løn med virksomheden eller afslut",
                detail=f"{p.company__name}; grænsen i {p.course__project__name} er {limit} uger",
            )


def exemption_reviews(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Alert]:
    if not hours_requirement_in_force(today):
        # The exemptions are from the 225-hour rule, abolished from 1 July 2025: nothing to review.
        return
    # Whether a later decision replaced the one due for review comes in as a subquery (one
    # query for the caseload, not one per citizen).
    later = ExemptionDecision.objects.filter(citizen=OuterRef("citizen"), decided_on__gt=OuterRef("decided_on"))
    rows = (
        ExemptionDecision.objects.filter(citizen__in=citizens, review_on__lte=today + timedelta(days=14))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .annotate(superseded=Exists(later))
        .order_by("decided_on", "id")
        .values_list(
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
    url = url_for("web:exemption")
    for e in newest.values():
        if e.superseded:
            continue
        yield Alert(
            code="exemption_review",
            title="Fritagelse skal revurderes",
            citizen_id=e.citizen_id,
            citizen_name=_name(e.citizen__first_name, e.citizen__last_name),
            due=e.review_on,
            url=url(e.citizen_id),
            action="Revurdér fritagelsen",
            detail=f"Afgjort {e.decided_on:%d.%m.%Y} ({e.legal_basis})",
            severity="high" if e.review_on < today else "normal",
        )


def hours_requirement_risk(user: User, citizens: QuerySet[Citizen], today: date) -> Iterable[Alert]:
    if not hours_requirement_in_force(today):
        # Abolished from 1 July 2025: no one can be at risk, so no case is built.
        return
    covered = Benefit.objects.filter(
        citizen=OuterRef("pk"), benefit_type__in=COVERED_BENEFITS, valid_from__lte=today
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
    url = url_for("web:citizen")
    for pk, status in hours_requirement_for_many(list(people), today).items():
        if status["status"] not in ("at_risk", "reduction_proposed"):
            continue
        yield Alert(
            code="hours_225_risk",
            title=status["status_text"],
            citizen_id=pk,
            citizen_name=people[pk],
            due=date.fromisoformat(status["avoid_by"]) if status.get("avoid_by") else today,
            url=url(pk) + "#timer-225",
            action="Se 225-timersstatus",
            detail=f"Mangler {status['hours_missing']:g} timer",
            severity="high" if status["status"] == "reduction_proposed" else "normal",
        )


register_alert_source("follow_up_overdue", follow_ups_overdue, label="Opfølgning forfalden")
register_alert_source("placement_ending", placements_ending, label="Placering slutter inden 7 dage uden næste skridt")
register_alert_source("no_paid_hours", weeks_without_pay, label="N uger uden løntimer")
register_alert_source("exemption_review", exemption_reviews, label="Fritagelse skal revurderes")
register_alert_source("hours_225_risk", hours_requirement_risk, label="Risiko efter 225-timersreglen")
