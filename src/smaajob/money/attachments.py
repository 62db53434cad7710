# SPDX-License-Identifier: MPL-2.0
"""Checking an uploaded payslip file by its content, never by its name or declared type.

A payslip arrives as a PDF from the employer or as a phone photo from the citizen. We accept
PDF (must start with ``%PDF-``), JPEG, PNG and WebP, recognised by their magic bytes, up to
``MAX_BYTES``. Anything else is refused with a message saying what to send instead. The file is
stored under a generated name with the sniffed extension and served only through an
access-checked view.

A file and its database row must come and go together (issue 23, item 6). ``stored_with``
writes the upload under ``payslips/incoming/`` while the payslip's transaction runs, deletes
it if the transaction fails, and moves it into place once the transaction has committed.
A process killed half way leaves at most a staged file, which the next submission
(``sweep_incoming``) moves into place if its row was committed, or deletes if not.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone

from smaajob.errors import InvalidInput
from smaajob.money.models import AttachmentType, Payslip

# 10 MB holds a multi-page scanned PDF or a full-resolution phone photo (settings.py; the
# request size limit at the edge is set from it).
MAX_BYTES: int = settings.SMAAJOB_MAX_UPLOAD_BYTES

CONTENT_TYPES = {
    AttachmentType.PDF: "application/pdf",
    AttachmentType.JPEG: "image/jpeg",
    AttachmentType.PNG: "image/png",
    AttachmentType.WEBP: "image/webp",
}
EXTENSIONS = {
    AttachmentType.PDF: "pdf",
    AttachmentType.JPEG: "jpg",
    AttachmentType.PNG: "png",
    AttachmentType.WEBP: "webp",
}
WHAT_TO_SEND = "Send lønsedlen som PDF eller som et billede (JPEG eller PNG)."


@dataclass(frozen=True)
class CheckedFile:
    kind: AttachmentType
    size: int
    storage_name: str

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]


def sniff(head: bytes) -> AttachmentType | None:
    if head.startswith(b"%PDF-"):
        return AttachmentType.PDF
    if head.startswith(b"\xff\xd8\xff"):
        return AttachmentType.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return AttachmentType.PNG
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return AttachmentType.WEBP
    return None


def check_upload(upload: Any) -> CheckedFile:
    """Refuse a missing, empty, too large or unrecognised file; return its sniffed type."""
    if upload is None:
        raise InvalidInput(f"Vedhæft lønsedlen. {WHAT_TO_SEND}", field="attachment")
    size = int(getattr(upload, "size", 0) or 0)
    if size == 0:
        raise InvalidInput(f"Filen er tom. {WHAT_TO_SEND}", field="attachment")
    if size > MAX_BYTES:
        raise InvalidInput(
            f"Filen fylder {size / 1024 / 1024:.1f} MB; højst {MAX_BYTES // 1024 // 1024} MB. "
            "Tag et billede i lavere opløsning eller send en PDF.",
            field="attachment",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = sniff(head)
    if kind is None:
        name = str(getattr(upload, "name", "") or "")
        claimed = " (filen hedder .pdf, men er ikke en PDF)" if name.lower().endswith(".pdf") else ""
        raise InvalidInput(f"Filen er hverken en PDF eller et billede{claimed}. {WHAT_TO_SEND}", field="attachment")
    return CheckedFile(kind, size, f"{uuid.uuid4().hex}.{EXTENSIONS[kind]}")


INCOMING = "payslips/incoming"
# A staged file younger than this may belong to a submission still running in another process.
STAGED_GRACE = timedelta(minutes=15)


def _staged_name(final_name: str) -> str:
    return f"{INCOMING}/{final_name.replace('/', '__')}"


def _final_name(staged_name: str) -> str:
    return staged_name.removeprefix(INCOMING + "/").replace("__", "/")


def _move(storage: Storage, staged: str, final: str) -> None:
    with storage.open(staged, "rb") as source:
        stored = storage.save(final, source)
    assert stored == final, (stored, final)  # names are uuid-based; a clash is a bug
    storage.delete(staged)


@contextmanager
def stored_with(payslip: Payslip, checked: CheckedFile, upload: Any) -> Iterator[None]:
    """Stage the upload for ``payslip``; the block must be the payslip's (durable) transaction.

    The row gets the final name; the file stays staged until the block has committed.
    """
    field = payslip.attachment.field
    storage = payslip.attachment.storage
    final = field.generate_filename(payslip, checked.storage_name)
    sweep_incoming(storage)
    staged = storage.save(_staged_name(final), upload)
    payslip.attachment.name = final
    try:
        with transaction.atomic(durable=True):
            yield
    except BaseException:
        storage.delete(staged)
        payslip.attachment.name = ""
        raise
    _move(storage, staged, final)


def sweep_incoming(storage: Storage | None = None, *, now: Any = None) -> None:
    """Finish or remove what a killed submission left: staged files older than the grace."""
    storage = storage or Payslip._meta.get_field("attachment").storage
    try:
        _dirs, names = storage.listdir(INCOMING)
    except FileNotFoundError:
        return
    cutoff = (now or timezone.now()) - STAGED_GRACE
    for name in names:
        staged = f"{INCOMING}/{name}"
        if storage.get_modified_time(staged) > cutoff:
            continue
        final = _final_name(staged)
        if Payslip.objects.filter(attachment=final).exists() and not storage.exists(final):
            _move(storage, staged, final)
        else:
            storage.delete(staged)
