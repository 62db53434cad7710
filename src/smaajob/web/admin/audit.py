# SPDX-License-Identifier: MPL-2.0
"""The access log in the admin: read-only, the municipality's own entries only."""

from __future__ import annotations

from django.contrib import admin

from smaajob.audit.models import AuditEntry
from smaajob.web.admin.base import MunicipalityAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(MunicipalityAdmin):
    """The log is only ever appended to; not even a superuser deletes from it here."""

    administrator_may = frozenset({"view"})
    superuser_may_delete = False
    list_display = ("at", "actor_username", "action", "channel", "object_type", "object_id", "citizen_id")
    list_filter = ("action", "channel", "object_type")
    search_fields = ("actor_username",)
