# SPDX-License-Identifier: MPL-2.0
"""The audit entry every course write leaves (object type and id from the record)."""

from __future__ import annotations

from typing import Any

from smaajob.audit.services import record as audit
from smaajob.organisation.models import User


def _log(actor: User, action: str, obj: Any, citizen_id: int, detail: str = "") -> None:
    audit(
        actor=actor,
        action=action,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        citizen_id=citizen_id,
        detail=detail,
    )
