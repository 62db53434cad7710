# SPDX-License-Identifier: MPL-2.0
"""The 225-hour rule (LAS §§ 13 f-13 h, 1 April 2016 - 30 June 2025) for one citizen and month.

For each month the result is one of: not covered, exempt, met, at risk, or *reduction
proposed*. A reduction is only ever a proposal: the law gives the caseworker the decision
(a national system once cut benefits without one). Exemptions and decided reductions are
inputs, taken from the caseworker's recorded decisions.

Legal choices, each explained where it is coded:

* The hours are those of the 12 calendar months before the month (6 in the transitional
  period October 2016 - March 2017), extended at the far end by the *days* of recorded sick
  leave and of the covid-19 periods (LAS § 13 h); only the added days count, so a partly added
  month counts its hours pro rata (``window_for`` explains the choice).
* Covered = a covered benefit this month and at least 12 months of help in the 36 before
  (for applicants in the first covid-19 period, only help from October 2020, § 13 h stk. 1).
* A reduction already decided continues during the 2020 suspension.
* Month-level parameters take the value in force on the last day of the month.

The vectorised twin for a whole population is ``smaajob.rules.population``; a property test
keeps the two in agreement.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass
from enum import StrEnum

from smaajob.rules.case import (
    EXEMPTION_GROUND_TEXT,
    SPOUSE_NOT_AVAILABLE,
    BenefitKind,
    CitizenCase,
    Rate,
    SpouseSupport,
)
from smaajob.rules.errors import FactMissing, ValueNotKnown
from smaajob.rules.months import (
    danish_date,
    danish_month,
    days_in_month,
    format_month,
    month_end,
    month_start,
)
from smaajob.rules.parameters import ParameterSet, ParameterValue, default_parameters
from smaajob.rules.trace import Trace, format_kr, format_number

# A bound on how far sick leave can push the window back; keeps the search finite. The law
# sets no bound we have found; 48 months is beyond any realistic case and is documented.
MAX_WINDOW_MONTHS = 48


class Status(StrEnum):
    NOT_COVERED = "not_covered"
    EXEMPT = "exempt"
    MET = "met"
    AT_RISK = "at_risk"
    REDUCTION_PROPOSED = "reduction_proposed"


STATUS_CODES = {status: code for code, status in enumerate(Status)}

STATUS_TEXT = {
    Status.NOT_COVERED: "Ikke omfattet af 225-timersreglen",
    Status.EXEMPT: "Undtaget efter sagsbehandlers afgørelse",
    Status.MET: "Kravet om 225 timer er opfyldt",
    Status.AT_RISK: "I risiko for nedsættelse",
    Status.REDUCTION_PROPOSED: "Forslag om nedsættelse – kræver sagsbehandlers afgørelse",
}


class Reason(StrEnum):
    NONE = ""
    RULE_NOT_IN_FORCE = "rule_not_in_force"
    NO_COVERED_BENEFIT = "no_covered_benefit"
    RULE_SUSPENDED = "rule_suspended"
    UNDER_ONE_YEAR_OF_HELP = "under_one_year_of_help"
    SU_LEVEL_RATE = "su_level_rate"
    EXEMPTION_DECISION = "exemption_decision"
    REDUCTIONS_NOT_YET_PAYABLE = "reductions_not_yet_payable"
    NEXT_MONTH_SHORT = "next_month_short"
    REQUIREMENT_NOT_MET = "requirement_not_met"
    # Who is covered by the benefit received (LAS § 13 f stk. 3-7); appended to keep the codes.
    INTEGRATION_BENEFIT_UNMARRIED = "integration_benefit_unmarried"
    SPOUSE_NOT_AVAILABLE = "spouse_not_available"
    BEFORE_FULL_CHILD_BENEFIT = "before_full_child_benefit"
    # 2011: the hours rule for married couples only (LAS § 13 stk. 8).
    MARRIED_COUPLES_ONLY = "married_couples_only"


REASON_CODES = {reason: code for code, reason in enumerate(Reason)}


@dataclass(frozen=True, slots=True)
class MonthRules:
    """The rule's parameters as they apply to one calendar month."""

    month: int
    in_force: bool
    married_only: bool
    payable: bool
    suspended: bool
    suspension_days: int
    extension_days: int
    required_hours: float
    window_months: int
    coverage_months: int
    coverage_lookback: int
    self_employment_min_weekly: float
    reduction_full: float | None
    reduction_lower: float | None
    entries: tuple[tuple[ParameterValue, str, str], ...]


def _days_true(params: ParameterSet, name: str, month: int) -> int:
    """Days of ``month`` on which the boolean parameter ``name`` is true."""
    parameter = params[name]
    first, last = month_start(month), month_end(month)
    days = 0
    entries = parameter.entries_between(first, last)
    for position, entry in enumerate(entries):
        if entry.value is True:
            start = max(entry.effective_from, first)
            end = entries[position + 1].effective_from - dt.timedelta(days=1) \
                if position + 1 < len(entries) else last
            days += (min(end, last) - start).days + 1
    return days


@functools.lru_cache(maxsize=4096)
def _month_rules(params: ParameterSet, month: int) -> MonthRules:
    last = month_end(month)
    used: list[tuple[ParameterValue, str, str]] = []

    def entry(name: str) -> ParameterValue:
        parameter = params[name]
        found = parameter.entry_on(last)
        used.append((found, parameter.label, parameter.unit))
        return found

    in_force_parameter = params["hours_requirement_in_force"]
    # Before the file's first date (2011) the rule certainly did not exist.
    in_force = (in_force_parameter.values[0].effective_from <= last
                and entry("hours_requirement_in_force").value is True)
    if not in_force:
        return MonthRules(month, False, False, False, False, 0, 0, math.nan, 12, 12, 36,
                          math.inf, None, None, tuple(used))
    suspension = _days_true(params, "hours_requirement_suspended", month)
    extension = _days_true(params, "hours_requirement_covid_extension", month)
    for name, days in (("hours_requirement_suspended", suspension),
                       ("hours_requirement_covid_extension", extension)):
        if days:
            parameter = params[name]
            for found in parameter.entries_between(month_start(month), last):
                used.append((found, parameter.label, parameter.unit))
    payable = entry("hours_requirement_reductions_payable").value is True
    married_only = entry("hours_requirement_married_only").value is True

    def number(name: str) -> float:
        found = entry(name)
        if found.value is None:
            raise ValueNotKnown(name, last, found.reference)
        return float(found.value)

    def amount(name: str) -> float | None:
        found = params[name].entry_on(last)
        return None if found.value is None else float(found.value)

    # The self-employment minimum is not known for 2011: NaN, and ``counted_hours`` refuses to
    # count self-employment hours against it rather than guess.
    self_employment = entry("hours_requirement_self_employment_min_weekly_hours").value
    return MonthRules(
        month=month,
        in_force=True,
        married_only=married_only,
        payable=payable,
        suspended=suspension > 0,
        suspension_days=suspension,
        extension_days=extension,
        required_hours=number("hours_requirement_hours"),
        window_months=int(number("hours_requirement_window_months")),
        coverage_months=int(number("hours_requirement_coverage_months")),
        coverage_lookback=int(number("hours_requirement_coverage_lookback_months")),
        self_employment_min_weekly=math.nan if self_employment is None else float(self_employment),
        reduction_full=amount("hours_requirement_reduction_full"),
        reduction_lower=amount("hours_requirement_reduction_lower"),
        entries=tuple(used),
    )


def month_rules(params: ParameterSet, month: int) -> MonthRules:
    return _month_rules(params, month)


@dataclass(frozen=True)
class HoursRequirementResult:
    """The 225-hour status of one citizen in one month, with its explanation."""

    month: int
    status: Status
    reason: Reason
    hours_counted: float
    hours_required: float
    hours_missing: float
    next_month_hours_missing: float
    avoid_by: dt.date | None
    amount: float | None
    amount_kind: str | None
    amount_unknown: bool
    window_start: int | None
    window_end: int | None
    extension_months: int
    months_of_help: int
    trace: Trace
    extension_days: int = 0
    exemption_ground: str | None = None
    lapse_date: dt.date | None = None
    warning_by: dt.date | None = None
    hearing_by: dt.date | None = None

    @property
    def is_proposal(self) -> bool:
        return self.status is Status.REDUCTION_PROPOSED

    def to_dict(self) -> dict[str, object]:
        return {
            "month": format_month(self.month),
            "status": self.status.value,
            "status_text": STATUS_TEXT[self.status],
            "reason": self.reason.value,
            "hours_counted": self.hours_counted,
            "hours_required": None if math.isnan(self.hours_required) else self.hours_required,
            "hours_missing": self.hours_missing,
            "next_month_hours_missing": self.next_month_hours_missing,
            "avoid_by": self.avoid_by.isoformat() if self.avoid_by else None,
            "amount": self.amount,
            "amount_kind": self.amount_kind,
            "amount_unknown": self.amount_unknown,
            "requires_caseworker_decision": self.is_proposal,
            "exemption_ground": self.exemption_ground,
            "warning": None if self.lapse_date is None else {
                "lapse_date": self.lapse_date.isoformat(),
                "warning_letter_by": self.warning_by.isoformat() if self.warning_by else None,
                "hearing_by": self.hearing_by.isoformat() if self.hearing_by else None,
            },
            "window": None if self.window_start is None or self.window_end is None else {
                "first_month": format_month(self.window_start),
                "last_month": format_month(self.window_end),
                "extension_months": self.extension_months,
                "extension_days": self.extension_days,
            },
            "months_of_help": self.months_of_help,
            "trace": self.trace.to_dict(),
        }

    def render_text(self) -> str:
        return self.trace.render_text()


def counted_hours(case: CitizenCase, month: int, rules: MonthRules) -> float:
    record = case.record(month)
    hours = record.ordinary_hours
    if record.self_employment_hours and math.isnan(rules.self_employment_min_weekly):
        raise ValueNotKnown("hours_requirement_self_employment_min_weekly_hours",
                            month_end(rules.month),
                            "om selvstændig virksomhed tæller med i denne periode, står ikke i "
                            "vores kilder")
    # Self-employment counts only if documented at ≥ 20 h/week of wage-work equivalent.
    if record.self_employment_weekly_hours >= rules.self_employment_min_weekly:
        hours += record.self_employment_hours
    return hours


def _neutral_days(case: CitizenCase, month: int, params: ParameterSet) -> int:
    """Days of ``month`` that lengthen the period: sick leave and the other grounds of § 13 f
    stk. 12 the caseworker recorded, and the covid-19 periods (§ 13 h), at most the month."""
    rules = month_rules(params, month)
    record = case.record(month)
    return min(days_in_month(month),
               record.sick_days + record.other_extension_days + rules.extension_days)


@dataclass(frozen=True, slots=True)
class Window:
    """The months whose hours count for one month's requirement.

    ``first_full`` … the month before the evaluated one count whole; ``partial`` (if any) is the
    month before ``first_full``, of which only its last ``partial_days`` days are added.
    ``extension_days`` is the length of the extension (days of sick leave and covid-19 periods).
    """

    first_full: int
    partial: int | None
    partial_days: int
    extension_days: int

    @property
    def first(self) -> int:
        return self.first_full if self.partial is None else self.partial


def window_region(end: int, base: int, days: int) -> tuple[int, int]:
    """First whole month and days of the partly added month before it, for a window ending
    before month ``end`` with ``base`` months, extended by ``days`` at its far end (at most
    ``MAX_WINDOW_MONTHS`` months in all)."""
    first = end - base
    rest = days
    while first > end - MAX_WINDOW_MONTHS and rest > 0:
        length = days_in_month(first - 1)
        if rest < length:
            return first, rest
        rest -= length
        first -= 1
    return first, 0


def window_for(case: CitizenCase, month: int, params: ParameterSet, rules: MonthRules) -> Window:
    """The window ending the month before ``month``, extended by days at its far end.

    LAS § 13 f stk. 12 and § 13 h stk. 2-3 lengthen the 12-month period by the periods of sick
    leave (and the other grounds) and by the covid-19 periods; they are added at the far end
    (seed 000 L3705-3708: "lagt i oven i den anden ende"), counted in days, and the periods of
    the added part extend it in turn (a fixed point). Hours are held per month, so a month only
    partly added counts its hours pro rata to the days added (only hours in the added days
    count, and we cannot know on which days they were worked); its sick days are taken to lie
    in the added days, which gives the longer extension (the citizen's favour). The guidance
    (Vejledning nr. 9514 af 30/6 2021) is not in our sources on this point: see docs/rules.md.
    """
    base = rules.window_months
    days = sum(_neutral_days(case, m, params) for m in range(month - base, month))
    for _ in range(MAX_WINDOW_MONTHS * 31 + 1):
        first, partial_days = window_region(month, base, days)
        counted = sum(_neutral_days(case, m, params) for m in range(first, month))
        if partial_days:
            counted += min(_neutral_days(case, first - 1, params), partial_days)
        if counted == days:
            break
        days = counted
    first, partial_days = window_region(month, base, days)
    return Window(first, first - 1 if partial_days else None, partial_days, days)


def _hours_in(case: CitizenCase, window: Window, end: int, rules: MonthRules,
              restore_from: int | None = None) -> float:
    """Hours counted in ``window`` (up to ``end``), only from ``restore_from`` if given."""
    first = window.first_full if restore_from is None else max(window.first_full, restore_from)
    hours = float(sum(counted_hours(case, m, rules) for m in range(first, end)))
    if window.partial is not None and (restore_from is None or restore_from <= window.partial):
        hours += (counted_hours(case, window.partial, rules) * window.partial_days
                  / days_in_month(window.partial))
    return hours


def _help_months(case: CitizenCase, month: int, rules: MonthRules, params: ParameterSet) -> int:
    """Months with a covered benefit among the look-back months before ``month``."""
    counts_from = help_counts_from(case, params)
    first = max(month - rules.coverage_lookback, counts_from)
    return sum(1 for m in range(first, month) if case.record(m).on_covered_benefit)


def help_counts_from(case: CitizenCase, params: ParameterSet) -> int:
    """The first month whose help counts towards "a year of help" (LAS § 13 h stk. 1)."""
    applied = case.first_applied_on
    if applied is None:
        return -1
    parameter = params["hours_requirement_covid_applicants"]
    entry = parameter.entry_on(applied) if applied >= parameter.values[0].effective_from else None
    if entry is None or entry.value is not True:
        return -1
    later = [v.effective_from for v in parameter.values if v.effective_from > applied]
    if not later:
        return -1
    end = later[0]                       # the first day after the period
    return end.year * 12 + end.month - 1 + (1 if end.day > 1 else 0)


COVERAGE_TEXT = {
    Reason.INTEGRATION_BENEFIT_UNMARRIED:
        "Ugifte, der modtager integrationsydelse (selvforsørgelses- og hjemrejseydelse eller "
        "overgangsydelse), er ikke omfattet af 225-timersreglen; for ugifte gælder den kun "
        "uddannelses- og kontanthjælp (LAS § 13 f, stk. 6-8).",
    Reason.SPOUSE_NOT_AVAILABLE:
        "Den ene ægtefælle modtager integrationsydelse, og den anden modtager "
        "ressourceforløbsydelse eller en ydelse uden krav om at stå til rådighed (pension, SU, "
        "efterløn): ægteparret er slet ikke omfattet af 225-timersreglen.",
    Reason.BEFORE_FULL_CHILD_BENEFIT:
        "Ægteparret har børn, og mindst en af dem modtager integrationsydelse: de er først "
        "omfattet, når de har ret til fuld børne- og ungeydelse.",
}


def coverage_by_benefit(case: CitizenCase, month: int) -> Reason | None:
    """Whether the benefit received keeps ``case`` out of the rule in ``month`` (LAS § 13 f
    stk. 3-7), as the reason; ``None`` when the benefit itself does not exclude the citizen.

    Sources: borger.dk "225-timers reglen for ægtepar" (via job.herning.dk): couples with
    children where one receives integrationsydelse and the other uddannelses- or kontanthjælp,
    or both integrationsydelse, are covered only once entitled to full børne- og ungeydelse;
    where one receives integrationsydelse and the other ressourceforløbsydelse or a benefit
    without availability (folkepension, førtidspension, SU, efterløn), not at all. bm.dk
    3/2 2016 on L 113 (2015-16): "Ugifte personer, der modtager uddannelseshjælp på SU-niveau
    eller integrationsydelse, omfattes ikke af 225 timers reglen". The guidance's table of
    contents (retsinformation, vejledning om 225-timersreglen 2016) names
    the unmarried rule for "ugift modtager af uddannelses- eller kontanthjælp" only
    (§ 13 f stk. 6-8), and § 13 g reduces the help of the unmarried under stk. 6-7.

    A month whose ``benefit_kind`` is not given is taken as the caller states it, a covered
    benefit; the facts needed here are asked for (``FactMissing``), never assumed.
    """
    record = case.record(month)
    kind = record.benefit_kind
    if not record.on_covered_benefit or kind is None:
        return None
    integration = kind is BenefitKind.INTEGRATIONSYDELSE
    if not case.is_married:
        return Reason.INTEGRATION_BENEFIT_UNMARRIED if integration else None
    spouse = case.spouse_support
    if not integration and spouse is not SpouseSupport.INTEGRATIONSYDELSE:
        return None
    if spouse is None:
        raise FactMissing("Borgeren er gift og modtager integrationsydelse: oplys, hvad "
                          "ægtefællen lever af (spouse_support), før 225-timersreglen kan "
                          "vurderes", field="spouse_support")
    if spouse in SPOUSE_NOT_AVAILABLE:
        return Reason.SPOUSE_NOT_AVAILABLE
    if spouse not in (SpouseSupport.INTEGRATIONSYDELSE,
                      SpouseSupport.KONTANT_ELLER_UDDANNELSESHJAELP):
        return None
    if case.provider is None:
        raise FactMissing("Ægteparret modtager integrationsydelse: oplys, om de har "
                          "forsørgelsespligt over for børn (provider), før 225-timersreglen kan "
                          "vurderes", field="provider")
    if not case.provider:
        return None
    if case.full_child_benefit_from is None:
        raise FactMissing("Ægteparret har børn og modtager integrationsydelse: oplys, fra hvilken "
                          "dag de har ret til fuld børne- og ungeydelse (full_child_benefit_from)",
                          field="full_child_benefit_from")
    if case.full_child_benefit_from > month_end(month):
        return Reason.BEFORE_FULL_CHILD_BENEFIT
    return None


def hours_requirement_status(case: CitizenCase, month: int,
                             params: ParameterSet | None = None) -> HoursRequirementResult:
    """The 225-hour status of ``case`` in ``month`` (a month index), fully explained."""
    params = params or default_parameters()
    rules = month_rules(params, month)
    title = "Timereglen for ægtepar" if rules.married_only else "225-timersreglen"
    trace = Trace(f"{title} for {danish_month(month)}")
    for entry, label, unit in rules.entries:
        trace.record(entry, label, unit)
    record = case.record(month)
    trace.input("month", "Måned", format_month(month))
    trace.input("on_covered_benefit", "Modtager kontanthjælp, uddannelseshjælp el.lign.",
                record.on_covered_benefit)
    trace.input("rate", "Sats", {"full": "voksensats (fuld)", "lower": "lavere sats",
                                 "su_level": "SU-niveau"}[record.rate.value])
    if record.benefit_amount is not None:
        trace.input("benefit_amount", "Hjælp pr. måned", format_kr(record.benefit_amount))
    trace.input("married", "Gift (en eller begge ægtefæller modtager hjælp)", case.is_married)

    def result(status: Status, reason: Reason, **values: object) -> HoursRequirementResult:
        base: dict[str, object] = dict(
            hours_counted=0.0, hours_required=rules.required_hours, hours_missing=0.0,
            next_month_hours_missing=0.0, avoid_by=None, amount=None, amount_kind=None,
            amount_unknown=False, window_start=None, window_end=None, extension_months=0,
            months_of_help=0,
        )
        base.update(values)
        trace.step(f"Resultat: {STATUS_TEXT[status]}.")
        if status is Status.REDUCTION_PROPOSED:
            trace.note("Dette er et forslag. Hjælpen må kun nedsættes efter en afgørelse fra "
                       "sagsbehandleren, med varsling og begrundelse.")
        return HoursRequirementResult(month=month, status=status, reason=reason, trace=trace,
                                      **base)  # type: ignore[arg-type]

    if not rules.in_force:
        trace.step("225-timersreglen gjaldt ikke i denne måned (den gjaldt 1. april 2016 – "
                   "30. juni 2025; timereglen for ægtepar gjaldt i 2011).")
        return result(Status.NOT_COVERED, Reason.RULE_NOT_IN_FORCE)
    if not record.on_covered_benefit:
        trace.step("Der er ikke registreret kontanthjælp, uddannelseshjælp eller "
                   "integrationsydelse i måneden, så reglen gælder ikke.")
        return result(Status.NOT_COVERED, Reason.NO_COVERED_BENEFIT)
    if rules.married_only:
        trace.step(f"Timereglen for ægtepar (LAS § 13, stk. 8): {format_number(rules.required_hours)}"
                   f" timers ordinært og ustøttet arbejde inden for "
                   f"{rules.window_months} kalendermåneder, for ægtepar der har fået hjælp i "
                   f"sammenlagt {rules.coverage_months} måneder.")
        if not case.is_married:
            trace.step("Reglen gjaldt kun ægtepar; ugifte var ikke omfattet.")
            return result(Status.NOT_COVERED, Reason.MARRIED_COUPLES_ONLY)
    if record.benefit_kind is not None:
        trace.input("benefit_kind", "Ydelse", record.benefit_kind.value)
    if case.spouse_support is not None:
        trace.input("spouse_support", "Ægtefællen lever af", case.spouse_support.value)
    excluded_by = coverage_by_benefit(case, month)
    if excluded_by is not None:
        trace.step(COVERAGE_TEXT[excluded_by])
        return result(Status.NOT_COVERED, excluded_by)
    decided = case.reduction_in_effect(month)
    if rules.suspended and decided is None:
        trace.step(f"Reglen var sat ud af kraft i {rules.suspension_days} dage af måneden "
                   "(9. marts – 8. september 2020), så der kan ikke ske nedsættelse.")
        return result(Status.NOT_COVERED, Reason.RULE_SUSPENDED)
    if rules.suspended:
        trace.step("Reglen var sat ud af kraft i måneden, men en allerede besluttet nedsættelse "
                   "fortsætter; timer arbejdet i perioden tæller med.")

    counts_from = help_counts_from(case, params)
    if counts_from >= 0:
        trace.step("Borgeren søgte hjælp mellem 9. marts og 8. september 2020 og er derfor først "
                   f"omfattet efter perioden (LAS § 13 h, stk. 1); hjælp før "
                   f"{danish_month(counts_from)} tæller ikke med.")
    help_months = _help_months(case, month, rules, params)
    # 600 months stands for "no limit" (2011: help "i sammenlagt" one or two years).
    span = (f"i de {rules.coverage_lookback} måneder før" if rules.coverage_lookback < 600
            else "i alt (uden tidsgrænse)")
    trace.step(f"Måneder med hjælp {span}: {help_months} "
               f"(omfattet ved mindst {rules.coverage_months}).", float(help_months))
    if help_months < rules.coverage_months:
        return result(Status.NOT_COVERED, Reason.UNDER_ONE_YEAR_OF_HELP, months_of_help=help_months)
    if record.rate is Rate.SU_LEVEL:
        trace.step("Hjælpen er på SU-niveau; den nedsættes ikke efter 225-timersreglen.")
        return result(Status.NOT_COVERED, Reason.SU_LEVEL_RATE, months_of_help=help_months)

    window = window_for(case, month, params, rules)
    extension = month - window.first - rules.window_months
    first = window.first
    restore_from = None
    if decided is not None:
        restore_from = decided.start.year * 12 + decided.start.month - 1
        # Full help returns only after 225 hours worked *after* the reduction began.
        first = max(first, restore_from)
        trace.step(f"En nedsættelse er besluttet fra {danish_date(decided.start)}; kun timer "
                   "derefter tæller for at få fuld hjælp igen.")
    hours = _hours_in(case, window, month, rules, restore_from)
    excluded = sum(case.record(m).placement_hours + case.record(m).wage_subsidy_hours
                   for m in range(first, month))
    window_text = (f"{danish_month(first)} – {danish_month(month - 1)}"
                   if first < month else "ingen måneder")
    if window.partial is not None and first == window.partial:
        window_text += (f" (af {danish_month(window.partial)} kun de sidste "
                        f"{window.partial_days} dage, timerne forholdsmæssigt)")
    extension_text = (f", forlænget {window.extension_days} dage for sygdom og covid-19-perioder"
                      if window.extension_days else "")
    trace.step(f"Ordinære, ustøttede timer i perioden {window_text}{extension_text}: "
               f"{format_number(hours)} timer.", hours)
    if excluded:
        trace.step(f"{format_number(excluded)} timer i virksomhedspraktik og løntilskud tæller "
                   "ikke med.", excluded)
    missing = max(0.0, rules.required_hours - hours)
    common: dict[str, object] = dict(
        hours_counted=hours, hours_missing=missing, window_start=first, window_end=month - 1,
        extension_months=extension, months_of_help=help_months,
        extension_days=window.extension_days,
    )
    exemption = case.exemption_in(month)
    if exemption is not None:
        ground = (f": {EXEMPTION_GROUND_TEXT[exemption.ground]}"
                  if exemption.ground is not None else "")
        why = f" ({exemption.reason})" if exemption.reason else ""
        trace.step(f"Sagsbehandleren har undtaget borgeren fra {danish_date(exemption.start)}"
                   f"{why} efter LAS § 13 f, stk. 9{ground}.")
        return result(Status.EXEMPT, Reason.EXEMPTION_DECISION, **common,
                      exemption_ground=None if exemption.ground is None
                      else exemption.ground.value)

    if hours < rules.required_hours:
        trace.step(f"Der mangler {format_number(missing)} timer i forhold til kravet på "
                   f"{format_number(rules.required_hours)}.", missing)
    next_missing, avoid_by = _projection(case, month, params, restore_from)
    common.update(next_month_hours_missing=next_missing, avoid_by=avoid_by)
    if next_missing > 0 and avoid_by is not None:
        trace.step(f"Med de registrerede timer mangler {format_number(next_missing)} timer for "
                   f"{danish_month(month + 1)}; de skal være arbejdet senest "
                   f"{danish_date(avoid_by)}.", next_missing)

    if hours >= rules.required_hours:
        if next_missing > 0 and avoid_by is not None:
            return result(Status.AT_RISK, Reason.NEXT_MONTH_SHORT, **common)
        return result(Status.MET, Reason.NONE, **common)
    if not rules.payable:
        trace.step("Nedsættelser kunne endnu ikke få virkning for udbetalingen i denne måned.")
        return result(Status.AT_RISK, Reason.REDUCTIONS_NOT_YET_PAYABLE, **common)

    amount, kind = _proposed_amount(case, month, rules, params, trace)
    common.update(amount=amount, amount_kind=kind, amount_unknown=amount is None)
    common.update(warning_dates(params, month, trace))
    return result(Status.REDUCTION_PROPOSED, Reason.REQUIREMENT_NOT_MET, **common)


def _proposed_amount(case: CitizenCase, month: int, rules: MonthRules, params: ParameterSet,
                     trace: Trace) -> tuple[float | None, str]:
    record = case.record(month)
    if case.is_married:
        # Spouses where one or both receive help: this spouse's help can lapse entirely
        # (LAS § 13 f stk. 1 and § 26); the reduction of § 13 g is for the unmarried only.
        if record.benefit_amount is None:
            trace.note("Ægtefællens hjælp kan bortfalde helt; angiv hjælpens beløb for at se "
                       "forslaget i kroner.")
            return None, "lapse"
        trace.step(f"Gift: forslaget er, at hjælpen på "
                   f"{format_kr(record.benefit_amount)} bortfalder.", record.benefit_amount)
        return record.benefit_amount, "lapse"
    full = record.rate is Rate.FULL
    name = "hours_requirement_reduction_full" if full else "hours_requirement_reduction_lower"
    value = rules.reduction_full if full else rules.reduction_lower
    parameter = params[name]
    trace.record(parameter.entry_on(month_end(month)), parameter.label, parameter.unit)
    if value is None:
        trace.note(f"Nedsættelsens beløb for {month // 12} kendes ikke i vores kilder "
                   f"({parameter.label}); status er beregnet, beløbet er ukendt.")
        return None, "reduction"
    if record.benefit_amount is not None and value > record.benefit_amount:
        trace.step(f"Nedsættelsen kan ikke overstige hjælpen: {format_kr(record.benefit_amount)}.")
        value = record.benefit_amount
    rate_text = "voksensatsen (fuld sats)" if full else "en lavere sats"
    trace.step(f"Foreslået nedsættelse ved {rate_text}: {format_kr(value)} pr. måned.", value)
    return value, "reduction"


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def warning_dates(params: ParameterSet, month: int, trace: Trace) -> dict[str, dt.date | None]:
    """The dates the executive orders set for a proposal in ``month`` (BEK nr. 310 af 30/3 2016,
    from 2020 BEK nr. 474 af 22/4 2020): the *bortfaldsdato* is the first day of the month the
    proposal is for (LAS § 13 g stk. 2: the reduction takes effect from the 1st of a month);
    the warning letter is due at least 6 months before it (3 in the transitional period
    October 2016 - March 2017), and, if nothing has changed, the notice that the municipality
    intends to decide at least 1 month before it (borger.dk, via job.herning.dk). The amounts of
    months are dated by the bortfaldsdato."""
    lapse = month_start(month)
    found: dict[str, dt.date | None] = {"lapse_date": lapse, "warning_by": None,
                                        "hearing_by": None}
    for key, name in (("warning_by", "hours_requirement_warning_months"),
                      ("hearing_by", "hours_requirement_hearing_months")):
        parameter = params[name]
        entry = parameter.entry_on(lapse)
        trace.record(entry, parameter.label, parameter.unit)
        if entry.value is not None:
            found[key] = _months_before(lapse, int(entry.value))
    warning, hearing = found["warning_by"], found["hearing_by"]
    if warning is not None and hearing is not None:
        trace.step(f"Varsling (BEK nr. 310/2016 og nr. 474/2020): bortfaldsdatoen er "
                   f"{danish_date(lapse)}; varslingsbrevet skal være sendt senest "
                   f"{danish_date(warning)}, og meddelelsen om, at kommunen agter at træffe "
                   f"afgørelse (partshøring), senest {danish_date(hearing)}.")
    return found


def _projection(case: CitizenCase, month: int, params: ParameterSet,
                restore_from: int | None) -> tuple[float, dt.date | None]:
    """Hours still missing for next month's requirement, counting this month's recorded hours.

    A decided reduction in effect now is assumed to continue next month.
    """
    following = month + 1
    rules = month_rules(params, following)
    if not rules.in_force:
        return 0.0, None
    window = window_for(case, following, params, rules)
    hours = _hours_in(case, window, following, rules, restore_from)
    missing = max(0.0, rules.required_hours - hours)
    return missing, (month_end(month) if missing > 0 else None)


def hours_requirement_statuses(case: CitizenCase, first: int | None = None,
                               last: int | None = None,
                               params: ParameterSet | None = None) -> list[HoursRequirementResult]:
    """Statuses for every month from ``first`` to ``last`` (defaults: the case's own months)."""
    first = case.first_month if first is None else first
    last = case.last_month if last is None else last
    if first is None or last is None:
        return []
    return [hours_requirement_status(case, m, params) for m in range(first, last + 1)]
