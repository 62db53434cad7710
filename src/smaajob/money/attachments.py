# SPDX-License-Identifier: MPL-2.0
"""Checking an uploaded payslip file by its content, never by its name or declared type.

A payslip arrives as a PDF from the employer or as a phone photo from the citizen. We accept
PDF (must start with ``%PDF-``), JPEG, PNG and WebP, recognised by their magic bytes, up to
``MAX_BYTES``. Anything else is refused with a message saying what to send instead. The file is
stored under a generated name with the sniffed extension and served only through an
access-checked view.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from smaajob.errors import InvalidInput
from smaajob.money.models import AttachmentType

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
