# SPDX-License-Identifier: MPL-2.0
from django.urls import path  # noqa: F401

app_name = "money"
urlpatterns: list = []
