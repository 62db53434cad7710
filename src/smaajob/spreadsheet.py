# SPDX-License-Identifier: MPL-2.0
"""The one writer of CSV and Excel exports, written so that no text becomes a live formula.

Every export in Småjob goes through here: ``csv_row`` for CSV, ``ExcelBook`` for Excel (openpyxl
in write-only mode, so a sheet streams its rows instead of holding them all as cell objects; the
consultants' openings export can hold thousands of rows).

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula, and a
leading tab or carriage return can hide such a start. Text in our exports comes from users —
an employer types an opening's task title — so a title like ``=HYPERLINK("http://…")`` would
become a live link in the consultants' export (issue 23, item 7; OWASP "CSV Injection").

* CSV has no cell types: such text gets a leading apostrophe, which spreadsheets show as text.
* Excel cells are typed: such text is written as a string cell with Excel's own quote prefix
  (what Excel stores when someone types ``'=…``), so it shows unchanged and is never run.

Numbers stay numbers (a negative amount is a number, not text).
"""

from __future__ import annotations

import io
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def could_run(value: object) -> bool:
    """True for text a spreadsheet would treat as (the start of) a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    return "'" + value if could_run(value) else value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


_WRAP_TOP = Alignment(wrap_text=True, vertical="top")


class ExcelSheet:
    """One sheet of an ``ExcelBook``: rows are written in order and cannot be revisited."""

    def __init__(self, sheet: Any, widths: Sequence[float]):
        self._sheet = sheet
        # Write-only sheets take their column widths before the first row.
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width

    def row(
        self,
        values: Iterable[Any],
        *,
        bold: bool = False,
        size: float | None = None,
        number_formats: Mapping[int, str] | None = None,
        wrap: Collection[int] = (),
    ) -> None:
        """Append one row; ``number_formats`` and ``wrap`` name 0-based columns (e.g. ``{3: "0.0%"}``
        for a share, ``wrap={7}`` for a long text wrapped at the top of its cell)."""
        font = Font(bold=True, size=size) if bold and size else Font(bold=True) if bold else None
        cells = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(self._sheet, value=value)
            if could_run(value):
                cell.data_type = "s"
                cell.quotePrefix = True
            if font is not None:
                cell.font = font
            if number_formats and index in number_formats:
                cell.number_format = number_formats[index]
            if index in wrap:
                cell.alignment = _WRAP_TOP
            cells.append(cell)
        self._sheet.append(cells)


class ExcelBook:
    """An Excel workbook written in streaming (write-only) mode: add sheets, write rows, save."""

    def __init__(self) -> None:
        self._book = Workbook(write_only=True)

    def sheet(self, title: str, *, widths: Sequence[float] = ()) -> ExcelSheet:
        return ExcelSheet(self._book.create_sheet(title), widths)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self._book.save(buffer)
        return buffer.getvalue()
