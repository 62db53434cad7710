# SPDX-License-Identifier: MPL-2.0
"""The parameter files: every value sourced, dates in order, units known, errors that point."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from smaajob.errors import ParameterFileError, UnknownValue
from smaajob.rules import ParameterFileInvalid, RuleNotInForce, ValueNotKnown, load_parameters
from smaajob.rules.parameters import PARAMETER_DIRECTORY, UNITS, default_parameters

GOOD = """\
description: Et beløb
unit: currency-DKK
values:
  2016-04-01:
    value: 100
    reference: LOV nr 296 af 22/03/2016
  2017-01-01:
    value: null
    status: unknown
    reference: ikke fundet
"""


def _write(tmp_path: Path, text: str, name: str = "amount") -> Path:
    (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_every_shipped_parameter_file_loads_and_every_value_cites_a_source() -> None:
    params = load_parameters()
    assert len(params) >= 30
    for parameter in params.values():
        assert parameter.unit in UNITS
        for value in parameter.values:
            assert value.reference.strip(), (parameter.file, value.effective_from)


def test_every_parameter_file_carries_the_licence_header() -> None:
    for path in PARAMETER_DIRECTORY.glob("*.yaml"):
        assert path.read_text(encoding="utf-8").startswith("# SPDX-License-Identifier: MPL-2.0")


def test_a_value_applies_from_its_date_until_the_next() -> None:
    params = default_parameters()
    assert params.value("hours_requirement_reduction_full", dt.date(2016, 4, 1)) == 1000
    assert params.value("hours_requirement_reduction_full", dt.date(2016, 12, 31)) == 1000
    assert params.value("hours_requirement_reduction_full", dt.date(2017, 1, 1)) == 1016
    assert params.value("hours_requirement_reduction_full", dt.date(2020, 6, 1)) == 1054


# Every year the 225-hour rule was in force, at full and lower rate (LAS § 13 g, § 109);
# 2025 stays unknown: neither the amount nor the 2025 satsreguleringsprocent is in our sources.
REDUCTIONS = {2016: (1000, 500), 2017: (1016, 508), 2018: (1029, 514), 2019: (1042, 520),
              2020: (1054, 526), 2021: (1067, 533), 2022: (1069, 534), 2023: (1090, 544),
              2024: (1125, 561)}


@pytest.mark.parametrize(("year", "amounts"), REDUCTIONS.items())
def test_the_225_hour_reductions_are_known_for_every_year_of_the_rule(
        year: int, amounts: tuple[int, int]) -> None:
    params = default_parameters()
    day = dt.date(year, 6, 30)
    full = params.value("hours_requirement_reduction_full", day)
    lower = params.value("hours_requirement_reduction_lower", day)
    assert (full, lower) == amounts


def test_every_derived_value_says_so_and_is_flagged_unverified() -> None:
    for parameter in default_parameters().values():
        for value in parameter.values:
            if "Afledt" in value.reference:
                assert value.status == "unverified", (parameter.file, value.effective_from)


# The hourly disregard of LAS § 31 stk. 1: published 2014, 2015, 2017, 2019, 2021, 2022; the
# years between follow the yearly satsreguleringsprocent from the amount in force (§ 109).
DISREGARD = {2014: 25.0, 2015: 25.38, 2016: 25.74, 2017: 26.25, 2018: 26.78, 2019: 27.32,
             2020: 27.84, 2021: 28.40, 2022: 28.66, 2023: 29.43, 2024: 30.37}


@pytest.mark.parametrize(("year", "amount"), DISREGARD.items())
def test_the_hourly_disregard_is_known_for_every_year_from_2014(year: int, amount: float) -> None:
    assert default_parameters().value("earnings_disregard_per_hour",
                                      dt.date(year, 6, 30)) == pytest.approx(amount)


def test_the_disregard_cites_las_31_not_30() -> None:
    parameter = default_parameters()["earnings_disregard_per_hour"]
    assert "§ 31, stk. 1" in parameter.description
    assert "§ 30" not in parameter.description


RATES = {2013: (13952, 10500), 2014: (14203, 10689), 2015: (14416, 10849), 2016: (14575, 10968),
         2017: (14808, 11143), 2018: (14993, 11282), 2019: (15180, 11423), 2020: (15355, 11554),
         2021: (15547, 11698), 2022: (15570, 11716), 2023: (15874, 11944), 2024: (16382, 12326)}


@pytest.mark.parametrize(("year", "rates"), RATES.items())
def test_the_kontanthjaelp_rates_over_30_are_known_from_2013_to_2024(
        year: int, rates: tuple[int, int]) -> None:
    params = default_parameters()
    day = dt.date(year, 6, 30)
    assert (params.value("kontanthjaelp_rate_over30_provider", day),
            params.value("kontanthjaelp_rate_over30_other", day)) == rates


def test_an_unknown_value_fails_clearly_instead_of_being_guessed() -> None:
    with pytest.raises(ValueNotKnown) as caught:
        default_parameters().value("hours_requirement_reduction_full", dt.date(2025, 3, 1))
    assert isinstance(caught.value, UnknownValue)
    assert "1.3.2025" in caught.value.message  # the day in Danish, as every message writes it
    assert "hours_requirement_reduction_full" not in caught.value.message  # its Danish label instead


def test_an_abolished_rule_says_it_is_not_in_force() -> None:
    with pytest.raises(RuleNotInForce):
        default_parameters().value("hours_requirement_reduction_full", dt.date(2025, 7, 1))


def test_the_loader_accepts_a_well_formed_file(tmp_path: Path) -> None:
    params = load_parameters(_write(tmp_path, GOOD))
    assert params.value("amount", dt.date(2016, 5, 1)) == 100


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (GOOD.replace("    reference: LOV nr 296 af 22/03/2016\n", ""), "values.2016-04-01.reference"),
        (GOOD.replace("2017-01-01", "2015-01-01"), "values.2015-01-01"),
        (GOOD.replace("2017-01-01", "2016-04-01"), "(yaml)"),
        (GOOD.replace("currency-DKK", "kroner"), "unit"),
        (GOOD.replace("    status: unknown\n", ""), "values.2017-01-01.value"),
        (GOOD.replace("value: 100", "value: hundrede"), "values.2016-04-01.value"),
        (GOOD.replace("description: Et beløb\n", ""), "description"),
        (GOOD + "extra: 1\n", "extra"),
    ],
    ids=["missing reference", "unordered dates", "repeated date", "unknown unit",
         "null without status", "text value", "no description", "unknown key"],
)
def test_the_loader_refuses_a_bad_file_and_names_file_and_key(
        tmp_path: Path, text: str, key: str) -> None:
    with pytest.raises(ParameterFileInvalid) as caught:
        load_parameters(_write(tmp_path, text))
    assert isinstance(caught.value, ParameterFileError)
    assert caught.value.file == "amount.yaml"
    assert caught.value.key == key
    assert "amount.yaml" in caught.value.message
