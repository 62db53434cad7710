# SPDX-License-Identifier: MPL-2.0
"""One-word tests that discard most (citizen, task) pairs of a grid block cheaply.

* a *requirements word*: the task sets a bit for each thing it needs (Danish level and
  hours as thermometer codes, certificates, facts to disclose, restrictions it cannot
  accommodate), the citizen a bit for each thing they have, so "all needs met" is
  ``needs & ~has == 0``;
* a *time word*: which four-hour blocks of the week the task uses and the citizen has
  free time in; no shared block means no shared half hour.

In a large block the word tests are bit-sliced (see :func:`word_survivors`), in a small
one broadcast over the block; both give the same pairs in the same order. These are
relaxations (coarser than the real checks, never stricter): candidate generation
(:mod:`smaajob.matching.candidates`) sends the survivors through the exact checks.
"""

from __future__ import annotations

import sys

import numpy as np
import numpy.typing as npt

from smaajob.matching.pools import CandidatePool, OpeningPool

I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]

HOUR_LEVELS = 24  # hours thermometer: bit h means "at least h hours" (h = 1..24)
DANISH_LEVELS = 3
TIME_BLOCK_HALF_HOURS = 8  # four-hour blocks: 42 per week, one uint64


def _first_bits(rows: npt.NDArray[np.uint64], count: int) -> npt.NDArray[np.uint64]:
    """Bits 1..count of the first word (bit 0 of a vocabulary is never used)."""
    mask = np.uint64(((1 << count) - 1) << 1)
    return np.asarray((rows[:, 0] & mask) >> np.uint64(1), dtype=np.uint64)


def _thermometer(levels: I64, width: int) -> npt.NDArray[np.uint64]:
    clipped = np.clip(levels, 0, width).astype(np.uint64)
    return np.asarray((np.uint64(1) << clipped) - np.uint64(1), dtype=np.uint64)


def requirement_words(
    cp: CandidatePool, op: OpeningPool
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """(candidate "lacks" words, task "needs" words): compatible only if ``needs & lacks == 0``.

    Only as many certificate and restriction tags as fit in the word are packed; the
    rest are left to the exact check (leaving a test out only makes the relaxation weaker).
    """
    shift = 0
    has = np.zeros(len(cp), dtype=np.uint64)
    needs = np.zeros(len(op), dtype=np.uint64)

    def put(c: npt.NDArray[np.uint64], o: npt.NDArray[np.uint64], width: int) -> None:
        nonlocal shift, has, needs
        has |= c << np.uint64(shift)
        needs |= o << np.uint64(shift)
        shift += width

    # A citizen can give no more hours than they have free time in the week.
    free_hours = np.bitwise_count(cp.free).sum(axis=1) / 2
    hours_c = np.floor(np.minimum(np.minimum(cp.weekly_hours, free_hours), HOUR_LEVELS)
                       ).astype(np.int64)
    hours_o = np.floor(np.minimum(op.hours_min, HOUR_LEVELS)).astype(np.int64)
    put(_thermometer(hours_c, HOUR_LEVELS), _thermometer(hours_o, HOUR_LEVELS), HOUR_LEVELS)
    put(_thermometer(cp.danish, DANISH_LEVELS), _thermometer(op.danish, DANISH_LEVELS),
        DANISH_LEVELS)
    put(cp.consents.astype(np.uint64) & np.uint64(0xFF),
        op.disclosures.astype(np.uint64) & np.uint64(0xFF), 8)
    room = 64 - shift
    n_cert = min(room // 2, len(cp.vocab.certificates))
    put(_first_bits(cp.certificates, n_cert), _first_bits(op.certificates, n_cert), n_cert)
    n_restr = min(64 - shift, len(cp.vocab.restrictions))
    full = np.uint64((1 << n_restr) - 1)
    # Restrictions point the other way (the citizen needs, the company has), so they go in
    # complemented: the task "needs" what it cannot accommodate, the citizen "has" what
    # they do not need accommodated.
    put(_first_bits(cp.restrictions, n_restr) ^ full, _first_bits(op.accommodations, n_restr)
        ^ full, n_restr)
    return ~has, needs


def time_words(free: npt.NDArray[np.uint64], offset: int = 0) -> npt.NDArray[np.uint64]:
    """One bit per four-hour block of the week that has any half hour set.

    ``offset`` (in half hours) shifts the block boundaries; two shared half hours share a
    block in every partition, so testing two shifted partitions is still a relaxation,
    and a much tighter one than either alone.
    """
    if TIME_BLOCK_HALF_HOURS == 8 and offset in (0, 4) and sys.byteorder == "little":
        return _byte_time_words(free, offset)
    bits = np.unpackbits(free.view(np.uint8), axis=1, bitorder="little")[:, :7 * 48]
    n_blocks = -(-(7 * 48 + offset) // TIME_BLOCK_HALF_HOURS)
    padded = np.zeros((len(free), n_blocks * TIME_BLOCK_HALF_HOURS), dtype=np.uint8)
    padded[:, offset:offset + 7 * 48] = bits
    blocks = padded.reshape(len(free), n_blocks, TIME_BLOCK_HALF_HOURS).any(axis=2)
    packed = np.zeros((len(free), 64), dtype=np.uint8)
    packed[:, :n_blocks] = blocks
    return np.packbits(packed, axis=1, bitorder="little").view(np.uint64).reshape(-1)


def lowest_in_field(words: npt.NDArray[np.uint64], shift: int, width: int
                     ) -> npt.NDArray[np.uint64]:
    """Keep only the lowest set bit of a thermometer field (the others are implied).

    A task needing level k sets the field's bits below k; a citizen at level h lacks bits
    h and up. They clash exactly when the task sets bit h, the citizen's lowest lacking
    bit, so testing that one bit gives the same answer as testing them all.
    """
    mask = np.uint64(((1 << width) - 1) << shift)
    field = words & mask
    lowest = field & (~field + np.uint64(1))
    return np.asarray((words & ~mask) | lowest, dtype=np.uint64)


def _bit_columns(words: npt.NDArray[np.uint64], n_words: int) -> npt.NDArray[np.uint64]:
    """(64, n_words) bitmaps: row b has bit j set when ``words[j]`` has bit b."""
    m = len(words)
    bits = np.unpackbits(np.ascontiguousarray(words).view(np.uint8).reshape(m, 8), axis=1,
                         bitorder="little")
    padded = np.zeros((64, n_words * 64), dtype=np.uint8)
    padded[:, :m] = bits.T
    return np.packbits(padded, axis=1, bitorder="little").view(np.uint64)


def _or_rows(c_words: npt.NDArray[np.uint64], columns: npt.NDArray[np.uint64],
             used: int) -> npt.NDArray[np.uint64]:
    """Per citizen, the union of the task bitmaps of every bit the citizen's word has."""
    out = np.zeros((len(c_words), columns.shape[1]), dtype=np.uint64)
    for b in range(64):
        if used >> b & 1:
            rows = np.flatnonzero(c_words & np.uint64(1 << b))
            if len(rows):
                out[rows] |= columns[b]
    return out


def word_survivors_dense(c_words: tuple[npt.NDArray[np.uint64], ...],
                          o_words: tuple[npt.NDArray[np.uint64], ...]) -> tuple[I64, I64]:
    """The same as :func:`word_survivors`, broadcast over every (citizen, task) of the block."""
    ok = (c_words[0][:, None] & o_words[0][None, :]) == 0
    for c_time, o_time in zip(c_words[1:], o_words[1:], strict=True):
        ok &= (c_time[:, None] & o_time[None, :]) != 0
    ii, jj = np.nonzero(ok)
    return ii.astype(np.int64), jj.astype(np.int64)


BIT_SLICE_MIN_PAIRS = 300_000  # measured crossover of the two block tests, within 2×
BOX_LEVELS = 64  # strips per axis of a block for the bounding-box bitmaps


def _box_bitmaps(o_pos: F64, c_lo: F64, c_hi: F64, n_words: int) -> npt.NDArray[np.uint64]:
    """Per citizen, a bitmap of the tasks whose coordinate may lie in ``[c_lo, c_hi]``.

    The tasks are cut into strips along one axis; a citizen gets every strip that touches
    their interval plus one on each side, so rounding can only let a task in, never out.
    """
    lo = float(o_pos.min())
    width = (float(o_pos.max()) - lo) / BOX_LEVELS or 1.0
    level = np.clip(np.floor((o_pos - lo) / width), 0, BOX_LEVELS - 1).astype(np.int64)
    at_least = level[None, :] >= np.arange(BOX_LEVELS + 1)[:, None]
    padded = np.zeros((BOX_LEVELS + 1, n_words * 64), dtype=np.bool_)
    padded[:, :len(o_pos)] = at_least
    ge = np.packbits(padded, axis=1, bitorder="little").view(np.uint64)
    first = np.clip(np.floor((c_lo - lo) / width) - 1, 0, BOX_LEVELS).astype(np.int64)
    past = np.clip(np.floor((c_hi - lo) / width) + 2, 0, BOX_LEVELS).astype(np.int64)
    return np.asarray(ge[first] & ~ge[past], dtype=np.uint64)


def word_survivors(c_words: tuple[npt.NDArray[np.uint64], ...],
                    o_words: tuple[npt.NDArray[np.uint64], ...],
                    box: tuple[F64, F64, F64, F64, F64] | None = None) -> tuple[I64, I64]:
    """Row-major (citizen, task) positions passing the one-word tests of a block.

    The first pair of words is the requirements test (``needs & lacks == 0``), each
    further pair a time test (some shared block). Bit-sliced: instead of testing every
    citizen against every task, each bit of the tasks' words becomes a bitmap over the
    tasks (64 tasks per machine word), and a citizen's clashes are the union of the
    bitmaps of the few bits they lack. Work per citizen is (bits) × (tasks / 64) instead
    of (tasks). ``box`` (citizen x, y, half-width; task x, y) adds a bounding-box bitmap so
    fewer far-away pairs are unpacked; leaving it out gives a superset, never fewer pairs.
    """
    c_lacks, *c_times = c_words
    o_needs, *o_times = o_words
    # Small blocks (a village, or a few citizens) are cheaper broadcast than bit-sliced:
    # the bit-sliced test pays a fixed cost per bit. Both give the same pairs in the same order.
    if sys.byteorder != "little" or len(c_lacks) * len(o_needs) < BIT_SLICE_MIN_PAIRS:
        return word_survivors_dense(c_words, o_words)
    n_words = -(-len(o_needs) // 64)
    ok = ~_or_rows(c_lacks, _bit_columns(o_needs, n_words), int(np.bitwise_or.reduce(o_needs)))
    for c_time, o_time in zip(c_times, o_times, strict=True):
        ok &= _or_rows(c_time, _bit_columns(o_time, n_words), int(np.bitwise_or.reduce(o_time)))
    if box is not None:  # a relaxation of the distance test that follows: fewer to unpack
        c_x, c_y, c_r, o_x, o_y = box
        ok &= _box_bitmaps(o_x, c_x - c_r, c_x + c_r, n_words)
        ok &= _box_bitmaps(o_y, c_y - c_r, c_y + c_r, n_words)
    # Unpack only the bytes that have a bit set (about half of them in a dense town).
    packed = ok.view(np.uint8).reshape(-1)
    nz_bytes = np.flatnonzero(packed)
    set_bits = np.flatnonzero(np.unpackbits(packed[nz_bytes], bitorder="little"))
    pos = nz_bytes[set_bits >> 3] * 8 + (set_bits & 7)
    ii, jj = np.divmod(pos, n_words * 64)
    return ii.astype(np.int64, copy=False), jj.astype(np.int64, copy=False)


def _byte_time_words(free: npt.NDArray[np.uint64], offset: int) -> npt.NDArray[np.uint64]:
    """:func:`time_words` for eight-half-hour blocks at offset 0 or 4, from bytes and nibbles.

    At offset 0 block k is byte k of the week; at offset 4 it is the high half of byte
    k − 1 and the low half of byte k. The same bits as the general path, without
    unpacking every half hour.
    """
    week = np.ascontiguousarray(free).view(np.uint8)[:, :7 * 48 // 8]
    if offset == 0:
        blocks = week != 0
    else:
        blocks = np.zeros((len(free), week.shape[1] + 1), dtype=np.bool_)
        blocks[:, :-1] = (week & 0x0F) != 0
        blocks[:, 1:] |= (week & 0xF0) != 0
    packed = np.zeros((len(free), 64), dtype=np.bool_)
    packed[:, :blocks.shape[1]] = blocks
    return np.packbits(packed, axis=1, bitorder="little").view(np.uint64).reshape(-1)
