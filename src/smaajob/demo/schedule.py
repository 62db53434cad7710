# SPDX-License-Identifier: MPL-2.0
"""From a trajectory and a "today" to dated events: transitions, placements, weeks, follow-ups.

Everything here is plain data and validated with the project's own helpers
(``parse_hours``, ``normalise_slots``, ``check_transition``) so that both writers — the
services for the small size, bulk inserts for the municipality — get rows that are valid.
Nothing is dated after ``today``: the weekly ledger only holds weeks that are over, and
follow-ups and transitions lie on or before ``today`` (the services refuse future weeks).
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from smaajob.courses.ledger_rules import check_week_hours
from smaajob.courses.states import ALLOWED, CourseState, check_transition
from smaajob.demo.trajectories import HYBRID, PAID, PLACEMENT, WAGE_SUBSIDY, Job, Phase, Trajectory
from smaajob.hours import parse_hours
from smaajob.slots import normalise_slots


@dataclass
class WeekRow:
    week_start: date
    present: Decimal
    paid: Decimal
    effective: Decimal
    training: Decimal
    source: str
    attendance: str


@dataclass
class PlacementPlan:
    kind: str
    start: date  # a Monday
    end: date | None  # a Sunday, or None while running
    planned_end: date | None
    steps: list[tuple[date, Decimal]]
    slots: list[dict[str, Any]]
    tasks: str
    weeks: list[WeekRow] = field(default_factory=list)


@dataclass
class JobPlan:
    job: Job
    phases: list[PlacementPlan]

    @property
    def start(self) -> date:
        return self.phases[0].start

    @property
    def end(self) -> date | None:
        return self.phases[-1].end


@dataclass
class TransitionPlan:
    to_state: str
    on: date
    reason: str = ""
    outcome: str = ""
    stop_reason: str = ""


@dataclass
class FollowUpPlan:
    job_index: int
    phase_index: int
    on: date
    next_on: date
    attendance: str
    effectiveness: int | None
    notes: str


@dataclass
class CoursePlan:
    trajectory: Trajectory
    started_on: date
    mapped_on: date
    jobs: list[JobPlan]
    transitions: list[TransitionPlan]
    follow_ups: list[FollowUpPlan]
    final_state: str = ""


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _hours(value: float, field_name: str) -> Decimal:
    parsed = parse_hours(value, field=field_name)
    assert parsed is not None
    return parsed


def _closed_length(trajectory: Trajectory) -> int:
    """Weeks from the first job's first week to the end of the last closed phase."""
    length = 0
    for job in trajectory.jobs:
        at = job.starts_week
        for phase in job.phases:
            if phase.weeks is None:
                break
            at += phase.weeks
        length = max(length, at)
    return length


def _is_open(trajectory: Trajectory) -> bool:
    return any(p.weeks is None for j in trajectory.jobs for p in j.phases)


def path_to(current: str, target: str) -> list[str]:
    """The shortest sequence of allowed states from ``current`` to ``target`` (BFS)."""
    if current == target:
        return []
    queue: deque[tuple[str, list[str]]] = deque([(current, [])])
    seen = {current}
    while queue:
        state, path = queue.popleft()
        for nxt in sorted(ALLOWED[state]):
            if nxt in seen or nxt == CourseState.EXITED and target != CourseState.EXITED:
                continue
            if nxt == target:
                return [*path, nxt]
            seen.add(nxt)
            queue.append((nxt, [*path, nxt]))
    raise ValueError(f"no path from {current} to {target}")  # pragma: no cover


STATE_FOR_KIND = {
    PLACEMENT: CourseState.PLACEMENT,
    PAID: CourseState.PAID_HOURS,
    HYBRID: CourseState.PAID_HOURS,
    WAGE_SUBSIDY: CourseState.PAID_HOURS,
}
KIND_DA = {PLACEMENT: "praktik", PAID: "løntimer (småjob)", HYBRID: "hybridpraktik", WAGE_SUBSIDY: "løntilskud"}


def _week_row(rng: random.Random, phase: Phase, kind: str, week_start: date, planned: Decimal) -> WeekRow:
    roll = rng.random()
    if roll < 0.03:
        present, attendance = Decimal(0), "sick"
    elif roll < 0.12:
        present, attendance = Decimal(round(float(planned) * 1.2) / 2).quantize(Decimal("0.5")), "partly"
    else:
        present, attendance = planned, "as_agreed"
    paid = Decimal(0)
    training = Decimal(0)
    if kind in (PAID, WAGE_SUBSIDY):
        paid = min(present, _hours(phase.paid, "paid")) if phase.paid is not None else present
    elif kind == HYBRID:
        paid = min(present, _hours(phase.paid or 0, "paid"))
        training = present - paid
    effective = paid
    if phase.effective is not None and phase.paid:
        # Keep the employer's rating (Omar: 4 of 6) as a ratio when a week is short.
        effective = (paid * Decimal(str(phase.effective)) / Decimal(str(phase.paid))).quantize(Decimal("0.01"))
    check_week(kind, present, paid, effective, training)
    if kind == PLACEMENT:
        source = rng.choice(("consultant", "employer"))
    else:
        source = rng.choice(("payslip", "payslip", "employer", "consultant"))
    return WeekRow(week_start, present, paid, effective, training, source, attendance)


def check_week(kind: str, present: Decimal, paid: Decimal, effective: Decimal, training: Decimal) -> None:
    """The ledger rules ``courses.services.record_week`` applies, for rows written in bulk."""
    check_week_hours(kind=kind, present=present, paid=paid, effective=effective, training=training)


def plan_course(
    trajectory: Trajectory, *, today: date, rng: random.Random, follow_up_days: tuple[int, int], spread_weeks: int = 30
) -> CoursePlan:
    """Date the trajectory so that open phases run up to ``today`` and closed ones end before it."""
    this_monday = monday(today)
    length = _closed_length(trajectory)
    if not trajectory.jobs:
        first_job = this_monday - timedelta(weeks=rng.randint(1, 6))
    elif _is_open(trajectory):
        first_job = this_monday - timedelta(weeks=length + rng.randint(6, 16))
    else:
        after = trajectory.exit.after_weeks if trajectory.exit else 0
        first_job = this_monday - timedelta(weeks=length + after + rng.randint(2, max(3, spread_weeks)))
    started_on = first_job - timedelta(days=28 + rng.randint(0, 21))
    mapped_on = started_on + timedelta(days=7)
    jobs = [_plan_job(job, first_job, this_monday, today, rng) for job in trajectory.jobs]
    transitions = _plan_transitions(trajectory, jobs, started_on, mapped_on, today)
    follow_ups = _plan_follow_ups(trajectory, jobs, today, rng, follow_up_days)
    return CoursePlan(trajectory, started_on, mapped_on, jobs, transitions, follow_ups)


def _plan_job(job: Job, first_job: date, this_monday: date, today: date, rng: random.Random) -> JobPlan:
    slots = normalise_slots([{"weekday": d, "start": s, "end": e} for d, s, e in job.slots])
    start = first_job + timedelta(weeks=job.starts_week)
    phases: list[PlacementPlan] = []
    for i, phase in enumerate(job.phases):
        end = None if phase.weeks is None else start + timedelta(weeks=phase.weeks, days=-1)
        if end is not None and end >= today:
            end = None  # still running on the demo's today
        steps = [(start + timedelta(weeks=w), _hours(h, f"steps[{k}]")) for k, (w, h) in enumerate(phase.hours)]
        steps = [(d, h) for d, h in steps if end is None or d <= end]
        planned_end = end if i == 0 else None  # convert_placement drops an earlier planned end
        plan = PlacementPlan(phase.kind, start, end, planned_end, steps, slots, job.task)
        week = start
        while week + timedelta(days=7) <= today and (end is None or week <= end):
            planned = next((h for d, h in reversed(steps) if d <= week), steps[0][1])
            plan.weeks.append(_week_row(rng, phase, phase.kind, week, planned))
            week += timedelta(weeks=1)
        phases.append(plan)
        if end is None:
            break
        start = end + timedelta(days=1)
    return JobPlan(job, phases)


def _plan_transitions(
    trajectory: Trajectory, jobs: list[JobPlan], started_on: date, mapped_on: date, today: date
) -> list[TransitionPlan]:
    out = [
        TransitionPlan(CourseState.MAPPED, mapped_on, "Ressourceafdækning gennemført."),
        TransitionPlan(CourseState.MATCHING, mapped_on + timedelta(days=7), "Klar til matchning."),
    ]
    state: str = CourseState.MATCHING

    def go(target: str, on: date, reason: str) -> None:
        nonlocal state
        for step in path_to(state, target):
            check_transition(state, step)
            out.append(TransitionPlan(step, on, reason if step == target else ""))
            state = step

    # (date, order, target state, reason): starts sort before ends on the same day.
    events: list[tuple[date, int, str, str]] = []
    for j, job in enumerate(jobs):
        for i, phase in enumerate(job.phases):
            verb = "Start" if i == 0 else "Omdannet til"
            events.append(
                (phase.start, 1, STATE_FOR_KIND[phase.kind], f"{verb} {KIND_DA[phase.kind]}: {job.job.task}.")
            )
        last = job.phases[-1]
        if last.end is not None and job.job.ended_because:
            events.append((last.end + timedelta(days=1), 0, "ended", f"{job.job.ended_because}|{j}"))
        if last.kind != PLACEMENT and (last.end is None or (last.end - last.start).days >= 84):
            follow_from = last.start + timedelta(weeks=8)
            if follow_from <= today and (last.end is None or follow_from < last.end):
                events.append((follow_from, 2, CourseState.FOLLOW_UP, "Fastholdelse: ansat i 8 uger."))
    events.sort(key=lambda e: (e[0], e[1]))
    for on, _order, target, reason in events:
        if on > today:
            continue
        if target == "ended":
            text, index = reason.rsplit("|", 1)
            still_active = any(
                k != int(index) and other.start <= on and (other.end is None or other.end >= on)
                for k, other in enumerate(jobs)
            )
            exit_now = (
                trajectory.exit is not None
                and trajectory.exit.after_weeks == 0
                and all(other.end is not None and other.end < on for other in jobs)
            )
            if not still_active and not exit_now:
                go(CourseState.MATCHING, on, text)
            continue
        if target == CourseState.FOLLOW_UP and state != CourseState.PAID_HOURS:
            continue
        if target in (CourseState.PLACEMENT, CourseState.PAID_HOURS) and state == CourseState.MATCHING:
            # A new company always starts with a match meeting (DOMAIN.md §4, step 4).
            go(CourseState.MATCH_MEETING, on - timedelta(days=3), "Matchmøde med virksomhed og buddy.")
        go(target, on, reason)
    if trajectory.final_state == "match_meeting_failed":
        go(CourseState.MATCH_MEETING, mapped_on + timedelta(days=21), "Matchmøde hos virksomhed.")
        go(CourseState.MATCHING, mapped_on + timedelta(days=24), "Ikke tilbudt jobbet efter matchmødet.")
    elif trajectory.final_state in (CourseState.VISITED, CourseState.MAPPED) and not trajectory.jobs:
        keep = 0 if trajectory.final_state == CourseState.VISITED else 1
        del out[keep:]
    if trajectory.exit is not None:
        ends = [job.end for job in jobs]
        if all(end is not None for end in ends):
            last_end = max((e for e in ends if e is not None), default=started_on)
            on = last_end + timedelta(days=1, weeks=trajectory.exit.after_weeks)
            if on <= today:
                on = max(on, out[-1].on)
                check_transition(state, CourseState.EXITED)
                out.append(
                    TransitionPlan(
                        CourseState.EXITED,
                        on,
                        trajectory.exit.reason,
                        trajectory.exit.outcome,
                        trajectory.exit.stop_reason,
                    )
                )
    # Transition dates never go backwards (change_state refuses it).
    for a, b in zip(out, out[1:], strict=False):
        if b.on < a.on:
            b.on = a.on
    return out


def _plan_follow_ups(
    trajectory: Trajectory, jobs: list[JobPlan], today: date, rng: random.Random, interval: tuple[int, int]
) -> list[FollowUpPlan]:
    out: list[FollowUpPlan] = []
    for j, job in enumerate(jobs):
        for i, phase in enumerate(job.phases):
            source = job.job.phases[i]
            day = phase.start + timedelta(days=2)  # an extra visit in the first days (004)
            end = phase.end or today
            while day <= end and day <= today:
                step = rng.randint(*interval)
                if source.effective is not None and source.paid:
                    effectiveness = round(10 * source.effective / source.paid)
                else:
                    effectiveness = rng.randint(5, 9)
                attendance = rng.choices(("as_agreed", "partly", "absent", "sick"), weights=(85, 9, 3, 3))[0]
                out.append(
                    FollowUpPlan(
                        j,
                        i,
                        day,
                        day + timedelta(days=step),
                        attendance,
                        effectiveness,
                        f"{KIND_DA[phase.kind].capitalize()}: {job.job.task}.",
                    )
                )
                day += timedelta(days=step)
    return out
