# SPDX-License-Identifier: MPL-2.0
"""Web pages (Danish, server-rendered with HTMX)."""

from django.urls import path

app_name = "web"
urlpatterns: list = []
