# SPDX-License-Identifier: MPL-2.0
"""Real app servers for the tests and the benchmark: ``smaajob serve`` (gunicorn) on free loopback
ports, against one PostgreSQL database of their own, made here and dropped afterwards."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import psycopg


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def postgres_server_url() -> str | None:
    """A PostgreSQL server the tests may make databases on: the suite's own, or the CI one."""
    for candidate in (os.environ.get("DATABASE_URL", ""), os.environ.get("SMAAJOB_TEST_POSTGRES_URL", "")):
        if candidate.startswith(("postgres://", "postgresql://")):
            return candidate
    return None


@contextmanager
def fresh_postgres_database(server_url: str, prefix: str = "smaajob_servers") -> Iterator[str]:
    """A new, empty database on ``server_url``'s server (its URL), dropped afterwards."""
    config = dj_database_url.parse(server_url)
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"

    def admin() -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(host=str(config["HOST"]), port=int(config["PORT"] or 5432), user=str(config["USER"]),
                               password=str(config["PASSWORD"]), dbname=str(config["NAME"]), autocommit=True)

    with admin() as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def smaajob(*args: str, env: dict[str, str], timeout: float = 1800) -> str:
    """Run a ``smaajob`` command to its end; the timeout is a generous bound against a hang, not a timing test
    (the demo load on PostgreSQL with files in the object store takes minutes on a busy two-core machine)."""
    done = subprocess.run([sys.executable, "-m", "smaajob.cli.main", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)
    assert done.returncode == 0, f"smaajob {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@dataclass
class AppServer:
    url: str
    var_dir: Path
    process: subprocess.Popen[str]


@contextmanager
def app_server(env: dict[str, str], var_dir: Path, *, workers: int = 2, threads: int = 4) -> Iterator[AppServer]:
    """``smaajob serve`` on a free port with its own ``var`` folder, ready (``/sundhed/klar/``) or failed."""
    port = free_port()
    var_dir.mkdir(parents=True, exist_ok=True)
    server_env = {**env, "SMAAJOB_VAR_DIR": str(var_dir)}
    server_env.pop("DJANGO_SETTINGS_MODULE", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "smaajob.cli.main", "serve", "--port", str(port), "--workers", str(workers),
         "--threads", str(threads)],
        env=server_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        # A generous bound, not a timing assertion: a busy two-core machine starts slowly.
        deadline = time.monotonic() + 240
        while True:
            assert process.poll() is None, f"the server stopped:\n{process.communicate()[0]}"
            assert time.monotonic() < deadline, "the server never became ready"
            try:
                with urllib.request.urlopen(f"{url}/sundhed/klar/", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        yield AppServer(url, var_dir, process)
    finally:
        process.terminate()
        try:
            process.communicate(timeout=60)  # gunicorn's graceful stop waits for its workers
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
