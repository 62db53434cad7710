# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Reports: KPI dashboards, evaluation and progression reports."""

    name = "smaajob.reports"
    label = "reports"

    def ready(self) -> None:
        from smaajob.web.navigation import register

        register(
            "reports:dashboard", "Nøgletal og evaluering", roles={"coordinator", "analyst", "administrator"}, order=40
        )
        register("reports:costs", "Pris på indsatsen", roles={"coordinator", "analyst", "administrator"}, order=41)
