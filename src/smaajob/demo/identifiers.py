# SPDX-License-Identifier: MPL-2.0
"""Synthetic CPR and CVR numbers for the demo: they validate, and they are drawn deterministically.

CPR: ``python-stdnum`` accepts a CPR number when its first six digits are a real birth date
(the modulus-11 check was abandoned in 2007, see ``smaajob.validators``), so a synthetic
number *must* use a real date and is indistinguishable from a real one by its format. No
range of CPR numbers is reserved for test data outside the CPR office's own test system.
That is why every demo record carries ``is_synthetic=True``, why ``smaajob demo`` refuses to
load into a database with real citizens, and why ``docs/demo.md`` says all of it is made up.
A synthetic number may by chance equal a real person's number; the flag, not the number,
is what marks it as not real. The 7th digit follows the CPR century rule (0–3 for 1900–1999,
4 for 2000–2036) and the last digit the sex (odd = male), as real numbers do.

CVR: eight digits, no leading zero, weighted checksum (2, 7, 6, 5, 4, 3, 2, 1) ≡ 0 mod 11,
exactly what ``stdnum.dk.cvr`` checks.
"""

from __future__ import annotations

import random
from datetime import date

from stdnum.dk import cpr as stdnum_cpr
from stdnum.dk import cvr as stdnum_cvr

from smaajob.danish_numbers import format_date

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def synthetic_cpr(rng: random.Random, birth_date: date, *, male: bool, used: set[str]) -> str:
    """A 10-digit CPR number for ``birth_date`` that stdnum accepts and ``used`` lacks."""
    if not 1900 <= birth_date.year <= 2036:
        raise ValueError("Demo CPR numbers cover birth years 1900–2036.")
    for _attempt in range(1000):
        century_digit = rng.choice("0123") if birth_date.year < 2000 else "4"
        middle = f"{rng.randrange(100):02d}"
        last = rng.choice("13579" if male else "02468")
        number = f"{birth_date:%d%m%y}{century_digit}{middle}{last}"
        if number in used:
            continue
        # Guard against a rule change in stdnum: the number must round-trip to the date.
        if stdnum_cpr.validate(number) != number or stdnum_cpr.get_birth_date(number) != birth_date:
            raise AssertionError("synthetic CPR does not round-trip")  # pragma: no cover
        used.add(number)
        return number
    raise RuntimeError(f"No free synthetic CPR number left for {format_date(birth_date)}.")


def synthetic_cvr(rng: random.Random, *, used: set[str]) -> str:
    """An 8-digit CVR number whose check digit is right and which ``used`` lacks."""
    while True:
        head = [rng.randint(1, 9)] + [rng.randrange(10) for _ in range(6)]
        partial = sum(w * d for w, d in zip(CVR_WEIGHTS, head, strict=False))
        check = (-partial) % 11
        if check == 10:  # no single digit completes this prefix
            continue
        number = "".join(map(str, head)) + str(check)
        if number in used:
            continue
        stdnum_cvr.validate(number)  # raises if our arithmetic and stdnum's ever disagree
        used.add(number)
        return number
