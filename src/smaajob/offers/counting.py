# SPDX-License-Identifier: MPL-2.0
"""Counting offers and persons over a period, by seed 002's rule (pure Python, no Django).

SFI 2012 (seed 002, Tabel 3.1, "Antal aktiverede kontanthjælpsmodtagere og aktiveringsforløb
2011, fordelt efter matchkategorier"): "Et forløb tæller med, hvis det har været i gang én dag
inden for den viste periode. Antal aktiverede er personer, der har været aktiveret kortere eller
længere tid inden for den viste periode." The published total counts a person once
(134,026) although the categories' persons add up to more (64,845 + 70,174 + 6,109 + 2,058 +
8 = 143,194): a person in two categories is in both rows and once in the total, while the
courses simply add up (149,365 + 140,526 + 7,068 + 3,620 + 9 = 300,588).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

RULE_DA = (
    "Et tilbud tæller med, hvis det har været i gang mindst én dag i perioden; en person tæller "
    "én gang i hver gruppe og én gang i alt, også hvis personen har været i flere tilbud eller grupper "
    "(SFI 2012, tabel 3.1)."
)


@dataclass(frozen=True)
class Spell:
    person: int
    group: str
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class GroupCount:
    group: str
    offers: int
    persons: int


@dataclass(frozen=True)
class OffersAndPersons:
    start: date
    end: date
    rows: tuple[GroupCount, ...]
    total_offers: int
    total_persons: int
    rule_da: str = RULE_DA


def count_offers_and_persons(spells: Iterable[Spell], *, start: date, end: date) -> OffersAndPersons:
    offers: dict[str, int] = {}
    persons: dict[str, set[int]] = {}
    everyone: set[int] = set()
    for s in spells:
        if s.starts_on > end or s.ends_on < start:
            continue  # not one day inside the period
        offers[s.group] = offers.get(s.group, 0) + 1
        persons.setdefault(s.group, set()).add(s.person)
        everyone.add(s.person)
    rows = tuple(GroupCount(g, offers[g], len(persons[g])) for g in sorted(offers))
    return OffersAndPersons(start, end, rows, sum(offers.values()), len(everyone))
