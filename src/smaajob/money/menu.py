# SPDX-License-Identifier: MPL-2.0
"""Menu entries for money, registered from ``MoneyConfig.ready``."""

from __future__ import annotations

from smaajob.organisation.models import Role
from smaajob.web.navigation import register

STAFF_WITH_CITIZENS = {Role.CASEWORKER, Role.CONSULTANT, Role.COORDINATOR, Role.BENEFIT_OFFICE, Role.ADMINISTRATOR}


def register_entries() -> None:
    register("money:worklist", "Lønsedler", roles={Role.BENEFIT_OFFICE, Role.ADMINISTRATOR}, order=20)
    register("money:my_payslips", "Mine lønsedler", roles={Role.CITIZEN}, order=20)
    register("money:my_calculator", "Hvad får jeg ud af det?", roles={Role.CITIZEN}, order=25)
    register("money:employer_payslips", "Indsend lønseddel", roles={Role.EMPLOYER}, order=20)
    register("money:calculator", "Beregner", roles=STAFF_WITH_CITIZENS | {Role.EMPLOYER, Role.ANALYST}, order=60)
