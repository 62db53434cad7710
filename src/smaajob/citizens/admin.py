# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin

from smaajob.audit.models import AuditAction, AuditChannel
from smaajob.audit.services import record as audit
from smaajob.citizens.models import Citizen, ExemptionDecision


@admin.register(Citizen)
class CitizenAdmin(admin.ModelAdmin):
    # No CPR column and no CPR search: lists never show the whole number.
    list_display = ("full_name", "masked_cpr", "municipality", "is_synthetic")
    search_fields = ("last_name", "first_name")
    list_filter = ("municipality", "is_synthetic")
    readonly_fields = ("cpr", "birth_date")

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            audit(
                actor=request.user,
                action=AuditAction.READ,
                channel=AuditChannel.ADMIN,
                object_type="citizen",
                object_id=obj.pk,
                citizen_id=obj.pk,
                detail="admin",
            )
        return obj


@admin.register(ExemptionDecision)
class ExemptionDecisionAdmin(admin.ModelAdmin):
    list_display = ("citizen", "decided_on", "valid_from", "valid_to", "review_on", "legal_basis")
