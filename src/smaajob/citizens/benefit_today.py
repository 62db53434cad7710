# SPDX-License-Identifier: MPL-2.0
"""The citizen's benefit and rate since 1 July 2025, *derived* from the recorded facts.

Since the kontanthjælp reform (lov nr. 1655 af 30/12/2024, in force 1 July 2025) one benefit,
kontanthjælp, replaces uddannelseshjælp, integrationsydelse / selvforsørgelses- og
hjemrejseydelse and overgangsydelse, and its rate follows from facts (age, children, single or
couple, living with a parent, work history, opholds- og beskæftigelseskrav). The caseworker
records the facts (``RateFacts``); the rate and the amount come from
``smaajob.rules.kontanthjaelp_rate`` with its explanation. Nothing is derived while a fact the
rate needs is not recorded: the page then says which facts are missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from smaajob import rules
from smaajob.citizens.models import Benefit, Citizen, RateFacts, Readiness
from smaajob.citizens.rate_facts import RecordedFacts, age_on
from smaajob.errors import SmaajobError
from smaajob.history import fact_on
from smaajob.rules.benefit_rate import FREE_AMOUNT_KIND, RATE_LABELS, decide_rate

REFORM_START = rules.new_system_from()


def rate_facts_on(citizen: Citizen, on: date) -> RateFacts | None:
    return fact_on(RateFacts, owner={"citizen": citizen}, on=on)


# The target groups whose members are aktivitetsparat (særligt ungetillæg on grundsats).
ACTIVITY_READY = frozenset({"aktivitetsparat", "aktivitetsparat_uh"})


def recorded_facts(row: RateFacts | None, *, activity_ready: bool = False) -> RecordedFacts:
    if row is None:
        return RecordedFacts(activity_ready=activity_ready)
    return RecordedFacts(
        activity_ready=activity_ready,
        children=row.children,
        single=row.single,
        lives_with_parent=row.lives_with_parent,
        full_time_work_years_last_10=row.full_time_work_years_last_10,
        residence_requirement_met=row.residence_requirement_met,
    )


@dataclass(frozen=True)
class DerivedBenefit:
    """What the page, the API, the calculator and the payslip flow use about the benefit on ``day``."""

    day: date
    applies: bool  # the new system applies: on or after 1 July 2025 and on a merged benefit
    age: int | None = None
    facts_row: RateFacts | None = None
    missing: tuple[str, ...] = ()
    problem: str = ""
    rate: str = ""  # a rules.RateCode value
    rate_label: str = ""
    free_amount_kind: str = ""  # a rules.FreeAmountKind value
    monthly_amount: float | None = None  # None: the rate is known, its amount is not in our sources
    amount_problem: str = ""
    explanation: str = ""
    result: Any = None  # rules.RateResult when the amount is known
    facts: Any = None  # rules.BenefitFacts when complete
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "applies": self.applies,
            "age": self.age,
            "missing": list(self.missing),
            "problem": self.problem,
            "rate": self.rate or None,
            "rate_label": self.rate_label or None,
            "free_amount_kind": self.free_amount_kind or None,
            "monthly_amount": self.monthly_amount,
            "amount_problem": self.amount_problem,
            "result": self.result.to_dict() if self.result is not None else None,
            "explanation": self.explanation,
            "notes": list(self.notes),
        }


# "Not read yet" for a caller's readiness (None is an answer: no target group on the day).
_UNREAD: Any = object()


def facts_for(
    citizen: Citizen, day: date, *, readiness: Readiness | None = _UNREAD
) -> tuple[RecordedFacts, RateFacts | None]:
    """The recorded facts in force on ``day`` (and their row), with aktivitetsparat from the target group.

    ``readiness`` is the target group in force on ``day`` when the caller read it already (the
    citizen page shows it): the same row ``fact_on`` would read here."""
    row = rate_facts_on(citizen, day)
    if readiness is _UNREAD:
        readiness = fact_on(Readiness, owner={"citizen": citizen}, on=day)
    return recorded_facts(row, activity_ready=readiness is not None and readiness.category in ACTIVITY_READY), row


def derived_benefit(
    citizen: Citizen, day: date, *, benefit: Benefit | None = None, readiness: Readiness | None = _UNREAD
) -> DerivedBenefit:
    """The rate the facts give on ``day`` and its amount, or why they cannot be given."""
    if benefit is None:
        benefit = fact_on(Benefit, owner={"citizen": citizen}, on=day)
    if day < REFORM_START or benefit is None or benefit.benefit_type not in rules.LAS_HELP_KINDS:
        return DerivedBenefit(day=day, applies=False)
    recorded, row = facts_for(citizen, day, readiness=readiness)
    notes = []
    if benefit.benefit_type != "kontanthjaelp":
        notes.append(
            f"Den registrerede ydelse ({benefit.get_benefit_type_display()}) er fra 1. juli 2025 erstattet af "
            "kontanthjælp (lov nr. 1655 af 30/12/2024)."
        )
    if row is not None and row.migrated:
        notes.append("Oplysningerne er udfyldt ved opdateringen af systemet og bør bekræftes af rådgiveren.")
    base = DerivedBenefit(day=day, applies=True, facts_row=row, notes=tuple(notes))
    try:
        age = age_on(citizen.birth_date, day)
        missing = tuple(recorded.missing(age=age))
        if missing:
            return replace(base, age=age, missing=missing)
        facts = recorded.as_rules_facts(age=age)
        try:
            result = rules.kontanthjaelp_rate(day, facts)
        except rules.ValueNotKnown as unknown:
            # The rate follows from the facts even where our sources lack its amount.
            trace = rules.Trace("Hvilken kontanthjælp har du ret til?")
            code = decide_rate(day, facts, rules.default_parameters(), trace)
            return replace(
                base,
                age=age,
                facts=facts,
                rate=code.value,
                rate_label=RATE_LABELS[code],
                free_amount_kind=FREE_AMOUNT_KIND[code].value,
                amount_problem=unknown.message,
                explanation=trace.render_text(),
            )
    except SmaajobError as error:
        return replace(base, problem=error.message)
    return replace(
        base,
        age=age,
        facts=facts,
        rate=result.rate,
        rate_label=result.rate_label,
        free_amount_kind=result.free_amount_kind,
        monthly_amount=result.monthly_amount,
        explanation=result.render_text(),
        result=result,
    )
