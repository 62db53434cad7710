# SPDX-License-Identifier: MPL-2.0
"""The baseline (not part of Småjob): the national funnel and STV shares per municipality as a
competent Django developer writes them — aggregating querysets, counted in the database.

``benchmarks/national_volume.py`` compares the reports' path (``load_tables`` read as
columns + ``reports_funnel.engine``) with this, in the same run, and stops if they disagree.
Two queries in all, each grouped by municipality in SQL (``values("…municipality_id")``
then ``annotate(Count(…, distinct=True, filter=…))``), so about a hundred rows come back
instead of millions:

* **the funnel**: the cohort's courses, each with ``Exists`` (a started placement),
  ``Subquery``/``Min`` (its first job day by each route: a småjob or løntilskud start, a
  hybrid's first week with paid hours but no earlier than the placement's start, a job exit),
  the six-month date and ``Exists`` (a job placement running on it); citizens counted once per
  municipality with ``Count(distinct=True, filter=…)``;
* **the STV shares**: every citizen with ``Exists`` for ressourceforløb, for the AK overlap
  (kontant-/uddannelseshjælp and an aktivitetsparat category on the same day in the period, a
  nested ``Exists``), for a company placement running in the period and for a paid week of a
  småjob or hybrid in the period; counted per municipality.

The rules are ``smaajob.reports.counting.funnel`` / ``shares`` / ``groups.by_municipality``
exactly, each written out again here in the ORM (annulled rows are left out as the default
managers leave them out of the reports' tables; a week of an annulled placement counts in
neither). "Six calendar months later" is PostgreSQL's ``date + interval '6 months'`` (the
last day of a shorter month, as polars' ``offset_by("6mo")``); on SQLite ``date(…, '+6
months')`` rolls over instead, so the month's last day caps it. No rule had to be left out.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import Case, Count, DateField, Exists, F, Func, Min, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest, Least, NullIf

from smaajob.citizens.models import Benefit, Citizen, Readiness
from smaajob.courses.models import Course, Placement, WeeklyHours
from smaajob.reports.counting.funnel import JOB_EXITS
from smaajob.reports.counting.period import Period
from smaajob.reports.counting.shares import AK_BENEFITS, AK_CATEGORIES, RF_BENEFIT
from smaajob.reports.counting.tables import HYBRID, JOB_KINDS, PAID, WAGE_SUBSIDY

NEVER = date(9999, 12, 31)  # stands for "no date" inside LEAST (SQLite's is null if any argument is)


class SixMonthsLater(Func):
    """The same day six calendar months later, or the last day of that month if it is shorter."""

    output_field = DateField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(({sql}) + interval '6 months')::date", params

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        sql, params = compiler.compile(self.source_expressions[0])
        return (f"min(date({sql}, '+6 months'), date({sql}, 'start of month', '+7 months', '-1 day'))",
                (*params, *params))


def _first_day(rows: Any, course: str, day: Any) -> Subquery:
    """The earliest ``day`` among a course's ``rows`` (a correlated subquery, null if none)."""
    return Subquery(rows.order_by().values(course).annotate(first=Min(day)).values("first")[:1],
                    output_field=DateField())


def funnel_counts(period: Period) -> dict[str, tuple[int, int, int, int]]:
    """{municipality id: (visited, placed, job, lasting)} for the citizens visited in the period."""
    start, end, observed = period.start, period.end, period.observed
    started = Placement.objects.filter(course=OuterRef("pk"), actual_start__isnull=False,
                                       actual_start__lte=observed)
    direct = _first_day(started.filter(kind__in=[PAID, WAGE_SUBSIDY]), "course", F("actual_start"))
    hybrid = _first_day(
        WeeklyHours.objects.filter(
            placement__course=OuterRef("pk"), placement__annulled_at__isnull=True, placement__kind=HYBRID,
            placement__actual_start__isnull=False, placement__actual_start__lte=observed,
            hours_paid__gt=0, week_start__lte=observed,
        ),
        "placement__course",
        Greatest("week_start", "placement__actual_start"),
    )
    exit_job = Q(exit_outcome__in=list(JOB_EXITS), ended_on__isnull=False, ended_on__lte=observed)
    exit_day = Case(When(exit_job, then=F("ended_on")), default=None, output_field=DateField())
    never = Value(NEVER, output_field=DateField())
    job_on = NullIf(Least(Coalesce(direct, never), Coalesce(hybrid, never), Coalesce(exit_day, never)), never)
    running = started.filter(kind__in=list(JOB_KINDS), actual_start__lte=OuterRef("six_months_on")).filter(
        Q(actual_end__isnull=True) | Q(actual_end__gte=OuterRef("six_months_on"))
    )
    courses = (
        Course.objects.filter(started_on__gte=start, started_on__lte=end)
        .alias(has_placement=Exists(started), job_on=job_on)
        .alias(six_months_on=SixMonthsLater("job_on"))
        .alias(running_at_six=Exists(running))
    )
    measurable = Q(job_on__isnull=False, six_months_on__lte=observed)
    rows = (
        courses.order_by()
        .values("citizen__municipality_id")
        .annotate(
            visited=Count("citizen_id", distinct=True),
            placed=Count("citizen_id", distinct=True, filter=Q(has_placement=True)),
            job=Count("citizen_id", distinct=True, filter=Q(job_on__isnull=False)),
            lasting=Count("citizen_id", distinct=True,
                          filter=measurable & (Q(running_at_six=True) | Q(exit_outcome="smaajob_6m"))),
        )
    )
    return {str(r["citizen__municipality_id"]): (r["visited"], r["placed"], r["job"], r["lasting"]) for r in rows}


def stv_counts(period: Period) -> dict[str, tuple[int, int, int]]:
    """{municipality id: (AK + RF base, company-based, ordinary hours)} where the base is not empty."""
    start, end = period.start, period.end
    in_period = Q(valid_from__lte=end) & (Q(valid_to__isnull=True) | Q(valid_to__gte=start))
    rf = Exists(Benefit.objects.filter(in_period, citizen=OuterRef("pk"), benefit_type=RF_BENEFIT))
    first, last = Value(start, output_field=DateField()), Value(end, output_field=DateField())
    same_day = (
        Readiness.objects.filter(in_period, citizen=OuterRef("citizen_id"), category__in=list(AK_CATEGORIES))
        .alias(
            lo=Greatest(OuterRef("valid_from"), F("valid_from"), first, output_field=DateField()),
            hi=Least(Coalesce(OuterRef("valid_to"), last, output_field=DateField()), Coalesce(F("valid_to"), last),
                     last, output_field=DateField()),
        )
        .filter(lo__lte=F("hi"))
    )
    ak = Exists(Benefit.objects.filter(in_period, citizen=OuterRef("pk"), benefit_type__in=list(AK_BENEFITS))
                .filter(Exists(same_day)))
    active = Exists(
        Placement.objects.filter(course__citizen=OuterRef("pk"), actual_start__isnull=False, actual_start__lte=end)
        .filter(Q(actual_end__isnull=True) | Q(actual_end__gte=start))
    )
    paid = Exists(WeeklyHours.objects.filter(
        placement__course__citizen=OuterRef("pk"), placement__annulled_at__isnull=True,
        placement__kind__in=[PAID, HYBRID], hours_paid__gt=0,
        week_start__lte=end, week_start__gte=start - timedelta(days=6),
    ))
    rows = (
        Citizen.objects.alias(in_rf=rf, in_ak=ak, active=active, paid=paid)
        .order_by()
        .values("municipality_id")
        .annotate(
            base=Count("pk", filter=Q(in_rf=True) | Q(in_ak=True)),
            company_based=Count("pk", filter=(Q(in_rf=True) | Q(in_ak=True)) & Q(active=True)),
            ordinary_hours=Count("pk", filter=(Q(in_rf=True) | Q(in_ak=True)) & Q(paid=True)),
        )
    )
    return {str(r["municipality_id"]): (r["base"], r["company_based"], r["ordinary_hours"])
            for r in rows if r["base"]}


def orm_funnel(period: Period) -> dict[str, tuple[int, ...]]:
    """In ``reports_funnel.engine``'s shape: {municipality: (visited, placed, job, lasting, base,
    company-based, ordinary hours)} for every municipality with a visited citizen or a base."""
    steps, shares = funnel_counts(period), stv_counts(period)
    return {m: steps.get(m, (0, 0, 0, 0)) + shares.get(m, (0, 0, 0)) for m in steps.keys() | shares.keys()}
