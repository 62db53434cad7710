# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class CitizensConfig(AppConfig):
    name = "smaajob.citizens"
    label = "citizens"
