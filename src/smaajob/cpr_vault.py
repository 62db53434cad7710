# SPDX-License-Identifier: MPL-2.0
"""CPR numbers at rest: encrypted with keys from the environment, found through a keyed hash.

* ``SMAAJOB_CPR_KEYS`` — comma-separated Fernet keys (``Fernet.generate_key()``; print one with
  ``smaajob keys new``). The first key encrypts; every key decrypts, so a key is rotated by
  putting a new key first, running ``smaajob keys rotate`` (re-encrypts every row with the first
  key) and then dropping the old key.
* ``SMAAJOB_CPR_HASH_KEY`` — the secret of the lookup hash, HMAC-SHA256 over the 10 digits. The
  hash is the column that finds a citizen by CPR and keeps a number unique per municipality;
  without the secret nobody can test a guessed number against a stolen copy of the database
  (a CPR number has too few possibilities for a plain hash to hide it).

Neither key is ever in the repository. Where the environment sets none, development
(``SMAAJOB_DEBUG=1``), the demo (``SMAAJOB_DEMO=1``) and the tests use a *documented, public development key* derived
from a fixed text below; anything else (production) refuses to start with a Danish message.
A database encrypted with the development key protects nothing and must not hold real data.

This module is plain Python (no Django import) so that migrations and the CLI can use it; it
learns whether development keys are allowed from its caller (``smaajob.settings``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from smaajob.errors import SmaajobError

# Public on purpose: anyone can derive these, which is why production refuses them.
DEVELOPMENT_KEY_TEXT = "smaajob-development-cpr-key-NOT-SECRET-v1"
DEVELOPMENT_HASH_KEY_TEXT = "smaajob-development-cpr-hash-key-NOT-SECRET-v1"


class CprKeysMissing(SmaajobError):
    """Production settings without ``SMAAJOB_CPR_KEYS``/``SMAAJOB_CPR_HASH_KEY``."""

    code = "cpr_keys_missing"
    title = "Nøglerne til CPR-numre mangler"
    http_status = 500


class CprKeysInvalid(SmaajobError):
    """A key in the environment is not a Fernet key, or a stored token no key decrypts."""

    code = "cpr_keys_invalid"
    title = "Nøglerne til CPR-numre er ugyldige"
    http_status = 500


@dataclass(frozen=True)
class CprKeys:
    fernet: MultiFernet
    primary: Fernet
    hash_key: bytes
    development: bool
    count: int


def development_fernet_key() -> bytes:
    return base64.urlsafe_b64encode(hashlib.sha256(DEVELOPMENT_KEY_TEXT.encode()).digest())


def development_hash_key() -> bytes:
    return hashlib.sha256(DEVELOPMENT_HASH_KEY_TEXT.encode()).digest()


def new_fernet_key() -> str:
    return Fernet.generate_key().decode("ascii")


def _parse_fernet_keys(text: str) -> list[Fernet]:
    keys = []
    for position, part in enumerate((p.strip() for p in text.split(",")), start=1):
        if not part:
            continue
        try:
            keys.append(Fernet(part.encode("ascii")))
        except (ValueError, UnicodeEncodeError):
            raise CprKeysInvalid(
                f"Nøgle nr. {position} i SMAAJOB_CPR_KEYS er ikke en gyldig Fernet-nøgle "
                "(44 tegn base64, lav en med 'smaajob keys new')."
            ) from None
    return keys


def load_keys(*, keys_text: str | None, hash_key_text: str | None, allow_development: bool) -> CprKeys:
    """The keys from the given environment values; raises ``CprKeysMissing``/``CprKeysInvalid``."""
    if not keys_text or not hash_key_text:
        if keys_text or hash_key_text:
            raise CprKeysMissing("Sæt både SMAAJOB_CPR_KEYS og SMAAJOB_CPR_HASH_KEY (eller ingen af dem i udvikling).")
        if not allow_development:
            raise CprKeysMissing(
                "SMAAJOB_CPR_KEYS og SMAAJOB_CPR_HASH_KEY skal være sat i produktion: CPR-numre "
                "krypteres med dem. Lav en nøgle med 'smaajob keys new' (se docs/security.md). "
                "Udviklingsnøglen bruges kun med SMAAJOB_DEBUG=1 eller SMAAJOB_DEMO=1."
            )
        primary = Fernet(development_fernet_key())
        return CprKeys(MultiFernet([primary]), primary, development_hash_key(), development=True, count=1)
    fernets = _parse_fernet_keys(keys_text)
    if not fernets:
        raise CprKeysInvalid("SMAAJOB_CPR_KEYS indeholder ingen nøgle.")
    if len(hash_key_text) < 32:
        raise CprKeysInvalid("SMAAJOB_CPR_HASH_KEY skal være mindst 32 tegn tilfældig tekst.")
    return CprKeys(MultiFernet(fernets), fernets[0], hash_key_text.encode("utf-8"), False, len(fernets))


@lru_cache(maxsize=1)
def _keys_from_environment(allow_development: bool) -> CprKeys:
    return load_keys(
        keys_text=os.environ.get("SMAAJOB_CPR_KEYS"),
        hash_key_text=os.environ.get("SMAAJOB_CPR_HASH_KEY"),
        allow_development=allow_development,
    )


def current_keys() -> CprKeys:
    """The keys of this process: the environment, development keys only where settings allow."""
    return _keys_from_environment(_development_allowed())


def _development_allowed() -> bool:
    try:
        from django.conf import settings

        return bool(getattr(settings, "SMAAJOB_CPR_DEVELOPMENT_KEYS", False))
    except Exception:  # pragma: no cover - outside a configured Django
        return os.environ.get("SMAAJOB_DEBUG") == "1" or os.environ.get("SMAAJOB_DEMO") == "1"


def reset_cache() -> None:
    """Forget the loaded keys (after the environment changed: tests, ``keys rotate``)."""
    _keys_from_environment.cache_clear()


def encrypt(cpr: str, keys: CprKeys | None = None) -> str:
    return (keys or current_keys()).primary.encrypt(cpr.encode("ascii")).decode("ascii")


def decrypt(token: str, keys: CprKeys | None = None) -> str:
    try:
        return (keys or current_keys()).fernet.decrypt(token.encode("ascii")).decode("ascii")
    except InvalidToken:
        # Never echo the token: it names nothing, but the message is read by people.
        raise CprKeysInvalid(
            "Et krypteret CPR-nummer kan ikke dekrypteres med nøglerne i SMAAJOB_CPR_KEYS "
            "(mangler en gammel nøgle efter en rotation?)."
        ) from None


def rotate(token: str, keys: CprKeys | None = None) -> str:
    """The token encrypted again with the first key (any key may have written it)."""
    try:
        return (keys or current_keys()).fernet.rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken:
        raise CprKeysInvalid("Et krypteret CPR-nummer kan ikke dekrypteres med nøglerne i SMAAJOB_CPR_KEYS.") from None


def lookup_hash(cpr: str, keys: CprKeys | None = None) -> str:
    """HMAC-SHA256 of the normalised 10 digits, hex: equal numbers give equal hashes."""
    return hmac.new((keys or current_keys()).hash_key, cpr.encode("ascii"), hashlib.sha256).hexdigest()
