# SPDX-License-Identifier: MPL-2.0
"""Top-k searches: the best openings for one citizen, the best citizens for one opening.

Both check every pair against the hard constraints in one vectorised pass, score the
feasible ones, keep the k best (ties broken by id, so the order is stable) and explain
each. The result also counts why the others were rejected — "1 200 are too far, 40 need a
forklift certificate" tells a consultant what to work on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from smaajob.matching.constraints import Reason, check_pairs
from smaajob.matching.errors import InvalidMatchingInput
from smaajob.matching.explain import MatchExplanation, explain_pairs
from smaajob.matching.filters import MatchFilters
from smaajob.matching.model import Candidate, Opening
from smaajob.matching.pools import CandidatePool, OpeningPool, Vocabularies
from smaajob.matching.scoring import score_pairs
from smaajob.matching.weights import Weights, default_weights

I64 = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Suggestion:
    id: str  # the opening's id in top_openings_for, the candidate's in top_candidates_for
    index: int  # row in the pool searched
    score: float
    explanation: MatchExplanation | None


@dataclass(frozen=True)
class Ranking:
    subject_id: str
    suggestions: tuple[Suggestion, ...]
    considered: int  # after the filters
    filtered_out: int
    feasible: int
    rejected: Mapping[str, int]  # reason code → pairs failing it (a pair may fail several)

    def to_dict(self) -> dict[str, object]:
        return {
            "subject_id": self.subject_id,
            "considered": self.considered,
            "filtered_out": self.filtered_out,
            "feasible": self.feasible,
            "rejected": dict(self.rejected),
            "suggestions": [
                {"id": s.id, "score": round(s.score, 2),
                 "explanation": s.explanation.to_dict() if s.explanation else None}
                for s in self.suggestions
            ],
        }


def _check_k(k: int) -> None:
    if k < 1:
        raise InvalidMatchingInput(f"k skal være mindst 1, ikke {k}.", field="k")


def _top(scores: npt.NDArray[np.float64], ids: Sequence[str], rows: I64, k: int) -> I64:
    """Indices into ``rows`` of the k best, by score descending, then id ascending."""
    if len(rows) > 4 * k:
        # Keep everything tied with the k-th score, so the id tie-break stays exact.
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        keep = np.flatnonzero(scores >= kth)
    else:
        keep = np.arange(len(rows))
    order = sorted(keep.tolist(), key=lambda t: (-scores[t], ids[int(rows[t])]))
    return np.array(order[:k], dtype=np.int64)


def _counts(reasons: I64) -> dict[str, int]:
    return {r.value: int(np.count_nonzero(reasons & r.bit)) for r in Reason
            if np.any(reasons & r.bit)}


def top_openings_for(
    candidate: Candidate,
    openings: Sequence[Opening] | OpeningPool,
    k: int = 10,
    *,
    filters: MatchFilters | None = None,
    weights: Weights | None = None,
    explain: bool = True,
) -> Ranking:
    """The ``k`` best feasible openings for ``candidate``, best first, each explained."""
    _check_k(k)
    weights = weights or default_weights()
    op = openings if isinstance(openings, OpeningPool) else OpeningPool.from_openings(
        openings, Vocabularies())
    # A copy of the pool's vocabularies takes the candidate's new tags: a pool kept between
    # requests (and read by several threads) is never changed by ranking one person.
    cp = CandidatePool.from_candidates([candidate], op.vocab.copy())
    mask = (filters or MatchFilters()).opening_mask(op)
    oj = np.flatnonzero(mask)
    ci = np.zeros(len(oj), dtype=np.int64)
    facts = check_pairs(cp, ci, op, oj)
    ok = facts.feasible
    rows = oj[ok]
    scores = score_pairs(cp, ci[ok], op, rows, facts.take(ok), weights).points
    best = _top(scores, op.ids, rows, k)
    picked = [int(rows[b]) for b in best]
    explanations = (explain_pairs(cp, [0] * len(picked), op, picked, weights) if explain
                    else [None] * len(picked))
    suggestions = tuple(
        Suggestion(id=op.ids[row], index=row, score=float(scores[b]), explanation=text)
        for b, row, text in zip(best.tolist(), picked, explanations, strict=True)
    )
    return Ranking(subject_id=candidate.id, suggestions=suggestions, considered=len(oj),
                   filtered_out=len(op) - len(oj), feasible=int(ok.sum()),
                   rejected=_counts(facts.reasons))


def top_candidates_for(
    opening: Opening,
    candidates: Sequence[Candidate] | CandidatePool,
    k: int = 10,
    *,
    weights: Weights | None = None,
    explain: bool = True,
) -> Ranking:
    """The ``k`` citizens ``opening`` suits best, best first, each explained."""
    _check_k(k)
    weights = weights or default_weights()
    cp = candidates if isinstance(candidates, CandidatePool) else CandidatePool.from_candidates(
        candidates, Vocabularies())
    op = OpeningPool.from_openings([opening], cp.vocab)
    ci = np.arange(len(cp), dtype=np.int64)
    oj = np.zeros(len(cp), dtype=np.int64)
    facts = check_pairs(cp, ci, op, oj)
    ok = facts.feasible
    rows = ci[ok]
    scores = score_pairs(cp, rows, op, oj[ok], facts.take(ok), weights).points
    best = _top(scores, cp.ids, rows, k)
    picked = [int(rows[b]) for b in best]
    explanations = (explain_pairs(cp, picked, op, [0] * len(picked), weights) if explain
                    else [None] * len(picked))
    suggestions = tuple(
        Suggestion(id=cp.ids[row], index=row, score=float(scores[b]), explanation=text)
        for b, row, text in zip(best.tolist(), picked, explanations, strict=True)
    )
    return Ranking(subject_id=opening.id, suggestions=suggestions, considered=len(cp),
                   filtered_out=0, feasible=int(ok.sum()), rejected=_counts(facts.reasons))

