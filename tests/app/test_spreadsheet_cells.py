# SPDX-License-Identifier: MPL-2.0
"""The one rule every CSV and Excel export follows: formula-like text is made inert, numbers
(negative ones too) stay numbers."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from smaajob.spreadsheet import append_row, csv_row


@pytest.mark.parametrize("text", ["=1+1", "+45 12 34 56 78", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_text_a_spreadsheet_would_run_gets_a_leading_apostrophe_in_csv(text):
    assert csv_row([text]) == ["'" + text]


def test_ordinary_text_and_numbers_are_left_alone_in_csv():
    assert csv_row(["Opvask", "", -12.5, -3, Decimal("-1.25"), None]) == ["Opvask", "", -12.5, -3, Decimal("-1.25"),
                                                                          None]


def test_formula_like_text_is_a_quoted_text_cell_and_negative_numbers_stay_numbers_in_excel():
    book = Workbook()
    append_row(book.active, ["=1+1", "@A1", "Opvask", -12.5, -3])
    out = io.BytesIO()
    book.save(out)
    cells = list(load_workbook(out).active.iter_rows())[0]
    assert [c.value for c in cells] == ["=1+1", "@A1", "Opvask", -12.5, -3]
    assert [c.data_type for c in cells] == ["s", "s", "s", "n", "n"]
    assert [bool(c.quotePrefix) for c in cells] == [True, True, False, False, False]
