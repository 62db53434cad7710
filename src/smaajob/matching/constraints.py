# SPDX-License-Identifier: MPL-2.0
"""Hard constraints: which citizen–task pairs are feasible at all, and why not.

Each constraint has a stable reason code (used by the web app and in statistics) and a
bit, so the result for many pairs is one integer per pair: 0 means feasible. The checks
are vectorised over pairs of row indices into a :class:`CandidatePool` and an
:class:`OpeningPool`; :mod:`smaajob.matching.explain` words them in Danish.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from smaajob.matching import slots as slotbits
from smaajob.matching.geo import haversine_from_radians_km
from smaajob.matching.model import FACT_BIT, Fact
from smaajob.matching.pools import CandidatePool, OpeningPool
from smaajob.matching.tags import is_subset

I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]


class Reason(StrEnum):
    """Why a pair is infeasible. The values are stable codes; never rename one."""

    HOURS = "hours_exceed_capacity"
    SLOTS = "slots_incompatible"
    LANGUAGE = "language_insufficient"
    RESTRICTIONS = "restrictions_not_accommodated"
    CERTIFICATES = "certificates_missing"
    DISTANCE = "too_far"
    CONSENT = "consent_missing"
    CAPACITY = "no_free_capacity"

    @property
    def bit(self) -> int:
        return REASON_BIT[self]

    @property
    def heading(self) -> str:
        """Short Danish heading, e.g. "For langt væk"."""
        return REASON_TITLE_DA[self]


REASON_BIT: dict[Reason, int] = {r: 1 << i for i, r in enumerate(Reason)}
REASON_TITLE_DA: dict[Reason, str] = {
    Reason.HOURS: "For mange timer",
    Reason.SLOTS: "Tiderne passer ikke",
    Reason.LANGUAGE: "Sprogkrav ikke opfyldt",
    Reason.RESTRICTIONS: "Skånehensyn kan ikke rummes",
    Reason.CERTIFICATES: "Mangler certifikat",
    Reason.DISTANCE: "For langt væk",
    Reason.CONSENT: "Mangler samtykke",
    Reason.CAPACITY: "Ingen ledige pladser",
}


def reasons_of(bits: int) -> tuple[Reason, ...]:
    return tuple(r for r in Reason if bits & REASON_BIT[r])


@dataclass(frozen=True, eq=False)
class PairFacts:
    """Per pair: the failed-constraint bits, distance in km and free hours inside the task."""

    reasons: I64
    distance_km: F64
    free_hours: F64

    @property
    def feasible(self) -> npt.NDArray[np.bool_]:
        return np.asarray(self.reasons == 0)

    def take(self, rows: npt.NDArray[np.bool_] | I64) -> PairFacts:
        return PairFacts(reasons=self.reasons[rows], distance_km=self.distance_km[rows],
                         free_hours=self.free_hours[rows])


def check_pairs(cp: CandidatePool, ci: I64, op: OpeningPool, oj: I64) -> PairFacts:
    """All hard constraints for the pairs ``(cp[ci[k]], op[oj[k]])``."""
    ci = np.asarray(ci, dtype=np.int64)
    oj = np.asarray(oj, dtype=np.int64)
    reasons = np.zeros(np.broadcast(ci, oj).shape, dtype=np.int64)

    def flag(reason: Reason, failed: npt.NDArray[np.bool_]) -> None:
        reasons[...] |= np.where(failed, REASON_BIT[reason], 0)

    cap, need = cp.weekly_hours[ci], op.hours_min[oj]
    flag(Reason.HOURS, (cap < need) | (cap <= 0))
    free_hours = slotbits.overlap_half_hours_at(cp.free_by_word, ci, op.slots_by_word, oj) / 2.0
    flag(Reason.SLOTS, (free_hours < need) | (free_hours <= 0))
    flag(Reason.LANGUAGE, cp.danish[ci] < op.danish[oj])
    flag(Reason.RESTRICTIONS, ~is_subset(cp.restrictions[ci], op.accommodations[oj]))
    flag(Reason.CERTIFICATES, ~is_subset(op.certificates[oj], cp.certificates[ci]))
    dist = pair_distances_km(cp, ci, op, oj)
    flag(Reason.DISTANCE, dist > cp.travel_km[ci])
    flag(Reason.CONSENT, (disclosures_needed(cp, ci, op, oj) & ~cp.consents[ci]) != 0)
    flag(Reason.CAPACITY, op.free_places[oj] <= 0)
    return PairFacts(reasons=reasons, distance_km=dist, free_hours=np.asarray(free_hours))


def pair_distances_km(cp: CandidatePool, ci: I64, op: OpeningPool, oj: I64) -> F64:
    """Great-circle km of each pair, from the pools' cached radians and cosines."""
    return haversine_from_radians_km(cp.lat_rad[ci], cp.cos_lat[ci], cp.lon[ci],
                                     op.lat_rad[oj], op.cos_lat[oj], op.lon[oj])


def disclosures_needed(cp: CandidatePool, ci: I64, op: OpeningPool, oj: I64) -> I64:
    """Facts the employer must be told for this pair.

    The task's own needs (certificates must be shown, any explicit requirement), plus the
    citizen's skånehensyn whenever they have any: a company cannot accommodate what it
    has not been told, so a match that relies on accommodation needs that consent.
    """
    restr = np.where(cp.has_restrictions[ci], FACT_BIT[Fact.RESTRICTIONS], 0)
    return np.asarray(op.disclosures[oj] | restr, dtype=np.int64)


def keep_feasible(
    cp: CandidatePool, ci: I64, op: OpeningPool, oj: I64
) -> tuple[I64, I64, PairFacts]:
    """Only the feasible pairs of ``(ci, oj)``, with their facts; no reasons for the others.

    The same tests as :func:`check_pairs`, applied one after another on fewer and fewer
    pairs (the most selective first), for candidate generation where only survivors count.
    """
    def narrow(ok: npt.NDArray[np.bool_]) -> None:
        nonlocal ci, oj
        ci, oj = ci[ok], oj[ok]

    # Shared time first: after candidate generation's prefilters it is the test that
    # rejects most pairs, so the others run on far fewer.
    need = op.hours_min[oj]
    free_hours = slotbits.overlap_half_hours_at(cp.free_by_word, ci, op.slots_by_word, oj) / 2.0
    ok = (free_hours >= need) & (free_hours > 0)
    narrow(ok)
    free_hours = free_hours[ok]
    cap, need = cp.weekly_hours[ci], op.hours_min[oj]
    ok = ((cap >= need) & (cap > 0) & (cp.danish[ci] >= op.danish[oj])
          & (op.free_places[oj] > 0))
    narrow(ok)
    free_hours = free_hours[ok]
    ok = is_subset(cp.restrictions[ci], op.accommodations[oj])
    ok &= is_subset(op.certificates[oj], cp.certificates[ci])
    ok &= (disclosures_needed(cp, ci, op, oj) & ~cp.consents[ci]) == 0
    narrow(ok)
    free_hours = free_hours[ok]
    dist = pair_distances_km(cp, ci, op, oj)
    ok = dist <= cp.travel_km[ci]
    narrow(ok)
    facts = PairFacts(reasons=np.zeros(len(ci), dtype=np.int64), distance_km=dist[ok],
                      free_hours=np.asarray(free_hours[ok]))
    return ci, oj, facts
