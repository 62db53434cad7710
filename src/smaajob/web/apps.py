# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "smaajob.web"
    label = "web"

    def ready(self) -> None:
        from smaajob.web import admin_site  # noqa: F401  (restricts the admin to administrators)
