# SPDX-License-Identifier: MPL-2.0
"""Tag vocabularies: turning sets of strings (skånehensyn, certificates, sectors, tasks)
into rows of ``uint64`` bitsets, so subset tests on a whole population are a few ANDs.

Encoding adds new tags to the vocabulary, so a pool encoded earlier may have fewer words
than one encoded later; the comparisons pad the narrower side with zeros (:func:`align`).
Bit 0 is reserved and never set, so a sector index of 0 means "no sector".
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

UNKNOWN_BIT = 0

U64Array = npt.NDArray[np.uint64]


class Vocabulary:
    """Bit positions for the tags of one kind; grows as tags are added."""

    def __init__(self, tags: Iterable[str] = ()) -> None:
        self._index: dict[str, int] = {}
        self._names: list[str] = ["(ukendt)"]
        for tag in sorted(set(tags)):
            self.add(tag)

    def add(self, tag: str) -> int:
        if tag not in self._index:
            self._index[tag] = len(self._index) + 1
            self._names.append(tag)
        return self._index[tag]

    def copy(self) -> Vocabulary:
        """The same bit positions; tags added to the copy leave this one as it is."""
        twin = Vocabulary()
        twin._index = dict(self._index)
        twin._names = list(self._names)
        return twin

    def decode(self, row: U64Array) -> tuple[str, ...]:
        """Tag names whose bits are set in ``row`` ("ukendt" for the unknown bit)."""
        names: list[str] = []
        for w, word in enumerate(row.tolist()):
            while word:
                low = word & -word
                bit = 64 * w + low.bit_length() - 1
                names.append(self._names[bit])
                word ^= low
        return tuple(names)

    def index(self, tag: str) -> int:
        return self._index.get(tag, UNKNOWN_BIT)

    def name(self, bit: int) -> str:
        return self._names[bit]

    @property
    def words(self) -> int:
        return (len(self._index) + 1 + 63) // 64

    def __len__(self) -> int:
        return len(self._index)

    def encode(self, tags: Iterable[str], words: int | None = None) -> U64Array:
        w = self.words if words is None else words
        row = np.zeros(w, dtype=np.uint64)
        for tag in tags:
            bit = self.add(tag)
            row[bit // 64] |= np.uint64(1) << np.uint64(bit % 64)
        return row

    def encode_many(self, rows: Iterable[Iterable[str]]) -> U64Array:
        """One row per tag set; adds unseen tags first so all rows share one width."""
        materialised = [tuple(tags) for tags in rows]
        for tags in materialised:
            for tag in tags:
                self.add(tag)
        out = np.zeros((len(materialised), self.words), dtype=np.uint64)
        for r, tags in enumerate(materialised):
            for tag in tags:
                bit = self._index[tag]
                out[r, bit // 64] |= np.uint64(1) << np.uint64(bit % 64)
        return out


def align(a: U64Array, b: U64Array) -> tuple[U64Array, U64Array]:
    """Pad the narrower bitset array with zero words so both have the same width."""
    wa, wb = a.shape[-1], b.shape[-1]
    if wa < wb:
        a = np.concatenate([a, np.zeros((*a.shape[:-1], wb - wa), dtype=np.uint64)], axis=-1)
    elif wb < wa:
        b = np.concatenate([b, np.zeros((*b.shape[:-1], wa - wb), dtype=np.uint64)], axis=-1)
    return a, b


def is_subset(a: U64Array, b: U64Array) -> npt.NDArray[np.bool_]:
    """Row-wise ``a ⊆ b`` over the last axis (broadcasting over the others)."""
    a, b = align(a, b)
    return np.asarray(((a & ~b) == 0).all(axis=-1))


def common_count(a: U64Array, b: U64Array) -> npt.NDArray[np.int64]:
    a, b = align(a, b)
    return np.asarray(np.bitwise_count(a & b).astype(np.int64).sum(axis=-1))


def count(a: U64Array) -> npt.NDArray[np.int64]:
    return np.asarray(np.bitwise_count(a).astype(np.int64).sum(axis=-1))


def has_bit(rows: U64Array, bits: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Whether row ``i`` of ``rows`` has bit ``bits[i]`` set (bits < 0 mean "no bit")."""
    inside = (bits > 0) & (bits < 64 * rows.shape[1])
    safe = np.where(inside, bits, 0)
    word = rows[np.arange(rows.shape[0]), safe // 64]
    hit = (word >> (safe % 64).astype(np.uint64)) & np.uint64(1)
    return np.asarray((hit == 1) & inside)
