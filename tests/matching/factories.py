# SPDX-License-Identifier: MPL-2.0
"""Small builders for citizens and tasks near Roskilde, with sensible defaults."""

from __future__ import annotations

from typing import Any

from smaajob.matching import Candidate, Opening, week_mask

ROSKILDE = (55.6415, 12.0803)
WEEKDAYS_8_TO_16 = week_mask([(d, "08:00", "16:00") for d in range(5)], free_time=True)


def candidate(id: str = "c1", **changes: Any) -> Candidate:
    values: dict[str, Any] = {
        "weekly_hours": 10, "lat": ROSKILDE[0], "lon": ROSKILDE[1], "travel_limit_km": 15,
        "available": WEEKDAYS_8_TO_16,
    }
    values.update(changes)
    return Candidate(id=id, **values)


def opening(id: str = "o1", **changes: Any) -> Opening:
    values: dict[str, Any] = {
        "company_id": f"company-{id}", "hours_min": 4, "hours_max": 8,
        "lat": ROSKILDE[0] + 0.01, "lon": ROSKILDE[1], "slots": week_mask([(1, "08:00", "12:00"),
                                                                          (3, "08:00", "12:00")]),
    }
    values.update(changes)
    return Opening(id=id, **values)
