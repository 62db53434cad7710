# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin

from smaajob.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is only ever appended to."""

    list_display = ("at", "actor_username", "action", "channel", "object_type", "object_id", "citizen_id")
    list_filter = ("action", "channel", "object_type")
    search_fields = ("actor_username",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
