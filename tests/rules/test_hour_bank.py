# SPDX-License-Identifier: MPL-2.0
"""The dagpenge hour bank: the 18-month use window and requalification by hours or income."""

from __future__ import annotations

import datetime as dt

import pytest

from smaajob.rules import dagpenge_hour_bank


def test_the_extension_must_be_used_within_a_year_and_a_half() -> None:
    # dana.dk, ma-kasse.dk: at most 1,924 hours "inden for en referenceperiode på 18 måneder".
    result = dagpenge_hour_bank(dt.date(2018, 3, 1), [40.0] * 12)
    assert result.extension_hours == pytest.approx(960)
    assert result.use_within_months == 18
    assert "inden for 18 måneder" in result.render_text()


def test_from_july_2017_a_member_without_hours_on_the_account_requalifies_by_income() -> None:
    # dmf.dk on the 2017 reform: 223,428 kr. over the last 3 years (2017).
    result = dagpenge_hour_bank(dt.date(2017, 9, 1), [0.0] * 12, hours_on_account=False)
    assert result.requalification_by == "income"
    assert result.income_requirement == pytest.approx(223428)
    assert not result.new_period_earned


def test_before_july_2017_requalification_is_by_hours_only() -> None:
    result = dagpenge_hour_bank(dt.date(2017, 3, 1), [0.0] * 12, hours_on_account=False)
    assert result.requalification_by == "hours"
    assert result.hours_missing_for_new_period == pytest.approx(1924)
