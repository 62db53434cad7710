# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "smaajob.web"
    label = "web"
