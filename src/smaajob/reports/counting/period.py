# SPDX-License-Identifier: MPL-2.0
"""The period a number is about.

A period is a closed date interval (both ends included). Cohort measures (the funnel, time
to first paid hour) follow the citizens visited in the period and look at what happened to
them up to ``observed_until``: a funnel for 2021 looked at in March 2023 is a different,
larger number than the same funnel looked at in January 2022, and the report says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from smaajob.danish_numbers import format_date


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    observed_until: date | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        if self.observed_until is not None and self.observed_until < self.start:
            raise ValueError("outcomes cannot be observed until a date before the period starts")

    @property
    def observed(self) -> date:
        """Outcomes are looked for up to this date (default: the end of the period)."""
        return self.observed_until or self.end

    @property
    def label_da(self) -> str:
        text = f"{format_date(self.start)}–{format_date(self.end)}"
        if self.observed_until is not None and self.observed_until != self.end:
            text += f" (udfald opgjort pr. {format_date(self.observed_until)})"
        return text

    def overlaps(self, start: date, end: date | None) -> bool:
        """True if [start, end] shares at least one day with the period (open end = still running)."""
        return start <= self.end and (end is None or end >= self.start)
