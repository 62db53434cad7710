# SPDX-License-Identifier: MPL-2.0
"""The demo citizens on the kontanthjælp system since 1 July 2025: their rate facts and work duty.

Demo citizens on kontanthjælp, uddannelseshjælp or integrationsydelse whose benefit runs into
July 2025 or later get the facts the new rate follows from (lov nr. 1655 af 30/12/2024),
recorded from 1 July 2025 (or from the benefit's start, if later). Those on integrationsydelse
(the former SHO group) do not meet the opholds- og beskæftigelseskrav: they get mindstesats and
are under the work duty (arbejdspligt, star.dk "Om arbejdspligt"), with the hours they can
manage planned. The facts are fixed per trajectory, so the demo stays deterministic and the
random draws of the rest of the demo are untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from smaajob.demo.trajectories import Trajectory
from smaajob.rules import LAS_HELP_KINDS, new_system_from

REFORM_START = new_system_from()
WORK_DUTY_BASIS = (
    "Arbejdspligt for modtagere af kontanthjælp, der ikke opfylder opholds- og beskæftigelseskravet "
    "(fra 1. juli 2025; star.dk »Om arbejdspligt«)"
)
# A young citizen's work history in the demo: short of the 2½ years that give forhøjet sats.
YOUNG_WORK_YEARS = Decimal("1")


@dataclass(frozen=True)
class DemoFacts:
    valid_from: date
    children: int
    single: bool
    lives_with_parent: bool
    full_time_work_years_last_10: Decimal | None
    residence_requirement_met: bool
    work_duty_hours: Decimal | None  # None: not under the work duty

    def rate_facts(self) -> dict[str, object]:
        return {
            "valid_from": self.valid_from,
            "children": self.children,
            "single": self.single,
            "lives_with_parent": self.lives_with_parent,
            "full_time_work_years_last_10": self.full_time_work_years_last_10,
            "residence_requirement_met": self.residence_requirement_met,
        }


def demo_coverage_facts(trajectory: Trajectory, *, benefit_from: date) -> dict[str, object] | None:
    """Who-is-covered facts for a demo citizen the trajectory marks as married
    (``extra["spouse_support"]``), recorded from the benefit's start; None for the others."""
    support = trajectory.extra.get("spouse_support")
    if not support:
        return None
    children = int(trajectory.extra.get("children", "0"))
    return {"valid_from": benefit_from, "spouse_support": support, "provider": children > 0}


def demo_facts(trajectory: Trajectory, *, benefit_from: date, today: date) -> DemoFacts | None:
    """The facts for a demo citizen, or None when the new system does not reach them."""
    if trajectory.benefit not in LAS_HELP_KINDS or today < REFORM_START:
        return None
    residence = trajectory.benefit != "integrationsydelse"
    return DemoFacts(
        valid_from=max(REFORM_START, benefit_from),
        children=int(trajectory.extra.get("children", "0")),
        single="spouse_support" not in trajectory.extra,  # a married demo citizen is not single
        lives_with_parent=False,
        # Ages are on the demo's today; a citizen who is 30 now may have been 29 in July 2025.
        full_time_work_years_last_10=YOUNG_WORK_YEARS if trajectory.age <= 31 else None,
        residence_requirement_met=residence,
        work_duty_hours=None if residence else Decimal(str(min(37.0, trajectory.capacity))),
    )
