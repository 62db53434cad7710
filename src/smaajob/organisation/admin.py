# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from smaajob.organisation.models import Municipality, Project, TargetGroup, Team, User


@admin.register(User)
class SmaajobUserAdmin(UserAdmin):
    list_display = ("username", "get_full_name", "role", "municipality", "team", "is_active")
    list_filter = ("role", "municipality", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("Småjob", {"fields": ("role", "municipality", "team", "company")}))


class TargetGroupInline(admin.TabularInline):
    model = TargetGroup
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality", "follow_up_interval_days", "weeks_without_pay_alert")
    inlines = [TargetGroupInline]


admin.site.register(Municipality)
admin.site.register(Team)
