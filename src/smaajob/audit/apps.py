# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "smaajob.audit"
    label = "audit"
