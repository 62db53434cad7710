# SPDX-License-Identifier: MPL-2.0
"""The one writer of CSV and Excel exports, written so that no text becomes a live formula.

Every export in Småjob goes through here: ``csv_row`` for CSV, ``ExcelBook`` for Excel (XlsxWriter,
every cell written with its type named; the consultants' openings export can hold thousands of
rows, and XlsxWriter writes them in a third of openpyxl's time, issue 16). Reading an uploaded
workbook stays with openpyxl (``smaajob.imports.reading``).

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
import numbers
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import xlsxwriter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def could_run(value: object) -> bool:
    """True for text a spreadsheet would treat as (the start of) a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    return "'" + value if could_run(value) else value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


_NUMBER = (numbers.Real, Decimal)  # numbers.Real: NumPy's numbers too, as openpyxl took them
# The number formats openpyxl gave a date or a time of day, which the exports have always had.
_DATE_FORMATS = ((datetime, "yyyy-mm-dd h:mm:ss"), (date, "yyyy-mm-dd"), (time, "h:mm:ss"))


class ExcelSheet:
    """One sheet of an ``ExcelBook``: rows are written in order, one after the other."""

    def __init__(self, book: ExcelBook, sheet: Any, widths: Sequence[float]):
        self._book = book
        self._sheet = sheet
        self._next = 0
        for index, width in enumerate(widths):
            sheet.set_column(index, index, width)

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
        line, self._next = self._next, self._next + 1
        style: dict[str, Any] = {"bold": True} if bold else {}
        if bold and size:
            style["font_size"] = size
        plain = not number_formats and not wrap  # every cell of the row in the row's one format
        for index, value in enumerate(values):
            own = style
            if not plain:
                own = dict(style)
                if number_formats and index in number_formats:
                    own["num_format"] = number_formats[index]
                if index in wrap:
                    own.update(text_wrap=True, valign="top")
            self._write(line, index, value, own)

    def _write(self, line: int, index: int, value: Any, style: dict[str, Any]) -> None:
        # Every cell is written with its type named (write_string, write_number …), never with
        # XlsxWriter's guessing write(), which would turn text beginning with "=" into a formula.
        sheet, book = self._sheet, self._book
        if isinstance(value, str) and value and not could_run(value):  # most cells: plain text
            sheet.write_string(line, index, value, book.style(style))
        elif value is None or value == "":  # an empty cell: only its format, if it has one
            sheet.write_blank(line, index, None, book.style(style))
        elif isinstance(value, bool):
            sheet.write_boolean(line, index, value, book.style(style))
        elif isinstance(value, _NUMBER):
            sheet.write_number(line, index, float(value), book.style(style))
        elif isinstance(value, (datetime, date, time)):
            fallback = next(f for kind, f in _DATE_FORMATS if isinstance(value, kind))
            sheet.write_datetime(line, index, value, book.style({"num_format": fallback, **style}))
        else:
            text = str(value)
            if could_run(text):
                style = {**style, "quote_prefix": True}  # Excel's own mark for text typed as '=…
            sheet.write_string(line, index, text, book.style(style))


class ExcelBook:
    """An Excel workbook: add sheets, write rows, save (XlsxWriter, about three times faster
    than openpyxl for the same sheet; the openings export has a thousand rows and more)."""

    def __init__(self) -> None:
        self._buffer = io.BytesIO()
        # in_memory: the parts are built in memory, not in temporary files (no half files left).
        self._book = xlsxwriter.Workbook(self._buffer, {"in_memory": True})
        self._styles: dict[tuple[tuple[str, Any], ...], Any] = {}

    def sheet(self, title: str, *, widths: Sequence[float] = ()) -> ExcelSheet:
        return ExcelSheet(self, self._book.add_worksheet(title), widths)

    def style(self, properties: Mapping[str, Any]) -> Any:
        """One cell format per set of properties, shared by every cell that has them (None: none)."""
        if not properties:
            return None
        key = tuple(properties.items())
        if key not in self._styles:
            self._styles[key] = self._book.add_format(dict(properties))
        return self._styles[key]

    def to_bytes(self) -> bytes:
        self._book.close()
        return self._buffer.getvalue()
