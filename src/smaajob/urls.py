# SPDX-License-Identifier: MPL-2.0
"""URL map: the web pages, the REST API under /api/v1/ and the admin (administrators only)."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("smaajob.web.urls")),
]
