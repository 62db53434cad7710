# SPDX-License-Identifier: MPL-2.0
"""The company network in the admin: the municipality's companies and their openings."""

from __future__ import annotations

from django.contrib import admin

from smaajob.network.models import Buddy, Company, Contact, Opening
from smaajob.web.admin.base import MunicipalityAdmin, MunicipalityInline


class ContactInline(MunicipalityInline):
    model = Contact


class BuddyInline(MunicipalityInline):
    model = Buddy


@admin.register(Company)
class CompanyAdmin(MunicipalityAdmin):
    list_display = ("name", "cvr", "sector", "is_synthetic")
    search_fields = ("name", "cvr")
    list_filter = ("sector",)
    inlines = [ContactInline, BuddyInline]


@admin.register(Opening)
class OpeningAdmin(MunicipalityAdmin):
    list_display = ("title", "company", "kind", "hours_min", "hours_max", "capacity", "status")
    list_filter = ("kind", "status")
    search_fields = ("title", "company__name")
