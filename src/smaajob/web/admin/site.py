# SPDX-License-Identifier: MPL-2.0
"""Who reaches the admin, and its Danish titles."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.models import Group
from django.http import HttpRequest

from smaajob.web.admin.base import is_administrator


def administrators_only(request: HttpRequest) -> bool:
    return is_administrator(request.user)


admin.site.has_permission = administrators_only  # type: ignore[method-assign]
admin.site.site_header = "Småjob – administration"
admin.site.site_title = "Småjob"
admin.site.index_title = "Administration"

# Permissions follow the role (smaajob.web.admin.base); groups of Django permissions would be a
# second, unscoped way to grant them.
if admin.site.is_registered(Group):
    admin.site.unregister(Group)
