# SPDX-License-Identifier: MPL-2.0
"""Read one citizen's monthly hours from CSV, checking every cell and reporting all bad ones.

Format (header row required, one row per calendar month; comma-separated, or semicolon-separated
as Danish Excel writes "CSV (semikolonsepareret)" — the header line decides)::

    month,ordinary_hours[,on_benefit,benefit_kind,rate,benefit_amount,sick_days,extension_days,
    self_employment_hours,self_employment_weekly_hours,placement_hours,wage_subsidy_hours]

``month`` is ``ÅÅÅÅ-MM``; hours are decimal numbers (``.`` or ``,``); ``on_benefit`` is
``ja``/``nej`` (also ``1``/``0``, ``yes``/``no``), default *ja*; ``rate`` is ``full``,
``lower`` or ``su_level``, default ``full``; ``benefit_kind`` is ``kontanthjaelp``,
``uddannelseshjaelp`` or ``integrationsydelse`` (optional: who is covered depends on it);
``benefit_amount`` is kroner per month (optional);
``sick_days`` is whole days of recorded sick leave in the month, ``extension_days`` whole days
with another ground for extending the 12-month period (LAS § 13 f stk. 12). Rows with problems are
reported by row and column (header = row 1) and nothing is returned.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from smaajob.danish_numbers import NotANumber, read_decimal
from smaajob.errors import ErrorList, ImportRejected, SmaajobError
from smaajob.rules.case import BenefitKind, MonthRecord, Rate
from smaajob.rules.months import parse_month

REQUIRED = ("month", "ordinary_hours")
OPTIONAL = ("on_benefit", "benefit_kind", "rate", "benefit_amount", "sick_days", "extension_days",
            "self_employment_hours",
            "self_employment_weekly_hours", "placement_hours", "wage_subsidy_hours")
TRUE_WORDS = {"ja", "j", "1", "yes", "y", "true"}
FALSE_WORDS = {"nej", "n", "0", "no", "false"}


def _number(text: str) -> float:
    try:
        value = float(read_decimal(text))
    except NotANumber:
        raise ValueError("skal være et tal mellem 0 og 744, fx 37,5") from None
    if not value >= 0 or value > 744:
        raise ValueError("skal være et tal mellem 0 og 744")
    return value


def _flag(text: str) -> bool:
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError("skal være ja eller nej")


def _rate(text: str) -> Rate:
    try:
        return Rate(text.strip().lower())
    except ValueError:
        raise ValueError("skal være full, lower eller su_level") from None


def _benefit_kind(text: str) -> BenefitKind:
    try:
        return BenefitKind(text.strip().lower())
    except ValueError:
        raise ValueError("skal være kontanthjaelp, uddannelseshjaelp eller "
                         "integrationsydelse") from None


def _days(text: str) -> int:
    if not text.strip().isdigit() or not 0 <= int(text) <= 31:
        raise ValueError("skal være et helt antal dage 0-31")
    return int(text)


def _amount(text: str) -> float:
    try:
        value = float(read_decimal(text))
    except NotANumber:
        raise ValueError("skal være et beløb i kroner, fx 1.234,50") from None
    if not value >= 0:
        raise ValueError("skal være 0 kr. eller mere")
    return value


PARSERS: dict[str, Callable[[str], object]] = {
    "month": parse_month,
    "ordinary_hours": _number,
    "on_benefit": _flag,
    "benefit_kind": _benefit_kind,
    "rate": _rate,
    "benefit_amount": _amount,
    "sick_days": _days,
    "extension_days": _days,
    "self_employment_hours": _number,
    "self_employment_weekly_hours": _number,
    "placement_hours": _number,
    "wage_subsidy_hours": _number,
}
FIELD_NAMES = {"on_benefit": "on_covered_benefit", "extension_days": "other_extension_days"}


def delimiter_of(text: str) -> str:
    """``;`` when the header line is separated by semicolons (Danish Excel), else ``,``."""
    header = text.lstrip("\ufeff").partition("\n")[0]
    return ";" if header.count(";") > header.count(",") else ","


def read_hours_csv(text: str) -> list[MonthRecord]:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter_of(text))
    rows = list(reader)
    errors = ErrorList()
    if not rows:
        errors.add(1, "month", "filen er tom; første række skal være overskrifter")
        raise ImportRejected(errors.problems, total_rows=0)
    header = [h.strip().lower() for h in rows[0]]
    for column in REQUIRED:
        if column not in header:
            errors.add(1, column, "kolonnen mangler")
    for column in header:
        if column not in PARSERS:
            errors.add(1, column or "(tom)", "ukendt kolonne")
    if errors:
        raise ImportRejected(errors.problems, total_rows=len(rows) - 1)
    records: list[MonthRecord] = []
    seen: dict[int, int] = {}
    for row_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            errors.add(row_number, header[min(len(row), len(header) - 1)],
                       f"rækken har {len(row)} felter, overskriften {len(header)}")
            continue
        values: dict[str, object] = {"on_covered_benefit": True}
        for column, cell in zip(header, row, strict=True):
            if column not in REQUIRED and not cell.strip():
                continue
            try:
                values[FIELD_NAMES.get(column, column)] = PARSERS[column](cell)
            except ValueError as exc:
                errors.add(row_number, column, f"{cell!r}: {exc}")
        month = values.get("month")
        if isinstance(month, int):
            if month in seen:
                errors.add(row_number, "month", f"måneden står også i række {seen[month]}")
            seen[month] = row_number
        if len(errors.problems) == 0:
            try:
                records.append(MonthRecord(**values))  # type: ignore[arg-type]
            except SmaajobError as exc:
                errors.add(row_number, exc.field or "month", exc.message)
    if errors:
        raise ImportRejected(errors.problems, total_rows=len(rows) - 1)
    return records
