# SPDX-License-Identifier: MPL-2.0
"""The admin's permission model: the role decides, the municipality bounds.

Django's per-model permission tables are not used. An administrator is plain staff
(``is_staff``, never ``is_superuser`` by role); each admin class below states what an
administrator may do with its model (``administrator_may``), and every list, change page
and foreign-key choice holds only the administrator's own municipality's rows
(``smaajob.web.admin.scoping``). An object of another municipality answers 404, exactly like
a missing one. A deliberately created superuser (``smaajob createuser --superuser``) may in
addition delete configuration records — still only in the own municipality, and never
personal data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.http import Http404, HttpRequest

from smaajob.organisation.models import Role
from smaajob.web.admin.scoping import rows_for

if TYPE_CHECKING:
    # django-stubs makes the admin classes generic in their model; Django's own classes cannot
    # be subscripted at run time, so the parameters are for mypy only.
    ModelAdmin = admin.ModelAdmin[Any]
    TabularInline = admin.TabularInline[Any, Any]
else:
    ModelAdmin = admin.ModelAdmin
    TabularInline = admin.TabularInline

NOT_FOUND = "Posten findes ikke, eller den hører til en anden kommune."


def is_administrator(user: Any) -> bool:
    """Who reaches the admin at all: an active administrator of a municipality."""
    return bool(
        user.is_active
        and user.is_staff
        and getattr(user, "role", None) == Role.ADMINISTRATOR
        and getattr(user, "municipality_id", None) is not None
    )


class ScopedChoices:
    """Foreign-key and many-to-many choices limited to the administrator's municipality."""

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        kwargs["queryset"] = rows_for(db_field.related_model, request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        kwargs["queryset"] = rows_for(db_field.related_model, request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]


class RolePermissions:
    """Permissions from the role instead of Django's permission tables."""

    administrator_may: frozenset[str] = frozenset({"view", "add", "change"})
    superuser_may_delete: bool = True

    def may(self, request: HttpRequest, action: str) -> bool:
        user = request.user
        if not is_administrator(user):
            return False
        if action == "delete" and user.is_superuser and self.superuser_may_delete:
            return True
        return action in self.administrator_may

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.may(request, "view")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # ``obj`` is the parent object for an inline; a model admin is called without it.
        return self.may(request, "add")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.may(request, "view") or self.may(request, "change")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.may(request, "change")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.may(request, "delete")


class MunicipalityRows:
    """Lists and change pages hold the municipality's rows; any other object answers 404."""

    model: Any

    if TYPE_CHECKING:  # the model admin this is mixed into provides it

        def get_ordering(self, request: HttpRequest) -> Any: ...

    def get_queryset(self, request: HttpRequest) -> Any:
        rows = rows_for(self.model, request.user)
        ordering = self.get_ordering(request)
        return rows.order_by(*ordering) if ordering else rows

    def _get_obj_does_not_exist_redirect(self, request: HttpRequest, opts: Any, object_id: Any) -> Any:
        # Django redirects to the index with "… doesn't exist"; the project's rule is the same
        # 404 for a missing object and for one of another municipality.
        raise Http404(NOT_FOUND)


class MunicipalityAdmin(RolePermissions, ScopedChoices, MunicipalityRows, ModelAdmin):
    """A model admin bounded by the administrator's municipality."""


class MunicipalityInline(RolePermissions, ScopedChoices, TabularInline):
    """Rows edited on their parent's page (the parent is already scoped)."""

    administrator_may = frozenset({"view", "add", "change", "delete"})
    extra = 0
