# SPDX-License-Identifier: MPL-2.0
"""The facts the kontanthjælp rate follows from since 1 July 2025: checking them and handing
them to the rules engine.

One place for "which combinations are impossible" so that the citizen page, the API, the
public calculator and the consultant's calculator refuse the same input with the same Danish
message. The rules themselves (which rate, which supplement, how much) are
``smaajob.rules.kontanthjaelp_rate``; nothing here decides an amount.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from smaajob.errors import InvalidInput, InvalidPeriod

MAX_CHILDREN = 20
# Ordinary full-time work is counted over the last 10 years (bm.dk, "Et mere enkelt
# kontanthjælpssystem"): nobody can have more than 10 years of it, nor years before the age
# at which full-time work is allowed at all (15, the end of compulsory schooling).
WORK_YEARS_WINDOW = 10
FULL_TIME_WORK_FROM_AGE = 15


def age_on(birth_date: date, day: date) -> int:
    """Whole years of age on ``day``; a birth date after ``day`` is refused."""
    if birth_date > day:
        raise InvalidPeriod(
            f"Fødselsdatoen ({birth_date:%d.%m.%Y}) ligger efter {day:%d.%m.%Y}. Skriv datoen borgeren er født, "
            "fx 14.03.1990.",
            field="birth_date",
        )
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


@dataclass(frozen=True)
class RecordedFacts:
    """The facts as recorded; ``None`` is "not recorded"."""

    children: int | None = None
    single: bool | None = None
    lives_with_parent: bool | None = None
    full_time_work_years_last_10: Decimal | None = None
    residence_requirement_met: bool | None = None

    def check(self, *, age: int) -> None:
        """Refuse values and combinations that cannot be true, naming the field to correct."""
        if self.children is not None and not 0 <= self.children <= MAX_CHILDREN:
            raise InvalidInput(f"Antal børn skal være mellem 0 og {MAX_CHILDREN}.", field="children")
        years = self.full_time_work_years_last_10
        if years is not None:
            if not 0 <= years <= WORK_YEARS_WINDOW:
                raise InvalidInput(
                    "Fuldtidsarbejde de seneste 10 år skal være mellem 0 og 10 år, fx 2,5.",
                    field="full_time_work_years_last_10",
                )
            possible = max(0, min(WORK_YEARS_WINDOW, age - FULL_TIME_WORK_FROM_AGE))
            if years > possible:
                raise InvalidInput(
                    f"En borger på {age} år kan højst have {possible} års fuldtidsarbejde de seneste 10 år "
                    f"(arbejde tælles tidligst fra det fyldte {FULL_TIME_WORK_FROM_AGE}. år).",
                    field="full_time_work_years_last_10",
                )
        if self.lives_with_parent and self.children:
            # The hjemmeboende sats is for those under 30 who live with a parent and have no
            # child; a parent is never on it (bm.dk, "Et mere enkelt kontanthjælpssystem").
            raise InvalidInput(
                "En borger med børn kan ikke registreres som hjemmeboende hos en forælder: den hjemmeboende "
                "sats gælder kun for den, der ikke har børn. Ret antallet af børn eller svaret om at bo hos en "
                "forælder.",
                field="lives_with_parent",
            )

    def missing(self, *, age: int) -> list[str]:
        """The facts the rate needs at this age that are not recorded (Danish labels)."""
        needed = [
            ("children", "antal børn under 18"),
            ("single", "om borgeren er enlig eller i par"),
            ("residence_requirement_met", "om opholds- og beskæftigelseskravet er opfyldt"),
        ]
        if age < 30 and not self.children:
            # Under 30 without children the hjemmeboende sats depends on living with a parent.
            needed.append(("lives_with_parent", "om borgeren bor hos en forælder"))
        if 25 <= age < 30:
            # From 25 to 29 the forhøjet sats depends on the work history.
            needed.append(("full_time_work_years_last_10", "år med fuldtidsarbejde de seneste 10 år"))
        return [label for name, label in needed if getattr(self, name) is None]
