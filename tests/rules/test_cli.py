# SPDX-License-Identifier: MPL-2.0
"""``smaajob rules …`` as an operator uses it: Danish text, JSON, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smaajob.cli.main import main

KEEP = ["rules", "keep", "--date", "2017-06-01", "--hours-per-week", "5", "--hourly-wage", "130",
        "--benefit", "kontanthjaelp", "--rate", "full"]


def test_keep_explains_in_danish_what_the_citizen_keeps(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(KEEP) == 0
    out = capsys.readouterr().out
    assert "Hvad får du ud af at arbejde 5 timer om ugen?" in out
    assert "26,25 kr. pr. time" in out
    assert "Kilde:" in out
    assert "IKKE BEKRÆFTET" in out
    assert "Indkomstskat er ikke regnet med" in out


def test_keep_as_json_gives_the_figures_and_the_trace(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*KEEP, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kept_per_hour"] == pytest.approx(26.25)
    assert data["benefit_without_work"] == 11143
    names = {p["name"] for p in data["trace"]["parameters"]}
    assert "earnings_disregard_per_hour" in names


def test_keep_for_a_year_without_sourced_values_fails_with_exit_2(
        capsys: pytest.CaptureFixture[str]) -> None:
    args = [a if a != "2017-06-01" else "2012-06-01" for a in KEEP]
    assert main(args) == 2
    assert "unknown_value" in capsys.readouterr().err


def _hours_file(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "hours.csv"
    path.write_text("\n".join(["month,ordinary_hours,sick_days", *rows]) + "\n", encoding="utf-8")
    return path


def test_hours_requirement_proposes_a_reduction_and_names_the_caseworker(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [f"2016-{m:02d},0," for m in range(1, 13)] + ["2017-01,10,0", "2017-02,0,0"]
    path = _hours_file(tmp_path, rows)
    assert main(["rules", "hours-requirement", "--hours-file", str(path),
                 "--date", "2017-02-15"]) == 0
    out = capsys.readouterr().out
    assert "Forslag om nedsættelse" in out
    assert "sagsbehandleren" in out


def test_hours_requirement_as_json_says_a_decision_is_required(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [f"2020-{m:02d},0,0" for m in range(10, 13)] + [f"2021-{m:02d},0,0" for m in range(1, 13)]
    path = _hours_file(tmp_path, rows)
    assert main(["rules", "hours-requirement", "--hours-file", str(path), "--date", "2021-12-01",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "reduction_proposed"
    assert data["requires_caseworker_decision"] is True
    assert data["amount"] == 1067


def test_an_exemption_given_on_the_command_line_is_respected(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [f"2021-{m:02d},0,0" for m in range(1, 13)] + ["2022-01,0,0", "2022-02,0,0"]
    path = _hours_file(tmp_path, rows)
    assert main(["rules", "hours-requirement", "--hours-file", str(path), "--date", "2022-02-01",
                 "--exempt-from", "2022-01-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "exempt"


def test_bad_rows_in_the_hours_file_are_reported_by_row_and_column(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _hours_file(tmp_path, ["2016-13,5,0", "2016-02,-3,0", "2016-03,4,40"])
    assert main(["rules", "hours-requirement", "--hours-file", str(path),
                 "--date", "2017-01-01"]) == 2
    err = capsys.readouterr().err
    assert "række 2, kolonne month" in err
    assert "række 3, kolonne ordinary_hours" in err
    assert "række 4, kolonne sick_days" in err


def test_a_missing_hours_file_is_a_clear_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "hours-requirement", "--hours-file", str(tmp_path / "nope.csv"),
                 "--date", "2017-01-01"]) == 2
    assert "kan ikke læse" in capsys.readouterr().err


def test_a_bad_date_is_refused_by_the_argument_parser() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["rules", "keep", "--date", "1. juni", "--hours-per-week", "5",
              "--hourly-wage", "130"])
    assert caught.value.code == 2


def test_a_2016_reduction_is_1000_kr_at_2016_level(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # LAS § 13 g, stk. 1, nr. 1: "1.000 kr. pr. måned (2016-niveau)"; 1,016 kr. was 2017's.
    rows = [f"2015-{m:02d},0,0" for m in range(10, 13)] + [f"2016-{m:02d},0,0" for m in range(1, 12)]
    path = _hours_file(tmp_path, rows)
    assert main(["rules", "hours-requirement", "--hours-file", str(path), "--date", "2016-11-15",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "reduction_proposed" and data["amount"] == 1000


def test_sick_leave_extends_the_window_by_its_days_and_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = ["2017-01,120,0", "2017-02,110,0", "2017-03,0,0", "2017-04,0,0", "2017-05,0,21",
            "2017-06,0,21"] + [f"2017-{m:02d},0,0" for m in range(7, 13)] + ["2018-01,0,0", "2018-02,0,0"]
    path = _hours_file(tmp_path, rows)
    assert main(["rules", "hours-requirement", "--hours-file", str(path), "--date", "2018-02-01",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["window"]["extension_days"] == 42
    assert data["hours_counted"] == 230
    assert main(["rules", "hours-requirement", "--hours-file", str(path),
                 "--date", "2018-02-01"]) == 0
    assert "forlænget 42 dage for sygdom og covid-19-perioder" in capsys.readouterr().out
