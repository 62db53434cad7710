# SPDX-License-Identifier: MPL-2.0
"""Matching citizens to small company tasks: feasibility, scoring, explanations, assignment.

Pure Python (numpy, SciPy, OR-Tools); never imports Django. Plain data in, plain data out.

Inputs
    :class:`Candidate` and :class:`Opening` — frozen dataclasses for one citizen / one task.
    :func:`week_mask` turns ``{"weekday", "start", "end"}`` slots into the week masks they use.
    :func:`build_pools` turns lists of them into :class:`CandidatePool` / :class:`OpeningPool`
    (columnar numpy arrays) for population runs.

Single case
    ``explain(candidate, opening) -> MatchExplanation`` — feasible or not, each failed hard
    constraint (:class:`Reason`, stable code + Danish sentence), what fits, each score
    component; ``.text()`` in Danish, ``.to_dict()`` for JSON.
    ``missing_consents(restrictions=…, consents=…)`` — the consent constraint alone, from plain
    sets (no coordinates needed): what a proposal outside the engine must not skip.

Searches
    ``top_openings_for(candidate, openings, k=10, filters=MatchFilters(...)) -> Ranking``
    ``top_candidates_for(opening, candidates, k=10) -> Ranking``
    ``build_opening_pool(openings) -> OpeningPool`` — encode the openings once and pass the pool
    to ``top_openings_for`` for each person: ranking never changes a pool, so it can be kept
    between requests and read by several threads.

Populations
    ``feasible_pairs(cp, op) -> PairSet`` — all feasible pairs, scored, without the full matrix.
    ``assign(cp, op, waiting_bonus=0) -> Assignment`` — the exact maximum-score assignment
    (each citizen ≤ 1 task, tasks ≤ free places), with the greedy baseline for comparison.
    ``propose_second_jobs(...)`` / ``assign_with_second_jobs(...)`` — a second small task that
    fits the remaining hours and does not clash in time (CP-SAT, exact per municipality);
    ``second_job_upper_bound(pairs, capacity)`` bounds it for any size (national runs).

Weights live in ``weights.yaml`` (:func:`load_weights`). See docs/matching.md.
"""

from smaajob.matching.assignment import Assignment, assign
from smaajob.matching.candidates import PairSet, feasible_pairs
from smaajob.matching.constraints import Reason
from smaajob.matching.errors import (
    InvalidCoordinates,
    InvalidMatchingInput,
    InvalidSlots,
    InvalidWeights,
)
from smaajob.matching.explain import MatchExplanation, Rejection, ScoreComponent, explain
from smaajob.matching.filters import MatchFilters
from smaajob.matching.model import Candidate, DanishLevel, Fact, Opening, OpeningKind, missing_consents
from smaajob.matching.pool_splice import splice_opening_pool
from smaajob.matching.pools import CandidatePool, OpeningPool, build_opening_pool, build_pools
from smaajob.matching.ranking import Ranking, Suggestion, top_candidates_for, top_openings_for
from smaajob.matching.second_job import (
    MultiJobAssignment,
    assign_with_second_jobs,
    propose_second_jobs,
    second_job_upper_bound,
)
from smaajob.matching.slots import ALL_WEEK, days_mask, week_mask
from smaajob.matching.weights import Weights, default_weights, load_weights

__all__ = [
    "ALL_WEEK",
    "Assignment",
    "Candidate",
    "CandidatePool",
    "DanishLevel",
    "Fact",
    "InvalidCoordinates",
    "InvalidMatchingInput",
    "InvalidSlots",
    "InvalidWeights",
    "MatchExplanation",
    "MatchFilters",
    "MultiJobAssignment",
    "Opening",
    "OpeningKind",
    "OpeningPool",
    "PairSet",
    "Ranking",
    "Reason",
    "Rejection",
    "ScoreComponent",
    "Suggestion",
    "Weights",
    "assign",
    "assign_with_second_jobs",
    "build_opening_pool",
    "build_pools",
    "days_mask",
    "default_weights",
    "explain",
    "feasible_pairs",
    "load_weights",
    "missing_consents",
    "propose_second_jobs",
    "second_job_upper_bound",
    "splice_opening_pool",
    "top_candidates_for",
    "top_openings_for",
    "week_mask",
]
