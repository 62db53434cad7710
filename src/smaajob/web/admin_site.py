# SPDX-License-Identifier: MPL-2.0
"""The Django admin, for administrators only, with reads of citizens audit-logged."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from smaajob.organisation.models import Role


def administrators_only(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_active and user.is_staff and getattr(user, "role", None) == Role.ADMINISTRATOR)


admin.site.has_permission = administrators_only  # type: ignore[method-assign]
admin.site.site_header = "Småjob – administration"
admin.site.site_title = "Småjob"
admin.site.index_title = "Administration"
