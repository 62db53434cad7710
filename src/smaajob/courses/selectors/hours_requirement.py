# SPDX-License-Identifier: MPL-2.0
"""The 225-hour status of one citizen or many, from the one case builder (``courses.rules_case``)."""


from __future__ import annotations

from datetime import date
from typing import Any

from smaajob import rules
from smaajob.citizens.models import Benefit, Citizen, ExemptionDecision, SickLeave
from smaajob.courses.models import WeeklyHours
from smaajob.courses.rules_case import COVERED_BENEFITS, WEEK_FIELDS, build_case, provided_hours


def _window(on: date) -> tuple[date, date]:
    """The months the 225-hour status needs: four years back covers the 12-month window, its
    extension by sick leave and the "1 year of help within 3 years" coverage test."""
    from smaajob.rules.months import month_start

    return month_start(rules.month_index(on) - 47), on


def _spouses_on_help(citizen_ids: list[int], on: date) -> set[int]:
    """Citizens whose spouse receives a covered benefit on ``on`` (the married-couple rule)."""
    pairs = list(Citizen.objects.filter(pk__in=citizen_ids, spouse__isnull=False).values_list("pk", "spouse_id")) + [
        (a, b) for b, a in Citizen.objects.filter(spouse_id__in=citizen_ids).values_list("pk", "spouse_id")
    ]
    if not pairs:
        return set()
    covered = set(
        Benefit.objects.filter(
            citizen_id__in={b for _, b in pairs}, benefit_type__in=COVERED_BENEFITS, valid_from__lte=on
        )
        .exclude(valid_to__lt=on)
        .values_list("citizen_id", flat=True)
    )
    return {a for a, b in pairs if b in covered}


# The fields of the dated rows the case builder reads (named rows are cheaper than models).
_BENEFIT_FIELDS = ("valid_from", "valid_to", "benefit_type", "rate", "monthly_amount")


_SICK_FIELDS = ("starts_on", "ends_on")


_EXEMPTION_FIELDS = ("valid_from", "valid_to", "reason")


def _cases(citizen_ids: list[int], on: date, *, first: date | None = None) -> dict[int, Any]:
    """The ``CitizenCase`` of each citizen, from one query per kind of row whatever the count.

    The single-citizen status and the worklist's many-citizen status both come from here, so
    they cannot differ.
    """
    from collections import defaultdict

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
    window_first, last = _window(on)
    with_spouse_on_help = _spouses_on_help(citizen_ids, last)
    extra = provided_hours(citizen_ids)
    return {
        pk: build_case(
            weeks=weeks[pk],
            benefits=grouped["benefits"][pk],
            sick=grouped["sick"][pk],
            exemptions=grouped["exemptions"][pk],
            first=first or window_first,
            last=last,
            extra_ordinary=extra.get(pk),
            spouse_on_help=pk in with_spouse_on_help,
        )
        for pk in citizen_ids
    }


def hours_requirement_case(citizen: Citizen, on: date, *, first: date | None = None) -> Any:
    """The citizen's history as ``smaajob.rules.CitizenCase`` (see ``smaajob.courses.rules_case``)."""
    return _cases([citizen.pk], on, first=first)[citizen.pk]


def _status(case: Any, on: date) -> dict[str, Any]:
    from smaajob.errors import SmaajobError

    try:
        result = rules.hours_requirement_status(case, rules.month_index(on))
    except SmaajobError as error:
        return {"status": "unknown", "status_text": "Kan ikke beregnes", "message": error.message, "result": None}
    body = result.to_dict()
    body["result"] = result
    body["explanation"] = result.render_text()
    return body


def hours_requirement_for(citizen: Citizen, on: date) -> dict[str, Any]:
    """The 225-hour status this month with its Danish explanation, or the reason it is unknown."""
    return _status(hours_requirement_case(citizen, on), on)


# The last day of the 225-hour rule: it was abolished from 1 July 2025 (lov nr. 1655 af
# 30/12/2024; parameter ``hours_requirement_in_force``).
HOURS_REQUIREMENT_LAST_DAY = date(2025, 6, 30)


def last_hours_requirement_status(citizen: Citizen, on: date) -> dict[str, Any] | None:
    """After the rule's abolition: the status of its last month (June 2025) when the citizen's
    history reaches back into the rule's time on a covered benefit; None otherwise."""
    if hours_requirement_in_force(on) or on <= HOURS_REQUIREMENT_LAST_DAY:
        return None
    if not Benefit.objects.filter(
        citizen=citizen, benefit_type__in=COVERED_BENEFITS, valid_from__lte=HOURS_REQUIREMENT_LAST_DAY
    ).exists():
        return None
    status = hours_requirement_for(citizen, HOURS_REQUIREMENT_LAST_DAY)
    return status if status.get("result") is not None else None


def hours_requirement_in_force(on: date) -> bool:
    """Whether the 225-hour rule applies in the month of ``on`` at all (it was abolished from
    1 July 2025). Asked of the rules engine with an empty case: its first test is this one."""
    status = rules.hours_requirement_status(rules.CitizenCase(()), rules.month_index(on))
    return status.reason is not rules.Reason.RULE_NOT_IN_FORCE


def hours_requirement_for_many(citizen_ids: list[int], on: date) -> dict[int, dict[str, Any]]:
    """The same for many citizens in a handful of queries (the worklist's 225-hour alert)."""
    return {pk: _status(case, on) for pk, case in _cases(citizen_ids, on).items()}
