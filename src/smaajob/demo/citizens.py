# SPDX-License-Identifier: MPL-2.0
"""Who the demo citizens are, as plain data: name, synthetic CPR, address, resource mapping.

Each citizen follows one trajectory from ``smaajob.demo.trajectories``; for the municipality
size the trajectory is varied (durations and hours scaled a little) so that 5,000 courses
do not look like 29 copies, while the shape — placement weeks, step-ups, paid hours, stops —
stays the seed's.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from datetime import date, timedelta

from faker import Faker

from smaajob.demo.geography import Place, random_place
from smaajob.demo.identifiers import synthetic_cpr
from smaajob.demo.trajectories import Phase, Trajectory


@dataclass
class CitizenSpec:
    cpr: str
    first_name: str
    last_name: str
    birth_date: date
    place: Place
    address: str
    trajectory: Trajectory
    availability: list[dict[str, object]]


def _birth_date(rng: random.Random, age: int, today: date) -> date:
    # A birthday somewhere in the year that makes the citizen ``age`` on ``today``.
    latest = date(today.year - age, today.month, min(today.day, 28))
    return latest - timedelta(days=rng.randrange(360))


def availability_for(trajectory: Trajectory) -> list[dict[str, object]]:
    """Weekdays the citizen can work: the union of the trajectory's own slots, else mornings."""
    slots = {(d, s, e) for job in trajectory.jobs for d, s, e in job.slots}
    if not slots:
        slots = {(d, "08:00", "14:00") for d in range(5)}
    by_day: dict[int, tuple[str, str]] = {}
    for d, s, e in slots:
        low, high = by_day.get(d, (s, e))
        by_day[d] = (min(low, s), max(high, e))
    return [{"weekday": d, "start": s, "end": e} for d, (s, e) in sorted(by_day.items())]


def make_citizen(rng: random.Random, fake: Faker, trajectory: Trajectory, *, today: date,
                 used_cpr: set[str]) -> CitizenSpec:
    male = trajectory.gender == "m"
    first = fake.first_name_male() if male else fake.first_name_female()
    birth = _birth_date(rng, trajectory.age, today)
    place = random_place(rng)
    return CitizenSpec(
        cpr=synthetic_cpr(rng, birth, male=male, used=used_cpr), first_name=first,
        last_name=fake.last_name(), birth_date=birth, place=place,
        address=fake.street_address(), trajectory=trajectory,
        availability=availability_for(trajectory),
    )


def _half(value: float) -> float:
    return max(0.0, round(value * 2) / 2)


def vary(trajectory: Trajectory, rng: random.Random, *, index: int, stretch: float = 1.0) -> Trajectory:
    """The same shape with durations ×0.6–1.3 and hours ×0.8–1.2 (to the half hour).

    ``stretch`` lengthens every duration further (the country size's longer histories)."""
    time_factor = rng.uniform(0.6, 1.3) * stretch
    hours_factor = rng.uniform(0.8, 1.2)

    def phase(p: Phase) -> Phase:
        weeks = None if p.weeks is None else max(1, round(p.weeks * time_factor))
        steps: list[tuple[int, float]] = []
        for week, hours in p.hours:
            at = round(week * time_factor)
            if weeks is not None:
                at = min(at, weeks - 1)
            if steps and at <= steps[-1][0]:
                continue  # a compressed step-up loses a step rather than repeat a week
            steps.append((at, min(37.0, _half(hours * hours_factor))))
        paid = None if p.paid is None else min(steps[-1][1], _half(p.paid * hours_factor))
        effective = None if p.effective is None else min(paid or steps[-1][1], _half(p.effective * hours_factor))
        return dataclasses.replace(p, weeks=weeks, hours=tuple(steps), paid=paid, effective=effective)

    jobs = tuple(
        dataclasses.replace(j, phases=tuple(phase(p) for p in j.phases),
                            starts_week=round(j.starts_week * time_factor))
        for j in trajectory.jobs
    )
    age = max(18, min(64, trajectory.age + rng.randint(-8, 8)))
    return dataclasses.replace(trajectory, key=f"{trajectory.key}#{index}", jobs=jobs, age=age)


def waiting_trajectory(rng: random.Random, template: Trajectory, *, index: int) -> Trajectory:
    """A citizen visited but not yet placed: visited, mapped or matching today."""
    state = rng.choice(("visited", "mapped", "matching", "matching"))
    return dataclasses.replace(template, key=f"waiting#{index}", jobs=(), exit=None, final_state=state,
                               summary="Visiteret; endnu ikke i praktik", age=rng.randint(19, 63),
                               gender=rng.choice("fm"))
