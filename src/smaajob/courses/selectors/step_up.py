# SPDX-License-Identifier: MPL-2.0
"""A placement's step-up week by week, for its chart: the planned hours against those registered.

A citizen's step-up often spans more than one placement: unpaid practice (virksomhedspraktik),
converted into paid hours, which then step up. The weeks run over the whole chain of
placements (``Placement.previous``), from the first one's start to the last week that has a
plan or registered hours. Each week's planned hours are the step in force on its last day in
the placement that runs then; registered hours are the week's ledger rows (annulled rows are
not counted).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from smaajob.charts import StepUpWeek
from smaajob.courses.models import HoursStep, Placement, WeeklyHours

# The phase names the chart writes above each band: short, so they fit over a few weeks.
PHASE_LABELS = {
    "placement": "Praktik uden løn",
    "paid": "Løntimer",
    "hybrid": "Hybrid: løn og praktik",
    "wage_subsidy": "Løntilskud",
}
# A chart over more weeks than this shows the latest ones (two years is one long step-up).
MAX_WEEKS = 104


def placement_chain(placement: Placement) -> list[Placement]:
    """The placement with those it was converted from and into, oldest first."""
    chain = [placement]
    seen = {placement.pk}
    while chain[0].previous_id is not None and chain[0].previous_id not in seen:
        previous = Placement.objects.filter(pk=chain[0].previous_id).first()
        if previous is None:
            break
        chain.insert(0, previous)
        seen.add(previous.pk)
    while True:
        successor = Placement.objects.filter(previous=chain[-1]).exclude(pk__in=seen).first()
        if successor is None:
            break
        chain.append(successor)
        seen.add(successor.pk)
    return chain


def _period(placement: Placement) -> tuple[date, date | None]:
    return placement.actual_start or placement.planned_start, placement.actual_end or placement.planned_end


def _runs(placement: Placement, monday: date, sunday: date) -> bool:
    first, last = _period(placement)
    return first <= sunday and (last is None or last >= monday)


def step_up_weeks(placement: Placement, *, today: date) -> list[StepUpWeek]:
    chain = placement_chain(placement)
    steps: dict[int, list[tuple[date, Decimal]]] = {p.pk: [] for p in chain}
    for placement_id, from_date, step_hours in (
        HoursStep.objects.filter(placement__in=chain)
        .order_by("from_date", "pk")
        .values_list("placement_id", "from_date", "hours_per_week")
    ):
        steps[placement_id].append((from_date, step_hours))
    # An annulled row was registered in error (smaajob.corrections): it is not hours.
    ledger = list(
        WeeklyHours.objects.filter(placement__in=chain, annulled_at__isnull=True)
        .order_by("week_start")
        .values_list("week_start", "hours_present", "hours_paid")
    )
    first_day = min(_period(p)[0] for p in chain)
    ends = [_period(p)[1] for p in chain]
    last_candidates = [today, first_day]
    last_candidates += [from_date for rows in steps.values() for from_date, _ in rows]
    last_candidates += [week for week, _, _ in ledger]
    last_day = max(last_candidates)
    if None not in ends:
        # A finished chain ends with its last placement, unless hours were registered later.
        last_day = max([max(e for e in ends if e is not None), *(week for week, _, _ in ledger)])
    monday = first_day - timedelta(days=first_day.weekday())
    last_monday = last_day - timedelta(days=last_day.weekday())
    count = (last_monday - monday).days // 7 + 1
    if count > MAX_WEEKS:
        monday += timedelta(weeks=count - MAX_WEEKS)
        count = MAX_WEEKS
    registered: dict[date, tuple[float, float]] = {}
    for week, hours_present, hours_paid in ledger:
        present, paid = registered.get(week, (0.0, 0.0))
        registered[week] = (present + float(hours_present), paid + float(hours_paid))
    weeks = []
    for n in range(count):
        start = monday + timedelta(weeks=n)
        sunday = start + timedelta(days=6)
        running = [p for p in chain if _runs(p, start, sunday)]
        current = running[-1] if running else None
        planned = None
        if current is not None:
            in_force = [hours for from_date, hours in steps[current.pk] if from_date <= sunday]
            planned = float(in_force[-1]) if in_force else None
        owner = current or max((p for p in chain if _period(p)[0] <= sunday), key=lambda p: _period(p)[0])
        hours = registered.get(start)
        weeks.append(
            StepUpWeek(
                week_start=start,
                week_number=start.isocalendar().week,
                phase=PHASE_LABELS.get(owner.kind, owner.get_kind_display()),
                planned=planned,
                present=hours[0] if hours else None,
                paid=hours[1] if hours else None,
            )
        )
    return weeks
