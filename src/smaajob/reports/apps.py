# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Reports: KPI dashboards, evaluation and progression reports."""

    name = "smaajob.reports"
    label = "reports"

    def ready(self) -> None:
        from smaajob.web.navigation import FIGURES, register

        # Who sees an entry is the page's roles in smaajob.access.pages.
        register("reports:dashboard", "Nøgletal og evaluering", order=40, group=FIGURES)
        register("reports:costs", "Pris på indsatsen", order=41, group=FIGURES)
