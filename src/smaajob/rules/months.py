# SPDX-License-Identifier: MPL-2.0
"""Calendar months as plain integers, so single cases and numpy populations count them alike.

A month index is ``year * 12 + (month - 1)``; index arithmetic is month arithmetic. The 225-hour
rule counts whole calendar months ("de seneste 12 kalendermåneder"), so months are the unit.
"""

from __future__ import annotations

import calendar
import datetime as dt

# Average days in a month over a 4-year cycle; used to turn sick-leave days into months.
DAYS_PER_MONTH = 365.25 / 12


def month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(index: int) -> dt.date:
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def days_in_month(index: int) -> int:
    return calendar.monthrange(index // 12, index % 12 + 1)[1]


def parse_month(text: str) -> int:
    """``2017-06`` or ``2017-06-01`` → month index. Raises ``ValueError`` on anything else."""
    parts = text.strip().split("-")
    if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts):
        raise ValueError(f"forventede ÅÅÅÅ-MM, fik {text!r}")
    year, month = int(parts[0]), int(parts[1])
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        raise ValueError(f"forventede ÅÅÅÅ-MM, fik {text!r}")
    return year * 12 + month - 1


def format_month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


DANISH_MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)


def danish_month(index: int) -> str:
    return f"{DANISH_MONTHS[index % 12]} {index // 12}"


def danish_date(day: dt.date) -> str:
    return f"{day.day}. {DANISH_MONTHS[day.month - 1]} {day.year}"


def overlap_days(start: dt.date, end: dt.date, index: int) -> int:
    """Days of the inclusive period ``start..end`` that fall in month ``index``."""
    first, last = month_start(index), month_end(index)
    lo, hi = max(start, first), min(end, last)
    return max(0, (hi - lo).days + 1)
