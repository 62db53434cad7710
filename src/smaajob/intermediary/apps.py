# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class IntermediaryConfig(AppConfig):
    name = "smaajob.intermediary"
    label = "intermediary"
    verbose_name = "Mellemled (arbejdsgiver)"
