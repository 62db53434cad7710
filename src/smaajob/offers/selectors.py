# SPDX-License-Identifier: MPL-2.0
"""Reads for the catalogue, orders and progress reports: rows for pages, API, reports.

* ``report_due(order, today)`` — when the next progress report is due: every
  ``report_every_days`` from the start (or the last report) while the order runs, the final
  report at the end; ``orders_with_overdue_report`` feeds the worklist's alert rule.
* ``timeline_entries(citizen)`` — the orders' dated transitions for the citizen's timeline;
  ``citizen_timeline`` — the whole timeline with them, as the citizen page and the API show it.
* ``offers_and_persons`` — seed 002 Tabel 3.1's counting over the orders (``counting``).
* ``completion`` and ``after_competence_lift`` — the share completed, and placements and paid
  hours within 3 months after a completed competence lift.
* ``order_costs`` — the recorded orders' prices per citizen, per småjob reached and per person
  still in paid hours after 6 months, per project, with the counting rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Max, Q, QuerySet, Sum

from smaajob.citizens.models import Citizen
from smaajob.courses.models import Placement, WeeklyHours
from smaajob.offers.counting import OffersAndPersons, Spell, count_offers_and_persons
from smaajob.offers.models import OfferKind, Order, OrderState, OrderTransition, ProgressReport

AFTER_LIFT_DAYS = 91  # "within 3 months" after the lift ends
STILL_THERE_DAYS = 182  # "still there after 6 months" (VTA's measure, 003 Tabel 5)


def report_due(
    order: Order, today: date, *, last_report: date | None = None, has_final: bool | None = None
) -> date | None:
    """The day the next progress report is due, or None when none is owed."""
    if order.state in (OrderState.ORDERED, OrderState.ACCEPTED):
        return None
    if has_final is None:
        has_final = order.reports.filter(is_final=True).exists()
    if has_final:
        return None
    if order.state in (OrderState.COMPLETED, OrderState.INTERRUPTED):
        return order.ends_on if order.state == OrderState.COMPLETED else None
    if last_report is None:
        last_report = order.reports.order_by("-reported_on").values_list("reported_on", flat=True).first()
    due = (last_report or order.starts_on) + timedelta(days=order.report_every_days)
    return min(due, order.ends_on)


@dataclass(frozen=True)
class DueReport:
    order: Order
    due: date


def orders_with_report_due(orders: QuerySet[Order], today: date, *, within_days: int = 0) -> list[DueReport]:
    """Orders whose next report is due by ``today + within_days``, oldest due first."""
    running = orders.filter(state__in=[OrderState.STARTED, OrderState.COMPLETED])
    # Most caseloads have no running order: one plain read answers that, before the grouped
    # read with its providers and citizens (which cost 3-5 ms to build and run for nothing).
    if not running.exists():
        return []
    rows = (
        running.exclude(reports__is_final=True)
        .annotate(last_report=_last_report())
        .select_related("offer__provider", "citizen")
    )
    due_rows = []
    for order in rows:
        due = report_due(order, today, last_report=order.last_report, has_final=False)
        if due is not None and due <= today + timedelta(days=within_days):
            due_rows.append(DueReport(order, due))
    due_rows.sort(key=lambda r: (r.due, r.order.pk))
    return due_rows


def _last_report() -> Any:
    return Max("reports__reported_on")


def orders_with_overdue_report(orders: QuerySet[Order], today: date) -> list[DueReport]:
    return [r for r in orders_with_report_due(orders, today) if r.due < today]


def timeline_entries(citizen: Citizen) -> list[dict[str, Any]]:
    """Each order's transitions (dated, with reason) and its progress reports, as timeline rows."""
    entries: list[dict[str, Any]] = []
    # The columns the lines are written from (``only``): the actor is a whole user row otherwise.
    for t in (
        OrderTransition.objects.filter(order__citizen=citizen)
        .select_related("order__offer__provider", "actor")
        .only(
            "happened_on",
            "to_state",
            "reason",
            "order__offer__title",
            "order__offer__provider__name",
            "actor__first_name",
            "actor__last_name",
            "actor__username",
        )
    ):
        who = t.actor.get_full_name() or t.actor.username if t.actor else ""
        entries.append(
            {
                "on": t.happened_on,
                "kind": "tilbud",
                "text": f"{t.order.offer.title} ({t.order.offer.provider.name}): {t.get_to_state_display()}",
                "note": " · ".join(x for x in (t.reason, who) if x),
            }
        )
    for r in (
        ProgressReport.objects.filter(order__citizen=citizen)
        .select_related("order__offer")
        .only("reported_on", "is_final", "attendance", "next_step", "order__offer__title")
    ):
        entries.append(
            {
                "on": r.reported_on,
                "kind": "statusrapport",
                "text": f"{'Slutrapport' if r.is_final else 'Statusrapport'}: {r.order.offer.title} – "
                f"{r.get_attendance_display().lower()}",
                "note": r.next_step,
            }
        )
    return entries


def citizen_timeline(citizen: Citizen) -> list[dict[str, Any]]:
    """The citizen's whole timeline: the case's (``courses.selectors.timeline``) with the orders'
    transitions and reports, oldest first. Pages and API both show this one."""
    from smaajob.courses.selectors import timeline

    return sorted(timeline(citizen) + timeline_entries(citizen), key=lambda e: e["on"])


# --------------------------------------------------------------------------- reports


def _in_period(orders: QuerySet[Order], start: date, end: date) -> QuerySet[Order]:
    return orders.filter(starts_on__lte=end, ends_on__gte=start)


def _started(orders: QuerySet[Order]) -> QuerySet[Order]:
    """Orders that actually ran: started at some point (an order interrupted before it started
    was no activity and cost nothing)."""
    return orders.filter(pk__in=OrderTransition.objects.filter(to_state=OrderState.STARTED).values("order_id"))


def offers_and_persons(orders: QuerySet[Order], *, start: date, end: date) -> OffersAndPersons:
    """Seed 002 Tabel 3.1's counting over started orders, grouped by the offer's kind."""
    labels = dict(OfferKind.choices)
    spells = [
        Spell(person=citizen_id, group=str(labels.get(kind, kind)), starts_on=s, ends_on=e)
        for citizen_id, kind, s, e in _started(_in_period(orders, start, end)).values_list(
            "citizen_id", "offer__kind", "starts_on", "ends_on"
        )
    ]
    return count_offers_and_persons(spells, start=start, end=end)


@dataclass(frozen=True)
class Completion:
    ended: int
    completed: int
    interrupted: int

    @property
    def share_completed(self) -> float | None:
        return None if self.ended == 0 else self.completed / self.ended


def completion(orders: QuerySet[Order], *, start: date, end: date) -> Completion:
    """Of the orders that ended (completed or interrupted) in the period, how many completed."""
    ended = OrderTransition.objects.filter(
        order__in=orders,
        to_state__in=[OrderState.COMPLETED, OrderState.INTERRUPTED],
        happened_on__range=(start, end),
    )
    done = ended.filter(to_state=OrderState.COMPLETED).count()
    stopped = ended.filter(to_state=OrderState.INTERRUPTED).count()
    return Completion(done + stopped, done, stopped)


@dataclass(frozen=True)
class AfterLift:
    lifts: int
    with_placement: int
    with_paid_hours: int
    paid_hours: Decimal
    rule_da: str = (
        "Gennemførte kompetenceløft og sprogløft med slutdato i perioden; inden for 3 måneder (91 dage) efter "
        "slutdatoen: en placering, der starter, og løntimer i uger, der begynder i de 91 dage."
    )


def after_competence_lift(orders: QuerySet[Order], *, start: date, end: date) -> AfterLift:
    lifts = list(
        orders.filter(
            state=OrderState.COMPLETED,
            offer__kind__in=[OfferKind.COMPETENCE_LIFT, OfferKind.LANGUAGE_LIFT, OfferKind.COURSE],
            ends_on__range=(start, end),
        ).values_list("citizen_id", "ends_on")
    )
    placed = paid = 0
    hours = Decimal(0)
    for citizen_id, ended in lifts:
        window = (ended + timedelta(days=1), ended + timedelta(days=AFTER_LIFT_DAYS))
        placements = Placement.objects.filter(course__citizen_id=citizen_id)
        if placements.filter(
            Q(actual_start__range=window) | Q(actual_start__isnull=True, planned_start__range=window)
        ).exists():
            placed += 1
        got = WeeklyHours.objects.filter(
            placement__course__citizen_id=citizen_id, week_start__range=window, annulled_at__isnull=True
        ).aggregate(total=Sum("hours_paid"))["total"] or Decimal(0)
        if got > 0:
            paid += 1
        hours += got
    return AfterLift(len(lifts), placed, paid, hours)


@dataclass(frozen=True)
class CostLine:
    label: str
    orders: int
    hours: Decimal
    cost_kr: Decimal
    citizens: int
    reached_smaajob: int
    still_after_6_months: int

    def _per(self, n: int) -> Decimal | None:
        return None if n == 0 else (self.cost_kr / n).quantize(Decimal("1"))

    @property
    def per_citizen(self) -> Decimal | None:
        return self._per(self.citizens)

    @property
    def per_smaajob(self) -> Decimal | None:
        return self._per(self.reached_smaajob)

    @property
    def per_still_there(self) -> Decimal | None:
        return self._per(self.still_after_6_months)


@dataclass(frozen=True)
class OrderCosts:
    start: date
    end: date
    lines: tuple[CostLine, ...]
    total: CostLine | None
    rule_da: str = (
        "Bestillinger, der er startet (også hvis de siden er gennemført eller afbrudt) og har mindst én dag i "
        "perioden, tæller med deres aftalte pris og timer (timer pr. uge × uger). En borger tæller én gang. "
        "Småjob nået: borgeren har løntimer i en uge fra bestillingens start. "
        "Stadig i job efter 6 måneder: løntimer i en uge mindst 182 dage efter den første uge med løntimer."
    )


def _citizen_outcomes(citizen_ids: Iterable[int], since: dict[int, date]) -> tuple[set[int], set[int]]:
    weeks = WeeklyHours.objects.filter(
        placement__course__citizen_id__in=list(citizen_ids), hours_paid__gt=0, annulled_at__isnull=True
    ).values_list("placement__course__citizen_id", "week_start")
    first: dict[int, date] = {}
    last: dict[int, date] = {}
    for citizen_id, week in weeks:
        if week < since[citizen_id]:
            continue
        first[citizen_id] = min(first.get(citizen_id, week), week)
        last[citizen_id] = max(last.get(citizen_id, week), week)
    reached = set(first)
    still = {c for c in reached if (last[c] - first[c]).days >= STILL_THERE_DAYS}
    return reached, still


def _line(label: str, orders: list[Order], reached: set[int], still: set[int]) -> CostLine:
    from smaajob.offers.services import weeks_in

    citizens = {o.citizen_id for o in orders}
    return CostLine(
        label=label,
        orders=len(orders),
        hours=sum((o.hours_per_week * weeks_in(o.starts_on, o.ends_on) for o in orders), Decimal(0)),
        cost_kr=sum((o.price_kr for o in orders), Decimal(0)),
        citizens=len(citizens),
        reached_smaajob=len(citizens & reached),
        still_after_6_months=len(citizens & still),
    )


def order_costs(orders: QuerySet[Order], *, start: date, end: date) -> OrderCosts:
    rows = list(_started(_in_period(orders, start, end)).select_related("course__project"))
    since: dict[int, date] = {}
    for o in rows:
        since[o.citizen_id] = min(since.get(o.citizen_id, o.starts_on), o.starts_on)
    reached, still = _citizen_outcomes(since, since)
    by_project: dict[str, list[Order]] = {}
    for o in rows:
        name = o.course.project.name if o.course_id and o.course else "Uden projekt"
        by_project.setdefault(name, []).append(o)
    lines = tuple(_line(name, group, reached, still) for name, group in sorted(by_project.items()))
    total = _line("I alt", rows, reached, still) if rows else None
    return OrderCosts(start, end, lines, total)


# --------------------------------------------------------------------------- rows for pages


def order_rows(orders: QuerySet[Order]) -> QuerySet[Order]:
    return orders.select_related("offer__provider", "citizen").order_by("-starts_on", "-pk")
