# SPDX-License-Identifier: MPL-2.0
"""Stable keyed pseudonyms for citizens, for analysts and evaluators.

HMAC-SHA256 of the internal citizen id with a per-installation key: the same citizen gets the
same pseudonym in every report of one installation (so an evaluator can follow a person
across tables), but without the key nobody can go from pseudonym to id, and ids are not
CPR numbers anyway. Pseudonyms from two installations cannot be linked.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

PREFIX = "P-"


def derive_key(secret: str) -> bytes:
    """A key used for nothing else, derived from the installation's secret."""
    return hashlib.sha256(b"smaajob.reports.pseudonym\x00" + secret.encode("utf-8")).digest()


def pseudonym(citizen_id: int, key: bytes) -> str:
    digest = hmac.new(key, str(int(citizen_id)).encode("ascii"), hashlib.sha256).digest()
    # 50 bits in base32: collisions are unlikely far beyond a national caseload (~10^6).
    return PREFIX + base64.b32encode(digest[:10]).decode("ascii")[:10]
