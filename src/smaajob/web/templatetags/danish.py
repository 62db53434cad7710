# SPDX-License-Identifier: MPL-2.0
"""Numbers and dates in templates, through the one Danish formatting place (``smaajob.danish_numbers``).

A built-in library (settings ``TEMPLATES``), so every template has it without ``{% load %}``:

* ``{{ x|number:"-2" }}`` — ``floatformat``'s argument (decimals; negative: none for a whole
  number), always with thousands dots and a decimal comma: 1234.5 → ``1.234,50``, 7 → ``7``;
* ``{{ d|dato }}`` — ``4.12.2026``; ``{{ d|lang_dato }}`` — ``4. december 2026``.

Replaces ``floatformat``, which goes through Django's locale machinery on every call and
rounds half to even; these round half up, as a Danish reader does (2,25 → 2,3).
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from django import template
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import truncatechars
from django.utils import timezone
from django.utils.dates import MONTHS_3

from smaajob.danish_numbers import format_date, format_decimal, format_long_date

register = template.Library()


@register.filter
def number(value: Any, arg: str | int = -1) -> str:
    """``floatformat``'s contract (empty for what is not a number), in Danish."""
    if value is None or value == "":
        return ""
    return _number_text(str(value), str(arg))


# A page's numbers repeat (a ledger of 15-hour weeks, zeros): the text of a number depends only
# on how it is written and the decimals asked for, so each is formatted once per process.
@lru_cache(maxsize=8192)
def _number_text(value: str, arg: str) -> str:
    try:
        decimal = Decimal(value)
        decimals = int(arg.rstrip("gu") or "-1")
    except (InvalidOperation, ValueError):
        return ""
    if not decimal.is_finite():
        return value
    places = abs(decimals)
    if decimals < 0 and decimal.quantize(Decimal(1).scaleb(-places)) == decimal.to_integral_value():
        places = 0
    text = format_decimal(decimal, min_decimals=places, max_decimals=places)
    return text[1:] if text.startswith("-") and text.strip("-0,.") == "" else text


def _day(value: date | datetime) -> date:
    if isinstance(value, datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return value


@register.filter
def dato(value: date | datetime | None) -> str:
    return "" if value is None or value == "" else format_date(_day(value))


# The citizen page writes a few hundred short dates ("j.n.Y", "Y-m-d"): Django's ``date`` filter
# parses its format for each. A plain ``date`` is written directly, the same text; anything else
# (a datetime, a string, None) goes to ``date`` itself, so these answer exactly as it does.
@register.filter(expects_localtime=True, is_safe=False)
def kort_dato(value: Any) -> str:
    """``{{ d|date:"j.n.Y" }}``, faster: ``4.12.2026``."""
    if type(value) is date:
        return f"{value.day}.{value.month}.{value.year:04d}"
    return date_filter(value, "j.n.Y")


@register.filter(expects_localtime=True, is_safe=False)
def iso_dato(value: Any) -> str:
    """``{{ d|date:"Y-m-d" }}``, faster: ``2026-12-04``."""
    if type(value) is date:
        return value.isoformat()
    return date_filter(value, "Y-m-d")


@register.filter(expects_localtime=True, is_safe=False)
def kort_maaned_dato(value: Any) -> str:
    """``{{ d|date:"j. M Y" }}``, faster: ``4. Dec 2026`` (the month as ``date`` names it)."""
    if type(value) is date:
        return f"{value.day}. {str(MONTHS_3[value.month]).title()} {value.year:04d}"
    return date_filter(value, "j. M Y")


@register.filter(is_safe=True)
def forkort(value: Any, length: int) -> Any:
    """``truncatechars``, faster for the usual text already short enough: that one it gives back
    as it is (``truncatechars`` too, once the text is in NFC form); anything else goes to it."""
    if type(value) is str and len(value) <= int(length) and unicodedata.is_normalized("NFC", value):
        return value
    return truncatechars(value, length)


@register.filter
def lang_dato(value: date | datetime | None) -> str:
    return "" if value is None or value == "" else format_long_date(_day(value))
