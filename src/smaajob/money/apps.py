# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class MoneyConfig(AppConfig):
    """Money: the citizen's calculator (what do I keep?) and the payslip flow."""

    name = "smaajob.money"
    label = "money"

    def ready(self) -> None:
        from smaajob.courses.rules_case import register_ordinary_hours_source
        from smaajob.money import menu, selectors

        menu.register_entries()
        # Approved payslips know their exact period: their hours replace the payslip-fed
        # ledger weeks in every 225-hour count.
        register_ordinary_hours_source("payslip", selectors.payslip_hours_by_month)
