# SPDX-License-Identifier: MPL-2.0
"""Keyed pseudonyms for the citizens behind a number, with a fresh key for every export.

HMAC-SHA256 of the internal citizen id with a random key made for one page or export
(``fresh_key``) and then forgotten: within that export a citizen has one pseudonym, so its
rows can be read together, but two exports cannot be linked — not by the reader, and not by
anyone holding the installation's secrets, since the key was never stored. A stable pseudonym
would let an analyst follow a person across reports and piece together who they are.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

PREFIX = "P-"


def fresh_key() -> bytes:
    """A random key for one export; never stored."""
    return secrets.token_bytes(32)


def pseudonym(citizen_id: int, key: bytes) -> str:
    digest = hmac.new(key, str(int(citizen_id)).encode("ascii"), hashlib.sha256).digest()
    # 50 bits in base32: collisions are unlikely far beyond a national caseload (~10^6).
    return PREFIX + base64.b32encode(digest[:10]).decode("ascii")[:10]
