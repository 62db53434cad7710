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
from smaajob.matching.candidates import PairSet
from smaajob.matching.second_job import second_job_upper_bound
from smaajob.matching.second_job_bundles import compatible_pairs, solve_bundles
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


def test_with_three_tasks_allowed_the_cp_sat_model_still_answers_exactly() -> None:
    days = [week_mask([(d, "08:00", "11:00")]) for d in range(3)]
    cp, op = build_pools([candidate("a", weekly_hours=9, available=week_mask(
        [(d, "08:00", "16:00") for d in range(3)], free_time=True))],
        [opening(f"o{d}", hours_min=3, hours_max=3, slots=days[d]) for d in range(3)])
    result = assign_with_second_jobs(cp, op, max_jobs=3, workers=1)
    assert result.optimal and len(result.cand) == 3


# Array-level cases for the bundle solver: small and dense, so that time clashes, hours,
# capacities and fractional relaxations (which need the integer-program step) all occur.

Instance = tuple[PairSet, np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]


def random_instance(seed: int) -> Instance:
    rng = np.random.default_rng(seed)
    n_citizens, n_tasks = int(rng.integers(2, 5)), 4
    links = [(c, o) for c in range(n_citizens) for o in range(n_tasks) if rng.random() < 0.7]
    cand = np.array([c for c, _ in links], dtype=np.int64)
    task = np.array([o for _, o in links], dtype=np.int64)
    score = rng.integers(1, 60, len(links)).astype(np.int64)
    slots = np.zeros((n_tasks, 6), dtype=np.uint64)
    slots[:, int(rng.integers(0, 6))] = rng.integers(1, 16, n_tasks).astype(np.uint64) << 30
    hours = rng.integers(1, 6, n_tasks).astype(np.float64)
    weekly = rng.integers(3, 10, n_citizens).astype(np.float64)
    places = rng.integers(0, 3, n_tasks).astype(np.int64)
    return (PairSet(cand, task, score, n_citizens, n_tasks), places, slots, hours, weekly,
            int(rng.integers(0, 30)))


def brute_force_bundles(instance: Instance) -> int:
    """Every way of giving each citizen nothing, one task or two, checked one by one."""
    pairs, places, slots, hours, weekly, bonus = instance
    options: list[list[tuple[int, ...]]] = []
    for c in range(pairs.n_candidates):
        mine = [int(r) for r in np.flatnonzero(pairs.cand == c)]
        mine_options: list[tuple[int, ...]] = [(), *((r,) for r in mine)]
        for r, s in itertools.combinations(mine, 2):
            a, b = int(pairs.opening[r]), int(pairs.opening[s])
            clash = any(int(slots[a, w]) & int(slots[b, w]) for w in range(slots.shape[1]))
            if not clash and hours[a] + hours[b] <= weekly[c]:
                mine_options.append((r, s))
        options.append(mine_options)
    best = 0
    for choice in itertools.product(*options):
        rows = [r for bundle in choice for r in bundle]
        used = np.bincount(pairs.opening[rows].astype(np.int64), minlength=len(places))
        if (used <= places).all():
            best = max(best, int(pairs.score[rows].sum())
                       + bonus * sum(1 for bundle in choice if bundle))
    return best


def test_the_bundle_solver_matches_brute_force_on_small_dense_cases() -> None:
    for seed in range(150):
        instance = random_instance(seed)
        pairs, places, slots, hours, weekly, bonus = instance
        result = solve_bundles(pairs, places, slots, hours, weekly, bonus)
        assert result.optimal and result.bound == result.objective
        assert result.objective == brute_force_bundles(instance), seed
        assert result.objective >= result.single_job_objective
        # The answer itself keeps every rule.
        rows = result.chosen
        assert (np.bincount(pairs.opening[rows], minlength=len(places)) <= places).all()
        assert (np.bincount(pairs.cand[rows], minlength=pairs.n_candidates) <= 2).all()
        assert int(pairs.score[rows].sum()) + bonus * len(np.unique(pairs.cand[rows])) == (
            result.objective)


def test_a_fractional_relaxation_is_finished_exactly_by_the_integer_program() -> None:
    # Seed 224 (found by search): the relaxation's optimum is fractional, so the answer
    # comes from the integer program over the bundles the bound could not rule out.
    instance = random_instance(224)
    result = solve_bundles(*instance[:5], instance[5])
    assert result.mip_columns > 0
    assert result.optimal and result.objective == brute_force_bundles(instance) == 270


def test_one_task_each_is_the_bundle_program_without_pairs() -> None:
    for seed in range(20):
        pairs, places, slots, hours, weekly, bonus = random_instance(seed)
        one = solve_bundles(pairs, places, slots, hours, weekly, bonus, max_jobs=1)
        assert one.optimal and one.objective == one.single_job_objective
        assert (np.bincount(pairs.cand[one.chosen], minlength=pairs.n_candidates) <= 1).all()


def test_compatible_pairs_are_exactly_the_non_clashing_pairs_within_the_hours() -> None:
    rng = np.random.default_rng(7)
    cand = np.sort(rng.integers(0, 30, 400)).astype(np.int64)
    task = rng.integers(0, 50, 400).astype(np.int64)
    slots = np.zeros((50, 6), dtype=np.uint64)  # one block of 2-8 half hours each
    for t in range(50):
        length, start = int(rng.integers(2, 9)), int(rng.integers(0, 56))
        slots[t, int(rng.integers(0, 2))] = np.uint64(((1 << length) - 1) << start)
    hours = rng.integers(1, 8, 50).astype(np.float64)
    weekly = rng.integers(2, 15, 30).astype(np.float64)
    p, q = compatible_pairs(cand, task, slots, hours, weekly)
    expected = {
        (i, j) for i in range(400) for j in range(i + 1, 400)
        if cand[i] == cand[j] and hours[task[i]] + hours[task[j]] <= weekly[cand[i]]
        and not any(int(slots[task[i], w]) & int(slots[task[j], w]) for w in range(6))}
    assert set(zip(p.tolist(), q.tolist(), strict=True)) == expected
    assert len(expected) > 50


def test_a_time_limit_of_zero_still_answers_one_task_each_with_a_valid_bound() -> None:
    instance = random_instance(3)
    pairs, places, slots, hours, weekly, bonus = instance
    result = solve_bundles(pairs, places, slots, hours, weekly, bonus, time_limit_s=0)
    assert result.objective == result.single_job_objective
    assert result.bound is None or result.bound >= brute_force_bundles(instance)


def test_by_default_a_first_task_for_one_citizen_comes_before_a_second_task_for_another() -> None:
    # Anna fits both tasks well (her wished sector); Bo fits the afternoon task less well.
    # One place each. Giving Anna both tasks scores more fit points, but Bo would have none.
    morning = week_mask([(0, "08:00", "12:00")])
    afternoon = week_mask([(0, "13:00", "17:00")])
    monday = week_mask([(0, "08:00", "17:00")], free_time=True)
    anna = candidate("anna", weekly_hours=10, available=monday, wished_sectors=frozenset({"it"}))
    bo = candidate("bo", weekly_hours=10, available=monday)
    tasks = [opening("formiddag", hours_min=3, hours_max=4, slots=morning, sector="it"),
             opening("eftermiddag", hours_min=3, hours_max=4, slots=afternoon, sector="it")]
    cp, op = build_pools([anna, bo], tasks)
    pure_fit = assign_with_second_jobs(cp, op, first_job_bonus=0, workers=1)
    assert pure_fit.optimal and pure_fit.n_with_two_or_more == 1 and pure_fit.n_citizens_with_a_job == 1
    default = assign_with_second_jobs(cp, op, workers=1)
    assert default.optimal and default.n_citizens_with_a_job == 2 and default.n_with_two_or_more == 0
