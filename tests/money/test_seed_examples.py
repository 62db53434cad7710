# SPDX-License-Identifier: MPL-2.0
"""The seeds' examples, reproduced through the calculator (docs/calculator.md explains each).

* STAR's leaflet (seed 000 L166–169): six real citizens with ordinary hours "hvor den økonomiske
  gevinst varierer mellem ca. 500-2000 kr. om måneden". The leaflet's cases are not in the seed, so
  we show that the småjobs the seeds describe (about 4–15 hours a week at an unskilled wage)
  land in that band with the 2017 rules.
* The 2016 example of a single parent working about 6 hours a week: the 2016 hourly disregard
  (25.74 kr.) is derived from LAS § 109 and flagged unverified; years before 2014 are refused.
"""

from __future__ import annotations

import datetime as dt

import pytest

from smaajob.errors import UnknownValue
from smaajob.money import calculator

JUNE_2017 = dt.date(2017, 6, 1)
# An unskilled hourly wage of the period (fixture, not law): 120 kr.
WAGE = 120.0


def gain(hours: float, *, month: dt.date = JUNE_2017, **options: object) -> float:
    data = calculator.CalculatorInput(month=month, hours_per_week=hours, hourly_wage=WAGE, **options)  # type: ignore[arg-type]
    return calculator.compute(data).keep.change_in_income


@pytest.mark.parametrize("hours", [5, 6, 8, 10, 12, 15])
def test_star_small_jobs_of_5_to_15_hours_gain_about_500_to_2000_kr_a_month(hours):
    assert 500 <= gain(hours) <= 2000


@pytest.mark.parametrize("hours", [4, 6, 8, 10, 12])
def test_with_the_2017_job_premium_4_to_12_hours_also_stay_in_the_band(hours):
    assert 500 <= gain(hours, premium_eligible=True) <= 2000


def test_the_gain_is_the_hourly_disregard_times_the_hours_until_the_benefit_is_gone():
    # 6 h/week = 26 h/month; 26.25 kr. is disregarded per hour (seed 000 L162) = 682.50 kr.
    assert gain(6) == pytest.approx(682.50)


def test_the_single_parent_at_6_hours_gains_the_same_krone_amount_as_a_single_without_children():
    assert gain(6, provider=True) == pytest.approx(gain(6, provider=False))


def test_6_hours_a_week_meets_the_225_hour_requirement():
    data = calculator.CalculatorInput(
        month=JUNE_2017, hours_per_week=6, hourly_wage=WAGE, provider=True, hours_last_12_months=6 * 52
    )
    hours = calculator.compute(data).hours
    assert hours.status == "met" and hours.hours_counted == pytest.approx(312)


def test_the_2016_single_parent_at_6_hours_gains_the_derived_2016_disregard_per_hour():
    # 26 h/month × 25.74 kr. (25.38 × 1.014, LAS § 109; parameter earnings_disregard_per_hour)
    assert gain(6, month=dt.date(2016, 10, 1), provider=True) == pytest.approx(26 * 25.74)


def test_2013_is_refused_because_the_hourly_disregard_is_not_in_our_sources():
    with pytest.raises(UnknownValue) as caught:
        gain(6, month=dt.date(2013, 10, 1), provider=True)
    assert caught.value.field == "month"
    # Named by its Danish label, never by its parameter file (issue 15 item 3).
    assert "(beløb pr. arbejdstime, der ses bort fra)" in caught.value.message
    assert "earnings_disregard_per_hour" not in caught.value.message
