# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin

from smaajob.network.models import Buddy, Company, Contact, Opening


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


class BuddyInline(admin.TabularInline):
    model = Buddy
    extra = 0


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("name", "cvr", "sector", "municipality", "is_synthetic")
    search_fields = ("name", "cvr")
    list_filter = ("sector", "municipality")
    inlines = [ContactInline, BuddyInline]


@admin.register(Opening)
class OpeningAdmin(admin.ModelAdmin):
    list_display = ("title", "company", "kind", "hours_min", "hours_max", "capacity", "status")
    list_filter = ("kind", "status")
    search_fields = ("title", "company__name")
