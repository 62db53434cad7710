# SPDX-License-Identifier: MPL-2.0
"""A citizen's hours and 225-hour case: the one builder that the citizen page, the worklist,
the calculator, the payslip flow and the API all use, so that every page shows the same figures.

Each hour is counted once, and this module says where it comes from, importing both sources
explicitly (no registry filled at start-up):

* **The weekly ledger** (``courses.WeeklyHours``) is the source for the weeks it holds, whoever
  recorded them. Hours of a week that spans two months are split over the months by working
  days (``smaajob.courses.allocation``), the same split the payslip flow uses.
* **Approved payslips** add ordinary hours only for months the ledger holds no paid hours for
  that job, and for jobs outside Småjob (``smaajob.money.selectors.payslip_hours_by_month``
  states the rule). A payslip never replaces or doubles a recorded week.

Further choices, each stated once here:

* Ordinary hours are the paid hours of småjob and hybrid placements; the unpaid part of a
  hybrid week and all praktik hours are placement hours; wage-subsidy hours are kept apart.
  Neither counts towards the 225 hours (LAS § 13 f; DOMAIN.md §7.1).
* The benefit of a month is the one in force on the month's last day, the convention of
  ``smaajob.rules`` for month-level amounts. Whether it is covered is a rule parameter
  (``smaajob.rules.coverage.covered_benefits``); its kind goes to the engine, which decides who
  among the recipients of integrationsydelse is covered. A month of help on any kind the rule
  covers counts towards "a year of help within three years" whenever it was received, also
  before the rule covered the kind (uddannelseshjælp in 2014-2016 counts in April 2016: "har
  modtaget hjælp i sammenlagt mindst et år inden for tre år", borger.dk via job.herning.dk).
* Who is covered (LAS § 13 f stk. 1-7; issue 20 item 7) is the engine's to decide from facts
  passed here: the month's benefit kind (``Benefit.benefit_type``), whether the citizen is
  married (``Citizen.marital_status``; cohabitants count as unmarried), and the recorded
  ``CoverageFacts`` in force on the status day — what the spouse lives on, whether the couple
  provides for children and from when it is entitled to full child benefit. A fact not recorded
  there is taken from another record that states it (a linked spouse's own benefit; the rate
  facts' number of children) and otherwise left out, so the engine asks for it.
* Exemptions are the caseworker's recorded decisions, with their named legal ground
  (``ExemptionDecision.ground``); sick leave extends the window.

It sits above both the courses app (the ledger) and money's read side (payslips) in the layer
contract (``pyproject.toml``), below the access layer and the entry points that show it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.db.models import QuerySet

from smaajob import rules
from smaajob.citizens.models import (
    Benefit,
    Citizen,
    CoverageFacts,
    ExemptionDecision,
    MaritalStatus,
    RateFacts,
    SickLeave,
)
from smaajob.courses.allocation import split_over_months
from smaajob.courses.models import WeeklyHours
from smaajob.courses.selectors.hours_requirement import HOURS_REQUIREMENT_LAST_DAY, hours_requirement_in_force
from smaajob.errors import SmaajobError
from smaajob.money.selectors import payslip_hours_by_month
from smaajob.rules.coverage import covered_benefits
from smaajob.rules.months import month_end, month_start

# Week rows: (week_start, hours_present, hours_paid, placement kind).
WEEK_FIELDS = ("week_start", "hours_present", "hours_paid", "placement__kind")
WeekRow = tuple[date, Decimal, Decimal, str]

# The 225-hour status of a month as pages and the API show it (``rules.HoursRequirementResult``
# as a dict, its ``result`` and Danish ``explanation``; or status ``unknown`` with a message).
HoursStatus = dict[str, Any]


def benefit_in_force(benefits: Iterable[Any], on: date) -> Any | None:
    """The benefit row (model or named row) in force on ``on``, if any."""
    return next((b for b in benefits if b.valid_from <= on and (b.valid_to is None or b.valid_to >= on)), None)


@lru_cache(maxsize=2048)
def _month_bounds(month: int) -> tuple[date, date]:
    return month_start(month), month_end(month)


_SIX_DAYS = timedelta(days=6)

# Every kind of help the rule has covered on some day: a month on one of them is a month of help
# (whether the rule applies that month is the engine's question, from the month's parameters).
_HELP_KINDS = covered_benefits()

# Month records are frozen values and most of them recur (a month with no hours on the same
# benefit looks alike for every citizen), so equal records are built, and checked, only once.
_month_record = lru_cache(maxsize=16384, typed=True)(rules.MonthRecord)


def _hours_by_month(weeks: Iterable[WeekRow]) -> dict[int, dict[str, float]]:
    per_month: dict[int, dict[str, float]] = {}
    for week_start, present, paid, kind in weeks:
        parts: tuple[tuple[str, Decimal], ...]
        if kind in ("paid", "hybrid"):
            unpaid = Decimal(present - paid) if kind == "hybrid" else Decimal(0)
            parts = (("ordinary", Decimal(paid)), ("placement", unpaid))
        elif kind == "wage_subsidy":
            parts = (("subsidy", Decimal(paid)),)
        else:
            parts = (("placement", Decimal(present)),)
        week_end = week_start + _SIX_DAYS
        for name, hours in parts:
            if not hours:
                continue
            if week_start.month == week_end.month:
                # Most weeks lie inside one month: all their hours are that month's, which is
                # what the split below gives too, without counting working days.
                row = per_month.setdefault(rules.month_index(week_start), {})
                row[name] = row.get(name, 0.0) + float(hours)
                continue
            for month, share in split_over_months(week_start, week_end, hours):
                row = per_month.setdefault(rules.month_index(month), {})
                row[name] = row.get(name, 0.0) + float(share)
    return per_month


def build_case(
    *,
    weeks: Iterable[WeekRow],
    benefits: Iterable[Any],
    sick: Iterable[Any],
    exemptions: Iterable[Any],
    first: date,
    last: date,
    payslip_hours: Mapping[int, float] | None = None,
    spouse_on_help: bool = False,
    facts: CoverageInputs | None = None,
) -> rules.CitizenCase:
    """A ``rules.CitizenCase`` for the months ``first``..``last`` (inclusive).

    ``payslip_hours`` are the ordinary hours approved payslips add, by month index (see
    ``payslip_hours_by_month``). Benefits, sick leave and exemptions may be model instances or
    named rows (``values_list(..., named=True)``) with the same fields. ``facts`` are who-is-
    covered facts (see ``CoverageInputs``); without them the case is as the caller states it.
    """
    per_month = _hours_by_month(weeks)
    for month, extra in (payslip_hours or {}).items():
        row = per_month.setdefault(month, {})
        row["ordinary"] = row.get("ordinary", 0.0) + extra
    benefits = list(benefits)
    sick = list(sick)
    no_hours: dict[str, float] = {}
    records = []
    for m in range(rules.month_index(first), rules.month_index(last) + 1):
        start, end = _month_bounds(m)
        benefit = benefit_in_force(benefits, end)
        covered = benefit is not None and benefit.benefit_type in _HELP_KINDS
        hours = per_month.get(m, no_hours)
        sick_days = sum(max(0, (min(s.ends_on, end) - max(s.starts_on, start)).days + 1) for s in sick) if sick else 0
        records.append(
            _month_record(
                m,
                ordinary_hours=hours.get("ordinary", 0.0),
                placement_hours=hours.get("placement", 0.0),
                wage_subsidy_hours=hours.get("subsidy", 0.0),
                on_covered_benefit=covered,
                rate=rules.Rate.LOWER if benefit is not None and benefit.rate == "lower" else rules.Rate.FULL,
                benefit_amount=float(benefit.monthly_amount)
                if benefit is not None and benefit.monthly_amount is not None
                else None,
                sick_days=min(31, sick_days),
                benefit_kind=rules.BenefitKind(benefit.benefit_type)
                if benefit is not None and covered and facts is not None
                else None,
            )
        )
    periods = tuple(
        rules.Period(e.valid_from, e.valid_to, e.reason[:80], _ground(getattr(e, "ground", ""))) for e in exemptions
    )
    if facts is None:
        return rules.CitizenCase.of(records, exemptions=periods, married_both_on_help=spouse_on_help)
    return rules.CitizenCase.of(
        records,
        exemptions=periods,
        married_both_on_help=spouse_on_help,
        married=facts.married,
        spouse_support=facts.spouse_support,
        provider=facts.provider,
        full_child_benefit_from=facts.full_child_benefit_from,
    )


def _ground(code: str) -> rules.ExemptionGround | None:
    return rules.ExemptionGround(code) if code else None


@dataclass(frozen=True, slots=True)
class CoverageInputs:
    """The facts who is covered follows from, as the case builder hands them to the engine."""

    married: bool = False
    spouse_support: rules.SpouseSupport | None = None
    provider: bool | None = None
    full_child_benefit_from: date | None = None


# Citizens asked about: their ids, or a queryset of ids (then a subquery in every query).
type CitizenIds = list[int] | QuerySet[Any, int]


# A linked spouse's own benefit says what the spouse lives on when nobody recorded it.
_SPOUSE_SUPPORT_FROM_BENEFIT = {
    "kontanthjaelp": rules.SpouseSupport.KONTANT_ELLER_UDDANNELSESHJAELP,
    "uddannelseshjaelp": rules.SpouseSupport.KONTANT_ELLER_UDDANNELSESHJAELP,
    "integrationsydelse": rules.SpouseSupport.INTEGRATIONSYDELSE,
    "ressourceforloebsydelse": rules.SpouseSupport.RESSOURCEFORLOEBSYDELSE,
}


def _in_force(
    model: Any,
    citizen_ids: CitizenIds,
    on: date,
    fields: tuple[str, ...],
    *,
    read: Mapping[Any, list[Any]] | None = None,
) -> dict[int, Any]:
    """The row of each citizen in force on ``on`` (the latest starting). ``read`` holds all the
    citizens' rows of ``model`` (``_dated_rows``) when the caller read them for several days."""
    if read is not None:
        in_force = (r for r in read[model] if r.valid_from <= on and (r.valid_to is None or r.valid_to >= on))
        return {row.citizen_id: row for row in in_force}
    rows = (
        model.objects.filter(citizen_id__in=citizen_ids, valid_from__lte=on)
        .exclude(valid_to__lt=on)
        .order_by("valid_from", "pk")
        .values_list("citizen_id", *fields, named=True)
    )
    return {row.citizen_id: row for row in rows}


_COVERAGE_FIELDS = ("spouse_support", "provider", "full_child_benefit_from")
_CHILDREN_FIELDS = ("children",)


def _dated_rows(citizen_ids: CitizenIds) -> dict[Any, list[Any]]:
    """All the citizens' coverage and rate facts, in ``_in_force``'s order, for any day."""
    return {
        model: list(
            model.objects.filter(citizen_id__in=citizen_ids)
            .order_by("valid_from", "pk")
            .values_list("citizen_id", "valid_from", "valid_to", *fields, named=True)
        )
        for model, fields in ((CoverageFacts, _COVERAGE_FIELDS), (RateFacts, _CHILDREN_FIELDS))
    }


def _married(citizen_ids: CitizenIds) -> set[int]:
    return set(
        Citizen.objects.filter(pk__in=citizen_ids, marital_status=MaritalStatus.MARRIED).values_list("pk", flat=True)
    )


def _coverage_inputs(
    citizen_ids: CitizenIds,
    on: date,
    spouse_benefit: Mapping[int, str],
    *,
    married: set[int] | None = None,
    read: Mapping[Any, list[Any]] | None = None,
) -> dict[int, CoverageInputs]:
    """``married`` is ``_married(citizen_ids)`` and ``read`` ``_dated_rows(citizen_ids)`` when
    the caller read them already (they have no day)."""
    if married is None:
        married = _married(citizen_ids)
    recorded = _in_force(CoverageFacts, citizen_ids, on, _COVERAGE_FIELDS, read=read)
    children = _in_force(RateFacts, citizen_ids, on, _CHILDREN_FIELDS, read=read)
    inputs: dict[int, CoverageInputs] = {}
    for pk in list(citizen_ids):
        row = recorded.get(pk)
        support: rules.SpouseSupport | None = None
        if row is not None and row.spouse_support:
            support = rules.SpouseSupport(row.spouse_support)
        elif pk in spouse_benefit:
            support = _SPOUSE_SUPPORT_FROM_BENEFIT.get(spouse_benefit[pk], rules.SpouseSupport.OTHER)
        provider = row.provider if row is not None else None
        if provider is None and pk in children and children[pk].children is not None:
            provider = children[pk].children > 0
        inputs[pk] = CoverageInputs(
            married=pk in married,
            spouse_support=support if pk in married else None,
            provider=provider,
            full_child_benefit_from=row.full_child_benefit_from if row is not None else None,
        )
    return inputs


def coverage_inputs(citizen_ids: CitizenIds, on: date) -> dict[int, CoverageInputs]:
    """The who-is-covered facts of each citizen on ``on``, as the case builder reads them (the
    reports' exemption rate asks here, so its base is decided from the same facts). The ids may
    be a queryset of ids: the queries then use it as a subquery (the reports ask for tens of
    thousands of citizens, whose ids as ``IN (…)`` lists cost seconds to send and parse)."""
    return _coverage_inputs(citizen_ids, on, _spouse_benefits(citizen_ids, on))


def _window(on: date) -> tuple[date, date]:
    """The months the 225-hour status needs: four years back covers the 12-month window, its
    extension by sick leave and the "1 year of help within 3 years" coverage test."""
    return month_start(rules.month_index(on) - 47), on


def _spouse_pairs(citizen_ids: CitizenIds) -> list[tuple[int, int]]:
    """(citizen, linked spouse) for each citizen with one, the link read from both sides."""
    return list(Citizen.objects.filter(pk__in=citizen_ids, spouse__isnull=False).values_list("pk", "spouse_id")) + [
        (a, b) for b, a in Citizen.objects.filter(spouse_id__in=citizen_ids).values_list("pk", "spouse_id")
    ]


def _spouse_benefits(
    citizen_ids: CitizenIds, on: date, *, pairs: list[tuple[int, int]] | None = None
) -> dict[int, str]:
    """The benefit kind a linked spouse of each citizen receives on ``on``, where there is one.
    ``pairs`` are ``_spouse_pairs(citizen_ids)`` when the caller read them already (no day)."""
    if pairs is None:
        pairs = _spouse_pairs(citizen_ids)
    if not pairs:
        return {}
    kinds = dict(
        Benefit.objects.filter(citizen_id__in={b for _, b in pairs}, valid_from__lte=on)
        .exclude(valid_to__lt=on)
        .order_by("valid_from", "pk")
        .values_list("citizen_id", "benefit_type")
    )
    return {a: kinds[b] for a, b in pairs if b in kinds}


# The fields of the dated rows the case builder reads (named rows are cheaper than models).
_BENEFIT_FIELDS = ("valid_from", "valid_to", "benefit_type", "rate", "monthly_amount")
_SICK_FIELDS = ("starts_on", "ends_on")
_EXEMPTION_FIELDS = ("valid_from", "valid_to", "reason", "ground")


@dataclass(frozen=True)
class _CaseRows:
    """The dated rows of a case that do not depend on the day asked about (weeks, benefits,
    sick leave, exemptions, payslip hours), so two statuses of one citizen read them once."""

    weeks: dict[int, list[Any]]
    grouped: dict[str, dict[int, list[Any]]]
    payslips: Mapping[int, Any]
    # The spouse links and who is married have no day either; None: read them for each day.
    pairs: list[tuple[int, int]] | None = None
    married: set[int] | None = None
    facts: dict[Any, list[Any]] | None = None


def _case_rows(citizen_ids: list[int]) -> _CaseRows:
    weeks: dict[int, list[Any]] = defaultdict(list)
    for row in (
        WeeklyHours.objects.filter(placement__course__citizen_id__in=citizen_ids)
        .order_by("week_start", "pk")
        .values_list("placement__course__citizen_id", *WEEK_FIELDS)
    ):
        weeks[row[0]].append(row[1:])
    grouped: dict[str, dict[int, list[Any]]] = {}
    for name, model, fields in (
        ("benefits", Benefit, _BENEFIT_FIELDS),
        ("sick", SickLeave, _SICK_FIELDS),
        ("exemptions", ExemptionDecision, _EXEMPTION_FIELDS),
    ):
        rows = grouped[name] = defaultdict(list)
        order = ("valid_from", "pk") if model is Benefit else ("pk",)
        for row in (
            model.objects.filter(citizen_id__in=citizen_ids)
            .order_by(*order)
            .values_list("citizen_id", *fields, named=True)
        ):
            rows[row.citizen_id].append(row)
    return _CaseRows(weeks=weeks, grouped=grouped, payslips=payslip_hours_by_month(citizen_ids))


def _cases(
    citizen_ids: list[int], on: date, *, first: date | None = None, rows: _CaseRows | None = None
) -> dict[int, rules.CitizenCase]:
    """The ``CitizenCase`` of each citizen, from one query per kind of row whatever the count.

    The single-citizen status and the worklist's many-citizen status both come from here, so
    they cannot differ. ``rows`` are the day-independent rows when the caller read them already.
    """
    if rows is None:
        rows = _case_rows(citizen_ids)
    weeks, grouped, payslips = rows.weeks, rows.grouped, rows.payslips
    window_first, last = _window(on)
    spouse_benefit = _spouse_benefits(citizen_ids, last, pairs=rows.pairs)
    covered_now = covered_benefits(last)
    facts = _coverage_inputs(citizen_ids, last, spouse_benefit, married=rows.married, read=rows.facts)
    return {
        pk: build_case(
            weeks=weeks[pk],
            benefits=grouped["benefits"][pk],
            sick=grouped["sick"][pk],
            exemptions=grouped["exemptions"][pk],
            first=first or window_first,
            last=last,
            payslip_hours=payslips.get(pk),
            spouse_on_help=spouse_benefit.get(pk) in covered_now,
            facts=facts[pk],
        )
        for pk in citizen_ids
    }


def hours_requirement_case(citizen: Citizen, on: date, *, first: date | None = None) -> rules.CitizenCase:
    """The citizen's history as ``smaajob.rules.CitizenCase`` up to ``on``."""
    return _cases([citizen.pk], on, first=first)[citizen.pk]


def case_for_rules(citizen: Citizen, *, first: date, last: date) -> tuple[rules.CitizenCase, dict[int, Benefit | None]]:
    """The citizen's months ``first``..``last`` as the rules engine's ``CitizenCase`` (the
    calculator's history), plus the benefit in force at the end of each month."""
    case = hours_requirement_case(citizen, last, first=first)
    benefits = list(Benefit.objects.filter(citizen=citizen))
    by_month = {
        index: benefit_in_force(benefits, month_end(index))
        for index in range(rules.month_index(first), rules.month_index(last) + 1)
    }
    return case, by_month


def _status(case: rules.CitizenCase, on: date) -> HoursStatus:
    try:
        result = rules.hours_requirement_status(case, rules.month_index(on))
    except SmaajobError as error:
        return {"status": "unknown", "status_text": "Kan ikke beregnes", "message": error.message, "result": None}
    body: HoursStatus = result.to_dict()
    body["result"] = result
    body["explanation"] = result.render_text()
    return body


def hours_requirement_for(citizen: Citizen, on: date) -> HoursStatus:
    """The 225-hour status this month with its Danish explanation, or the reason it is unknown."""
    return _status(hours_requirement_case(citizen, on), on)


def hours_requirement_for_many(citizen_ids: list[int], on: date) -> dict[int, HoursStatus]:
    """The same for many citizens in a handful of queries (the worklist's 225-hour alert)."""
    return {pk: _status(case, on) for pk, case in _cases(citizen_ids, on).items()}


def last_hours_requirement_status(citizen: Citizen, on: date) -> HoursStatus | None:
    """After the rule's abolition: the status of its last month (June 2025) when the citizen's
    history reaches back into the rule's time on a covered benefit; None otherwise."""
    return _last_status(citizen, on, rows=None)


def _last_status(citizen: Citizen, on: date, *, rows: _CaseRows | None) -> HoursStatus | None:
    if hours_requirement_in_force(on) or on <= HOURS_REQUIREMENT_LAST_DAY:
        return None
    covered = covered_benefits(HOURS_REQUIREMENT_LAST_DAY)
    if rows is not None:
        # The case's benefit rows are all the citizen's benefits (``Benefit.objects``, no day
        # filter): the same question as the query below, answered from them.
        reaches_back = any(
            b.benefit_type in covered and b.valid_from <= HOURS_REQUIREMENT_LAST_DAY
            for b in rows.grouped["benefits"][citizen.pk]
        )
    else:
        reaches_back = Benefit.objects.filter(
            citizen=citizen, benefit_type__in=covered, valid_from__lte=HOURS_REQUIREMENT_LAST_DAY
        ).exists()
    if not reaches_back:
        return None
    day = HOURS_REQUIREMENT_LAST_DAY
    status = _status(_cases([citizen.pk], day, rows=rows)[citizen.pk], day)
    # A status the engine could not compute (a fact missing) is shown with its message too.
    return status if status.get("result") is not None or status["status"] == "unknown" else None


def hours_requirement_now_and_last(citizen: Citizen, on: date) -> tuple[HoursStatus, HoursStatus | None]:
    """``hours_requirement_for`` and ``last_hours_requirement_status`` together, as the citizen
    page shows both: the citizen's weeks, benefits, sick leave, exemptions and payslips are read
    once for the two days (only the coverage facts depend on the day), and so are the spouse
    link and the marital status."""
    ids = [citizen.pk]
    rows = replace(_case_rows(ids), pairs=_spouse_pairs(ids), married=_married(ids), facts=_dated_rows(ids))
    now = _status(_cases([citizen.pk], on, rows=rows)[citizen.pk], on)
    return now, _last_status(citizen, on, rows=rows)


def status_day(today: date) -> date:
    """The day whose 225-hour status a page about coverage shows: today while the rule is in
    force, its last day (30 June 2025) after it was abolished."""
    return today if hours_requirement_in_force(today) else min(today, HOURS_REQUIREMENT_LAST_DAY)


def coverage_status(citizen: Citizen, today: date) -> HoursStatus:
    """The 225-hour status on ``status_day(today)``, with ``day`` set to that day."""
    day = status_day(today)
    return hours_requirement_for(citizen, day) | {"day": day}
