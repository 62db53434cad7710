# SPDX-License-Identifier: MPL-2.0
"""Start the test provider as its own process on a free loopback port, and stop it.

``running_provider`` migrates a fresh SQLite file, creates the users and clients, serves the
project with waitress (already a Småjob dependency) and waits for its discovery document.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class RunningProvider:
    issuer: str
    clients: list[dict[str, Any]]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_provider(
    workdir: Path, *, users: dict[str, Any], tampered: list[str], clients: list[dict[str, Any]]
) -> Iterator[RunningProvider]:
    port = free_port()
    issuer = f"http://127.0.0.1:{port}/o"
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    (workdir / "key.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    (workdir / "claims.json").write_text(json.dumps({"users": users, "tampered": tampered}))
    (workdir / "clients.json").write_text(json.dumps(clients))
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SMAAJOB_", "DATABASE_URL"))},
        "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
        "PYTHONPATH": str(ROOT),
        "OIDC_TEST_DB": str(workdir / "provider.sqlite3"),
        "OIDC_TEST_KEY": str(workdir / "key.pem"),
        "OIDC_TEST_ISSUER": issuer,
        "OIDC_TEST_CLAIMS": str(workdir / "claims.json"),
        "OIDC_TEST_CLIENTS": str(workdir / "clients.json"),
    }
    run = {"cwd": ROOT, "env": env, "check": True, "capture_output": True}
    subprocess.run([sys.executable, "-m", "django", "migrate", "--verbosity", "0"], **run)  # type: ignore[call-overload]
    subprocess.run([sys.executable, "-m", "tests.oidc_provider.setup_data"], **run)  # type: ignore[call-overload]
    log = (workdir / "provider.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "waitress", f"--listen=127.0.0.1:{port}", "tests.oidc_provider.wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((workdir / "provider.log").read_text()) from None
                time.sleep(0.2)
        yield RunningProvider(issuer=issuer, clients=clients)
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
