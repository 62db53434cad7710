# SPDX-License-Identifier: MPL-2.0
"""URL map: the web pages, the REST API under /api/v1/ and the admin (administrators only)."""

from django.contrib import admin
from django.urls import include, path

from smaajob.api.app import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("rapporter/", include("smaajob.reports.urls")),
    path("", include("smaajob.money.urls")),
    path("", include("smaajob.web.urls")),
]
