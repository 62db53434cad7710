# SPDX-License-Identifier: MPL-2.0
"""Every foreseeable mistake with ``smaajob backup`` and ``smaajob restore`` gets a Danish answer,
exit code 2 and writes nothing (issue 16, item 6)."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest
from django.db import connection

from smaajob.backup import archive, databases
from smaajob.backup.run import newest_migrations
from smaajob.cli.main import main
from smaajob.errors import InvalidInput


def _archive(path: Path, **manifest_fields) -> Path:
    fields = {"engine": connection.vendor, "created": "2026-12-03T12:00:00+00:00",
              "migrations": newest_migrations(), **manifest_fields}
    with archive.written(path, archive.Manifest(**fields)) as out:
        out.add_stream(databases.MEMBER[connection.vendor], io.BytesIO(b"ikke en rigtig database"), 23)
    return path


def _refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    return capsys.readouterr().err


def test_a_missing_archive_is_named(capsys, db, tmp_path):
    err = _refused(capsys, "restore", str(tmp_path / "findes-ikke.tar"))
    assert "Sikkerhedskopien" in err and "findes ikke. Angiv stien til en fil lavet med smaajob backup." in err


def test_a_file_that_is_no_archive_is_refused(capsys, db, tmp_path):
    (tmp_path / "noter.txt").write_text("ikke en sikkerhedskopi")
    assert "er ikke en sikkerhedskopi fra smaajob backup (ikke en tar-fil)" in _refused(
        capsys, "restore", str(tmp_path / "noter.txt"))


def test_a_tar_without_a_manifest_is_refused(capsys, db, tmp_path):
    with tarfile.open(tmp_path / "andet.tar", "w") as tar:
        tar.add(__file__, arcname="test.py")
    assert "(manifest.json mangler)" in _refused(capsys, "restore", str(tmp_path / "andet.tar"))


def test_a_damaged_archive_is_refused_before_anything_is_written(capsys, db, tmp_path):
    path = _archive(tmp_path / "k.tar")
    data = bytearray(path.read_bytes())
    offset = data.index(b"ikke en rigtig database")
    data[offset:offset + 4] = b"IKKE"
    path.write_bytes(bytes(data))
    assert f"er beskadiget: {databases.MEMBER[connection.vendor]} har ikke sin kontrolsum" in _refused(
        capsys, "restore", str(path))


def test_an_archive_of_another_format_is_refused(capsys, db, tmp_path):
    path = _archive(tmp_path / "k.tar", format="smaajob-backup/99")
    assert "har formatet 'smaajob-backup/99'; denne Småjob læser 'smaajob-backup/1'" in _refused(
        capsys, "restore", str(path))


def test_a_backup_of_the_other_engine_is_refused(capsys, db, tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    path = _archive(tmp_path / "k.tar", engine=other)
    assert f"er fra en {other}-database, men DATABASE_URL peger på {connection.vendor}" in _refused(
        capsys, "restore", str(path))


def test_a_backup_from_a_newer_smaajob_is_refused(capsys, db, tmp_path):
    path = _archive(tmp_path / "k.tar", migrations={**newest_migrations(), "money": "9999_fremtiden"})
    assert "er fra en nyere Småjob (ukendte migreringer: money.9999_fremtiden)" in _refused(
        capsys, "restore", str(path))


def test_a_restore_never_writes_into_a_database_with_data(capsys, db, tmp_path):
    err = _refused(capsys, "restore", str(_archive(tmp_path / "k.tar")))
    assert "er ikke tom. En gendannelse skriver aldrig oven i data: opret en ny, tom database" in err


def test_a_backup_does_not_overwrite_a_file_unless_asked(capsys, db, tmp_path):
    (tmp_path / "k.tar").write_text("gammel kopi")
    assert "findes allerede. Vælg et nyt filnavn, eller tilføj --overskriv." in _refused(
        capsys, "backup", str(tmp_path / "k.tar"))
    assert (tmp_path / "k.tar").read_text() == "gammel kopi"


def test_a_backup_into_a_missing_folder_is_refused(capsys, db, tmp_path):
    assert f"Mappen {tmp_path / 'mangler'} findes ikke" in _refused(
        capsys, "backup", str(tmp_path / "mangler" / "k.tar"))


@pytest.mark.parametrize("tool", ["pg_dump", "pg_restore"])
def test_a_missing_postgresql_tool_says_what_to_install(tool, monkeypatch, db):
    monkeypatch.setenv("PATH", "/findes-ikke")
    with pytest.raises(InvalidInput, match=f"{tool} findes ikke på denne maskine: installér PostgreSQL' klientværk"):
        databases._pg_tool(tool, "--version")
