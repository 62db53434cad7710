# SPDX-License-Identifier: MPL-2.0
"""The backup archive: a tar with a manifest of checksums (``smaajob.backup``)."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from smaajob.errors import InvalidInput

FORMAT = "smaajob-backup/1"
MANIFEST = "manifest.json"
FILES = "files/"


@dataclass
class Manifest:
    engine: str
    created: str
    migrations: dict[str, str]
    checksums: dict[str, str] = field(default_factory=dict)
    format: str = FORMAT

    def to_json(self) -> bytes:
        return json.dumps(vars(self), indent=2, ensure_ascii=False, sort_keys=True).encode()

    @property
    def file_names(self) -> list[str]:
        return sorted(name.removeprefix(FILES) for name in self.checksums if name.startswith(FILES))


class ArchiveWriter:
    """Adds members to an open tar, noting each one's SHA-256 in the manifest written last."""

    def __init__(self, tar: tarfile.TarFile, manifest: Manifest) -> None:
        self.tar, self.manifest = tar, manifest

    def add_stream(self, name: str, stream: IO[bytes], size: int) -> None:
        digest = hashlib.sha256()
        hashing = _HashingReader(stream, digest)
        info = tarfile.TarInfo(name)
        info.size = size
        self.tar.addfile(info, hashing)  # tarfile only calls read()
        self.manifest.checksums[name] = digest.hexdigest()

    def add_file(self, name: str, path: Path) -> None:
        with path.open("rb") as stream:
            self.add_stream(name, stream, path.stat().st_size)

    def finish(self) -> None:
        body = self.manifest.to_json()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(body)
        self.tar.addfile(info, io.BytesIO(body))


class _HashingReader:
    def __init__(self, stream: IO[bytes], digest: Any) -> None:
        self.stream, self.digest = stream, digest

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(size)
        self.digest.update(chunk)
        return chunk


@contextmanager
def written(path: Path, manifest: Manifest) -> Iterator[ArchiveWriter]:
    """Write the archive to a temporary name beside ``path``; rename it into place when whole."""
    partial = path.with_name(path.name + ".delvis")
    try:
        with tarfile.open(partial, "w") as tar:
            writer = ArchiveWriter(tar, manifest)
            yield writer
            writer.finish()
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def _refuse(message: str) -> InvalidInput:
    return InvalidInput(message, field="file")


@contextmanager
def opened(path: Path) -> Iterator[tuple[tarfile.TarFile, Manifest]]:
    """The archive and its manifest, every member's checksum verified first."""
    if not path.is_file():
        raise _refuse(f"Sikkerhedskopien {path} findes ikke. Angiv stien til en fil lavet med smaajob backup.")
    try:
        tar = tarfile.open(path, "r")  # noqa: SIM115 - closed by the ``with tar`` below; only opening may fail here
    except tarfile.TarError:
        raise _refuse(f"{path} er ikke en sikkerhedskopi fra smaajob backup (ikke en tar-fil).") from None
    with tar:
        manifest = _manifest(tar, path)
        for name, expected in manifest.checksums.items():
            digest = hashlib.sha256()
            try:
                member = tar.extractfile(name)
            except KeyError:
                member = None
            if member is None:
                raise _refuse(f"Sikkerhedskopien {path} er ufuldstændig: {name} mangler.")
            while chunk := member.read(1 << 20):
                digest.update(chunk)
            if digest.hexdigest() != expected:
                raise _refuse(f"Sikkerhedskopien {path} er beskadiget: {name} har ikke sin kontrolsum.")
        yield tar, manifest


def _manifest(tar: tarfile.TarFile, path: Path) -> Manifest:
    try:
        raw = tar.extractfile(MANIFEST)
        data = json.loads(raw.read()) if raw is not None else None
    except (KeyError, ValueError, tarfile.TarError):
        data = None
    if not isinstance(data, dict) or "format" not in data:
        raise _refuse(f"{path} er ikke en sikkerhedskopi fra smaajob backup (manifest.json mangler).")
    if data["format"] != FORMAT:
        raise _refuse(f"Sikkerhedskopien {path} har formatet {data['format']!r}; denne Småjob læser {FORMAT!r}.")
    return Manifest(**data)
