# SPDX-License-Identifier: MPL-2.0
"""Small-cell suppression: what a reader who may see aggregates only (an analyst) is shown.

A count of one or two people in a small group points at persons, so for such readers:

* **Primary suppression** — a number about 1 to ``threshold - 1`` citizens is shown as
  "< 5" (for the default threshold of 5), and so is a share or a median whose base is that
  small (the base is withheld too). Zero is shown: "nobody" names no one.
* **The rest of a share** — a share whose base is shown is withheld ("skjult") when the
  citizens *not* counted (base minus count) are 1 to ``threshold - 1``: 38 of 40 tells that 2
  were not placed.
* **Secondary suppression** — in a column of one table (the same measure across the groups
  and their total, or the hour brackets that add up to 100 %), a single withheld cell could
  be worked out from the total and the cells shown; then the smallest other cell shown is
  withheld too ("skjult").
* **Notes** that mention a number of 1 to ``threshold - 1`` are replaced.

The values, counts and citizen ids of a withheld measure are removed, not only hidden, so
no output (page, chart, CSV, Excel, PDF, API, drill-down) can show them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import fields, is_dataclass, replace
from typing import Any

import numpy as np

from smaajob.danish_numbers import format_count, read_decimal
from smaajob.reports.counting.measure import TOTAL, Measure
from smaajob.reports.counting.report import Report

SHOWN_IF_HIDDEN_BY_OTHERS = "skjult"
HIDDEN_NOTE = "Noten er udeladt, fordi den nævner et lille antal personer."
# The hour brackets share one base and add up to 100 %, like groups that add up to a total.
PARTITIONS = frozenset({"hours.bracket"})
_NUMBER = re.compile(r"\d+(?:\.\d{3})*")
_NONE = np.empty(0, dtype=np.int64)


def small_cell_text(threshold: int) -> str:
    return f"< {threshold}"


def _small(n: int | None, threshold: int) -> bool:
    return n is not None and 0 < n < threshold


def _count(m: Measure) -> int | None:
    """The number of citizens (or courses) the value is about."""
    if m.unit in ("personer", "forløb") and isinstance(m.value, int | np.integer):
        return int(m.value)
    return int(m.numerator_ids.size)


def _withhold(m: Measure, text: str, *, base_too: bool = False) -> Measure:
    return replace(
        m,
        value=None,
        numerator_ids=_NONE,
        hidden_as=text,
        base=None if base_too else m.base,
        base_ids=None if base_too else m.base_ids,
        base_hidden_as=text if base_too else "",
        note_da="",
    )


def _primary(m: Measure, threshold: int) -> Measure:
    text = small_cell_text(threshold)
    if _small(m.base, threshold):
        return _withhold(m, text, base_too=True)
    if m.value is not None and _small(_count(m), threshold):
        return _withhold(m, text)
    if m.value is not None and m.base is not None and _small(m.base - int(m.numerator_ids.size), threshold):
        return _withhold(m, SHOWN_IF_HIDDEN_BY_OTHERS)
    if any(_small(int(read_decimal(n)), threshold) for n in _NUMBER.findall(m.note_da)):
        return replace(m, note_da=HIDDEN_NOTE)
    return m


def _secondary(measures: list[Measure]) -> dict[int, Measure]:
    """Per column, withhold one more cell where a single withheld cell could be worked out."""
    columns: dict[str, list[Measure]] = defaultdict(list)
    for m in measures:
        columns[m.key].append(m)
    changed: dict[int, Measure] = {}
    for key, cells in columns.items():
        if len(cells) < 2 or not (key in PARTITIONS or any(c.group == TOTAL for c in cells)):
            continue
        withheld = [c for c in cells if c.hidden_as]
        shown = [c for c in cells if not c.hidden_as and c.value is not None and (_count(c) or 0) > 0]
        if len(withheld) == 1 and shown:
            smallest = min(shown, key=lambda c: (_count(c) or 0, c.group == TOTAL))
            changed[id(smallest)] = _withhold(smallest, SHOWN_IF_HIDDEN_BY_OTHERS)
    return changed


def _rebuild[T](obj: T, new: dict[int, Measure]) -> T:
    """The same structure with some measures swapped (reports are frozen dataclasses)."""
    if isinstance(obj, Measure):
        return new.get(id(obj), obj)  # type: ignore[return-value]
    if isinstance(obj, dict):
        return {k: _rebuild(v, new) for k, v in obj.items()}  # type: ignore[return-value]
    if isinstance(obj, list):
        return [_rebuild(v, new) for v in obj]  # type: ignore[return-value]
    if is_dataclass(obj) and not isinstance(obj, type):
        changes: dict[str, Any] = {f.name: _rebuild(getattr(obj, f.name), new) for f in fields(obj) if f.init}
        return replace(obj, **changes)
    return obj


def suppress(report: Report, threshold: int) -> Report:
    """``report`` as a reader of aggregates only may see it: cells under ``threshold`` withheld."""
    if threshold < 2:
        return report
    measures = [m for _section, m in report.measures()]
    first = {id(m): _primary(m, threshold) for m in measures}
    after_first = [first[id(m)] for m in measures]
    second = _secondary(after_first)
    final = {id(m): second.get(id(first[id(m)]), first[id(m)]) for m in measures}
    return _rebuild(report, final)


def count_cells(cells: dict[str, int], threshold: int, *, total: int | None = None) -> tuple[dict[str, str], str]:
    """Counts that add up (to ``total`` when it is shown) as text with the same rules: small
    ones as "< 5", and one more withheld where a single one could be worked out."""
    text = small_cell_text(threshold)

    def shown(n: int) -> str:
        return text if _small(n, threshold) else _count_text(n)

    result = {key: shown(n) for key, n in cells.items()}
    withheld = [key for key in cells if result[key] == text]
    visible = [key for key in cells if result[key] != text and cells[key] > 0]
    if len(withheld) == 1 and visible and (total is not None or len(cells) > 1):
        result[min(visible, key=lambda key: cells[key])] = SHOWN_IF_HIDDEN_BY_OTHERS
    return result, "" if total is None else shown(total)


def _count_text(n: int) -> str:
    return format_count(n)
