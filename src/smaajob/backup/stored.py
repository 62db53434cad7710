# SPDX-License-Identifier: MPL-2.0
"""Every file in the file store, listed, read and written back through Django's storage API."""

from __future__ import annotations

from collections.abc import Iterator

from django.core.files.storage import Storage, default_storage


def names(storage: Storage | None = None, folder: str = "") -> Iterator[str]:
    """Every stored file's name, folders walked (a missing root folder holds nothing)."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    prefix = f"{folder}/" if folder else ""
    for name in sorted(files):
        yield prefix + name
    for sub in sorted(folders):
        yield from names(storage, prefix + sub)
