# SPDX-License-Identifier: MPL-2.0
"""The operator's addresses: health, readiness, metrics (``smaajob.ops.views``)."""

from django.urls import path

from smaajob.ops import views

app_name = "ops"

urlpatterns = [
    path("sundhed/", views.health, name="health"),
    path("sundhed/klar/", views.ready, name="ready"),
    path("drift/metrics", views.metrics_view, name="metrics"),
]
