# SPDX-License-Identifier: MPL-2.0
"""Citizens in the admin: who is registered in the municipality, and nothing more.

Read-only and minimal on purpose. The access layer lets an administrator open the
municipality's citizens, and the citizen page shows them name, birth date, and restriction
categories — never the whole CPR number and never the free-text descriptions (restrictions,
wishes) that only the case workers' resource mapping shows. The admin shows less still: name,
masked CPR, birth date and whether the record is demo data. Changes to a citizen go through
the services (visitation, resource mapping), which keep the dated history and audit the
write; the admin's generic form would do neither. Every list page and every opened record is
audit-logged with channel ``admin``, one entry per citizen shown.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from smaajob import access
from smaajob.audit.models import AuditChannel
from smaajob.citizens.models import Citizen
from smaajob.errors import NotFound
from smaajob.web.admin.base import MunicipalityAdmin


@admin.register(Citizen)
class CitizenAdmin(MunicipalityAdmin):
    administrator_may = frozenset({"view"})
    superuser_may_delete = False  # deletion of personal data is the retention rules' job
    fields = ("full_name", "masked_cpr", "birth_date", "is_synthetic")
    readonly_fields = fields
    list_display = ("full_name", "masked_cpr", "birth_date", "is_synthetic")
    list_filter = ("is_synthetic",)
    # No CPR search: a search box that answers "found" would tell whether a number is known.
    search_fields = ("last_name", "first_name")
    ordering = ("last_name", "first_name")

    @admin.display(description="Navn", ordering="last_name")
    def full_name(self, citizen: Citizen) -> str:
        return citizen.full_name

    @admin.display(description="CPR-nummer")
    def masked_cpr(self, citizen: Citizen) -> str:
        return citizen.masked_cpr

    def get_changelist_instance(self, request: HttpRequest) -> Any:
        changelist = super().get_changelist_instance(request)
        access.log_list_read(
            request.user,  # type: ignore[arg-type]
            [citizen.pk for citizen in changelist.result_list],
            channel=AuditChannel.ADMIN,
            purpose="administration: borgerliste",
        )
        return changelist

    def get_object(self, request: HttpRequest, object_id: str, from_field: Any = None) -> Citizen | None:
        # Through the access layer: the read is logged, and another municipality's citizen is
        # logged as denied and answers 404 like a missing one.
        try:
            return access.get_citizen(
                request.user,  # type: ignore[arg-type]
                object_id,
                channel=AuditChannel.ADMIN,
                purpose="administration: borger",
            )
        except NotFound:
            return None
