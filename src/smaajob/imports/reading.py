# SPDX-License-Identifier: MPL-2.0
"""Reading an uploaded table — CSV as Danish Excel writes it, or an Excel workbook — into a
header and rows of text, so that every kind checks its cells one way whatever the file was.

* CSV: UTF-8 (with or without the byte-order mark Excel writes) and, when the bytes are not
  UTF-8, Windows-1252 (Excel's "CSV (semikolonsepareret)" on a Danish Windows). The separator
  is read from the header line: ``;``, ``,`` or a tab, whichever it has most of.
* Excel (``.xlsx``): openpyxl in read-only mode (rows are streamed, not the whole workbook
  built in memory). The sheet is the kind's own sheet name (``Borgere``, ``Timer`` …); a
  workbook with one sheet is read whatever its name. Dates become ``ÅÅÅÅ-MM-DD``, whole numbers
  lose Excel's ``.0``.

Why not tablib or django-import-export (docs/import.md): both read through the same openpyxl
and csv modules, but neither reports a bad cell by row and column with Danish guidance, and
django-import-export saves through model resources, around the services whose checks an import
must pass. What they would add here is a dependency, not a check.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from smaajob.errors import ImportRejected, RowProblem

EXCEL_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class Table:
    sheet: str  # the sheet's name; "" for CSV
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (1-based row number in the file, cells)


def normalise_header(name: str) -> str:
    """``"Kilde-id "`` → ``"kilde_id"``: case, spaces and hyphens do not matter in a header."""
    return name.strip().lstrip("\ufeff").lower().replace("-", "_").replace(" ", "_")


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else Windows-1252, which decodes any byte Excel writes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def separator_of(text: str) -> str:
    header = text.partition("\n")[0]
    counts = {sep: header.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _rejected(sheet: str, message: str) -> ImportRejected:
    return ImportRejected([RowProblem(1, "(fil)", message, sheet=sheet)], total_rows=0)


def read_csv(data: bytes) -> Table:
    text = decode(data)
    reader = csv.reader(io.StringIO(text), delimiter=separator_of(text))
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    for number, cells in enumerate(reader, start=1):
        if header is None:
            header = [normalise_header(c) for c in cells]
            continue
        if any(c.strip() for c in cells):
            rows.append((number, cells))
    if header is None:
        raise _rejected("", "Filen er tom; første række skal være kolonneoverskrifterne (hent skabelonen).")
    return Table(sheet="", header=header, rows=rows)


def excel_text(value: object) -> str:
    """One Excel cell as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    return str(value)


def read_excel(data: bytes, sheet_name: str) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise _rejected(sheet_name, "Filen kan ikke læses som en Excel-projektmappe (.xlsx).") from None
    try:
        names = workbook.sheetnames
        wanted = next((n for n in names if n.strip().lower() == sheet_name.lower()), None)
        if wanted is None and len(names) == 1:
            wanted = names[0]
        if wanted is None:
            raise _rejected(sheet_name, f"Projektmappen har intet ark »{sheet_name}« (den har: {', '.join(names)}).")
        sheet = workbook[wanted]
        header: list[str] | None = None
        rows: list[tuple[int, list[str]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [excel_text(v) for v in values]
            if header is None:
                header = [normalise_header(c) for c in cells]
                while header and not header[-1]:
                    header.pop()
                continue
            if any(c.strip() for c in cells):
                rows.append((number, cells[: len(header)] + [""] * (len(header) - len(cells))))
        if header is None:
            raise _rejected(wanted, "Arket er tomt; første række skal være kolonneoverskrifterne.")
        return Table(sheet=wanted, header=header, rows=rows)
    finally:
        workbook.close()


def read_table(data: bytes, *, file_name: str, sheet_name: str) -> Table:
    """The table in ``data``: an Excel workbook by its name (or its zip signature), else CSV."""
    if file_name.lower().endswith(EXCEL_SUFFIXES) or data[:4] == b"PK\x03\x04":
        return read_excel(data, sheet_name)
    return read_csv(data)
