# SPDX-License-Identifier: MPL-2.0
"""URL map: the web pages, the REST API under /api/v1/, the admin (administrators only) and the
operator's health, readiness and metrics addresses (``smaajob.ops``)."""

from django.contrib import admin
from django.urls import include, path

from smaajob.api.app import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("rapporter/", include("smaajob.reports.urls")),
    path("", include("smaajob.ops.urls")),
    path("", include("smaajob.money.urls")),
    path("", include("smaajob.web.urls")),
]
