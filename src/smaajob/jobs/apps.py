# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "smaajob.jobs"
    label = "jobs"
    verbose_name = "Baggrundsjob"
