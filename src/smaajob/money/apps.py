# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class MoneyConfig(AppConfig):
    """Money: the citizen's calculator (what do I keep?) and the payslip flow."""

    name = "smaajob.money"
    label = "money"

    def ready(self) -> None:
        from smaajob.courses.rules_case import register_ordinary_hours_provider
        from smaajob.money import menu, selectors

        menu.register_entries()
        # Approved payslips add the paid hours of months the ledger holds none for (the rule is
        # stated in ``selectors.payslip_hours_by_month``); the ledger stays the source for weeks.
        register_ordinary_hours_provider("payslip", selectors.payslip_hours_by_month)
