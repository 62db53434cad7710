# SPDX-License-Identifier: MPL-2.0
"""Sources as a reader outside the project can find them (issue 15 item 3).

The parameter files cite the project's background material by its file number and line
("seed 000 L162", "002 L1223-1226"), which lets a developer check a value against the text;
no caseworker or citizen has those files. Every explanation (``Trace``) therefore shows the
published work by its name instead: ``public_reference`` is the one place that does it.
"""

from __future__ import annotations

import re

__all__ = ["PUBLISHED_WORKS", "public_reference"]

# The project's background material (docs/glossary.md), as published.
PUBLISHED_WORKS = {
    "000": "speciale om småjobs og 225-timersreglen (Aalborg Universitet 2018)",
    "001": "»Projekt Småjob« (Væksthuset og Odense Kommune 2017)",
    "002": "SFI-rapporten om aktivering af ikke-arbejdsmarkedsparate kontanthjælpsmodtagere (2012)",
    "003": "VTA-evalueringen (Absalon 2023)",
    "004": "STV-evalueringen (DISCUS 2019)",
}
_PLACE = r"(?:L\s?\d+(?:[-–]\d+)?|§\s?[\d.]+|Kap\.\s?\d+|Tabel\s?[\d.]+|Bilag\s?\d+)"
# "seed 000 L162", "Seed 002 Kap. 2", "Seed 002" (the place optional after the word "seed").
_SEED = re.compile(rf"\b[Ss]eed\s+(00[0-4])(?:\s+{_PLACE})?")
# "002 L1223-1226", "003 §2.6" (a number alone is a reference only with its place).
_NUMBERED = re.compile(rf"\b(00[0-4])\s+{_PLACE}")


def public_reference(text: str) -> str:
    """``"Seed 000 L162 ('...')"`` → ``"speciale om småjobs ... (Aalborg Universitet 2018) ('...')"``."""
    text = _SEED.sub(lambda m: PUBLISHED_WORKS[m.group(1)], text)
    return _NUMBERED.sub(lambda m: PUBLISHED_WORKS[m.group(1)], text)
