# SPDX-License-Identifier: MPL-2.0
"""State refund of kontanthjælp: by activity from 2011, by time on benefit from 4 January 2016."""

from __future__ import annotations

import datetime as dt

import pytest

from smaajob.errors import InvalidInput
from smaajob.rules import default_parameters, refund_rate
from smaajob.rules.errors import RuleNotInForce

REFORM = dt.date(2016, 1, 4)


@pytest.mark.parametrize(("week", "rate"), [(1, 0.8), (4, 0.8), (5, 0.4), (26, 0.4), (27, 0.3),
                                            (52, 0.3), (53, 0.2), (200, 0.2)])
def test_from_4_january_2016_the_refund_follows_the_weeks_on_benefit(week: int, rate: float) -> None:
    # cabiweb.dk on the 2016 refund reform (L 4, 2015): 80 / 40 / 30 / 20 per cent.
    assert refund_rate(dt.date(2017, 6, 1), weeks_on_benefit=week).rate == pytest.approx(rate)


def test_from_2016_the_activity_no_longer_sets_the_refund() -> None:
    for activity in ("company_offer", "passive"):
        assert refund_rate(REFORM, activity, weeks_on_benefit=60).rate == pytest.approx(0.2)


def test_from_2016_the_refund_asks_for_the_weeks_on_benefit() -> None:
    with pytest.raises(InvalidInput) as caught:
        refund_rate(REFORM, "company_offer")
    assert caught.value.field == "weeks_on_benefit"


def test_the_2011_model_stays_for_its_dates() -> None:
    assert refund_rate(dt.date(2011, 6, 1), "company_offer").rate == pytest.approx(0.5)
    assert refund_rate(dt.date(2011, 6, 1), "passive").rate == pytest.approx(0.3)


def test_the_activity_based_refund_ends_with_the_reform() -> None:
    with pytest.raises(RuleNotInForce):
        default_parameters().value("refund_rate_passive", REFORM)
