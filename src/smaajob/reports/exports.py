# SPDX-License-Identifier: MPL-2.0
"""CSV and Excel exports of a built report: every measure with its period, rule and source.

Exports hold counts and shares only — never names, CPR numbers or ids — so they may be
handed to an evaluator; an analyst's export has its small cells withheld (``counting.suppression``).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from smaajob.reports.building import BuiltReport
from smaajob.reports.presentation import measure_rows
from smaajob.spreadsheet import append_row, csv_row

HEADER = ["Afsnit", "Mål", "Gruppe", "Værdi", "Enhed", "Grundlag (antal)", "Periode", "Tællingsregel", "Kilde", "Note"]


def _row(r: dict[str, Any]) -> list[Any]:
    # A withheld small cell is written as its text ("< 5"), never as its number.
    value = r["hidden"] or r["value"]
    if isinstance(value, float) and r["unit"] == "andel":
        value = round(value, 4)
    return [
        r["section"],
        r["measure"],
        r["group"],
        value,
        r["unit"],
        r["base_hidden"] or r["base"],
        r["period"],
        r["rule"],
        r["source"],
        r["note"],
    ]


def to_csv(built: BuiltReport) -> str:
    buffer = io.StringIO()
    # Semicolons: Danish Excel opens them as columns (the comma is the decimal separator).
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(csv_row(HEADER))
    for r in measure_rows(built):
        writer.writerow(csv_row(_row(r)))
    for note in built.published_notes:
        writer.writerow(csv_row(["Offentliggjorte tal", "Kontrol af total", "", "", "", "", "", note, "", ""]))
    return "\ufeff" + buffer.getvalue()  # BOM: Excel then reads the file as UTF-8 (æ, ø, å)


def to_xlsx(built: BuiltReport) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Nøgletal"
    append_row(sheet, [f"Småjob – nøgletal for perioden {built.choices.period.label_da}"])
    sheet["A1"].font = Font(bold=True, size=13)
    append_row(sheet, HEADER)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for r in measure_rows(built):
        append_row(sheet, _row(r))
        if r["unit"] == "andel" and isinstance(r["value"], float):
            sheet.cell(row=sheet.max_row, column=4).number_format = "0.0%"
    for letter, width in zip("ABCDEFGHIJ", (24, 36, 30, 10, 14, 14, 26, 80, 30, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=3):
        row[7].alignment = Alignment(wrap_text=True, vertical="top")
    if built.published_notes:
        notes = book.create_sheet("Offentliggjorte tal")
        append_row(notes, ["Kontrol af offentliggjorte totaler"])
        for note in built.published_notes:
            append_row(notes, [note])
        notes.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
