# SPDX-License-Identifier: MPL-2.0
"""Numbers and dates as Danes write them, read and written in one place through babel's ``da`` locale.

``1.234,50`` is one thousand two hundred and thirty-four and a half: a decimal comma and dots
between thousands. Reading is strict about the grouping (``1.23,5`` is refused, with babel's
suggestion); a single point that cannot be a thousands separator (``7.5``, ``1234.5``) is read
as a decimal point, as English keyboards and JSON write it. ``12.000`` is twelve thousand.

Pure Python (babel only): the rules and matching engines and the reports' counting engine use
it too. The locale and the patterns are parsed once; babel's own ``format_decimal`` parses them
on every call (~60 µs), a prepared pattern costs ~2 µs a number. Rounding is half up, the way a
Danish reader rounds kroner and hours (2,25 → 2,3), not Python's half-to-even.

Dates for display: ``format_date`` writes ``4.12.2026`` (the short form the pages use, Django's
``j.n.Y``), ``format_long_date`` ``4. december 2026`` with babel's Danish month names. Templates
reach all of it through the ``danish`` filters (``smaajob.web.templatetags.danish``).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from functools import cache

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import NumberFormatError, NumberPattern, parse_decimal, parse_pattern

__all__ = [
    "NotANumber",
    "format_count",
    "format_date",
    "format_decimal",
    "format_long_date",
    "format_percent",
    "read_decimal",
]

DANISH = Locale.parse("da")
# A lone decimal point: digits, one point, digits (a valid thousands group was read by babel first).
_POINT_DECIMAL = re.compile(r"^[+-]?\d+\.\d+$")
_SPACES = str.maketrans("", "", " \u00a0\u202f")


class NotANumber(ValueError):
    """The text is not a number; the message is Danish and names the text and an example."""

    def __init__(self, text: str, example: str = "1.234,50") -> None:
        super().__init__(f"»{text}« er ikke et tal; skriv fx {example}.")
        self.text = text


def read_decimal(value: str | int | float | Decimal, *, example: str = "1.234,50") -> Decimal:
    """``"1.234,50"`` → 1234.50, ``"1234,5"`` → 1234.5, ``"-3"`` → -3, ``"12.000"`` → 12000.

    Numbers (from the API's JSON) are taken as they are. Raises ``NotANumber`` for anything
    else, including infinity and NaN, with ``example`` in its message.
    """
    if isinstance(value, bool):
        raise NotANumber(str(value), example)
    if isinstance(value, Decimal | int | float):
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    else:
        text = str(value).strip().translate(_SPACES)
        number = _read_text(text, original=str(value).strip(), example=example)
    if not number.is_finite():
        raise NotANumber(str(value).strip(), example)
    return number


def _read_text(text: str, *, original: str, example: str) -> Decimal:
    if not text or "e" in text.lower():  # babel reads 1e5; no Dane writes it
        raise NotANumber(original, example)
    try:
        return parse_decimal(text, locale=DANISH, strict=True)
    except NumberFormatError:
        if _POINT_DECIMAL.match(text):
            try:
                return Decimal(text)
            except InvalidOperation:  # pragma: no cover - the pattern admits only digits
                pass
        raise NotANumber(original, example) from None


@cache
def _pattern(min_decimals: int, max_decimals: int, grouping: bool) -> NumberPattern:
    integer = "#,##0" if grouping else "0"
    fraction = "0" * min_decimals + "#" * max(0, max_decimals - min_decimals)
    return parse_pattern(f"{integer}.{fraction}" if fraction else integer)


def format_decimal(
    value: Decimal | float | int, *, max_decimals: int = 2, min_decimals: int = 0, grouping: bool = True
) -> str:
    """``1234.5`` → ``1.234,5``; with ``min_decimals=2`` ``1.234,50``; ``grouping=False`` → ``1234,5``."""
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    with localcontext() as context:
        context.rounding = ROUND_HALF_UP
        text: str = _pattern(min_decimals, max(min_decimals, max_decimals), grouping).apply(
            number, DANISH, group_separator=grouping
        )
    return text


def format_count(n: int) -> str:
    """A whole number with thousands dots: 12345 → ``12.345``."""
    return format_decimal(n, max_decimals=0)


def format_percent(ratio: Decimal | float, *, decimals: int = 1) -> str:
    """A share as a percentage with a fixed number of decimals: 0.125 → ``12,5 %``."""
    share = Decimal(str(ratio)) if isinstance(ratio, float) else Decimal(ratio)
    return f"{format_decimal(share * 100, min_decimals=decimals, max_decimals=decimals)} %"


def format_date(day: date) -> str:
    """A date the short Danish way, without leading zeros: 2026-12-04 → ``4.12.2026``."""
    return f"{day.day}.{day.month}.{day.year}"


def format_long_date(day: date) -> str:
    """A date with the Danish month name: 2026-12-04 → ``4. december 2026``."""
    return str(babel_format_date(day, "d. MMMM y", locale=DANISH))
