# SPDX-License-Identifier: MPL-2.0
"""One Excel writer (issue 19 item 7): the key-figure export, now written by the streaming
``smaajob.spreadsheet.ExcelBook``, holds the same sheets, cells, types, fonts, number formats,
wrapping and column widths as the workbook the earlier in-memory openpyxl code wrote.

``fixtures/vta_noegletal_xlsx.json`` was recorded from that earlier code on the same VTA world;
set ``SMAAJOB_RECORD_XLSX=1`` to record it again (only after a deliberate change of the export).

Since issue 16 the writer is XlsxWriter, which stores a column width as Excel itself stores a
width typed into »Kolonnebredde« (the characters plus the cell's padding, so the column shows
exactly the width asked for; openpyxl stored the bare number), may store one width for a run of
columns, and names a bold font's size (openpyxl left it out, which shows the default 11 pt). The
fixture keeps what the old code wrote; the comparison reads both through these three rules.

One deliberate change of the export since the recording: the period in each sheet's title is
written as every date is (``smaajob.danish_numbers.format_date``, 1.1.2020, not 01.01.2020); the
fixture's titles were edited to match (2026-12-08), nothing else in it.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from tests.reports.test_vta_proof import logged_in, query

FIXTURE = Path(__file__).with_name("fixtures") / "vta_noegletal_xlsx.json"


def excel_width(characters: float) -> float:
    """The width Excel stores for a column ``characters`` wide in its default font (Calibri 11:
    7 pixels a character, 5 pixels of padding, in 1/256 of a character)."""
    pixels = int(characters * 7 + 0.5) + 5
    return int(pixels / 7 * 256) / 256


def fingerprint(content: bytes) -> dict[str, Any]:
    """What a reader of the workbook sees, cell by cell, independent of how it was written."""
    book = load_workbook(io.BytesIO(content))
    sheets: dict[str, Any] = {}
    for sheet in book.worksheets:
        # A width may be stored once for a run of columns (<col min="5" max="6">): one per column here.
        widths = {
            get_column_letter(index): dim.width
            for dim in sheet.column_dimensions.values()
            if dim.width
            for index in range(dim.min or 1, (dim.max or dim.min or 1) + 1)
        }
        cells = [
            [
                cell.coordinate,
                cell.value,
                cell.data_type,
                bool(cell.quotePrefix),
                bool(cell.font.b),
                cell.font.sz if cell.font.b else None,
                cell.number_format,
                bool(cell.alignment.wrap_text),
                cell.alignment.vertical,
            ]
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        ]
        sheets[sheet.title] = {"widths": widths, "cells": cells}
    return sheets


def test_the_key_figure_export_reads_back_as_before_the_streaming_writer(client, vta):
    response = logged_in(client, vta.analyst).get(f"{reverse('reports:export_xlsx')}?{query(vta)}")
    seen = json.loads(json.dumps(fingerprint(response.content), ensure_ascii=False, default=str))
    if os.environ.get("SMAAJOB_RECORD_XLSX"):
        FIXTURE.write_text(json.dumps(seen, ensure_ascii=False), encoding="utf-8")
    expected = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert seen.keys() == expected.keys()
    for title in expected:
        assert seen[title]["widths"] == {k: excel_width(w) for k, w in expected[title]["widths"].items()}, title
        assert _rows(seen[title]["cells"]) == _rows(expected[title]["cells"]), title


def _rows(cells: list[list[Any]]) -> list[list[Any]]:
    """The rows with their cells, in a fixed order: the report lists groups within a measure in
    an order that may differ between runs, which is not the writer's to keep."""
    by_row: dict[str, list[Any]] = {}
    for coordinate, *rest in cells:
        if rest[3] and rest[4] is None:  # a bold font without a size: shown at the default 11 pt
            rest[4] = 11.0
        column = coordinate.rstrip("0123456789")
        by_row.setdefault(coordinate[len(column) :], []).append([column, *rest])
    header = [by_row.pop(n) for n in ("1", "2") if n in by_row]
    return header + sorted(by_row.values(), key=repr)
