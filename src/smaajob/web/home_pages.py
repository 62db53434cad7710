# SPDX-License-Identifier: MPL-2.0
"""What each role's home page shows, assembled from the access layer and the selectors.

One builder per role; each returns the template context. Lists never show a whole CPR
number, and the analyst's page holds counts only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Q, Sum
from django.utils import timezone

from smaajob import access
from smaajob.access import offers as access_offers
from smaajob.access.employer_weeks import month_key
from smaajob.access.intermediary import intermediary_of
from smaajob.access.privacy import audit_trail_for
from smaajob.audit.models import AuditAction
from smaajob.citizens.models import Citizen
from smaajob.citizens.selectors import benefit_on, current_staff, readiness_on
from smaajob.courses.models import VISIBLE_TO_CITIZEN, Course, FollowUp, MatchProposal, Placement, WeeklyHours
from smaajob.courses.selectors import active_on, open_courses, planned_hours_on
from smaajob.courses.states import CourseState
from smaajob.danish_numbers import format_count
from smaajob.ids import IdIn
from smaajob.intermediary.selectors import month_to_run
from smaajob.network.models import Company, Opening
from smaajob.offers import selectors as offer_selectors
from smaajob.offers.models import OrderState as OfferOrderState
from smaajob.organisation.models import Role, User
from smaajob.reports.building import small_cell_threshold
from smaajob.reports.counting.suppression import count_cells
from smaajob.rules.months import danish_month

Context = dict[str, Any]


def _citizen_rows(citizens: Any, on: date) -> list[dict[str, Any]]:
    # Only the columns the table shows: whole rows (addresses, JSON fields) cost more to load
    # than the page's other work. The open courses and their running placements are read by
    # the ids (``IdIn``: one parameter on PostgreSQL), not with ``prefetch_related``, which
    # normalises every instance into its IN list (issue 16); the rows are the same.
    people = list(
        citizens.only("first_name", "last_name", "cpr").order_by("last_name", "first_name")[:200]
    )  # cpr: the list shows it masked
    courses: dict[int, list[Course]] = {c.pk: [] for c in people}
    by_pk: dict[int, Course] = {}
    for course in (
        Course.objects.exclude(state="exited")
        .filter(IdIn("citizen_id", courses))
        .select_related("project")
        .only("citizen_id", "state", "project__name")
    ):
        course.active_placements = []  # type: ignore[attr-defined]
        courses[course.citizen_id].append(course)
        by_pk[course.pk] = course
    if by_pk:
        for placement in (
            Placement.objects.filter(active_on(on))
            .filter(IdIn("course_id", by_pk))
            .select_related("company")
            .only("course_id", "kind", "company__name")
        ):
            by_pk[placement.course_id].active_placements.append(placement)  # type: ignore[attr-defined]
    rows = []
    for citizen in people:
        mine = courses[citizen.pk]
        first = mine[0] if mine else None
        rows.append({"citizen": citizen, "course": first, "placements": first.active_placements if first else []})  # type: ignore[attr-defined]
    return rows


def staff_home(user: User, on: date) -> Context:
    citizens = access.citizens_for(user, on=on)
    rows = _citizen_rows(citizens, on)
    access.log_list_read(user, [r["citizen"].pk for r in rows], purpose="forside: mine borgere")
    context: Context = {"rows": rows, "citizen_count": citizens.count()}
    if user.role == Role.CONSULTANT:
        context["companies"] = (
            access.companies_for(user)
            .filter(recruited_by=user)
            .only("name", "industry_name", "sector")
            .annotate(
                open_openings=Count("openings", filter=Q(openings__status="open", openings__annulled_at__isnull=True))
            )
            .order_by("name")[:50]
        )
    return context


def coordinator_home(user: User, on: date) -> Context:
    context = staff_home(user, on)
    # A coordinator without a team has no staff to show (not every user without a team).
    members = User.objects.filter(team_id=user.team_id) if user.team_id is not None else User.objects.none()
    staff = (
        members.filter(role__in=[Role.CASEWORKER, Role.CONSULTANT])
        .annotate(caseload=Count("assignments", filter=Q(assignments__valid_to__isnull=True)))
        .order_by("role", "last_name")
    )
    context["staff"] = staff
    return context


def benefit_office_home(user: User, on: date) -> Context:
    month_start = on.replace(day=1)
    paid = WeeklyHours.objects.filter(
        week_start__gte=month_start, placement__course__citizen__municipality=access.own_municipality(user)
    ).aggregate(total=Sum("hours_paid"))["total"]
    return {"paid_hours_this_month": paid or 0, "citizen_count": access.citizens_for(user, on=on).count()}


def analyst_home(user: User, on: date) -> Context:
    # Aggregates only: no names, no CPR, no record ids; for analysts, no count of 1 to 4 courses
    # either (the reports' small-cell rule). Administrators reuse this page with exact counts.
    municipality = access.own_municipality(user)
    courses = Course.objects.filter(citizen__municipality=municipality)
    counts = {row["state"]: row["n"] for row in courses.values("state").annotate(n=Count("id")).order_by("state")}
    open_count = open_courses().filter(citizen__municipality=municipality).count()
    by_state = {state: format_count(n) for state, n in counts.items()}
    open_text = format_count(open_count)
    min_cell = small_cell_threshold(user)
    if min_cell is not None:
        # The open courses are the sum of every state but "exited", so they are one table.
        running = {state: n for state, n in counts.items() if state != CourseState.EXITED}
        by_state, open_text = count_cells(running, min_cell, total=open_count)
        if CourseState.EXITED in counts:
            exited, _ = count_cells({CourseState.EXITED: counts[CourseState.EXITED]}, min_cell)
            by_state = dict(sorted({**by_state, **exited}.items()))
    return {
        # Each state by its Danish name, never its stored code (paid_hours → Løntimer (småjob)).
        "by_state": [{"state": CourseState(state).label, "n": n} for state, n in by_state.items()],
        "open_courses": open_text,
        "companies": Company.objects.filter(municipality=municipality).count(),
        "open_openings": Opening.objects.filter(company__municipality=municipality, status="open").count(),
    }


def administrator_home(user: User, on: date) -> Context:
    context = analyst_home(user, on)
    context["users_by_role"] = (
        User.objects.filter(municipality=access.own_municipality(user))
        .values("role")
        .annotate(n=Count("id"))
        .order_by("role")
    )
    return context


def employer_home(user: User, on: date) -> Context:
    # The database ties every employer user to a company (the employer_user_has_company constraint).
    assert user.company_id is not None
    company = access.get_company(user, user.company_id)
    placements = (
        access.placements_for(user, on=on)
        .filter(Q(actual_end__isnull=True) | Q(actual_end__gte=on))
        .select_related("course")
        .order_by("planned_start")
    )
    # The consented facts of every citizen the company may see (running placements and those
    # in the grace period, whose last weeks may still wait for confirmation).
    views = {v.citizen_id: v for v in access.employer_views(user, on=on, purpose="forside: virksomhed")}
    placed = [{"placement": p, "view": views[p.course.citizen_id]} for p in placements]
    weeks = (
        WeeklyHours.objects.filter(placement__in=access.placements_for(user, on=on), confirmed_by_employer=False)
        .select_related("placement__course")
        .order_by("-week_start")[:30]
    )
    asked = list(access.proposals_for(user).filter(status="asked").select_related("course__citizen", "opening"))
    proposals = [{"proposal": m, "facts": access.employer_facts(m.course.citizen, on=on)} for m in asked]
    # The proposed citizens are not placed here, so no employer_view above has logged them;
    # the consented facts the list shows are a read of each.
    access.log_list_read(user, sorted({m.course.citizen_id for m in asked}), purpose="forside: matchforslag")
    # Every month with weeks to confirm, for the page that confirms a whole month at once.
    months = sorted(
        {
            (d.year, d.month)
            for d in WeeklyHours.objects.filter(
                placement__in=access.placements_for(user, on=on), confirmed_by_employer=False
            ).values_list("week_start", flat=True)
        }
    )
    return {
        "confirm_months": [{"key": f"{y:04d}-{m:02d}", "name": danish_month(y * 12 + m - 1)} for y, m in months],
        "company": company,
        "openings": company.openings.order_by("status", "title"),
        "placed": placed,
        "weeks": [{"w": w, "view": views.get(w.placement.course.citizen_id)} for w in weeks],
        "proposals": proposals,
    }


def citizen_home(user: User, on: date) -> Context:
    citizen = access.citizens_for(user, on=on).first()
    if citizen is None:
        return {"citizen": None}
    citizen = access.get_citizen(user, citizen.pk, purpose="egen side")
    return citizen_page(citizen, on)


def citizen_page(citizen: Citizen, on: date) -> Context:
    courses = citizen.courses.select_related("project").prefetch_related("transitions").order_by("-started_on")
    placements = (
        Placement.objects.filter(course__citizen=citizen)
        .select_related("company")
        .prefetch_related("steps")
        .order_by("-planned_start")
    )
    weeks = (
        WeeklyHours.objects.filter(placement__course__citizen=citizen)
        .select_related("placement__company")
        .order_by("-week_start")[:12]
    )
    # Passed uncalled: the template asks only where the page shows it (the citizen's own page).
    next_follow_up = FollowUp.objects.filter(course__citizen=citizen, next_on__gte=on).order_by("next_on").first
    meetings = MatchProposal.objects.filter(
        course__citizen=citizen, status__in=VISIBLE_TO_CITIZEN, meeting_at__isnull=False
    ).select_related("opening__company")
    return {
        "meetings": meetings,
        "planned_now": [(p, planned_hours_on(p, on)) for p in placements if p.actual_end is None or p.actual_end >= on],
        "citizen": citizen,
        "courses": courses,
        "placements": placements,
        "weeks": weeks,
        "next_follow_up": next_follow_up,
        "readiness": readiness_on(citizen, on),
        "benefit": benefit_on(citizen, on),
        "staff": current_staff(citizen, on),
    }


def provider_home(user: User, on: date) -> Context:
    """A provider's next actions: new orders to accept, accepted orders to start, reports due
    (within a week, overdue first). Names only where the citizen consented to share them."""
    orders = access_offers.orders_for(user, on=on).select_related("offer__provider", "citizen")

    def named(order: Any) -> str:
        return access_offers.citizen_label(user, order, on=on)

    to_accept = list(orders.filter(state=OfferOrderState.ORDERED).order_by("starts_on")[:50])
    to_start = list(orders.filter(state=OfferOrderState.ACCEPTED, starts_on__lte=on + timedelta(days=7))[:50])
    due = offer_selectors.orders_with_report_due(orders, on, within_days=7)[:50]
    access.log_list_read(
        user,
        sorted({o.citizen_id for o in to_accept + to_start} | {r.order.citizen_id for r in due}),
        purpose="forside: leverandør",
    )
    return {
        "provider": user.provider,
        "to_accept": [(o, named(o)) for o in to_accept],
        "to_start": [(o, named(o)) for o in to_start],
        "reports_due": [(r, named(r.order)) for r in due],
    }


def dpo_home(user: User, on: date) -> Context:
    # Counts only: the entries themselves are read on the audit-trail page (and logged there).
    entries = audit_trail_for(user)
    start = timezone.make_aware(datetime.combine(on, time.min))
    return {
        "entries_today": entries.filter(at__gte=start).count(),
        "denied_week": entries.filter(action=AuditAction.DENIED, at__gte=start - timedelta(days=7)).count(),
    }


def intermediary_home(user: User, on: date) -> Context:
    """The intermediary's next actions come from the alert rules (the month to run, the weeks
    missing confirmation); the page adds the state of the last month."""
    own = intermediary_of(user)
    if own is None:
        return {"own": None}
    state = month_to_run(own, today=on)
    return {
        "own": own,
        "state": state,
        "state_key": month_key(state.month),
        "state_label": danish_month(state.month.year * 12 + state.month.month - 1),
    }


BUILDERS: dict[str, Callable[[User, date], Context]] = {
    Role.CASEWORKER: staff_home,
    Role.CONSULTANT: staff_home,
    Role.COORDINATOR: coordinator_home,
    Role.BENEFIT_OFFICE: benefit_office_home,
    Role.ANALYST: analyst_home,
    Role.ADMINISTRATOR: administrator_home,
    Role.EMPLOYER: employer_home,
    Role.CITIZEN: citizen_home,
    Role.PROVIDER: provider_home,
    Role.DPO: dpo_home,
    Role.INTERMEDIARY: intermediary_home,
}
