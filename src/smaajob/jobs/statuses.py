# SPDX-License-Identifier: MPL-2.0
"""The nightly recompute of the 225-hour statuses: every citizen in an open course, through
the same rules engine and case builder as the citizen's page (``smaajob.cases``), in chunks
so the night's run holds a few hundred cases at a time.

It writes no status onto a case (the pages compute theirs when they are opened, so they are
never a night old); it runs the whole municipality's cases once, so that a case the engine
cannot compute (a missing fact) shows up in the job's summary every morning instead of the
first time a caseworker opens the citizen, and it counts the statuses for the administrator.
After the rule's abolition (1 July 2025) the status is that of its last day (``status_day``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

from smaajob.cases import hours_requirement_for_many, status_day
from smaajob.citizens.models import Citizen

CHUNK = 500


def recompute(*, on: date, progress: Callable[[int, int], None]) -> dict[str, int]:
    """The number of citizens in each status (Danish status text), most common first."""
    day = status_day(on)
    ids = list(
        Citizen.objects.filter(courses__ended_on__isnull=True).distinct().order_by("pk").values_list("pk", flat=True)
    )
    counts: Counter[str] = Counter()
    progress(0, len(ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for status in hours_requirement_for_many(chunk, day).values():
            counts[str(status["status_text"])] += 1
        progress(start + len(chunk), len(ids))
    return dict(counts.most_common())
