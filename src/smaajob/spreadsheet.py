# SPDX-License-Identifier: MPL-2.0
"""Cells for CSV and Excel exports, written so that no text becomes a live formula.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula, and a
leading tab or carriage return can hide such a start. Text in our exports comes from users —
an employer types an opening's task title — so a title like ``=HYPERLINK("http://…")`` would
become a live link in the consultants' export (issue 23, item 7; OWASP "CSV Injection").

* CSV has no cell types: such text gets a leading apostrophe, which spreadsheets show as text.
* Excel cells are typed: such text is written as a string cell with Excel's own quote prefix
  (what Excel stores when someone types ``'=…``), so it shows unchanged and is never run.

Numbers stay numbers (a negative amount is a number, not text). Every CSV and Excel writer in
Småjob goes through ``csv_row`` or ``append_row``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def could_run(value: object) -> bool:
    """True for text a spreadsheet would treat as (the start of) a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    return "'" + value if could_run(value) else value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


def append_row(sheet: Worksheet, values: Iterable[Any]) -> None:
    """``sheet.append(values)``, with every formula-like text cell kept as plain text."""
    values = list(values)
    sheet.append(values)
    for cell, value in zip(sheet[sheet.max_row], values, strict=False):
        if could_run(value):
            cell.data_type = "s"
            cell.quotePrefix = True
