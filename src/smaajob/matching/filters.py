# SPDX-License-Identifier: MPL-2.0
"""The coordinator's questions as filters on openings.

VTA's coordinator asks *which companies, which tasks, how many hours, which days, is there
a buddy?* (003 §2.3). Each answer narrows the openings considered; a filter is not a
reason a pair is infeasible, only what the consultant asked to see.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from smaajob.errors import InvalidHours
from smaajob.matching import slots as slotbits
from smaajob.matching.errors import InvalidMatchingInput
from smaajob.matching.model import OpeningKind
from smaajob.matching.pools import KINDS, OpeningPool
from smaajob.matching.tags import common_count


@dataclass(frozen=True)
class MatchFilters:
    """Only openings that answer the coordinator's questions. ``None`` means "any".

    ``tasks``: at least one of these tasks. ``sectors``: one of these sectors.
    ``min_hours``/``max_hours``: the opening's hour range overlaps this range.
    ``weekdays``: all of the opening's times fall on these days (0 = Monday).
    ``buddy``: only openings with a buddy. ``kinds``: placement/paid/hybrid/wage_subsidy.
    ``companies``: only these company ids. ``not_companies``: none of these company ids.
    ``avoid``: a week mask of times the citizen is taken already (a current placement, another
    activity); only openings none of whose times fall in it (the placement rule refuses any overlap).
    """

    tasks: frozenset[str] | None = None
    sectors: frozenset[str] | None = None
    min_hours: float | None = None
    max_hours: float | None = None
    weekdays: frozenset[int] | None = None
    buddy: bool = False
    kinds: frozenset[str] | None = None
    companies: frozenset[str] | None = None
    not_companies: frozenset[str] | None = None
    avoid: int = 0

    def __post_init__(self) -> None:
        for name in ("tasks", "sectors", "companies", "not_companies"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, frozenset(str(v) for v in value))
        if self.weekdays is not None:
            days = frozenset(int(d) for d in self.weekdays)
            if not days <= set(range(7)):
                raise InvalidMatchingInput("weekdays skal være tal fra 0 (mandag) til 6 (søndag).",
                                           field="weekdays")
            object.__setattr__(self, "weekdays", days)
        if self.kinds is not None:
            try:
                object.__setattr__(self, "kinds", frozenset(OpeningKind(k) for k in self.kinds))
            except ValueError:
                raise InvalidMatchingInput(
                    f"kinds kan kun være {', '.join(k.value for k in OpeningKind)}.", field="kinds"
                ) from None
        lo, hi = self.min_hours, self.max_hours
        if (lo is not None and lo < 0) or (hi is not None and hi < 0) or (
            lo is not None and hi is not None and hi < lo
        ):
            raise InvalidHours(
                "Timefilteret skal være 0 eller mere, og 'højst' mindst 'mindst' (fx 4–10).",
                field="max_hours",
            )

    def opening_mask(self, op: OpeningPool) -> npt.NDArray[np.bool_]:
        """Which openings in ``op`` pass the filters."""
        ok = np.ones(len(op), dtype=np.bool_)
        vocab = op.vocab
        if self.tasks is not None:
            ok &= common_count(op.tasks, vocab.tasks.encode_many([self.tasks])) > 0
        if self.sectors is not None:
            ok &= np.isin(op.sector, [vocab.sectors.index(s) for s in self.sectors if
                                      vocab.sectors.index(s) > 0])
        if self.min_hours is not None:
            ok &= op.hours_max >= self.min_hours
        if self.max_hours is not None:
            ok &= op.hours_min <= self.max_hours
        if self.weekdays is not None:
            outside = slotbits.to_words(slotbits.ALL_WEEK & ~slotbits.days_mask(self.weekdays))
            ok &= ~(op.slots & outside).any(axis=1)
        if self.buddy:
            ok &= op.buddy
        if self.kinds is not None:
            ok &= np.isin(op.kind, [KINDS.index(OpeningKind(k)) for k in self.kinds])
        if self.companies is not None:
            ok &= np.isin(np.asarray(op.company_ids, dtype=object), list(self.companies))
        if self.not_companies:
            ok &= ~np.isin(np.asarray(op.company_ids, dtype=object), list(self.not_companies))
        if self.avoid:
            ok &= ~(op.slots & slotbits.to_words(slotbits.check_mask(self.avoid, field="avoid"))).any(axis=1)
        return ok


def as_filters(value: MatchFilters | None) -> MatchFilters:
    return value if value is not None else MatchFilters()

