# SPDX-License-Identifier: MPL-2.0
"""Published figures, and the check that their totals add up.

Evaluation reports are counted by hand, and their tables do not always add up. 003 Tabel 5
(§2.5.1) gives, for "Kandidater i småjob/job", 34 (original target group) and 44 (Ukrainian
refugees) with "Opnået i alt" 80 — but 34 + 44 = 78. A total of distinct persons may be
*smaller* than the sum of its groups (someone in both groups counts once), never larger.
"""

from __future__ import annotations

from dataclasses import dataclass

from smaajob.danish_numbers import format_count

VTA_ORIGINAL = "Oprindelig målgruppe"
VTA_UKRAINIAN = "Ukrainske flygtninge"


@dataclass(frozen=True)
class PublishedRow:
    """One row of a published table: value per group, the published total, targets per group."""

    step: str  # funnel step key (see funnel.STEPS)
    label_da: str
    achieved: dict[str, int | None]
    total: int | None
    targets: dict[str, int | None]


# 003 §2.5.1, Tabel 5 "Resultater i VTA-projektet" (seed 003, lines 686–695); ** 31 of the
# Ukrainians' 44 are løntilskud with a view to ordinary employment.
VTA_TABLE_5_SOURCE = "VTA-evalueringen (Absalon 2023), afsnit 2.5.1, tabel 5"
VTA_TABLE_5: list[PublishedRow] = [
    PublishedRow(
        "visited",
        "Antal visiterede",
        {VTA_ORIGINAL: 138, VTA_UKRAINIAN: 90},
        228,
        {VTA_ORIGINAL: 120, VTA_UKRAINIAN: 50},
    ),
    PublishedRow(
        "placed",
        "Virksomhedsplaceringer",
        {VTA_ORIGINAL: 85, VTA_UKRAINIAN: 59},
        144,
        {VTA_ORIGINAL: 70, VTA_UKRAINIAN: 40},
    ),
    PublishedRow(
        "job",
        "Kandidater i småjob/job",
        {VTA_ORIGINAL: 34, VTA_UKRAINIAN: 44},
        80,
        {VTA_ORIGINAL: 48, VTA_UKRAINIAN: 32},
    ),
    PublishedRow(
        "lasting",
        "Stadig i småjob/job efter 6 måneder",
        {VTA_ORIGINAL: 18, VTA_UKRAINIAN: None},
        None,
        {VTA_ORIGINAL: 36, VTA_UKRAINIAN: None},
    ),
]
VTA_WAGE_SUBSIDY_AMONG_UKRAINIAN_JOBS = 31


def _fmt(n: int) -> str:
    return format_count(n)


def total_problems(rows: list[PublishedRow]) -> list[str]:
    """Danish sentences for every published total that cannot be right.

    A total larger than the sum of its groups is impossible. A total smaller than the sum is
    possible only if someone is in more than one group; we say so, for the reader to check.
    """
    notes = []
    for row in rows:
        parts = [v for v in row.achieved.values() if v is not None]
        if row.total is None or len(parts) != len(row.achieved):
            continue
        summed = sum(parts)
        sum_text = " + ".join(_fmt(p) for p in parts) + f" = {_fmt(summed)}"
        if row.total > summed:
            notes.append(
                f"»{row.label_da}«: den offentliggjorte total {_fmt(row.total)} er ikke summen af grupperne "
                f"({sum_text}). En total over personer kan aldrig være større end summen af grupperne."
            )
        elif row.total < summed:
            notes.append(
                f"»{row.label_da}«: den offentliggjorte total {_fmt(row.total)} er mindre end summen af "
                f"grupperne ({sum_text}); det passer kun, hvis {_fmt(summed - row.total)} personer er i flere grupper."
            )
    return notes
