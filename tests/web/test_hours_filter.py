# SPDX-License-Identifier: MPL-2.0
"""The ``hours`` filter prints exactly what ``floatformat:"-1"`` prints, in Danish."""

from __future__ import annotations

from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from smaajob.web.templatetags.web_extras import hours

NUMBERS = st.one_of(
    st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False),
    st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False),
    st.integers(min_value=-1000, max_value=1000),
    st.floats(min_value=-1000, max_value=1000, allow_nan=False).map(lambda f: round(f, 2)),
)


@given(NUMBERS)
def test_hours_equals_floatformat_minus_one(value):
    with translation.override("da"):
        assert hours(value) == floatformat(value, "-1")


def test_hours_on_the_usual_values_and_on_nothing():
    with translation.override("da"):
        cases = [7, 7.5, Decimal("7.25"), Decimal("-0.04"), Decimal("12.95"), None, "", "x"]
        assert [hours(v) for v in cases] == ["7", "7,5", "7,3", "0,0", "13,0", "", "", ""]
