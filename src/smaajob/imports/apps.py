# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "smaajob.imports"
    label = "imports"
    verbose_name = "Import af data"
