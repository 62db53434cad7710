# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class CorrectionsConfig(AppConfig):
    name = "smaajob.corrections"
    verbose_name = "Rettelser og annulleringer"
