# SPDX-License-Identifier: MPL-2.0
"""``smaajob backup`` and ``smaajob restore`` put together: database, files, manifest."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from smaajob.backup import archive, databases, stored
from smaajob.errors import InvalidInput


@dataclass(frozen=True)
class Summary:
    engine: str
    files: int
    size: int  # bytes in the archive


def newest_migrations() -> dict[str, str]:
    """The newest applied migration of each app, as the manifest records it."""
    applied = MigrationLoader(connection, ignore_no_migrations=True).applied_migrations
    newest: dict[str, str] = {}
    for app, name in sorted(applied):
        newest[app] = max(newest.get(app, ""), name)
    return newest


def backup(path: Path, *, overwrite: bool = False) -> Summary:
    if path.exists() and not overwrite:
        raise InvalidInput(f"{path} findes allerede. Vælg et nyt filnavn, eller tilføj --overskriv.", field="file")
    if not path.parent.is_dir():
        raise InvalidInput(f"Mappen {path.parent} findes ikke. Opret den først, eller vælg en anden sti.",
                           field="file")
    kind = databases.engine()
    if not newest_migrations():
        raise InvalidInput("Databasen er tom: der er intet at tage en sikkerhedskopi af.", field="database")
    manifest = archive.Manifest(engine=kind, created=timezone.now().isoformat(), migrations=newest_migrations())
    files = 0
    with tempfile.TemporaryDirectory(prefix="smaajob-backup-") as work, archive.written(path, manifest) as out:
        dumped = Path(work) / databases.MEMBER[kind]
        databases.dump(dumped)
        out.add_file(databases.MEMBER[kind], dumped)
        for name in stored.names():
            with default_storage.open(name, "rb") as content:
                out.add_stream(archive.FILES + name, content, default_storage.size(name))
            files += 1
    return Summary(kind, files, path.stat().st_size)


def restore(path: Path) -> Summary:
    kind = databases.engine()
    with archive.opened(path) as (tar, manifest):
        if manifest.engine != kind:
            raise InvalidInput(
                f"Sikkerhedskopien er fra en {manifest.engine}-database, men DATABASE_URL peger på {kind}. "
                "Gendan i samme slags database; flyt derefter med smaajob export/import, hvis det er meningen.",
                field="database",
            )
        _refuse_newer_schema(manifest)
        if not databases.is_empty():
            raise InvalidInput(
                f"Databasen {connection.settings_dict['NAME']} er ikke tom. En gendannelse skriver aldrig oven i "
                "data: opret en ny, tom database (PostgreSQL: createdb; SQLite: en ny filsti) og peg DATABASE_URL "
                "på den.",
                field="database",
            )
        _refuse_file_clashes(tar, manifest)
        with tempfile.TemporaryDirectory(prefix="smaajob-restore-") as work:
            member = tar.extractfile(databases.MEMBER[manifest.engine])
            assert member is not None  # opened() checked every member
            dumped = Path(work) / databases.MEMBER[manifest.engine]
            dumped.write_bytes(member.read())
            databases.load(dumped)
        for name in manifest.file_names:
            if default_storage.exists(name):
                continue  # identical, checked above
            content = tar.extractfile(archive.FILES + name)
            assert content is not None
            saved = default_storage.save(name, File(content, name=name))
            assert saved == name, (saved, name)
    return Summary(kind, len(manifest.file_names), path.stat().st_size)


def _refuse_newer_schema(manifest: archive.Manifest) -> None:
    known = MigrationLoader(None, ignore_no_migrations=True).graph.nodes
    unknown = sorted(f"{app}.{name}" for app, name in manifest.migrations.items() if (app, name) not in known)
    if unknown:
        raise InvalidInput(
            f"Sikkerhedskopien er fra en nyere Småjob (ukendte migreringer: {', '.join(unknown[:3])}). "
            "Installér den version, der tog kopien, eller en nyere, og gendan igen.",
            field="file",
        )


def _refuse_file_clashes(tar: object, manifest: archive.Manifest) -> None:
    clashes = [name for name in manifest.file_names
               if default_storage.exists(name)
               and _sha256_stored(name) != manifest.checksums[archive.FILES + name]]
    if clashes:
        raise InvalidInput(
            f"Fillageret har allerede {len(clashes)} andre filer med samme navn (fx {clashes[0]}). Gendan i et "
            "tomt fillager (en ny bøtte eller en tom MEDIA_ROOT).",
            field="file",
        )


def _sha256_stored(name: str) -> str:
    import hashlib

    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as content:
        while chunk := content.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
