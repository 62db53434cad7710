# SPDX-License-Identifier: MPL-2.0
"""Week masks as uint64 words: the bytes path gives exactly the words of the mask, word 0 lowest."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from smaajob.matching import slots

MASKS = st.lists(st.integers(min_value=0, max_value=(1 << slots.BITS) - 1), max_size=40)


@given(MASKS)
def test_every_mask_becomes_its_words_lowest_first(masks):
    words = slots.masks_to_words(masks)
    assert words.shape == (len(masks), slots.WORDS) and words.dtype == np.uint64
    for mask, row in zip(masks, words, strict=True):
        assert sum(int(w) << (64 * i) for i, w in enumerate(row)) == mask
        assert row.tolist() == slots.to_words(mask).tolist()


def test_a_whole_week_and_the_highest_half_hour_land_in_the_right_words():
    top = 1 << (slots.BITS - 1)
    words = slots.masks_to_words([slots.ALL_WEEK, top, 0])
    assert bin(int(words[1, -1])).count("1") == 1 and int(words[1, :-1].sum()) == 0
    assert sum(bin(int(w)).count("1") for w in words[0]) == slots.BITS
    assert not words[2].any()
    words[0, 0] = 0  # a fresh, writable array (pools are built from it)
