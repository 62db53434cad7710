# SPDX-License-Identifier: MPL-2.0
"""A reported number together with everything a reader needs to trust it.

``Measure`` carries the value, the period, the counting rule in Danish, the source that
defines the measure, and the citizen ids behind the number (numerator and, for a share, the
base) so that every figure can be opened to the records it was counted from. Ids are
internal; pages show them as pseudonyms to analysts (``pseudonyms``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from smaajob.danish_numbers import format_count, format_decimal, format_percent
from smaajob.reports.counting.period import Period

TOTAL = "__total__"  # group key of the row that counts every person once


def ids(values: object) -> np.ndarray:
    """Sorted unique int64 citizen ids from a polars Series, list or array."""
    array = np.asarray(values if not hasattr(values, "to_numpy") else values.to_numpy(), dtype=np.int64)
    return np.unique(array)


@dataclass(frozen=True, eq=False)
class Measure:
    key: str
    name_da: str
    value: float | int | None
    period: Period
    rule_da: str
    source: str = ""
    unit: str = "personer"
    group: str = TOTAL
    numerator_ids: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    base: int | None = None
    base_ids: np.ndarray | None = None
    note_da: str = ""
    # Shown instead of "–" when there is no value for a reason the reader should see (e.g. the
    # exemption rate after the 225-hour rule was abolished: "ikke relevant", not 0 %).
    no_value_da: str = ""
    # Set by ``suppression`` for readers who see aggregates only: the text shown instead of the
    # value (and of the count behind it), and instead of the base when that is small too.
    hidden_as: str = ""
    base_hidden_as: str = ""

    @property
    def share(self) -> float | None:
        """The value as a share of the base, when the measure has one."""
        if self.base in (None, 0) or self.value is None:
            return None
        return float(self.value) / float(self.base)

    @property
    def count_da(self) -> str:
        """How many citizens the number is about (``hidden_as`` when withheld)."""
        return self.hidden_as or _count_da(int(self.numerator_ids.size))

    @property
    def base_da(self) -> str:
        """The base of a share or median ("" when the measure has none)."""
        if self.base_hidden_as:
            return self.base_hidden_as
        return "" if self.base is None else _count_da(self.base)

    @property
    def display_da(self) -> str:
        """The value as a Danish reader expects it: 1.234 / 12,5 % / – when not measurable."""
        if self.hidden_as:
            return self.hidden_as
        if self.value is None:
            return self.no_value_da or "–"
        if self.unit == "andel":
            return format_percent(float(self.value))
        if isinstance(self.value, float) and not float(self.value).is_integer():
            return format_decimal(self.value, min_decimals=1, max_decimals=1)
        return _count_da(int(self.value))


def _count_da(n: int) -> str:
    return format_count(n)
