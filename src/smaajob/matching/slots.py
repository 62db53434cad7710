# SPDX-License-Identifier: MPL-2.0
"""Weekly time slots as bitmasks: one bit per half hour, Monday 00:00 = bit 0.

A week has 7 × 48 = 336 half hours. A single citizen or opening holds its slots as a Python
``int``; populations hold them as ``(n, 6)`` arrays of ``uint64`` words, so "do these clash?"
and "how many hours overlap?" are one AND (and one popcount) per word.

Slots come from the web app as ``{"weekday": 0..6, "start": "HH:MM", "end": "HH:MM"}``
(the format of :mod:`smaajob.slots`) or as ``(weekday, "HH:MM", "HH:MM")`` tuples.
Times not on a half hour are rounded *towards caution*: a citizen's free time shrinks
(start rounded up, end down), while a task or commitment grows (start down, end up), so a
rounding can never make an infeasible match look feasible.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from smaajob.matching.errors import InvalidSlots

HALF_HOURS_PER_DAY = 48
BITS = 7 * HALF_HOURS_PER_DAY
WORDS = (BITS + 63) // 64
ALL_WEEK = (1 << BITS) - 1
WEEKDAYS_DA = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

SlotLike = Mapping[str, Any] | tuple[int, str, str]


def _minutes(value: object, *, what: str) -> int:
    text = str(value)
    try:
        hh, mm = text.split(":")
        hours, minutes = int(hh), int(mm)
    except ValueError:
        raise InvalidSlots(f"Tidspunktet {text!r} skal skrives TT:MM, fx 08:00.", field=what) from None
    total = hours * 60 + minutes
    if not (0 <= minutes < 60 and 0 <= total <= 24 * 60):
        raise InvalidSlots(
            f"Tidspunktet {text!r} skal ligge mellem 00:00 og 24:00.", field=what
        )
    return total


def interval_mask(weekday: int, start: str, end: str, *, cautious_inward: bool = False) -> int:
    """Bits for one weekday interval. ``cautious_inward`` shrinks it (for free time)."""
    if not (isinstance(weekday, int) and 0 <= weekday <= 6):
        raise InvalidSlots(f"Ugedagen skal være 0 (mandag) til 6 (søndag), ikke {weekday!r}.")
    lo, hi = _minutes(start, what="start"), _minutes(end, what="end")
    if hi <= lo:
        raise InvalidSlots(
            f"Sluttidspunktet {end} skal ligge efter starttidspunktet {start} "
            f"({WEEKDAYS_DA[weekday]})."
        )
    if cautious_inward:
        first, last = -(-lo // 30), hi // 30
    else:
        first, last = lo // 30, -(-hi // 30)
    if last <= first:
        return 0
    base = weekday * HALF_HOURS_PER_DAY
    return ((1 << (last - first)) - 1) << (base + first)


def week_mask(slots: Iterable[SlotLike], *, free_time: bool = False) -> int:
    """Union of the given slots. ``free_time=True`` rounds inward (a citizen's availability)."""
    mask = 0
    for slot in slots:
        if isinstance(slot, Mapping):
            try:
                weekday, start, end = int(slot["weekday"]), slot["start"], slot["end"]
            except (KeyError, TypeError, ValueError):
                raise InvalidSlots(
                    'Hver tid skal se sådan ud: {"weekday": 0, "start": "08:00", "end": "12:00"} '
                    "(0 = mandag)."
                ) from None
        else:
            weekday, start, end = slot
        mask |= interval_mask(weekday, str(start), str(end), cautious_inward=free_time)
    return mask


def days_mask(weekdays: Iterable[int]) -> int:
    """All half hours of the given weekdays (0 = Monday)."""
    return week_mask((d, "00:00", "24:00") for d in weekdays)


def check_mask(mask: int, *, field: str) -> int:
    if not isinstance(mask, int) or mask < 0 or mask > ALL_WEEK:
        raise InvalidSlots(
            f"{field} skal være en ugemaske: et heltal mellem 0 og 2**{BITS} − 1 "
            "(brug smaajob.matching.week_mask til at lave den).",
            field=field,
        )
    return mask


def hours_in(mask: int) -> float:
    return mask.bit_count() / 2


def to_words(mask: int) -> npt.NDArray[np.uint64]:
    return np.array(
        [(mask >> (64 * w)) & 0xFFFFFFFFFFFFFFFF for w in range(WORDS)], dtype=np.uint64
    )


def masks_to_words(masks: Iterable[int]) -> npt.NDArray[np.uint64]:
    """``(n, WORDS)`` uint64 array from Python int masks (word 0 = the lowest 64 bits).

    Through each mask's little-endian bytes: a list of Python ints above 2**63 would make
    numpy convert element by element (issue 22: half the time of encoding 50,000 openings).
    """
    raw = b"".join(m.to_bytes(8 * WORDS, "little") for m in masks)
    return np.frombuffer(raw, dtype="<u8").astype(np.uint64).reshape(-1, WORDS)


def overlap_half_hours(
    a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]
) -> npt.NDArray[np.int64]:
    """Half hours set in both rows of ``a`` and ``b`` (broadcasting over leading axes)."""
    counts = np.bitwise_count(a & b).astype(np.int64)
    return counts.sum(axis=-1)


def overlap_half_hours_at(
    a_by_word: npt.NDArray[np.uint64], ai: npt.NDArray[np.int64],
    b_by_word: npt.NDArray[np.uint64], bi: npt.NDArray[np.int64],
) -> npt.NDArray[np.uint16]:
    """Half hours set in both ``a[ai[k]]`` and ``b[bi[k]]``, from word-major ``(WORDS, n)`` arrays.

    The same count as :func:`overlap_half_hours` on gathered rows, but one word at a time
    over contiguous rows: about five times faster for millions of pairs (no ``(k, WORDS)``
    temporaries, no int64 widening of every word's count).
    """
    total = np.zeros(np.broadcast(ai, bi).shape, dtype=np.uint16)  # at most 336 per pair
    for w in range(a_by_word.shape[0]):
        total += np.bitwise_count(a_by_word[w][ai] & b_by_word[w][bi])
    return total


def describe(mask: int) -> str:
    """Danish text such as "mandag 08:00–12:00, onsdag 13:00–15:30"."""
    parts: list[str] = []
    for day in range(7):
        day_bits = (mask >> (day * HALF_HOURS_PER_DAY)) & ((1 << HALF_HOURS_PER_DAY) - 1)
        slot = 0
        while slot < HALF_HOURS_PER_DAY:
            if day_bits >> slot & 1:
                start = slot
                while slot < HALF_HOURS_PER_DAY and day_bits >> slot & 1:
                    slot += 1
                parts.append(f"{WEEKDAYS_DA[day]} {_clock(start)}–{_clock(slot)}")
            else:
                slot += 1
    return ", ".join(parts) if parts else "ingen tider"


def _clock(half_hour: int) -> str:
    return f"{half_hour // 2:02d}:{30 * (half_hour % 2):02d}"
