# SPDX-License-Identifier: MPL-2.0
"""The municipality, its teams, projects and log-ins in the admin.

User management stays inside the municipality: the list holds its staff and employer
contacts (not citizens' log-ins, not superusers), a new or changed user always belongs to the
administrator's municipality, a team or company can only be one of its own, and the form has
no superuser, staff, group or permission fields — reaching the admin follows from the
administrator role alone, and superusers are made only on the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from axes.utils import reset as reset_login_failures
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from smaajob.errors import InvalidInput
from smaajob.organisation.models import Municipality, Project, Role, TargetGroup, Team, User
from smaajob.organisation.services import check_role_links
from smaajob.web.admin.base import (
    MunicipalityAdmin,
    MunicipalityInline,
    MunicipalityRows,
    RolePermissions,
    ScopedChoices,
)

if TYPE_CHECKING:
    UserAdminBase = UserAdmin[User]  # generic for mypy only, as smaajob.web.admin.base.ModelAdmin
else:
    UserAdminBase = UserAdmin

# Citizens get their log-in with their own record, not from the admin.
ADMIN_ROLE_CHOICES = [(value, label) for value, label in Role.choices if value != Role.CITIZEN]


class RoleLinksForm:
    """Refuses, next to the field, what ``create_user`` refuses (an employer contact without a
    company …) instead of letting the database constraint answer with a server error."""

    municipality: Municipality | None = None

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()  # type: ignore[misc]
        if "role" in data:
            try:
                check_role_links(
                    role=data["role"],
                    municipality=self.municipality,
                    company=data.get("company"),
                    provider=data.get("provider"),
                )
            except InvalidInput as error:
                field = error.field if error.field in self.fields else None  # type: ignore[attr-defined]
                self.add_error(field, error.message)  # type: ignore[attr-defined]
        return data


@admin.register(User)
class SmaajobUserAdmin(RolePermissions, ScopedChoices, MunicipalityRows, UserAdminBase):
    list_display = ("username", "get_full_name", "role", "team", "is_active")
    list_filter = ("role", "is_active")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Personlige oplysninger", {"fields": ("first_name", "last_name", "email")}),
        ("Småjob", {"fields": ("role", "team", "company", "provider", "is_active")}),
        ("Datoer", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "usable_password",
                    "password1",
                    "password2",
                    "role",
                    "first_name",
                    "last_name",
                    "email",
                    "team",
                    "company",
                    "provider",
                ),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")
    filter_horizontal = ()
    actions = ["unlock"]

    @admin.action(description="Lås op efter for mange forkerte log-ind", permissions=["change"])
    def unlock(self, request: HttpRequest, queryset: Any) -> None:
        """Forgets the selected users' failed log-ins (django-axes), so they may log in again at
        once. The list holds only the administrator's own municipality's users."""
        for user in queryset:
            reset_login_failures(username=user.username)
            self.log_change(request, user, "Låst op efter for mange forkerte log-ind.")
        self.message_user(request, f"{queryset.count()} bruger(e) låst op.")

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (RoleLinksForm, form), {"municipality": request.user.municipality})  # type: ignore[union-attr]

    def formfield_for_choice_field(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "role":
            kwargs["choices"] = ADMIN_ROLE_CHOICES
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        obj.municipality_id = request.user.municipality_id  # type: ignore[union-attr]
        obj.is_staff = obj.role == Role.ADMINISTRATOR
        if not change:
            obj.is_superuser = False
        super().save_model(request, obj, form, change)


@admin.register(Municipality)
class MunicipalityRecordAdmin(MunicipalityAdmin):
    administrator_may = frozenset({"view", "change"})
    superuser_may_delete = False
    fields = ("code", "name")
    readonly_fields = ("code",)


@admin.register(Team)
class TeamAdmin(MunicipalityAdmin):
    list_display = ("name",)


class TargetGroupInline(MunicipalityInline):
    model = TargetGroup


@admin.register(Project)
class ProjectAdmin(MunicipalityAdmin):
    list_display = ("name", "follow_up_interval_days", "weeks_without_pay_alert")
    inlines = [TargetGroupInline]
