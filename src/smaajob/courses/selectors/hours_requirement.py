# SPDX-License-Identifier: MPL-2.0
"""Whether the 225-hour rule applies at all on a day, and its last day.

A citizen's hours and 225-hour status come from ``smaajob.cases`` (the one case builder, which
needs both this app's ledger and money's payslips).
"""

from __future__ import annotations

from datetime import date

from smaajob import rules

# The last day of the 225-hour rule: it was abolished from 1 July 2025 (lov nr. 1655 af
# 30/12/2024; parameter ``hours_requirement_in_force``).
HOURS_REQUIREMENT_LAST_DAY = date(2025, 6, 30)


def hours_requirement_in_force(on: date) -> bool:
    """Whether the 225-hour rule applies in the month of ``on`` at all (it was abolished from
    1 July 2025). Asked of the rules engine with an empty case: its first test is this one."""
    status = rules.hours_requirement_status(rules.CitizenCase(()), rules.month_index(on))
    return status.reason is not rules.Reason.RULE_NOT_IN_FORCE
