# SPDX-License-Identifier: MPL-2.0
"""Which kontanthjælp rate and supplements a citizen has, worked out from recorded facts.

From 1 July 2025 (lov nr. 1655 af 30/12/2024, LAS §§ 16-18) there is one benefit with four
rates: *mindstesats* (opholds- og beskæftigelseskravet not met), *grundsats* (under 30 without
about 2½ years of full-time work in the last 10), *forhøjet sats* (30 or over, or 25-29 with
that work history) and the rate for *hjemmeboende* (under 30, living with a parent, no own
child), plus supplements. Before that day the old table applies as far as our parameters hold
it (kontanthjælp at the adult rate, provider or not). The caseworker records the facts; the
rules derive the rate, explain each step with its source, and refuse to guess a missing fact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from smaajob.rules.errors import FactMissing, ImpossibleFacts, ValueNotKnown
from smaajob.rules.offset import FreeAmountKind
from smaajob.rules.parameters import ParameterSet, default_parameters
from smaajob.rules.trace import Trace, format_kr, format_number

# The parameter that exists only from 1 July 2025: where it is not in force, the old table applies.
NEW_SYSTEM_PARAMETER = "kontanthjaelp_rate_forhoejet"
MAX_AGE = 130
MAX_CHILDREN = 30
# Nobody works full time before the age of 13 (the youngest age for light work, arbejdsmiljøloven).
YOUNGEST_WORKING_AGE = 13


class RateCode(StrEnum):
    MINDSTESATS = "mindstesats"
    GRUNDSATS = "grundsats"
    FORHOEJET = "forhoejet"
    HJEMMEBOENDE = "hjemmeboende"
    OVER30_PROVIDER = "over30_provider"     # before 1 July 2025: LAS § 25, stk. 2, nr. 1
    OVER30_OTHER = "over30_other"           # before 1 July 2025: LAS § 25, stk. 2, nr. 2


RATE_LABELS = {
    RateCode.MINDSTESATS: "mindstesats",
    RateCode.GRUNDSATS: "grundsats",
    RateCode.FORHOEJET: "forhøjet sats",
    RateCode.HJEMMEBOENDE: "sats for hjemmeboende",
    RateCode.OVER30_PROVIDER: "kontanthjælp, fyldt 30 år, forsørger",
    RateCode.OVER30_OTHER: "kontanthjælp, fyldt 30 år, ikke forsørger",
}
RATE_PARAMETER = {
    RateCode.MINDSTESATS: "kontanthjaelp_rate_mindstesats",
    RateCode.GRUNDSATS: "kontanthjaelp_rate_grundsats",
    RateCode.FORHOEJET: "kontanthjaelp_rate_forhoejet",
    RateCode.HJEMMEBOENDE: "kontanthjaelp_rate_hjemmeboende",
    RateCode.OVER30_PROVIDER: "kontanthjaelp_rate_over30_provider",
    RateCode.OVER30_OTHER: "kontanthjaelp_rate_over30_other",
}
FREE_AMOUNT_KIND = {
    RateCode.MINDSTESATS: FreeAmountKind.STANDARD,
    RateCode.GRUNDSATS: FreeAmountKind.STANDARD,
    RateCode.FORHOEJET: FreeAmountKind.RAISED_RATE,
    RateCode.HJEMMEBOENDE: FreeAmountKind.HOME_RATE,
    RateCode.OVER30_PROVIDER: FreeAmountKind.HOURLY_DISREGARD,
    RateCode.OVER30_OTHER: FreeAmountKind.HOURLY_DISREGARD,
}

NOT_MODELLED = (
    "Midlertidigt tilpasningstillæg (1. juli 2025 - 30. juni 2027) er ikke regnet med: det "
    "afhænger af den hjælp, du fik før 1. juli 2025, som reglerne her ikke kender.",
    "Fritidstillæg til børn er ikke regnet med: vores eneste kilde til beløbet er en "
    "forbrugerguide (450 kr. pr. barn, højst 3 børn), og det udbetales mod dokumentation.",
    "En ægtefælles eller samlevers indtægt og formue er ikke regnet med.",
    "Særlige satser og regler for gravide, for personer med forsørgerpligt uden for hjemmet "
    "(bidragspligt) og for forsørgere under 30 år uden ret til ekstra børnetilskud er ikke "
    "modelleret.",
)


@dataclass(frozen=True)
class BenefitFacts:
    """Facts the caseworker records, as of the day asked. ``None``: not recorded."""

    age: int
    children: int = 0                    # children under 18 the citizen provides for
    single: bool = True                  # not married and not cohabiting
    lives_with_parent: bool = False
    full_time_work_years_last_10: float | None = None
    residence_requirement_met: bool = True   # opholds- og beskæftigelseskrav (LAS § 11)
    activity_ready: bool = False         # aktivitetsparat: gives særligt ungetillæg on grundsats


@dataclass(frozen=True)
class RateResult:
    day: dt.date
    rate: str
    rate_label: str
    base_amount: float
    supplements: tuple[tuple[str, str, float], ...]
    monthly_amount: float
    free_amount_kind: str
    trace: Trace
    not_modelled: tuple[str, ...] = NOT_MODELLED

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "rate": self.rate,
            "rate_label": self.rate_label,
            "base_amount": round(self.base_amount, 2),
            "supplements": [{"code": c, "label": label, "amount": round(a, 2)}
                            for c, label, a in self.supplements],
            "monthly_amount": round(self.monthly_amount, 2),
            "free_amount_kind": self.free_amount_kind,
            "not_modelled": list(self.not_modelled),
            "trace": self.trace.to_dict(),
        }

    def render_text(self) -> str:
        return self.trace.render_text()


def new_system(params: ParameterSet, day: dt.date) -> bool:
    return params.entry(NEW_SYSTEM_PARAMETER, day).status != "not_in_force"


def new_system_from(params: ParameterSet | None = None) -> dt.date:
    """The first day of the kontanthjælp system of lov nr. 1655 af 30/12/2024 (1 July 2025), read
    from the dated parameters: the first entry of the rate that exists only from then."""
    params = params or default_parameters()
    for entry in params[NEW_SYSTEM_PARAMETER].values:
        if entry.status != "not_in_force":
            return entry.effective_from
    raise AssertionError(f"{NEW_SYSTEM_PARAMETER} har ingen dato, hvor satsen gælder")  # pragma: no cover


def check_facts(facts: BenefitFacts) -> None:
    """Refuse facts that cannot all be true, with a Danish sentence naming the fact."""
    if isinstance(facts.age, bool) or not isinstance(facts.age, int) \
            or not 0 <= facts.age <= MAX_AGE:
        raise ImpossibleFacts(f"alderen skal være et helt antal år mellem 0 og {MAX_AGE}",
                              field="age")
    if isinstance(facts.children, bool) or not isinstance(facts.children, int) \
            or not 0 <= facts.children <= MAX_CHILDREN:
        raise ImpossibleFacts(f"antal børn skal være et helt tal mellem 0 og {MAX_CHILDREN}",
                              field="children")
    years = facts.full_time_work_years_last_10
    if years is not None:
        if not 0 <= years <= 10:
            raise ImpossibleFacts("fuldtidsarbejde inden for de seneste 10 år skal være mellem "
                                  "0 og 10 år", field="full_time_work_years_last_10")
        if years > max(0, facts.age - YOUNGEST_WORKING_AGE):
            raise ImpossibleFacts(
                f"{format_number(years)} års fuldtidsarbejde passer ikke med alderen "
                f"{facts.age} år (ingen arbejder fuld tid før {YOUNGEST_WORKING_AGE} år)",
                field="full_time_work_years_last_10")


def decide_rate(day: dt.date, facts: BenefitFacts, params: ParameterSet,
                trace: Trace) -> RateCode:
    """The rate code for ``facts`` on ``day``, each step in ``trace``; amounts not looked up."""
    check_facts(facts)
    trace.input("age", "Alder", facts.age)
    trace.input("children", "Børn under 18 år, du forsørger", facts.children)
    trace.input("single", "Enlig (hverken gift eller samlevende)", facts.single)
    trace.input("lives_with_parent", "Bor hos en eller begge forældre", facts.lives_with_parent)
    trace.input("full_time_work_years_last_10", "Fuldtidsarbejde de seneste 10 år (år)",
                facts.full_time_work_years_last_10)
    trace.input("residence_requirement_met", "Opholds- og beskæftigelseskravet er opfyldt",
                facts.residence_requirement_met)
    if not new_system(params, day):
        return _old_rate(day, facts, params, trace)
    minimum = trace.number(params, "kontanthjaelp_minimum_age", day)
    if facts.age < minimum:
        raise ImpossibleFacts(f"kontanthjælp kræver, at man er fyldt {format_number(minimum)} år",
                              field="age")
    young = trace.number(params, "kontanthjaelp_young_rate_max_age", day)
    if facts.age < young and facts.lives_with_parent and facts.children == 0:
        trace.step(f"Du er under {format_number(young)} år, bor hos dine forældre og forsørger "
                   "ikke eget barn: sats for hjemmeboende (LAS § 16).")
        return RateCode.HJEMMEBOENDE
    if facts.lives_with_parent and facts.age < young:
        trace.step("Du bor hos dine forældre, men forsørger eget barn: derfor ikke satsen for "
                   "hjemmeboende.")
    if not facts.residence_requirement_met:
        trace.step("Opholds- og beskæftigelseskravet er ikke opfyldt: mindstesats (LAS § 16).")
        return RateCode.MINDSTESATS
    adult = trace.number(params, "kontanthjaelp_raised_rate_age", day)
    if facts.age >= adult:
        trace.step(f"Du er fyldt {format_number(adult)} år: forhøjet sats (LAS § 16).")
        return RateCode.FORHOEJET
    youngest = trace.number(params, "kontanthjaelp_raised_rate_young_min_age", day)
    if facts.age >= youngest:
        needed = trace.number(params, "kontanthjaelp_raised_rate_work_years", day)
        years = facts.full_time_work_years_last_10
        if years is None:
            raise FactMissing(
                f"satsen for en {facts.age}-årig afhænger af, om personen har haft "
                f"{format_number(needed, 1)} års ordinært fuldtidsarbejde inden for de seneste "
                "10 år; oplys arbejdshistorikken", field="full_time_work_years_last_10")
        if years >= needed:
            trace.step(f"Du er {facts.age} år og har {format_number(years, 1)} års fuldtidsarbejde "
                       f"(mindst {format_number(needed, 1)}) inden for 10 år: forhøjet sats "
                       "(LAS § 16).")
            return RateCode.FORHOEJET
        trace.step(f"Du er {facts.age} år med {format_number(years, 1)} års fuldtidsarbejde (under "
                   f"{format_number(needed, 1)}) inden for 10 år: grundsats (LAS § 16).")
        return RateCode.GRUNDSATS
    trace.step(f"Du er under {format_number(youngest)} år: grundsats (LAS § 16).")
    return RateCode.GRUNDSATS


def _old_rate(day: dt.date, facts: BenefitFacts, params: ParameterSet,
              trace: Trace) -> RateCode:
    if not facts.residence_requirement_met:
        raise ValueNotKnown("integrationsydelse/selvforsørgelses- og hjemrejseydelse", day,
                            "satserne før 1. juli 2025 for personer, der ikke opfylder "
                            "opholdskravet, er ikke modelleret; angiv hjælpens beløb")
    adult = trace.number(params, "kontanthjaelp_adult_rate_age", day)
    if facts.age < adult:
        raise ValueNotKnown("kontanthjælp/uddannelseshjælp under voksenalderen", day,
                            f"satserne før 1. juli 2025 for personer under "
                            f"{format_number(adult)} år er ikke modelleret; angiv hjælpens beløb")
    if facts.children > 0:
        trace.step(f"Du er fyldt {format_number(adult)} år og forsørger børn: kontanthjælp som "
                   "forsørger (LAS § 25, stk. 2, nr. 1).")
        return RateCode.OVER30_PROVIDER
    trace.step(f"Du er fyldt {format_number(adult)} år og forsørger ikke børn: kontanthjælp som "
               "ikke-forsørger (LAS § 25, stk. 2, nr. 2).")
    return RateCode.OVER30_OTHER


def supplements_for(day: dt.date, facts: BenefitFacts, code: RateCode, params: ParameterSet,
                    trace: Trace) -> tuple[tuple[str, str, float], ...]:
    """The supplements (code, Danish label, amount) the facts give on ``code``'s rate."""
    if not new_system(params, day):
        return ()
    found: list[tuple[str, str, float]] = []

    def add(name: str, why: str) -> None:
        amount = trace.number(params, name, day)
        label = params[name].label
        found.append((name.removeprefix("kontanthjaelp_supplement_"), label, amount))
        trace.step(f"{label[0].upper()}{label[1:]}: {format_kr(amount)} ({why}).", amount)

    if facts.children > 0:
        add("kontanthjaelp_supplement_children", "du forsørger børn under 18 år")
    if facts.single and facts.children > 0 and code in (RateCode.MINDSTESATS,
                                                        RateCode.GRUNDSATS):
        add("kontanthjaelp_supplement_single_provider", "enlig forsørger på " + RATE_LABELS[code])
        trace.note("Tillæg til enlige forsørgere forudsætter ret til ekstra børnetilskud; vi "
                   "antager, at en enlig forsørger har den ret.")
    if facts.single and facts.children == 0 and code in (RateCode.GRUNDSATS,
                                                         RateCode.FORHOEJET):
        add("kontanthjaelp_supplement_single_non_provider",
            "enlig uden børn på " + RATE_LABELS[code])
    young = trace.number(params, "kontanthjaelp_young_rate_max_age", day)
    if code is RateCode.GRUNDSATS and facts.age < young:
        if not facts.activity_ready:
            trace.note("Særligt ungetillæg gives på grundsats til aktivitetsparate under "
                       f"{format_number(young)} år; du er ikke registreret som aktivitetsparat, "
                       "så det er ikke regnet med.")
        elif facts.children > 0:
            add("kontanthjaelp_supplement_youth_provider", "aktivitetsparat forsørger")
        elif facts.age < trace.number(params, "kontanthjaelp_raised_rate_young_min_age", day):
            add("kontanthjaelp_supplement_youth_under25", "aktivitetsparat under 25 år")
        else:
            add("kontanthjaelp_supplement_youth_25_29", "aktivitetsparat 25-29 år")
    return tuple(found)


def kontanthjaelp_rate(day: dt.date, facts: BenefitFacts, params: ParameterSet | None = None,
                       trace: Trace | None = None) -> RateResult:
    """The citizen's monthly kontanthjælp on ``day`` without work: rate, supplements, total.

    Raises ``ImpossibleFacts`` for facts that cannot all be true, ``FactMissing`` where the
    rate depends on a fact not recorded, and ``ValueNotKnown`` where our sources give no amount.
    """
    params = params or default_parameters()
    trace = trace or Trace("Hvilken kontanthjælp har du ret til?")
    code = decide_rate(day, facts, params, trace)
    base = trace.number(params, RATE_PARAMETER[code], day)
    trace.step(f"{RATE_LABELS[code][0].upper()}{RATE_LABELS[code][1:]}: {format_kr(base)} "
               "pr. måned.", base)
    supplements = supplements_for(day, facts, code, params, trace)
    total = base + sum(amount for _, _, amount in supplements)
    if supplements:
        trace.step(f"Hjælp i alt uden arbejde: {format_kr(total)} pr. måned.", total)
    if new_system(params, day):
        for note in NOT_MODELLED:
            trace.note(note)
    return RateResult(day, code.value, RATE_LABELS[code], base, supplements, total,
                      FREE_AMOUNT_KIND[code].value, trace,
                      NOT_MODELLED if new_system(params, day) else ())
