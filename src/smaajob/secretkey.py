# SPDX-License-Identifier: MPL-2.0
"""The Django signing key when the operator has not set ``SMAAJOB_SECRET_KEY``.

A fresh installation must be safe without set-up, so instead of a well-known development
key we create a random key once, store it readable by its owner only, and reuse it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def load_or_create_secret_key(var_dir: Path) -> str:
    path = var_dir / "secret-key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    # O_EXCL: if two processes start at once, the loser reads the winner's key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
