# SPDX-License-Identifier: MPL-2.0
"""Which benefits the 225-hour rule covers: the one place the set is written.

The rule (the "skærpede rådighedskrav") applies to recipients of help under LAS § 11:
kontanthjælp, uddannelseshjælp and integrationsydelse (from 2019/2020 named
selvforsørgelses- og hjemrejseydelse and overgangsydelse) — LAS § 13 f, stk. 1; Arbejdsmarkeds-
og Rekrutteringsstyrelsens vejledning nr. 9514 af 30/6 2021 om 225-timersreglen, "Indledning"
(http://www.socialjura.dk/content-storage/regler/2021/vejl-9514-af-306-2021/); "Har du fået
kontant- eller uddannelseshjælp eller integrationsydelse i et år i løbet af de sidste tre år,
skal du arbejde mindst 225 timer" (https://www.kk.dk/artikel/225-timers-reglen).

The benefit kinds are the project's codes (``citizens.Benefit.benefit_type``). Who among the
recipients is covered (unmarried recipients of integrationsydelse, couples) is issue 20 item 7.
"""

from __future__ import annotations

import datetime as dt

_COVERED = frozenset({"kontanthjaelp", "uddannelseshjaelp", "integrationsydelse"})


def covered_benefits(on: dt.date | None = None) -> frozenset[str]:
    """The benefit kinds the 225-hour rule covers on ``on`` (the same set for every date the rule
    was in force, 1 April 2016 – 30 June 2025)."""
    return _COVERED
