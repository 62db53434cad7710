# SPDX-License-Identifier: MPL-2.0
"""The ``smaajob`` command: user creation, clear errors, and the web server answering."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from smaajob.cli.main import main
from smaajob.organisation.models import User
from tests.conftest import PASSWORD


def test_createuser_makes_a_caseworker_with_an_argon2_password(production_hashers, municipality, monkeypatch, capsys):
    monkeypatch.setenv("SMAAJOB_PASSWORD", PASSWORD)
    assert main(["createuser", "rikke", "--role", "caseworker", "--municipality", "461"]) == 0
    user = User.objects.get(username="rikke")
    assert user.role == "caseworker" and user.password.startswith("argon2")
    assert "oprettet" in capsys.readouterr().out


def test_createuser_for_an_unknown_municipality_fails_with_a_message_and_exit_code_2(db, monkeypatch, capsys):
    monkeypatch.setenv("SMAAJOB_PASSWORD", PASSWORD)
    assert main(["createuser", "rikke", "--role", "caseworker", "--municipality", "999"]) == 2
    assert "Kommunekoden 999 findes ikke" in capsys.readouterr().err
    assert not User.objects.filter(username="rikke").exists()


def test_createuser_refuses_a_weak_password(municipality, monkeypatch, capsys):
    monkeypatch.setenv("SMAAJOB_PASSWORD", "123")
    assert main(["createuser", "rikke", "--role", "caseworker", "--municipality", "461"]) == 2
    assert "fejl [invalid_input]" in capsys.readouterr().err


def test_an_employer_user_needs_a_company(municipality, monkeypatch, capsys):
    monkeypatch.setenv("SMAAJOB_PASSWORD", PASSWORD)
    assert main(["createuser", "netto", "--role", "employer", "--municipality", "461"]) == 2
    assert "virksomhed" in capsys.readouterr().err


def test_createuser_without_a_terminal_or_password_variable_says_how_instead_of_a_traceback(
    municipality, monkeypatch, capsys
):
    monkeypatch.delenv("SMAAJOB_PASSWORD", raising=False)
    monkeypatch.setattr("os.isatty", lambda fd: False)
    assert main(["createuser", "rikke", "--role", "caseworker", "--municipality", "461"]) == 2
    err = capsys.readouterr().err
    assert "SMAAJOB_PASSWORD" in err and "Traceback" not in err
    assert not User.objects.filter(username="rikke").exists()


def test_superuser_for_another_role_is_refused_before_a_password_is_asked_for(municipality, monkeypatch, capsys):
    monkeypatch.delenv("SMAAJOB_PASSWORD", raising=False)

    def no_prompt(*_args, **_kwargs):
        raise AssertionError("the password was asked for")

    monkeypatch.setattr("getpass.getpass", no_prompt)
    assert main(["createuser", "rikke", "--role", "caseworker", "--municipality", "461", "--superuser"]) == 2
    assert "Kun en administrator kan gøres til superbruger" in capsys.readouterr().err


def test_serve_refuses_an_impossible_port(capsys):
    assert main(["serve", "--port", "70000"]) == 2
    assert "Porten skal være" in capsys.readouterr().err


def test_serve_with_one_thread_runs_gunicorns_sync_worker_and_with_more_the_threaded_one():
    """One thread per process: the sync worker, which accepts a connection only when it is free
    (the threaded worker queues connections beyond its threads inside one busy process)."""
    import argparse

    from smaajob.cli.serve import gunicorn_options

    def options(threads: int) -> dict[str, object]:
        return gunicorn_options(argparse.Namespace(host="127.0.0.1", port=8000, workers=3, threads=threads))

    assert (options(1)["worker_class"], options(1)["workers"], options(1)["threads"]) == ("sync", 3, 1)
    assert (options(4)["worker_class"], options(4)["threads"]) == ("gthread", 4)
    assert options(4)["bind"] == "127.0.0.1:8000"


@pytest.mark.parametrize(("cores", "workers"), [(None, 2), (1, 2), (2, 3), (4, 5), (16, 8)])
def test_serve_starts_one_process_per_core_and_one_more_by_default_each_with_one_thread(monkeypatch, cores, workers):
    """The default measured on the country database (docs/performance.md, 2026-12-07): with 20
    users on two cores, 3 sync processes answered p95 196-247 ms, 8 answered 345-396 ms."""
    import argparse

    from smaajob.cli import serve

    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert serve.default_workers() == workers
    parser = argparse.ArgumentParser()
    serve.register(parser.add_subparsers())
    args = parser.parse_args(["serve"])
    assert (args.threads, serve.gunicorn_options(args)["worker_class"]) == (1, "sync")


def test_an_unknown_command_prints_usage_and_exits_2(capsys):
    assert main(["fly"]) == 2
    err = capsys.readouterr().err
    assert "fejl [invalid_arguments]" in err and "brug: smaajob" in err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_migrates_an_empty_database_and_answers_on_localhost(tmp_path: Path):
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SMAAJOB_VAR_DIR": str(tmp_path),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "smaajob.cli.main", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    body: str | None = None
    login_page: str | None = None
    try:
        # A generous bound, not a timing assertion: migrating a new database on a busy
        # two-core CI machine can take a while.
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/sundhed/", timeout=2) as response:
                    body = response.read().decode()
                    break
            except OSError:
                time.sleep(0.3)
        if body is not None:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/log-ind/", timeout=10) as response:
                login_page = response.read().decode()
    finally:
        server.terminate()
        try:
            # gunicorn's graceful stop waits for its workers; on a busy machine that is > 10 s.
            output = server.communicate(timeout=60)[0]  # also closes the pipe
        except subprocess.TimeoutExpired:
            server.kill()
            output = server.communicate()[0]
    assert body == '{"status": "ok"}', f"the server never answered; its output:\n{output}"
    assert login_page is not None and "Log ind i Småjob" in login_page
    assert "Småjob kører på" in output
