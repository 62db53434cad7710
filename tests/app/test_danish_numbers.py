# SPDX-License-Identifier: MPL-2.0
"""Danish numbers are read and written in one place (``smaajob.danish_numbers``, babel's ``da``)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from smaajob.cli.main import main
from smaajob.danish_numbers import NotANumber, format_count, format_decimal, format_percent, read_decimal


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1.234,50", Decimal("1234.50")),
        ("1234,5", Decimal("1234.5")),
        ("-3", Decimal(-3)),
        ("12.000", Decimal(12000)),
        (" 1 234,5 ", Decimal("1234.5")),
        ("7.5", Decimal("7.5")),
        (7.5, Decimal("7.5")),
    ],
)
def test_a_number_written_the_danish_way_is_read_as_a_dane_means_it(text, number):
    assert read_decimal(text) == number


@pytest.mark.parametrize("text", ["abc", "1.23,5", "1,2,3", "NaN", "inf", "1e5", ""])
def test_text_that_is_not_a_danish_number_is_refused_with_a_danish_message(text):
    with pytest.raises(NotANumber, match=r"er ikke et tal; skriv fx 7,5\."):
        read_decimal(text, example="7,5")


def test_numbers_are_written_with_a_decimal_comma_and_thousands_dots_rounded_half_up():
    assert format_decimal(Decimal("1234.5"), min_decimals=2) == "1.234,50"
    assert format_decimal(1234.5, grouping=False) == "1234,5"
    assert format_decimal(-3) == "-3"
    assert format_decimal(2.25, max_decimals=1) == "2,3"
    assert format_count(12345) == "12.345"
    assert format_percent(0.125) == "12,5 %"


def _keep(capsys: pytest.CaptureFixture[str], amount: str) -> dict[str, object]:
    args = ["rules", "keep", "--date", "2017-06-01", "--hours-per-week", "5", "--hourly-wage", "130",
            "--benefit", "kontanthjaelp", "--rate", "full", "--benefit-amount", amount, "--json"]
    assert main(args) == 0
    answer: dict[str, object] = json.loads(capsys.readouterr().out)
    return answer


def test_the_cli_reads_12_000_kroner_as_twelve_thousand(capsys):
    assert _keep(capsys, "12.000") == _keep(capsys, "12000")


def test_the_cli_refuses_a_number_that_is_not_one_with_exit_2(capsys):
    assert main(["rules", "keep", "--date", "2017-06-01", "--hours-per-week", "nan", "--hourly-wage", "130"]) == 2
    assert "forventede et tal, fik 'nan'" in capsys.readouterr().err


def test_an_unreadable_number_in_the_hours_file_is_reported_in_danish(tmp_path: Path, capsys):
    path = tmp_path / "hours.csv"
    path.write_text("month,ordinary_hours,sick_days\n2016-01,abc,0\n", encoding="utf-8")
    assert main(["rules", "hours-requirement", "--hours-file", str(path), "--date", "2017-01-01"]) == 2
    err = capsys.readouterr().err
    assert "række 2, kolonne ordinary_hours" in err and "skal være et tal mellem 0 og 744, fx 37,5" in err
    assert "could not convert" not in err
