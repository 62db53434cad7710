# SPDX-License-Identifier: MPL-2.0
"""Whether the file store can be used now: the readiness check's storage probe."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, default_storage


def storage_problem(storage: Storage | None = None) -> str | None:
    """``None`` when files can be written; otherwise a short Danish reason (no names, no keys)."""
    storage = storage or default_storage
    if isinstance(storage, FileSystemStorage):
        root = str(settings.MEDIA_ROOT)
        os.makedirs(root, exist_ok=True)
        return None if os.access(root, os.W_OK) else "filmappen kan ikke skrives i"
    bucket = getattr(storage, "bucket", None)
    if bucket is None:
        return None  # another backend: its own errors will show when it is used
    try:
        bucket.meta.client.head_bucket(Bucket=bucket.name)
    except Exception as exc:  # botocore raises many kinds; any of them means "not ready"
        return f"objektlageret svarer ikke ({type(exc).__name__})"
    return None
