# SPDX-License-Identifier: MPL-2.0
"""CSV and Excel exports of a built report: every measure with its period, rule and source.

Exports hold counts and shares only — never names, CPR numbers or ids — so they may be
handed to an evaluator; an analyst's export has its small cells withheld (``counting.suppression``).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from smaajob.reports.building import BuiltReport
from smaajob.reports.presentation import measure_rows
from smaajob.spreadsheet import ExcelBook, csv_row

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
    book = ExcelBook()
    sheet = book.sheet("Nøgletal", widths=(24, 36, 30, 10, 14, 14, 26, 80, 30, 40))
    sheet.row([f"Småjob – nøgletal for perioden {built.choices.period.label_da}"], bold=True, size=13)
    sheet.row(HEADER, bold=True)
    for r in measure_rows(built):
        share = r["unit"] == "andel" and isinstance(r["value"], float)
        sheet.row(_row(r), number_formats={3: "0.0%"} if share else None, wrap={7})
    if built.published_notes:
        notes = book.sheet("Offentliggjorte tal", widths=(120,))
        notes.row(["Kontrol af offentliggjorte totaler"])
        for note in built.published_notes:
            notes.row([note])
    return book.to_bytes()
