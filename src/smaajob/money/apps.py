# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class MoneyConfig(AppConfig):
    """Money: the citizen's calculator (what do I keep?) and the payslip flow."""

    name = "smaajob.money"
    label = "money"

    def ready(self) -> None:
        from smaajob.money import menu

        menu.register_entries()
