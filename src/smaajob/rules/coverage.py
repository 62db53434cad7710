# SPDX-License-Identifier: MPL-2.0
"""Which benefits the 225-hour rule covers, read from the rule parameters.

The set is a legal fact, so it lives in the dated parameter files
``hours_requirement_covers_<benefit kind>.yaml`` (one boolean per kind of help under LAS § 11,
each with its source), and every user — the case builder (``smaajob.cases``), the worklist, the
reports' counting engine — asks this module instead of writing the set again.

The rule applies to recipients of kontanthjælp, uddannelseshjælp and integrationsydelse (from
2019/2020 named selvforsørgelses- og hjemrejseydelse and overgangsydelse) — LAS § 13 f, stk. 1;
Vejledning nr. 9514 af 30/6 2021 om 225-timersreglen, "Indledning". Who among the recipients
of integrationsydelse is covered (unmarried never, couples with children only once entitled to
full child benefit) is decided by ``smaajob.rules.hours_requirement.coverage_by_benefit`` from
the month's ``benefit_kind`` and the case's facts.

The benefit kinds are the project's codes (``citizens.Benefit.benefit_type``,
``smaajob.rules.case.BenefitKind``).
"""

from __future__ import annotations

import datetime as dt
import functools

from smaajob.rules.case import BenefitKind
from smaajob.rules.parameters import ParameterSet, default_parameters


def _parameter_name(kind: BenefitKind) -> str:
    return f"hours_requirement_covers_{kind.value}"


@functools.lru_cache(maxsize=512)
def _covered_on(parameters: ParameterSet, on: dt.date | None) -> frozenset[str]:
    kinds: set[str] = set()
    for kind in BenefitKind:
        parameter = parameters[_parameter_name(kind)]
        if on is None:
            # Undated: every kind the rule has covered on some day (a filter over a history).
            if any(entry.value is True for entry in parameter.values):
                kinds.add(kind.value)
            continue
        if on < parameter.values[0].effective_from:
            continue  # the kind of help did not exist, or the rule did not cover it, yet
        if parameter.entry_on(on).value is True:
            kinds.add(kind.value)
    return frozenset(kinds)


def covered_benefits(on: dt.date | None = None, *, parameters: ParameterSet | None = None) -> frozenset[str]:
    """The benefit kinds the 225-hour rule covers on ``on``; without a date, every kind it has
    covered on some day (for filtering a citizen's benefit history)."""
    return _covered_on(parameters or default_parameters(), on)
