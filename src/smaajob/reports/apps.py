# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Reports: KPI dashboards, evaluation and progression reports."""

    name = "smaajob.reports"
    label = "reports"
