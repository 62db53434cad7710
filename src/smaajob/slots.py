# SPDX-License-Identifier: MPL-2.0
"""Weekly time slots ("Mon 08–12") as stored on openings, placements and commitments.

Stored as JSON lists of ``{"weekday": 0..6, "start": "HH:MM", "end": "HH:MM"}`` (Monday = 0).
This module validates them and answers "do these two sets of slots clash?" — the check
behind "two activities for the same hours".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import time
from typing import Any

from smaajob.errors import InvalidInput

WEEKDAYS_DA = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def _parse_time(value: Any, field: str) -> time:
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(f"Tidspunktet {value!r} skal skrives TT:MM, fx 08:00.", field=field) from None


def normalise_slots(raw: Iterable[Mapping[str, Any]] | None, *, field: str = "slots") -> list[dict[str, Any]]:
    """Validate and return slots sorted by weekday and start; raise InvalidInput if wrong."""
    slots: list[dict[str, Any]] = []
    for item in raw or []:
        try:
            weekday = int(item["weekday"])
        except (KeyError, TypeError, ValueError):
            raise InvalidInput("Hver tid skal have en ugedag (0 = mandag … 6 = søndag).", field=field) from None
        if not 0 <= weekday <= 6:
            raise InvalidInput("Ugedagen skal være 0 (mandag) til 6 (søndag).", field=field)
        start = _parse_time(item.get("start"), field)
        end = _parse_time(item.get("end"), field)
        if end <= start:
            raise InvalidInput(
                f"Sluttidspunktet {end:%H:%M} skal ligge efter starttidspunktet {start:%H:%M} "
                f"({WEEKDAYS_DA[weekday]}).",
                field=field,
            )
        slots.append({"weekday": weekday, "start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")})
    slots.sort(key=lambda s: (s["weekday"], s["start"]))
    for a, b in zip(slots, slots[1:], strict=False):
        if a["weekday"] == b["weekday"] and b["start"] < a["end"]:
            raise InvalidInput(
                f"To tider overlapper om {WEEKDAYS_DA[a['weekday']]}: "
                f"{a['start']}–{a['end']} og {b['start']}–{b['end']}.",
                field=field,
            )
    return slots


def first_clash(a: Iterable[Mapping[str, Any]], b: Iterable[Mapping[str, Any]]) -> str | None:
    """Danish description of the first overlap between two slot lists, or None."""
    for x in a:
        for y in b:
            if x["weekday"] == y["weekday"] and x["start"] < y["end"] and y["start"] < x["end"]:
                return f"{WEEKDAYS_DA[x['weekday']]} {x['start']}–{x['end']} overlapper {y['start']}–{y['end']}"
    return None


def describe_slots(slots: Iterable[Mapping[str, Any]]) -> str:
    return ", ".join(f"{WEEKDAYS_DA[s['weekday']][:3]} {s['start']}–{s['end']}" for s in slots)


def slot_hours(slots: Iterable[Mapping[str, Any]]) -> float:
    total = 0.0
    for s in slots:
        start, end = time.fromisoformat(s["start"]), time.fromisoformat(s["end"])
        total += (end.hour * 60 + end.minute - start.hour * 60 - start.minute) / 60
    return total
