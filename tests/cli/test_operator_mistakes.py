# SPDX-License-Identifier: MPL-2.0
"""Mistakes an operator makes at the command line get a Danish answer, never a traceback (issue 15 item 6)."""

from __future__ import annotations

import argparse
import ast
import inspect
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from smaajob.cli import argparse_da
from smaajob.cli.main import main
from smaajob.organisation.models import Role, User
from tests.conftest import PASSWORD

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real command in a fresh process: settings are read once, so DATABASE_URL needs its own."""
    return subprocess.run(
        [sys.executable, "-m", "smaajob.cli.main", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=cwd,
        timeout=120,
    )


def test_every_string_argparse_writes_itself_has_a_danish_text():
    source = inspect.getsource(argparse)
    used = {ast.literal_eval(quote + text + quote) for quote, text in re.findall(r"""\b_\((['"])(.*?)\1\)""", source)}
    # Strings only a programmer meets (wrong add_argument calls) may stay English.
    programmer_only = {
        "cannot",
        "conflicting",
        "dest=",
        "invalid conflict",
        "mutually exclusive",
        "'required'",
        'argument "-"',
        "unexpected option",
        ".__call__",
        "%r is not callable",
    }
    user_facing = {text for text in used if not any(text.startswith(p) or p in text for p in programmer_only)}
    missing = sorted(user_facing - set(argparse_da.DANISH))
    assert missing == []


def test_help_and_argument_errors_are_in_danish(capsys):
    from smaajob.cli.serve import default_workers


    assert main(["serve", "--port", "otte"]) == 2
    err = capsys.readouterr().err
    assert "fejl [invalid_arguments]: argumentet --port: skal være et helt tal, fx 8000, fik 'otte'" in err
    assert "brug: smaajob serve" in err
    assert main(["serve", "--workers", "tre"]) == 2  # the example is the option's own default
    assert f"argumentet --workers: skal være et helt tal, fx {default_workers()}, fik 'tre'" in capsys.readouterr().err
    assert "usage" not in err and "error" not in err and "invalid" not in err.replace("invalid_arguments", "")

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "vis denne hjælp og afslut" in out and "show this help" not in out

    assert main(["createuser"]) == 2
    assert "disse argumenter skal angives: username, --role" in capsys.readouterr().err


def test_an_unknown_option_is_refused_with_the_commands_own_usage(capsys):
    assert main(["worker", "--bogus"]) == 2
    err = capsys.readouterr().err
    assert "fejl [invalid_arguments]: ukendte argumenter: --bogus" in err
    assert "brug: smaajob worker" in err  # not the top parser's »smaajob [-h] KOMMANDO …«
    assert main(["audit", "verify", "--x"]) == 2  # a command of a command: the innermost usage
    assert "brug: smaajob audit verify" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("raadgiver", Role.CASEWORKER),
        ("rådgiver", Role.CASEWORKER),
        ("sagsbehandler", Role.CASEWORKER),
        ("konsulent", Role.CONSULTANT),
        ("Koordinator", Role.COORDINATOR),
        ("ydelse", Role.BENEFIT_OFFICE),
        ("analytiker", Role.ANALYST),
        ("consultant", Role.CONSULTANT),
    ],
)
def test_createuser_takes_danish_role_words(municipality, monkeypatch, capsys, word, role):
    monkeypatch.setenv("SMAAJOB_PASSWORD", PASSWORD)
    assert main(["createuser", "rikke", "--role", word, "--municipality", "461"]) == 0
    assert User.objects.get(username="rikke").role == role


def test_an_unknown_role_word_lists_the_danish_names(db, capsys):
    assert main(["createuser", "rikke", "--role", "chef"]) == 2
    err = capsys.readouterr().err
    assert "ukendt rolle 'chef'" in err and "raadgiver (caseworker)" in err and "borger (citizen)" in err
    assert not User.objects.filter(username="rikke").exists()


def test_an_unreachable_postgresql_gives_one_danish_line_without_the_password(tmp_path):
    with socket.socket() as closed:  # a port nobody listens on: bind, then close
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    result = _run(
        "migrate",
        env={
            "DATABASE_URL": f"postgresql://smaajob:hemmelig@127.0.0.1:{port}/smaajob",
            "SMAAJOB_VAR_DIR": str(tmp_path),
        },
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("fejl [database_unavailable]: Kan ikke bruge databasen smaajob på 127.0.0.1:")
    assert "Tjek DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr and "hemmelig" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_database_url_of_an_unknown_kind_is_explained(tmp_path):
    result = _run("migrate", env={"DATABASE_URL": "mysqlx://x", "SMAAJOB_VAR_DIR": str(tmp_path)}, cwd=tmp_path)
    assert result.returncode == 2
    assert "fejl [configuration]: DATABASE_URL kan ikke læses" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_sqlite_file_in_a_missing_folder_is_explained(tmp_path):
    result = _run(
        "migrate",
        env={"DATABASE_URL": f"sqlite:///{tmp_path}/mangler/smaajob.sqlite3", "SMAAJOB_VAR_DIR": str(tmp_path)},
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "fejl [database_unavailable]: Kan ikke bruge SQLite-filen" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_on_a_busy_port_says_so_before_any_banner(capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    captured = capsys.readouterr()
    assert f"Port {port} på 127.0.0.1 er optaget" in captured.err
    assert f"--port {port + 1}" in captured.err
    assert "kører på" not in captured.out


def test_demo_users_on_a_database_without_the_demo_says_there_are_none(db, capsys):
    # With the demo loaded: tests/demo/test_demo_command_on_a_loaded_demo.py.
    assert main(["demo", "--show-users"]) == 1
    assert "ingen demobrugere" in capsys.readouterr().out


def test_the_hours_file_may_be_danish_excel_semicolon_csv_in_windows_1252(tmp_path, capsys):
    # 13 months on help (covered); the transitional rule counts July–December 2016, December with 37,5 hours.
    hours = {f"2016-{m:02d}": "10" for m in range(1, 12)} | {"2016-12": "37,5", "2017-01": "10"}
    danish_excel = tmp_path / "timer.csv"
    danish_excel.write_bytes(
        "\n".join(["month;ordinary_hours", *(f"{m};{h}" for m, h in hours.items())]).encode("cp1252")
    )
    comma = tmp_path / "timer-komma.csv"
    comma.write_text("\n".join(["month,ordinary_hours", *(f'{m},"{h}"' for m, h in hours.items())]), encoding="utf-8")
    answers = []
    for path in (danish_excel, comma):
        assert main(["rules", "hours-requirement", "--hours-file", str(path), "--date", "2017-01-15", "--json"]) == 0
        answers.append(json.loads(capsys.readouterr().out))
    assert answers[0] == answers[1]
    assert answers[0]["hours_counted"] == 5 * 10 + 37.5


def test_a_semicolon_file_with_a_column_the_rules_do_not_know_names_the_column(tmp_path, capsys):
    path = tmp_path / "timer.csv"
    path.write_text("måned;timer\n2017-01;10\n", encoding="utf-8")
    assert main(["rules", "hours-requirement", "--hours-file", str(path), "--date", "2017-01-15"]) == 2
    err = capsys.readouterr().err
    assert "month" in err and "kolonnen mangler" in err and "Traceback" not in err
