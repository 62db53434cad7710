# SPDX-License-Identifier: MPL-2.0
"""Reads about courses, placements and the hours ledger."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from smaajob import rules
from smaajob.citizens.models import Assignment, Benefit, Citizen, ExemptionDecision, SickLeave
from smaajob.courses.models import Course, CourseTransition, FollowUp, MatchProposal, Placement, WeeklyHours
from smaajob.courses.rules_case import COVERED_BENEFITS, WEEK_FIELDS, build_case, provided_hours
from smaajob.network.models import Opening


def planned_hours_on(placement: Placement, day: date) -> Decimal | None:
    """The planned weekly hours in force on a day (the latest step on or before it).

    Uses prefetched steps when the caller prefetched them (``prefetch_related("steps")``), so
    a list of placements costs one query, not one per row.
    """
    cached = getattr(placement, "_prefetched_objects_cache", {}).get("steps")
    if cached is not None:
        in_force = [s for s in cached if s.from_date <= day]
        return max(in_force, key=lambda s: s.from_date).hours_per_week if in_force else None
    step = placement.steps.filter(from_date__lte=day).order_by("-from_date").first()
    return step.hours_per_week if step else None


def active_on(on: date) -> Q:
    """Placements running on a day: started, and not ended before it."""
    return Q(actual_start__lte=on) & (Q(actual_end__isnull=True) | Q(actual_end__gte=on))


def open_courses() -> QuerySet[Course]:
    return Course.objects.exclude(state="exited")


def hours_ledger(placement: Placement) -> QuerySet[WeeklyHours]:
    return placement.weeks.order_by("week_start")


# --------------------------------------------------------------------------- follow-up schedule


COMPANY_STATES = ("placement", "paid_hours", "follow_up")


def follow_up_due_dates(courses: QuerySet[Course]) -> dict[int, date]:
    """When each course's next follow-up is due: the date set at the last one, else the
    project's rhythm from the last follow-up (or, before any, the first placement's start).

    The one rule for the follow-up page and the worklist (``follow_up_due``, and the alert
    ``follow_up_overdue``). Only courses in company-based activity are followed up (VTA weekly,
    STV every 3–4 weeks, ``Project.follow_up_interval_days``); the others get no date. One
    query for any number of courses: the last follow-up and the first placement come in as
    subqueries, so a caseload of 50 does not cost 100 round trips.
    """
    last = FollowUp.objects.filter(course=OuterRef("pk")).order_by("-happened_on", "-id")
    first = Placement.objects.filter(course=OuterRef("pk")).order_by("planned_start", "id")
    rows = (
        courses.filter(state__in=COMPANY_STATES)
        .annotate(
            last_next=Subquery(last.values("next_on")[:1]),
            last_on=Subquery(last.values("happened_on")[:1]),
            first_start=Subquery(first.annotate(s=Coalesce("actual_start", "planned_start")).values("s")[:1]),
        )
        .values_list("pk", "last_next", "last_on", "first_start", "started_on", "project__follow_up_interval_days")
    )
    due: dict[int, date] = {}
    for pk, last_next, last_on, first_start, started_on, interval in rows:
        if last_next is not None:
            due[pk] = last_next
        else:
            due[pk] = (last_on or first_start or started_on) + timedelta(days=interval)
    return due


def follow_up_due(course: Course, on: date) -> date | None:
    """When the course's next follow-up is due (``follow_up_due_dates`` for one course)."""
    return follow_up_due_dates(Course.objects.filter(pk=course.pk)).get(course.pk)


def follow_up_is_due(due: date | None, on: date) -> bool:
    """A follow-up is on the worklist from its due day; the page says "forfalden" after it."""
    return due is not None and due <= on


def follow_up_schedule(course: Course, on: date, count: int = 4) -> list[date]:
    """The next ``count`` follow-up dates at the project's rhythm."""
    due = follow_up_due(course, on)
    if due is None:
        return []
    step = timedelta(days=course.project.follow_up_interval_days)
    return [due + i * step for i in range(count)]


# --------------------------------------------------------------------------- one timeline


def timeline(citizen: Citizen) -> list[dict[str, Any]]:
    """Everything that happened on a citizen's case, oldest first, as ``{on, kind, text}``."""
    events: list[dict[str, Any]] = []
    for t in CourseTransition.objects.filter(course__citizen=citizen).select_related("course__project"):
        text = f"{t.course.project.name}: {t.get_to_state_display()}"
        if t.course.exit_outcome and t.to_state == "exited":
            text += f" – {t.course.get_exit_outcome_display()}"
        events.append({"on": t.happened_on, "kind": "forløb", "text": text, "note": t.reason})
    for p in Placement.objects.filter(course__citizen=citizen).select_related("company"):
        start = p.actual_start or p.planned_start
        events.append(
            {
                "on": start,
                "kind": "placering",
                "text": f"{p.get_kind_display()} hos {p.company.name}",
                "note": "planlagt" if p.actual_start is None else "",
            }
        )
        if p.actual_end:
            events.append(
                {
                    "on": p.actual_end,
                    "kind": "placering",
                    "text": f"{p.get_kind_display()} hos {p.company.name} slutter",
                    "note": "",
                }
            )
    for f in FollowUp.objects.filter(course__citizen=citizen):
        eff = f" · effektivitet {f.effectiveness}/10" if f.effectiveness is not None else ""
        events.append(
            {
                "on": f.happened_on,
                "kind": "opfølgning",
                "text": f"Opfølgning ({f.get_channel_display().lower()}): {f.get_attendance_display().lower()}{eff}",
                "note": f.notes,
            }
        )
    for e in ExemptionDecision.objects.filter(citizen=citizen):
        events.append(
            {
                "on": e.decided_on,
                "kind": "afgørelse",
                "text": f"Fritaget for 225-timersreglen ({e.legal_basis}), revurderes {e.review_on:%d.%m.%Y}",
                "note": e.reason,
            }
        )
    for m in MatchProposal.objects.filter(course__citizen=citizen).select_related("opening__company"):
        events.append(
            {
                "on": m.proposed_on,
                "kind": "match",
                "text": f"Foreslået til »{m.opening.title}« hos {m.opening.company.name}: {m.get_status_display()}",
                "note": "",
            }
        )
    for a in Assignment.objects.filter(citizen=citizen).select_related("staff"):
        events.append(
            {
                "on": a.valid_from,
                "kind": "tilknytning",
                "text": f"{a.get_staff_role_display()}: {a.staff.get_full_name() or a.staff.username}",
                "note": "",
            }
        )
    events.sort(key=lambda e: e["on"])
    return events


# --------------------------------------------------------------------------- the 225-hour status


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


# --------------------------------------------------------------------------- matching


def _company_records(company_ids: set[int]) -> dict[int, tuple[int, int]]:
    """Per company: finished placements and how many of them became paid hours."""
    rows = (
        Placement.objects.filter(company_id__in=company_ids, actual_end__isnull=False)
        .values("company_id")
        .annotate(n=Count("id"), converted=Count("converted_to", filter=~Q(converted_to__kind="placement")))
    )
    return {r["company_id"]: (r["n"], min(r["n"], r["converted"])) for r in rows}


def _filled(opening_ids: set[int], on: date) -> dict[int, int]:
    rows = (
        Placement.objects.filter(active_on(on) | Q(actual_start__isnull=True, planned_start__gte=on))
        .filter(opening_id__in=opening_ids)
        .values("opening_id")
        .annotate(n=Count("id"))
    )
    return {r["opening_id"]: r["n"] for r in rows}


def matching_openings(openings: Any, on: date) -> tuple[list[Any], dict[str, Opening]]:
    """Openings as the matching engine's plain data; openings it cannot use are left out."""
    from smaajob import matching
    from smaajob.errors import SmaajobError

    rows = list(openings.select_related("company", "buddy"))
    records = _company_records({o.company_id for o in rows})
    filled = _filled({o.pk for o in rows}, on)
    out, by_id = [], {}
    for o in rows:
        c = o.company
        if c.latitude is None or c.longitude is None:
            continue
        placed, converted = records.get(c.pk, (0, 0))
        try:
            out.append(
                matching.Opening(
                    id=str(o.pk),
                    company_id=str(c.pk),
                    hours_min=float(o.hours_min),
                    hours_max=float(o.hours_max),
                    lat=c.latitude,
                    lon=c.longitude,
                    slots=matching.week_mask(o.slots) if o.slots else matching.ALL_WEEK,
                    danish_level=o.language_requirement,
                    accommodations=frozenset(o.accommodation_tags),
                    required_certificates=frozenset(o.required_certificates),
                    sector=o.sector or c.sector,
                    tasks=frozenset(o.title.lower().split()),
                    capacity=o.capacity,
                    filled=min(filled.get(o.pk, 0), o.capacity),
                    kind=o.kind,
                    buddy=o.buddy_id is not None,
                    company_placements=placed,
                    company_conversions=converted,
                )
            )
        except SmaajobError:
            continue  # e.g. an opening whose times cannot hold its hours; shown on the opening page
        by_id[str(o.pk)] = o
    return out, by_id


def matching_candidate(citizen: Citizen, on: date) -> Any | None:
    """The citizen as the matching engine's plain data, or None without a known address."""
    from smaajob import matching
    from smaajob.citizens.selectors import consented_facts_on, readiness_on

    if citizen.latitude is None or citizen.longitude is None:
        return None
    commitments = [
        s
        for c in citizen.commitments.all()
        if c.starts_on <= on and (c.ends_on is None or c.ends_on >= on)
        for s in c.slots
    ]
    readiness = readiness_on(citizen, on)
    capacity = citizen.weekly_hours_capacity
    return matching.Candidate(
        id=str(citizen.pk),
        weekly_hours=float(capacity) if capacity is not None else 37.0,
        lat=citizen.latitude,
        lon=citizen.longitude,
        travel_limit_km=citizen.travel_limit_km,
        available=matching.week_mask(citizen.availability, free_time=True)
        if citizen.availability
        else matching.ALL_WEEK,
        commitments=matching.week_mask(commitments) if commitments else 0,
        danish_level=citizen.danish_level,
        restrictions=frozenset(citizen.restriction_tags),
        certificates=frozenset(citizen.certificates),
        wished_sectors=frozenset(citizen.wished_sectors),
        wished_tasks=frozenset(citizen.job_goal.lower().split()),
        waiting_days=max(0, (on - citizen.waiting_since).days) if citizen.waiting_since else 0,
        consents=consented_facts_on(citizen, on),
        readiness=readiness.category if readiness else "aktivitetsparat",
    )


def missing_consents(citizen: Citizen, opening: Opening, on: date) -> frozenset[str]:
    """What a match of ``citizen`` to ``opening`` needs the employer to be told that the citizen
    has not consented to disclose on ``on``: the engine's consent rule, which holds also where
    it cannot run (an address not yet located)."""
    from smaajob import matching
    from smaajob.citizens.selectors import consented_facts_on

    return frozenset(
        matching.missing_consents(
            restrictions=[t for t in citizen.restriction_tags if t.strip()],
            consents=consented_facts_on(citizen, on),
            required_certificates=[c for c in opening.required_certificates if c.strip()],
        )
    )


def suggested_openings(citizen: Citizen, openings: Any, on: date, k: int = 10) -> dict[str, Any]:
    """The engine's best openings for a citizen, each with its Danish explanation."""
    from smaajob import matching

    candidate = matching_candidate(citizen, on)
    if candidate is None:
        return {"suggestions": [], "note": "Borgerens adresse er ikke stedfæstet; afstand kan ikke beregnes."}
    plain, by_id = matching_openings(openings.filter(status="open"), on)
    if not plain:
        return {"suggestions": [], "note": "Ingen åbne jobåbninger at matche med."}
    ranking = matching.top_openings_for(candidate, plain, k=k)
    return {
        "suggestions": [
            {"opening": by_id[s.id], "score": s.score, "explanation": s.explanation} for s in ranking.suggestions
        ],
        "note": f"{ranking.feasible} af {ranking.considered} åbne opgaver passer.",
        "rejected": dict(ranking.rejected),
    }


def suggested_citizens(opening: Opening, citizens: Any, on: date, k: int = 10) -> dict[str, Any]:
    """The engine's best citizens for an opening (among those the caller may see)."""
    from smaajob import matching

    plain, _ = matching_openings(Opening.objects.filter(pk=opening.pk), on)
    if not plain:
        return {
            "suggestions": [],
            "note": "Opgaven kan ikke matches: virksomheden mangler adresse, eller tiderne rummer ikke timerne.",
        }
    open_ids = Course.objects.exclude(state="exited").values("citizen_id")
    people = {str(c.pk): c for c in citizens.filter(pk__in=open_ids).prefetch_related("commitments")}
    candidates = [cand for c in people.values() if (cand := matching_candidate(c, on)) is not None]
    if not candidates:
        return {"suggestions": [], "note": "Ingen af dine borgere i åbne forløb kan matches (adresse mangler)."}
    ranking = matching.top_candidates_for(plain[0], candidates, k=k)
    return {
        "suggestions": [
            {"citizen": people[s.id], "score": s.score, "explanation": s.explanation} for s in ranking.suggestions
        ],
        "note": f"{ranking.feasible} af {ranking.considered} borgere passer.",
        "rejected": dict(ranking.rejected),
    }


# --------------------------------------------------------------------------- live dashboard

HOUR_BUCKETS = ((0, 2, "under 2"), (2, 5, "2–5"), (5, 10, "5–10"), (10, 20, "10–20"), (20, 169, "20+"))


def dashboard(citizens: QuerySet[Citizen], on: date, weeks: int = 12) -> dict[str, Any]:
    """Live operational figures for a set of citizens (a consultant's, a team's, a project's).

    Counting rules: a citizen counts once in each figure however many placements they have;
    "in company-based activity" = a placement running on ``on``; "with paid hours" = paid
    hours recorded in the last four weeks.
    """
    from django.db.models import Sum

    ids = list(citizens.values_list("pk", flat=True))
    running = Placement.objects.filter(course__citizen_id__in=ids).filter(active_on(on))
    in_company = set(running.values_list("course__citizen_id", flat=True))
    since = on - timedelta(weeks=4)
    paid_recently = set(
        WeeklyHours.objects.filter(
            placement__course__citizen_id__in=ids, week_start__gte=since, hours_paid__gt=0
        ).values_list("placement__course__citizen_id", flat=True)
    )
    states = dict(
        Course.objects.filter(citizen_id__in=ids).exclude(state="exited").values_list("state").annotate(n=Count("id"))
    )
    buckets = [0] * len(HOUR_BUCKETS)
    for p in running.prefetch_related("steps"):
        hours = planned_hours_on(p, on) or Decimal(0)
        for i, (low, high, _label) in enumerate(HOUR_BUCKETS):
            if low <= hours < high:
                buckets[i] += 1
                break
    first_week = on - timedelta(days=on.weekday()) - timedelta(weeks=weeks - 1)
    per_week = {
        row["week_start"]: row
        for row in WeeklyHours.objects.filter(placement__course__citizen_id__in=ids, week_start__gte=first_week)
        .values("week_start")
        .annotate(paid=Sum("hours_paid"), present=Sum("hours_present"))
    }
    series = []
    for i in range(weeks):
        week = first_week + timedelta(weeks=i)
        row = per_week.get(week, {})
        series.append({"week": week, "paid": float(row.get("paid") or 0), "present": float(row.get("present") or 0)})
    return {
        "citizens": len(ids),
        "in_company": len(in_company),
        "with_paid_hours": len(paid_recently),
        "paid_share": (len(paid_recently & in_company) / len(in_company)) if in_company else None,
        "states": states,
        "hour_buckets": [(label, n) for (_l, _h, label), n in zip(HOUR_BUCKETS, buckets, strict=True)],
        "series": series,
        **_work_duty_figures(ids, on, since),
    }


def _work_duty_figures(ids: list[int], on: date, since: date) -> dict[str, Any]:
    """Under work duty on ``on`` (a recorded decision in force), and their paid småjob hours in
    the last four weeks (``smaajob.courses.work_duty``'s counting rule)."""
    from smaajob.citizens.models import WorkDuty
    from smaajob.courses.work_duty import in_force_on, smaajob_hours_by_citizen

    under = set(WorkDuty.objects.filter(in_force_on(on), citizen_id__in=ids).values_list("citizen_id", flat=True))
    hours = smaajob_hours_by_citizen(under, since, on) if under else {}
    return {"under_work_duty": len(under), "work_duty_smaajob_hours": float(sum(hours.values(), Decimal(0)))}


def caseloads(staff: QuerySet[Any], on: date) -> list[dict[str, Any]]:
    """Current citizens per staff member (a citizen counts once per staff member)."""
    rows = (
        Assignment.objects.filter(staff__in=staff, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .values("staff_id", "staff__first_name", "staff__last_name", "staff__username", "staff_role")
        .annotate(n=Count("citizen_id", distinct=True))
        .order_by("staff__first_name")
    )
    return [
        {
            "name": f"{r['staff__first_name']} {r['staff__last_name']}".strip() or r["staff__username"],
            "role": r["staff_role"],
            "n": r["n"],
        }
        for r in rows
    ]
