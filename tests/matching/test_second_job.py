# SPDX-License-Identifier: MPL-2.0
"""Several small jobs at once (Igor, 003 §4.3.2.3): remaining hours, no time clash, exact."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import HealthCheck, given, settings

from smaajob.matching import (
    Candidate,
    Opening,
    assign_with_second_jobs,
    build_pools,
    feasible_pairs,
    propose_second_jobs,
    week_mask,
)
from smaajob.matching.second_job import second_job_upper_bound
from tests.matching.factories import candidate, opening
from tests.matching.strategies import populations

WEEKEND = week_mask([(5, "09:00", "17:00"), (6, "09:00", "16:00")])


def igor() -> Candidate:
    return candidate("igor", weekly_hours=20, available=week_mask(
        [(d, "08:00", "18:00") for d in range(7)], free_time=True),
        wished_sectors=frozenset({"it"}), wished_tasks=frozenset({"it-support"}),
        readiness="jobparat")


def test_igor_gets_it_support_on_weekdays_next_to_his_weekend_shop_job() -> None:
    shop = opening("tøjbutik", hours_min=15, hours_max=15, slots=WEEKEND, sector="detail")
    it_support = opening("it-support", hours_min=3, hours_max=5, sector="it",
                         tasks=frozenset({"it-support"}),
                         slots=week_mask([(1, "09:00", "12:00"), (3, "09:00", "12:00")]))
    saturday_it = opening("lørdags-it", hours_min=3, hours_max=4, sector="it",
                          slots=week_mask([(5, "10:00", "14:00")]))
    too_many_hours = opening("lager", hours_min=8, hours_max=10,
                             slots=week_mask([(0, "08:00", "16:00")]))
    ranking = propose_second_jobs(igor(), shop, [shop, it_support, saturday_it, too_many_hours])
    assert [s.id for s in ranking.suggestions] == ["it-support"]
    # The lager task needs 8 h/week; only 20 − 15 = 5 are left.
    assert ranking.rejected == {"hours_exceed_capacity": 1}


def test_the_municipality_run_gives_a_citizen_two_tasks_only_when_they_do_not_clash() -> None:
    morning = week_mask([(0, "08:00", "12:00")])
    afternoon = week_mask([(0, "13:00", "17:00")])
    overlapping = week_mask([(0, "11:00", "15:00")])
    cp, op = build_pools(
        [igor()],
        [opening("formiddag", slots=morning), opening("eftermiddag", slots=afternoon),
         opening("midt", slots=overlapping)])
    result = assign_with_second_jobs(cp, op)
    assert result.optimal
    assert sorted(result.jobs_by_candidate()["igor"]) == ["eftermiddag", "formiddag"]


def test_two_tasks_are_never_combined_beyond_the_citizens_weekly_hours() -> None:
    slots = [week_mask([(d, "08:00", "16:00")]) for d in range(3)]
    cp, op = build_pools([candidate("a", weekly_hours=10, available=week_mask(
        [(d, "08:00", "16:00") for d in range(3)], free_time=True))],
        [opening(f"o{d}", hours_min=6, hours_max=8, slots=slots[d]) for d in range(3)])
    result = assign_with_second_jobs(cp, op)
    assert result.optimal and len(result.cand) == 1


def brute_force(cands: list[Candidate], opens: list[Opening], bonus: int) -> int:
    cp, op = build_pools(cands, opens)
    pairs = feasible_pairs(cp, op)
    best = 0
    n = len(pairs)
    for size in range(0, min(n, 2 * len(cands)) + 1):
        for chosen in itertools.combinations(range(n), size):
            c = pairs.cand[list(chosen)]
            o = pairs.opening[list(chosen)]
            if (np.bincount(c, minlength=len(cands)) > 2).any():
                continue
            if (np.bincount(o, minlength=len(opens)) > op.free_places).any():
                continue
            ok = True
            for i in set(c.tolist()):
                mine = [int(o[k]) for k in range(size) if c[k] == i]
                if sum(opens[j].hours_min for j in mine) > cands[i].weekly_hours:
                    ok = False
                if len(mine) == 2 and opens[mine[0]].slots & opens[mine[1]].slots:
                    ok = False
            if ok:
                value = int(pairs.score[list(chosen)].sum()) + bonus * len(set(c.tolist()))
                best = max(best, value)
    return best


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(populations(max_candidates=3, max_openings=4))
def test_the_second_job_program_matches_brute_force_on_small_cases(
    population: tuple[list[Candidate], list[Opening]],
) -> None:
    cands, opens = population
    cp, op = build_pools(cands, opens)
    if len(feasible_pairs(cp, op)) > 9:
        return
    result = assign_with_second_jobs(cp, op, first_job_bonus=20, workers=1)
    assert result.optimal
    assert result.objective == brute_force(cands, opens, bonus=2000)
    bound = second_job_upper_bound(feasible_pairs(cp, op), np.maximum(op.free_places, 0), 20)
    assert result.objective <= bound
