# SPDX-License-Identifier: MPL-2.0
"""The global assignment: known optima by hand, and properties on random populations."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings

from smaajob.matching import Candidate, Opening, assign, build_pools, explain, feasible_pairs
from smaajob.matching.assignment import solve_min_cost_flow
from smaajob.matching.candidates import PairSet
from smaajob.matching.crosscheck import solve_milp, solve_sparse_matching
from smaajob.matching.greedy import greedy_assignment
from tests.matching.factories import candidate, opening
from tests.matching.strategies import populations


def pairset(rows: list[tuple[int, int, int]], n: int, m: int) -> PairSet:
    c, o, s = (np.array(col, dtype=np.int64) for col in zip(*rows, strict=True))
    return PairSet(c, o, s, n, m)


def test_the_optimum_gives_up_the_single_best_pair_when_two_good_pairs_are_worth_more() -> None:
    # c0 is the best fit for o0 (90), but c1 can only go to o0: 80 + 70 beats 90.
    pairs = pairset([(0, 0, 90), (0, 1, 80), (1, 0, 70)], 2, 2)
    capacity = np.array([1, 1])
    chosen = solve_min_cost_flow(pairs, capacity)
    assert int(pairs.score[chosen].sum()) == 150
    greedy = greedy_assignment(pairs, capacity)
    assert int(pairs.score[greedy].sum()) == 90


def test_a_task_with_two_places_takes_two_citizens_and_no_more() -> None:
    pairs = pairset([(0, 0, 50), (1, 0, 40), (2, 0, 30), (2, 1, 10)], 3, 2)
    chosen = solve_min_cost_flow(pairs, np.array([2, 1]))
    assert sorted(zip(pairs.cand[chosen].tolist(), pairs.opening[chosen].tolist(),
                      strict=True)) == [(0, 0), (1, 0), (2, 1)]


def test_citizens_with_no_feasible_task_stay_unassigned() -> None:
    cp, op = build_pools([candidate("near"), candidate("far", lat=57.0)], [opening(capacity=3)])
    result = assign(cp, op)
    assert [c for c, _, _ in result.pairs()] == ["near"]
    assert result.n_assigned == 1 and result.optimal


def test_a_waiting_bonus_gives_the_only_place_to_the_one_who_waited_longest() -> None:
    cp, op = build_pools(
        [candidate("nyt", waiting_days=0, lat=55.651),
         candidate("længe", waiting_days=400, lat=55.53)],
        [opening(capacity=1)])
    plain = {c for c, _, _ in assign(cp, op).pairs()}
    fair = {c for c, _, _ in assign(cp, op, waiting_bonus=20).pairs()}
    assert fair == {"længe"}
    assert plain == {"nyt"}


def test_the_assignment_reports_objective_greedy_baseline_and_timings() -> None:
    cp, op = build_pools([candidate("a"), candidate("b")], [opening("x"), opening("y")])
    summary = assign(cp, op, with_greedy=True).summary()
    assert summary["assigned"] == 2
    assert summary["objective_points"] == summary["greedy_objective_points"]
    seconds = summary["seconds"]
    assert isinstance(seconds, dict) and set(seconds) == {"candidate_generation", "solve", "greedy"}


def test_production_assignments_do_not_pay_for_the_greedy_baseline() -> None:
    cp, op = build_pools([candidate("a"), candidate("b")], [opening("x"), opening("y")])
    result = assign(cp, op)
    assert result.greedy_objective is None and result.gain_over_greedy is None
    assert set(result.seconds) == {"candidate_generation", "solve"}


def brute_force_pairs(cands: list[Candidate], opens: list[Opening]) -> set[tuple[str, str]]:
    return {(c.id, o.id) for c in cands for o in opens if explain(c, o).feasible}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(populations())
def test_candidate_generation_finds_exactly_the_pairs_the_single_case_check_accepts(
    population: tuple[list[Candidate], list[Opening]],
) -> None:
    cands, opens = population
    cp, op = build_pools(cands, opens)
    pairs = feasible_pairs(cp, op, cell_km=2.0)
    found = {(cp.ids[c], op.ids[o]) for c, o in zip(pairs.cand, pairs.opening, strict=True)}
    assert found == brute_force_pairs(cands, opens)
    for c, o, s in zip(pairs.cand, pairs.opening, pairs.score, strict=True):
        assert abs(s / 100 - explain(cands[c], opens[o]).score) < 0.01


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(populations(max_candidates=12, max_openings=8))
def test_the_assignment_is_feasible_within_capacity_optimal_and_never_below_greedy(
    population: tuple[list[Candidate], list[Opening]],
) -> None:
    cands, opens = population
    cp, op = build_pools(cands, opens)
    result = assign(cp, op, with_greedy=True)
    feasible = brute_force_pairs(cands, opens)
    chosen = list(result.pairs())
    assert all((c, o) in feasible for c, o, _ in chosen)
    assert len({c for c, _, _ in chosen}) == len(chosen)
    taken = np.bincount(result.opening, minlength=len(op))
    assert (taken <= op.free_places).all()
    assert result.greedy_objective is not None and result.objective >= result.greedy_objective

    pairs = feasible_pairs(cp, op)
    capacity = np.maximum(op.free_places, 0)
    assert int(pairs.score[solve_sparse_matching(pairs, capacity)].sum()) == result.objective
    assert int(pairs.score[solve_milp(pairs, capacity)].sum()) == result.objective


def test_the_greedy_order_is_score_then_citizen_then_task_even_with_ties() -> None:
    from smaajob.matching.greedy import greedy_order

    rng = np.random.default_rng(5)
    n, m = 300, 200
    flat = rng.choice(n * m, size=5_000, replace=False)
    pairs = PairSet(flat // m, flat % m, rng.integers(0, 40, size=5_000), n, m)
    expected = np.lexsort((pairs.opening, pairs.cand, -pairs.score))
    assert np.array_equal(greedy_order(pairs), expected)
    huge = PairSet(pairs.cand, pairs.opening, pairs.score * 10**12, n, m)  # key would overflow
    assert np.array_equal(greedy_order(huge), expected)


def test_the_flow_matches_scipy_on_random_pair_sets_with_ties_zeros_and_capacities() -> None:
    rng = np.random.default_rng(3)
    for n, m, k in ((40, 15, 200), (300, 120, 2_000), (5, 5, 25)):
        flat = rng.choice(n * m, size=k, replace=False)
        scores = rng.integers(0, 6, size=k) * rng.integers(0, 2, size=k)  # ties and zeros
        pairs = PairSet(flat // m, flat % m, scores, n, m)
        capacity = rng.integers(0, 4, size=m)
        chosen = solve_min_cost_flow(pairs, capacity)
        assert len(set(pairs.cand[chosen].tolist())) == len(chosen)
        assert (np.bincount(pairs.opening[chosen], minlength=m) <= capacity).all()
        expected = solve_sparse_matching(pairs, capacity)
        assert int(pairs.score[chosen].sum()) == int(pairs.score[expected].sum())
