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
    assert params.value("hours_requirement_reduction_full", dt.date(2016, 4, 1)) == 1016
    assert params.value("hours_requirement_reduction_full", dt.date(2016, 12, 31)) == 1016
    assert params.value("hours_requirement_reduction_full", dt.date(2020, 6, 1)) == 1054


def test_an_unknown_value_fails_clearly_instead_of_being_guessed() -> None:
    with pytest.raises(ValueNotKnown) as caught:
        default_parameters().value("hours_requirement_reduction_full", dt.date(2018, 6, 1))
    assert isinstance(caught.value, UnknownValue)
    assert "2018-06-01" in caught.value.message


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
