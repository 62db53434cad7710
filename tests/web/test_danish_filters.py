# SPDX-License-Identifier: MPL-2.0
"""The built-in ``danish`` template filters: floatformat's argument, Danish numbers and dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template


def render(text: str, **context: object) -> str:
    return Template(text).render(Context(context))


@pytest.mark.parametrize(
    ("value", "arg", "shown"),
    [
        (1234.5, '"-2"', "1.234,50"),
        (7, '"-2"', "7"),
        (Decimal("7.00"), '"-2"', "7"),
        (Decimal("12.5"), '"-1"', "12,5"),
        (2.25, "1", "2,3"),  # half up, as a Danish reader rounds
        (1016, "0", "1.016"),
        (1016.4, '"2g"', "1.016,40"),
        (-0.01, "0", "0"),
        (None, '"-1"', ""),
        ("", '"-1"', ""),
        ("ikke et tal", '"-1"', ""),
    ],
)
def test_number_writes_floatformats_argument_the_danish_way(value, arg, shown):
    assert render("{{ x|number:" + arg + " }}", x=value) == shown


def test_dates_have_danish_short_and_long_forms():
    assert render("{{ d|dato }} / {{ d|lang_dato }}", d=date(2026, 3, 4)) == "4.3.2026 / 4. marts 2026"
    assert render("{{ d|dato }}", d=None) == ""
