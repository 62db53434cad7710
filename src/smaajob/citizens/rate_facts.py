# SPDX-License-Identifier: MPL-2.0
"""The facts the kontanthjælp rate follows from since 1 July 2025, as recorded, and handing
them to the rules engine.

Which combinations are impossible, and what the rate is, are the rules' to say
(``smaajob.rules.kontanthjaelp_rate`` raises ``ImpossibleFacts`` with a Danish sentence and the
field); this module only turns recorded facts, some of which may be "not recorded", into the
engine's ``BenefitFacts`` and says which facts the rate still needs.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from smaajob import rules
from smaajob.danish_numbers import format_date
from smaajob.errors import InvalidPeriod


def age_on(birth_date: date, day: date) -> int:
    """Whole years of age on ``day``; a birth date after ``day`` is refused."""
    if birth_date > day:
        raise InvalidPeriod(
            f"Fødselsdatoen ({format_date(birth_date)}) ligger efter {format_date(day)}. Skriv den dato, "
            "borgeren er født, fx 14.03.1990.",
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
    activity_ready: bool = False  # from the target group (aktivitetsparat), not typed here

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

    def as_rules_facts(self, *, age: int) -> Any:
        """``smaajob.rules.BenefitFacts``; a fact not recorded takes the engine's default, so
        call this for the rate only when ``missing`` is empty."""
        years = self.full_time_work_years_last_10
        return rules.BenefitFacts(
            age=age,
            children=self.children or 0,
            single=True if self.single is None else self.single,
            lives_with_parent=bool(self.lives_with_parent),
            full_time_work_years_last_10=float(years) if years is not None else None,
            residence_requirement_met=True
            if self.residence_requirement_met is None
            else self.residence_requirement_met,
            activity_ready=self.activity_ready,
        )

    def check(self, *, age: int, day: date) -> None:
        """Refuse what cannot all be true (the engine's ``ImpossibleFacts``, naming the field).

        Facts may be recorded in part: a fact the rate needs but nobody recorded yet, or a day
        before the new system, is not a reason to refuse the rest.
        """
        with suppress(rules.FactMissing, rules.ValueNotKnown):
            rules.kontanthjaelp_rate(day, self.as_rules_facts(age=age))
