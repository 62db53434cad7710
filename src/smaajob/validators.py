# SPDX-License-Identifier: MPL-2.0
"""Validation of Danish identifiers and shared value rules, with clear Danish messages.

CPR and CVR checks use ``python-stdnum``. Since 2007 CPR numbers may fail the old modulus-11
check, so a CPR is valid when its date part is a real birth date (stdnum's rule); the
modulus check is not applied. Synthetic demo numbers are marked on the record, not in the
number itself.
"""

from __future__ import annotations

from datetime import date

from stdnum import exceptions as stdnum_exceptions
from stdnum.dk import cpr as stdnum_cpr
from stdnum.dk import cvr as stdnum_cvr

from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidIdentifier, InvalidPeriod


def normalise_cpr(value: str) -> str:
    """Return the 10-digit CPR number or raise InvalidIdentifier (never echoing the number)."""
    try:
        compact = stdnum_cpr.validate(value)
    except stdnum_exceptions.InvalidLength:
        raise InvalidIdentifier("CPR-nummeret skal have 10 cifre, fx 010190-1234.", field="cpr") from None
    except stdnum_exceptions.InvalidFormat:
        raise InvalidIdentifier(
            "CPR-nummeret må kun indeholde cifre (og evt. en bindestreg), fx 010190-1234.",
            field="cpr",
        ) from None
    except stdnum_exceptions.ValidationError:
        raise InvalidIdentifier(
            "CPR-nummeret indeholder ikke en gyldig fødselsdato (DDMMÅÅ-XXXX).", field="cpr"
        ) from None
    return str(compact)


def cpr_birth_date(cpr: str) -> date:
    return stdnum_cpr.get_birth_date(cpr)


def mask_cpr(cpr: str) -> str:
    """What lists and logs may show: the birth date part only."""
    return f"{cpr[:6]}-XXXX" if len(cpr) == 10 else "XXXXXX-XXXX"


def normalise_cvr(value: str) -> str:
    try:
        return str(stdnum_cvr.validate(value))
    except stdnum_exceptions.InvalidLength:
        raise InvalidIdentifier("CVR-nummeret skal have 8 cifre, fx 13585628.", field="cvr") from None
    except stdnum_exceptions.InvalidFormat:
        raise InvalidIdentifier("CVR-nummeret må kun indeholde cifre, fx 13585628.", field="cvr") from None
    except stdnum_exceptions.ValidationError:
        raise InvalidIdentifier(
            "CVR-nummerets kontrolciffer passer ikke; tjek nummeret i CVR-registret.", field="cvr"
        ) from None


def check_period(start: date | None, end: date | None, *, field: str = "end") -> None:
    if start is not None and end is not None and end < start:
        raise InvalidPeriod(
            f"Slutdatoen ({format_date(end)}) ligger før startdatoen ({format_date(start)}).", field=field
        )
