# SPDX-License-Identifier: MPL-2.0
"""Rotating the CPR encryption key (``smaajob keys rotate``).

Put the new key first in ``SMAAJOB_CPR_KEYS`` (old keys after it), run the rotation, then
remove the old keys. Every row is read (decrypted with whichever key wrote it) and written
again (encrypted with the first key); the lookup hash is computed again too, so a changed
``SMAAJOB_CPR_HASH_KEY`` takes effect in the same run. Batches of ``batch_size`` rows, each in
its own transaction, so an interrupted rotation can simply be run again.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from smaajob import cpr_vault
from smaajob.audit.models import AuditAction
from smaajob.audit.services import record
from smaajob.citizens.models import Citizen


def rotate_cpr_keys(*, batch_size: int = 500, progress: Callable[[int, int], None] | None = None) -> int:
    """Re-encrypt every citizen's CPR number with the first key; returns how many rows."""
    cpr_vault.reset_cache()
    total = Citizen.objects.count()
    done = 0
    last_pk = 0
    while True:
        with transaction.atomic():
            # The encrypting field decrypts on read (any key) and encrypts on write (first key).
            batch = list(
                Citizen.objects.select_for_update()
                .filter(pk__gt=last_pk)
                .order_by("pk")
                .only("pk", "cpr", "cpr_hash")[:batch_size]
            )
            if not batch:
                break
            for citizen in batch:
                citizen.cpr_hash = cpr_vault.lookup_hash(citizen.cpr)
            Citizen.objects.bulk_update(batch, ["cpr", "cpr_hash"])
        last_pk = batch[-1].pk
        done += len(batch)
        if progress is not None:
            progress(done, total)
    record(actor=None, action=AuditAction.UPDATE, object_type="cpr_keys", detail=f"CPR-nøgle roteret: {done} borgere")
    return done
