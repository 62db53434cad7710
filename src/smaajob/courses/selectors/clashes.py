# SPDX-License-Identifier: MPL-2.0
"""The placement rule's clash test, as one function for the write and for matching.

A new placement is refused when the citizen has another placement at the same company in the
same period, or one whose weekly times overlap the new one's, or another fixed activity
(``Commitment``) at those times (``courses.services.placements.create_placement``). Matching
asks the same question before it proposes an opening (issue 22 item 2: 5 of 12 placements
registered from the matching page's first proposal were refused by this rule), over the period
the placement form suggests: from today, ``PLACEMENT_WEEKS`` weeks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from smaajob.citizens.models import Commitment
from smaajob.courses.models import Placement
from smaajob.errors import OverlappingActivity
from smaajob.slots import first_clash

# The placement form's default period (VTA's usual four weeks); matching looks over the same.
PLACEMENT_WEEKS = 4


def default_period(on: date) -> tuple[date, date]:
    """The period the placement form suggests for a placement registered on ``on``."""
    return on, on + timedelta(weeks=PLACEMENT_WEEKS) - timedelta(days=1)


def periods_overlap(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    return (b_end is None or a_start <= b_end) and (a_end is None or b_start <= a_end)


@dataclass
class Taken:
    """What a citizen already has from a date on: placements (with their company) and commitments."""

    placements: list[Placement] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)

    def busy_slots(self, start: date, end: date | None) -> list[Mapping[str, Any]]:
        """The weekly times taken in ``start``–``end`` by the placements and commitments."""
        slots: list[Mapping[str, Any]] = []
        for p in self.placements:
            if periods_overlap(start, end, p.actual_start or p.planned_start, p.actual_end or p.planned_end):
                slots.extend(p.slots)
        for c in self.commitments:
            if periods_overlap(start, end, c.starts_on, c.ends_on):
                slots.extend(c.slots)
        return slots

    def companies(self, start: date, end: date | None) -> set[int]:
        """Companies the citizen has a placement at in ``start``–``end``."""
        return {
            p.company_id
            for p in self.placements
            if periods_overlap(start, end, p.actual_start or p.planned_start, p.actual_end or p.planned_end)
        }


def taken_from(citizen_ids: Iterable[int] | Any, start: date, *, exclude: Placement | None = None) -> dict[int, Taken]:
    """Per citizen: the placements not ended before ``start`` and the commitments, two queries.
    ``citizen_ids`` is a list of ids or a query of them (``values("pk")``)."""
    ids = citizen_ids
    placements = (
        Placement.objects.filter(course__citizen_id__in=ids)
        .exclude(actual_end__lt=start)
        .select_related("company", "course")
        .order_by("pk")
    )
    if exclude is not None:
        placements = placements.exclude(pk=exclude.pk)
    taken: dict[int, Taken] = defaultdict(Taken)
    for p in placements:
        taken[p.course.citizen_id].placements.append(p)
    for c in Commitment.objects.filter(citizen_id__in=ids).exclude(ends_on__lt=start).order_by("pk"):
        taken[c.citizen_id].commitments.append(c)
    return taken


def clash(
    taken: Taken, start: date, end: date | None, slots: Sequence[Mapping[str, Any]], company_id: int,
    company_name: str,
) -> OverlappingActivity | None:
    """The placement rule's refusal of a placement at ``company_id`` in ``start``–``end`` at
    ``slots``, or None when the rule allows it."""
    for other in taken.placements:
        if not periods_overlap(start, end, other.actual_start or other.planned_start,
                               other.actual_end or other.planned_end):
            continue
        if other.company_id == company_id:
            return OverlappingActivity(
                f"Borgeren har allerede en placering hos {company_name} i samme periode; "
                "afslut eller omdan den i stedet for at oprette en ny.",
                field="planned_start",
            )
        overlap = first_clash(slots, other.slots)
        if overlap:
            return OverlappingActivity(
                f"Tiderne støder sammen med placeringen hos {other.company.name}: {overlap}.", field="slots"
            )
    for commitment in taken.commitments:
        if periods_overlap(start, end, commitment.starts_on, commitment.ends_on):
            overlap = first_clash(slots, commitment.slots)
            if overlap:
                return OverlappingActivity(
                    f"Tiderne støder sammen med »{commitment.description}«: {overlap}.", field="slots"
                )
    return None
