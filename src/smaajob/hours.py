# SPDX-License-Identifier: MPL-2.0
"""Parsing hour amounts from forms, files and the API into Decimals within a week."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal, overload

from smaajob.danish_numbers import NotANumber, read_decimal
from smaajob.errors import InvalidHours

HOURS_IN_WEEK = Decimal(168)


@overload
def parse_hours(
    value: Any, *, field: str, maximum: Decimal = HOURS_IN_WEEK, allow_blank: Literal[False] = False
) -> Decimal: ...


@overload
def parse_hours(value: Any, *, field: str, maximum: Decimal = HOURS_IN_WEEK, allow_blank: bool) -> Decimal | None: ...


def parse_hours(
    value: Any, *, field: str, maximum: Decimal = HOURS_IN_WEEK, allow_blank: bool = False
) -> Decimal | None:
    """Accept 7.5, "7,5", "7.5" or 7 (read by ``smaajob.danish_numbers``); refuse negatives,
    non-numbers and more than ``maximum``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if allow_blank:
            return None
        raise InvalidHours("Angiv et antal timer, fx 7,5.", field=field)
    try:
        hours = read_decimal(value)
    except NotANumber:
        raise InvalidHours(f"»{value}« er ikke et antal timer; skriv fx 7,5.", field=field) from None
    if hours < 0:
        raise InvalidHours(f"Timer kan ikke være negative (fik {hours}).", field=field)
    if hours > maximum:
        raise InvalidHours(f"Højst {maximum} timer – en uge har kun 168 timer (fik {hours}).", field=field)
    return hours
