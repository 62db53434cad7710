# SPDX-License-Identifier: MPL-2.0
"""One cell of an import file read into its canonical text, or a Danish message saying what a
valid value looks like.

Canonical text is what an export writes and what two imports compare: dates ``ÅÅÅÅ-MM-DD``,
hours without trailing zeros and with ``.`` (``7.5``), CPR and CVR as bare digits, choices as
their stored value. The identifier and hours rules are the project's own
(``smaajob.validators``, ``smaajob.hours``), so an import accepts exactly what a form does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from smaajob.danish_numbers import NotANumber, read_decimal
from smaajob.errors import SmaajobError
from smaajob.hours import HOURS_IN_WEEK
from smaajob.validators import normalise_cpr, normalise_cvr


class CellError(ValueError):
    """A bad cell; ``column`` names it when the check is about another column than the one read."""

    def __init__(self, message: str, column: str | None = None):
        super().__init__(message)
        self.message = message
        self.column = column


_DATE_FORMS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})[-./](?P<m>\d{1,2})[-./](?P<y>\d{4})$"),
)


def text(value: str, *, max_length: int = 200) -> str:
    value = value.strip()
    if len(value) > max_length:
        raise CellError(f"må højst være {max_length} tegn (er {len(value)})")
    return value


def cpr(value: str) -> str:
    digits = value.strip()
    # Excel drops the leading zero of a CPR number typed as a number (0101901234 → 101901234).
    if digits.isdigit() and len(digits) == 9:
        digits = "0" + digits
    try:
        return normalise_cpr(digits)
    except SmaajobError as error:
        raise CellError(error.message) from None


def cvr(value: str) -> str:
    try:
        return normalise_cvr(value.strip().replace(" ", ""))
    except SmaajobError as error:
        raise CellError(error.message) from None


def a_date(value: str) -> str:
    value = value.strip().split(" ")[0]
    for form in _DATE_FORMS:
        match = form.match(value)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
            except ValueError:
                break
    raise CellError("skal være en dato, fx 2026-03-02 eller 02-03-2026")


def week(value: str) -> str:
    """The Monday of the week: a date in the week, or an ISO week ``2026-W10``."""
    match = re.match(r"^(\d{4})-?[Ww](\d{1,2})$", value.strip())
    if match:
        try:
            return date.fromisocalendar(int(match[1]), int(match[2]), 1).isoformat()
        except ValueError:
            raise CellError("skal være en uge, fx 2026-W10, eller en dato i ugen, fx 2026-03-02") from None
    try:
        day = date.fromisoformat(a_date(value))
    except CellError:
        raise CellError("skal være en uge, fx 2026-W10, eller en dato i ugen, fx 2026-03-02") from None
    return date.fromordinal(day.toordinal() - day.weekday()).isoformat()


def canonical_decimal(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def hours(value: str, *, maximum: Decimal = HOURS_IN_WEEK) -> str:
    try:
        number = read_decimal(value.strip(), example="7,5")
    except NotANumber:
        raise CellError(f"skal være et antal timer mellem 0 og {maximum}, fx 7,5") from None
    if number < 0 or number > maximum:
        raise CellError(f"skal være et antal timer mellem 0 og {maximum} (en uge har {HOURS_IN_WEEK} timer)")
    return canonical_decimal(number)


def whole(value: str, *, low: int, high: int) -> str:
    value = value.strip()
    if not value.isdigit() or not low <= int(value) <= high:
        raise CellError(f"skal være et helt tal fra {low} til {high}")
    return str(int(value))


def choice(value: str, words: Iterable[str], aliases: dict[str, str] | None = None) -> str:
    """One of ``words`` (case does not matter); ``aliases`` map other accepted words to one of them."""
    word = value.strip().lower()
    accepted = list(words)
    if word in accepted:
        return word
    if aliases and word in aliases:
        return aliases[word]
    raise CellError(f"skal være en af: {', '.join(accepted)}")
