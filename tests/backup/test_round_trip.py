# SPDX-License-Identifier: MPL-2.0
"""A backup restored into an empty database and an empty file store holds every row and every
file it was taken from (issue 16, item 6): SQLite with files on disk, and PostgreSQL with files
in an object store. Each side is a real ``smaajob`` process with its own settings."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.app_servers import fresh_postgres_database, postgres_server_url, smaajob

pytestmark = pytest.mark.slow

# Every table's row count and a digest of its rows in primary-key order, and every stored file's
# digest: what "finds every row and file" means, printed as one repr.
INVENTORY = """
import hashlib, django
django.setup()
from django.apps import apps
from django.core.files.storage import default_storage
from smaajob.backup.stored import names
tables = {}
for model in apps.get_models(include_auto_created=True):
    rows = list(model._base_manager.order_by("pk").values_list())
    tables[model._meta.db_table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
files = {}
for name in names():
    with default_storage.open(name, "rb") as f:
        files[name] = hashlib.sha256(f.read()).hexdigest()
print(repr((sorted(tables.items()), sorted(files.items()))))
"""


# (sorted (table, (row count, rows' digest)) pairs, sorted (file name, digest) pairs), as INVENTORY prints it.
Inventory = tuple[list[tuple[str, tuple[int, str]]], list[tuple[str, str]]]


def _inventory(env: dict[str, str]) -> Inventory:
    done = subprocess.run([sys.executable, "-c", INVENTORY], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    inventory: Inventory = ast.literal_eval(done.stdout)
    return inventory


def _env(**values: str) -> dict[str, str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "smaajob.settings", **values}
    return env


def _round_trip(source: dict[str, str], target: dict[str, str], archive: Path) -> None:
    smaajob("demo", "--no-progress", env=source)
    before = _inventory(source)
    tables, files = before
    assert dict(tables)["citizens_citizen"][0] > 0 and files, "the demo gives rows and payslip files"
    assert "Sikkerhedskopi skrevet" in smaajob("backup", str(archive), env=source)
    assert f"og {len(files)} filer" in smaajob("restore", str(archive), env=target)
    assert _inventory(target) == before


def test_sqlite_with_files_on_disk(tmp_path: Path, migrated_sqlite_file: Path):
    # The source starts migrated (tests/conftest.py): the backup, not the migrations, is tested here.
    _round_trip(
        _env(DATABASE_URL=f"sqlite:///{migrated_sqlite_file}", SMAAJOB_VAR_DIR=str(tmp_path / "kilde")),
        _env(DATABASE_URL=f"sqlite:///{tmp_path / 'ny.sqlite3'}", SMAAJOB_VAR_DIR=str(tmp_path / "ny")),
        tmp_path / "smaajob.tar",
    )


@pytest.mark.postgres
def test_postgresql_with_files_in_an_object_store(tmp_path: Path, object_store):
    server_url = postgres_server_url()
    if server_url is None:
        if os.environ.get("SMAAJOB_REQUIRE_ALL") == "1":
            pytest.fail("SMAAJOB_REQUIRE_ALL=1, but no PostgreSQL is set (DATABASE_URL or SMAAJOB_TEST_POSTGRES_URL)")
        pytest.skip("needs PostgreSQL: set SMAAJOB_TEST_POSTGRES_URL")
    with fresh_postgres_database(server_url) as source_db, fresh_postgres_database(server_url) as target_db:
        _round_trip(
            _env(
                DATABASE_URL=source_db,
                SMAAJOB_VAR_DIR=str(tmp_path / "kilde"),
                **object_store.environment(object_store.new_bucket()),
            ),
            _env(
                DATABASE_URL=target_db,
                SMAAJOB_VAR_DIR=str(tmp_path / "ny"),
                **object_store.environment(object_store.new_bucket()),
            ),
            tmp_path / "smaajob.tar",
        )
