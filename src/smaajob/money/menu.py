# SPDX-License-Identifier: MPL-2.0
"""Menu entries for money, registered from ``MoneyConfig.ready``."""

from __future__ import annotations

from smaajob.organisation.models import Role
from smaajob.web.navigation import FIGURES, register

STAFF_WITH_CITIZENS = {Role.CASEWORKER, Role.CONSULTANT, Role.COORDINATOR, Role.BENEFIT_OFFICE, Role.ADMINISTRATOR}


def register_entries() -> None:
    # Who sees an entry is the page's roles in smaajob.access.pages; roles= only narrows it
    # (the public calculator is open to everyone, but only staff and employers need it in the menu).
    register("money:worklist", "Lønsedler", order=20)
    register("money:my_payslips", "Mine lønsedler", order=20)
    register("money:my_calculator", "Hvad får jeg ud af det?", order=25)
    register("money:employer_payslips", "Indsend lønseddel", order=20)
    menu_roles: set[str] = STAFF_WITH_CITIZENS | {Role.EMPLOYER, Role.ANALYST}
    register("money:calculator", "Beregner", roles=menu_roles, order=60, group=FIGURES)
