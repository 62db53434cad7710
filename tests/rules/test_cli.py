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
    assert main(["rules", "keep", "--date", "1. juni", "--hours-per-week", "5",
                 "--hourly-wage", "130"]) == 2


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

TODAY = ["rules", "keep", "--date", "2026-12-02", "--hours-per-week", "10", "--hourly-wage", "140"]


def test_keep_for_today_with_the_facts_names_the_missing_rate_instead_of_guessing(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*TODAY, "--age", "35"]) == 2
    err = capsys.readouterr().err
    assert "unknown_value" in err
    # The rate by its Danish name and a Danish date, not its parameter file's name (issue 15).
    assert "Forhøjet sats den 2.12.2026 er ukendt" in err and "kontanthjaelp_rate_forhoejet" not in err


def test_keep_for_today_on_the_raised_rate_gives_the_2500_kr_free_amount_not_5000(
        capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 20 item 14: the raised rate comes from the facts, not from a flag nobody passes.
    assert main([*TODAY, "--age", "35", "--benefit-amount", "12000", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rate"] == "forhoejet"
    assert data["free_amount_kind"] == "raised_rate"
    # 10 h/week at 140 kr.: 5.581,33 kr. after AM-bidrag; 65 % of the 3.081,33 kr. above 2.500 kr.
    assert data["deducted"] == pytest.approx(2002.87, abs=0.01)
    names = {p["name"] for p in data["trace"]["parameters"]}
    assert "earnings_free_amount_per_month_raised_rate" in names
    assert "earnings_free_amount_per_month" not in names


def test_keep_for_today_under_25_gives_the_5000_kr_free_amount(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*TODAY, "--age", "23", "--benefit-amount", "7000"]) == 0
    out = capsys.readouterr().out
    assert "grundsats" in out
    assert "Fribeløb på grundsats eller mindstesats: 5.000 kr." in out


def test_keep_refuses_impossible_facts_in_danish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*TODAY, "--age", "40", "--work-years", "12", "--benefit-amount", "1"]) == 2
    err = capsys.readouterr().err
    assert "impossible_facts" in err
    assert "mellem 0 og 10 år" in err
    assert "Traceback" not in err


def test_keep_asks_for_the_work_history_of_a_28_year_old(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*TODAY, "--age", "28", "--benefit-amount", "7000"]) == 2
    assert "fact_missing" in capsys.readouterr().err


def test_a_fact_without_the_age_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*TODAY, "--children", "2"]) == 2
    assert "--children kræver --age" in capsys.readouterr().err


def test_work_duty_counts_smaajob_hours_towards_the_37_hours(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "work-duty", "--date", "2026-12-02", "--age", "40",
                 "--residence-requirement-not-met", "--smaajob-hours", "5", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["subject"] is True
    assert data["max_hours_per_week"] == 37
    assert data["hours_left_to_plan"] == 32


def test_work_duty_does_not_apply_when_the_residence_requirement_is_met(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "work-duty", "--date", "2026-12-02", "--age", "40", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["subject"] is False


def test_work_duty_did_not_exist_in_2024(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "work-duty", "--date", "2024-06-01", "--age", "40",
                 "--residence-requirement-not-met", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["subject"] is False


def test_the_issue_11_command_for_today_asks_for_the_facts_instead_of_an_unknown_old_rate(
        capsys: pytest.CaptureFixture[str]) -> None:
    args = ["rules", "keep", "--date", "2026-12-02", "--hours-per-week", "5", "--hourly-wage",
            "140", "--benefit", "kontanthjaelp", "--rate", "full"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "unknown_value" in err
    assert "kontanthjaelp_rate_over30_other" not in err
    assert "oplys alder" in err


def _kind_file(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "kind.csv"
    rows = [f"{y}-{m:02d},0,{kind}" for y in (2017, 2018) for m in range(1, 13)]
    path.write_text("\n".join(["month,ordinary_hours,benefit_kind", *rows]) + "\n",
                    encoding="utf-8")
    return path


def test_a_proposal_as_json_carries_the_warning_dates_of_the_executive_order(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _kind_file(tmp_path, "kontanthjaelp")
    assert main(["rules", "hours-requirement", "--hours-file", str(path), "--date", "2018-06-10",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "reduction_proposed"
    assert data["warning"] == {"lapse_date": "2018-06-01", "warning_letter_by": "2017-12-01",
                               "hearing_by": "2018-05-01"}


def test_an_unmarried_citizen_on_integrationsydelse_is_not_covered_from_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _kind_file(tmp_path, "integrationsydelse")
    assert main(["rules", "hours-requirement", "--hours-file", str(path),
                 "--date", "2018-06-10"]) == 0
    out = capsys.readouterr().out
    assert "Ikke omfattet" in out
    assert "Ugifte, der modtager integrationsydelse" in out


def test_a_married_citizen_on_integrationsydelse_needs_the_spouses_support_stated(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _kind_file(tmp_path, "integrationsydelse")
    assert main(["rules", "hours-requirement", "--hours-file", str(path), "--date", "2018-06-10",
                 "--married"]) == 2
    err = capsys.readouterr().err
    assert "fact_missing" in err
    assert "ægtefællen" in err
    assert "Traceback" not in err


def test_a_spouse_on_pension_keeps_an_integrationsydelse_couple_out_of_the_rule(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _kind_file(tmp_path, "integrationsydelse")
    assert main(["rules", "hours-requirement", "--hours-file", str(path), "--date", "2018-06-10",
                 "--married", "--spouse-support", "pension", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reason"] == "spouse_not_available"


def test_an_exemption_ground_without_an_exemption_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _kind_file(tmp_path, "kontanthjaelp")
    assert main(["rules", "hours-requirement", "--hours-file", str(path), "--date", "2018-06-10",
                 "--exemption-ground", "forrevalidering"]) == 2
    assert "kræver --exempt-from" in capsys.readouterr().err


def test_a_bad_benefit_kind_in_the_hours_file_is_reported_by_row_and_column(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _kind_file(tmp_path, "starthjaelp")
    assert main(["rules", "hours-requirement", "--hours-file", str(path),
                 "--date", "2018-06-10"]) == 2
    assert "række 2, kolonne benefit_kind" in capsys.readouterr().err
