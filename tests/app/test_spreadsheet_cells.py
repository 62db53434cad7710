# SPDX-License-Identifier: MPL-2.0
"""The one rule every CSV and Excel export follows: formula-like text is made inert, numbers
(negative ones too) stay numbers."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from smaajob.spreadsheet import ExcelBook, csv_row
from tests.reports.test_excel_output_unchanged import excel_width


@pytest.mark.parametrize("text", ["=1+1", "+45 12 34 56 78", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_text_a_spreadsheet_would_run_gets_a_leading_apostrophe_in_csv(text):
    assert csv_row([text]) == ["'" + text]


def test_ordinary_text_and_numbers_are_left_alone_in_csv():
    assert csv_row(["Opvask", "", -12.5, -3, Decimal("-1.25"), None]) == ["Opvask", "", -12.5, -3, Decimal("-1.25"),
                                                                          None]


def test_formula_like_text_is_a_quoted_text_cell_and_negative_numbers_stay_numbers_in_excel():
    book = ExcelBook()
    book.sheet("Ark").row(["=1+1", "@A1", "Opvask", -12.5, -3])
    cells = list(load_workbook(io.BytesIO(book.to_bytes())).active.iter_rows())[0]
    assert [c.value for c in cells] == ["=1+1", "@A1", "Opvask", -12.5, -3]
    assert [c.data_type for c in cells] == ["s", "s", "s", "n", "n"]
    assert [bool(c.quotePrefix) for c in cells] == [True, True, False, False, False]


def test_the_writer_streams_rows_with_widths_bold_headers_number_formats_and_wrapped_columns():
    book = ExcelBook()
    sheet = book.sheet("Nøgletal", widths=(24, 36))
    sheet.row(["Overskrift"], bold=True, size=13)
    sheet.row(["Mål", "Andel"], bold=True)
    sheet.row(["Lang tekst", 0.25], number_formats={1: "0.0%"}, wrap={0})
    loaded = load_workbook(io.BytesIO(book.to_bytes()))
    ark = loaded["Nøgletal"]
    assert [ark.column_dimensions[c].width for c in "AB"] == [excel_width(24), excel_width(36)]
    assert (ark["A1"].font.b, ark["A1"].font.sz, ark["A2"].font.b, ark["A3"].font.b) == (True, 13, True, False)
    assert ark["B3"].number_format == "0.0%" and ark["B3"].value == 0.25
    assert ark["A3"].alignment.wrap_text and ark["A3"].alignment.vertical == "top"
    assert not ark["B3"].alignment.wrap_text


def test_dates_truth_values_decimals_numpy_numbers_and_empty_cells_keep_their_kind():
    from datetime import date, datetime

    import numpy as np

    book = ExcelBook()
    values = [date(2026, 12, 7), datetime(2026, 12, 7, 14, 30), True, None, "", Decimal("-1.5"), np.int64(7)]
    book.sheet("Ark").row(values)
    cells = list(load_workbook(io.BytesIO(book.to_bytes())).active.iter_rows())[0]
    assert [c.value for c in cells] == [datetime(2026, 12, 7), datetime(2026, 12, 7, 14, 30), True, None, None, -1.5, 7]
    assert [c.number_format for c in cells[:2]] == ["yyyy-mm-dd", "yyyy-mm-dd h:mm:ss"]
    assert [c.data_type for c in cells] == ["d", "d", "b", "n", "n", "n", "n"]
