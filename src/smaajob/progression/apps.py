# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class ProgressionConfig(AppConfig):
    """Progression assessments recorded in the follow-up flow (DOMAIN §8)."""

    name = "smaajob.progression"
    label = "progression"
    default_auto_field = "django.db.models.BigAutoField"
