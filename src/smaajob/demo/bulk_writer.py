# SPDX-License-Identifier: MPL-2.0
"""Bulk loading for the municipality size: ≈ 5,000 citizens, 2,000 companies, 3,000 openings.

Why not the services: two years of weekly hours for thousands of citizens is hundreds of
thousands of ledger rows, and ``record_week`` costs several queries and an audit row per
week — an hour on SQLite. So rows are built in memory and written with ``bulk_create``, one
transaction per batch of citizens, without audit rows (nobody read or changed real personal
data). The rows are the same ones the services would write: ``smaajob.demo.schedule`` builds
them with ``parse_hours``, ``normalise_slots``, ``check_transition`` and the ledger rules,
and the database's check constraints back that up. The small size uses the services.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.db import models, transaction
from faker import Faker

from smaajob.citizens.models import (
    Assignment,
    Benefit,
    Citizen,
    Commitment,
    Consent,
    CoverageFacts,
    ExemptionDecision,
    ProjectMembership,
    RateFacts,
    Readiness,
    WorkDuty,
)
from smaajob.courses.models import Course, CourseTransition, FollowUp, HoursStep, Placement, WeeklyHours
from smaajob.courses.states import CourseState
from smaajob.demo.citizens import CitizenSpec, make_citizen, vary, waiting_trajectory
from smaajob.demo.companies import (
    CompanySpec,
    make_company,
    pick_companies,
    required_sectors,
    sector_pool,
    sector_sequence,
)
from smaajob.demo.organisation import (
    DEMO_EMAIL_DOMAIN,
    DEMO_PASSWORD,
    FOLLOW_UP_DAYS,
    ROLE_USERS,
    ensure_organisation,
    make_user,
)
from smaajob.demo.rate_facts import WORK_DUTY_BASIS, demo_coverage_facts, demo_facts
from smaajob.demo.schedule import CoursePlan, plan_course
from smaajob.demo.service_writer import EXEMPTION_REASON, LANGUAGE_SCHOOL_SLOTS
from smaajob.demo.trajectories import TRAJECTORIES
from smaajob.hours import parse_hours
from smaajob.network.models import Buddy, Company, Contact, Opening, OutreachEntry
from smaajob.organisation.models import Municipality, Project, Role, TargetGroup, Team, User
from smaajob.places import LocationSource
from smaajob.slots import normalise_slots

BATCH = 250
WAITING_SHARE = 0.15  # visited but not yet placed (VTA Table 5: many visited never start)
HISTORY_WEEKS = 104  # two years of history before "today"

Tick = Callable[[int], None]
Progress = Callable[[str, int], Tick]


def load(rng: random.Random, fake: Faker, today: date, progress: Progress,
         counts: dict[str, int], *, stretch: float = 1.0,
         history_weeks: int = HISTORY_WEEKS) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """The municipality; ``stretch`` and ``history_weeks`` lengthen the courses (country size)."""
    municipality, projects, groups = ensure_organisation()
    teams = [Team.objects.get_or_create(municipality=municipality, name=name)[0]
             for name in ("Team Nord", "Team Syd")]
    users = [make_user(u, role, first, last, municipality, teams[0]) for u, role, first, last in ROLE_USERS]
    caseworkers, consultants = _staff(fake, municipality, teams, counts["citizens"])

    specs, companies, opening_ids = _companies(rng, fake, today, municipality, consultants, counts, progress)
    pool = sector_pool(specs)

    tick = progress("Borgere og forløb", counts["citizens"])
    totals = {"borgere": 0, "forløb": 0, "placeringer": 0, "ugers timer": 0, "opfølgninger": 0}
    used_cpr: set[str] = set()
    for start in range(0, counts["citizens"], BATCH):
        batch = []
        for i in range(start, min(start + BATCH, counts["citizens"])):
            template = TRAJECTORIES[i % len(TRAJECTORIES)]
            if rng.random() < WAITING_SHARE:
                trajectory = waiting_trajectory(rng, template, index=i)
            else:
                trajectory = vary(template, rng, index=i, stretch=stretch)
            spec = make_citizen(rng, fake, trajectory, today=today, used_cpr=used_cpr)
            plan = plan_course(trajectory, today=today, rng=rng, follow_up_days=FOLLOW_UP_DAYS[trajectory.project],
                               spread_weeks=history_weeks - 30)
            picks = pick_companies(trajectory, pool, specs, rng)
            places = [(companies[k], opening_ids[k]) for k in picks]
            batch.append((spec, plan, places, caseworkers[i % len(caseworkers)], consultants[i % len(consultants)]))
        with transaction.atomic():
            _write_batch(batch, municipality, projects, groups, totals, today)
        tick(len(batch))

    employer_company = Placement.objects.filter(
        course__citizen__is_synthetic=True, actual_end__isnull=True, kind="paid",
    ).select_related("company").order_by("id").first()
    assert employer_company is not None
    users.append(make_user("virksomhed", Role.EMPLOYER, fake.first_name(), fake.last_name(), municipality,
                           company=employer_company.company))
    borger = Citizen.objects.filter(is_synthetic=True, courses__placements__isnull=False).order_by("id").first()
    assert borger is not None
    users.append(make_user("borger", Role.CITIZEN, borger.first_name, borger.last_name, municipality))
    borger.user = users[-1]  # no service links a citizen to a log-in yet
    borger.save(update_fields=["user"])

    listed = [(u.username, str(Role(u.role).label)) for u in users]
    listed.append((f"{caseworkers[0].username} … {caseworkers[-1].username}", str(Role.CASEWORKER.label)))
    listed.append((f"{consultants[0].username} … {consultants[-1].username}", str(Role.CONSULTANT.label)))
    summary = {"borgere": totals["borgere"], "virksomheder": len(specs),
               "jobåbninger": sum(len(s.openings) for s in specs), "forløb": totals["forløb"],
               "placeringer": totals["placeringer"], "ugers timer": totals["ugers timer"],
               "opfølgninger": totals["opfølgninger"],
               "medarbejdere": len(caseworkers) + len(consultants) + len(users)}
    return listed, summary


def _staff(fake: Faker, municipality: Municipality, teams: list[Team],
           n_citizens: int) -> tuple[list[User], list[User]]:
    """Caseloads as in 004 (caseworker ≈ 55, consultant ≈ 35 open cases); one hash for all."""
    validate_password(DEMO_PASSWORD)
    password = make_password(DEMO_PASSWORD)  # Argon2 is slow on purpose; hash once
    out: dict[str, list[User]] = {}
    for role, prefix, caseload in ((Role.CASEWORKER, "raadgiver", 55), (Role.CONSULTANT, "konsulent", 35)):
        n = max(1, math.ceil(n_citizens * 0.5 / caseload))
        out[role] = User.objects.bulk_create([
            User(username=f"{prefix}{k:03d}", role=role, municipality=municipality, team=teams[k % 2],
                 first_name=fake.first_name(), last_name=fake.last_name(), password=password,
                 email=f"{prefix}{k:03d}@{DEMO_EMAIL_DOMAIN}")
            for k in range(1, n + 1)
        ])
    return out[Role.CASEWORKER], out[Role.CONSULTANT]


def _companies(rng: random.Random, fake: Faker, today: date, municipality: Municipality,
               consultants: list[User], counts: dict[str, int],
               progress: Progress) -> tuple[list[CompanySpec], list[Company], list[Opening | None]]:
    n = counts["companies"]
    required = required_sectors(TRAJECTORIES)
    sectors = sector_sequence(rng, max(n, len(required)), required)
    extra = max(0, counts["openings"] - len(sectors))
    per_company = [1] * len(sectors)
    for _ in range(extra):
        per_company[rng.randrange(len(sectors))] += 1
    used_cvr: set[str] = set()
    specs = [make_company(rng, fake, s, today=today, used_cvr=used_cvr,
                          n_openings=per_company[i], allow_placement_only=i >= len(required))
             for i, s in enumerate(sectors)]
    tick = progress("Virksomheder", len(specs))
    companies: list[Company] = []
    first_openings: list[Opening | None] = []
    for start in range(0, len(specs), BATCH):
        chunk = specs[start:start + BATCH]
        with transaction.atomic():
            rows = Company.objects.bulk_create([_company_row(s, municipality, consultants[k % len(consultants)])
                                                for k, s in enumerate(chunk, start)])
            Contact.objects.bulk_create([
                Contact(company=c, name=s.contact_name, title="Leder", phone=s.contact_phone, is_primary=True)
                for c, s in zip(rows, chunk, strict=True)])
            buddies = Buddy.objects.bulk_create([
                Buddy(company=c, name=name, trained_on=s.buddy_trained_on)
                for c, s in zip(rows, chunk, strict=True) for name in s.buddy_names])
            first_buddy: dict[int, Buddy] = {}
            for b in buddies:
                first_buddy.setdefault(b.company_id, b)
            openings = Opening.objects.bulk_create([
                _opening_row(o, c, first_buddy.get(c.pk), consultants[0])
                for c, s in zip(rows, chunk, strict=True) for o in s.openings])
            OutreachEntry.objects.bulk_create([
                OutreachEntry(company=c, kind="visit", happened_on=s.partner_declaration_on,
                              by=consultants[0], note="Besøg; partnererklæring underskrevet.")
                for c, s in zip(rows, chunk, strict=True) if s.partner_declaration_on])
        by_company: dict[int, Opening] = {}
        for o in openings:
            by_company.setdefault(o.company_id, o)
        companies += rows
        first_openings += [by_company.get(c.pk) for c in rows]
        tick(len(chunk))
    return specs, companies, first_openings


def _company_row(s: CompanySpec, municipality: Municipality, recruiter: User) -> Company:
    return Company(
        municipality=municipality, cvr=s.cvr, name=s.name, industry_code=s.sector.industry_code,
        industry_name=s.sector.industry_name, sector=s.sector.key, size=s.size, postcode=s.place.postcode,
        city=s.place.city, latitude=s.place.latitude, longitude=s.place.longitude,
        location_source=LocationSource.MANUAL,
        partner_declaration_on=s.partner_declaration_on, cluster=s.cluster, social_economy=s.social_economy,
        maturity=s.maturity, willingness_to_pay_tested=s.willingness_to_pay_tested,
        placement_only=s.placement_only, headcount_cap=s.headcount_cap, recruited_by=recruiter,
        is_synthetic=True,
    )


def _opening_row(o: Any, company: Company, buddy: Buddy | None, actor: User) -> Opening:
    return Opening(
        company=company, title=o.title, kind=o.kind, hours_min=parse_hours(o.hours_min, field="hours_min"),
        hours_max=parse_hours(o.hours_max, field="hours_max"), slots=normalise_slots(o.slots),
        capacity=o.capacity, required_certificates=sorted(o.certificates),
        accommodation_tags=sorted(o.accommodation_tags), language_requirement=o.language_requirement,
        buddy=buddy if o.with_buddy else None, sector=company.sector, opens_on=o.opens_on, created_by=actor,
    )


def _write_batch(batch: list[tuple[CitizenSpec, CoursePlan, list[tuple[Company, Opening | None]], User, User]],
                 municipality: Municipality, projects: dict[str, Project],
                 groups: dict[tuple[str, str], TargetGroup], totals: dict[str, int], today: date) -> None:
    citizens = Citizen.objects.bulk_create([
        Citizen(cpr=s.cpr, first_name=s.first_name, last_name=s.last_name, birth_date=s.birth_date,
                address=s.address, postcode=s.place.postcode, city=s.place.city, latitude=s.place.latitude,
                longitude=s.place.longitude, location_source=LocationSource.MANUAL, municipality=municipality,
                is_synthetic=True,
                weekly_hours_capacity=parse_hours(s.trajectory.capacity, field="weekly_hours_capacity"),
                availability=normalise_slots(s.availability), restriction_tags=sorted(s.trajectory.restrictions),
                competences=sorted(s.trajectory.competences), certificates=sorted(s.trajectory.certificates),
                wished_sectors=sorted(s.trajectory.wished_sectors), danish_level=s.trajectory.danish_level,
                job_goal=s.trajectory.summary[:200],
                waiting_since=plan.mapped_on if not s.trajectory.jobs else None)
        for s, plan, _p, _cw, _vk in batch
    ])
    facts: dict[type[models.Model], list[Any]] = {
        m: [] for m in (Readiness, Benefit, ProjectMembership, Assignment, Consent, ExemptionDecision, Commitment,
                        RateFacts, WorkDuty, CoverageFacts)}
    courses: list[Course] = []
    married: list[int] = []
    for citizen, (s, plan, _places, cw, vk) in zip(citizens, batch, strict=True):
        t, visit = s.trajectory, plan.started_on
        facts[Readiness].append(Readiness(citizen=citizen, category=t.readiness, decided_by=cw,
                                          valid_from=visit - timedelta(days=60)))
        facts[Benefit].append(Benefit(citizen=citizen, benefit_type=t.benefit, valid_from=visit - timedelta(days=365)))
        coverage = demo_coverage_facts(t, benefit_from=visit - timedelta(days=365))
        if coverage is not None:
            married.append(citizen.pk)
            facts[CoverageFacts].append(CoverageFacts(citizen=citizen, recorded_by=cw, **coverage))
        todays = demo_facts(t, benefit_from=visit - timedelta(days=365), today=today)
        if todays is not None:
            facts[RateFacts].append(RateFacts(citizen=citizen, recorded_by=cw, **todays.rate_facts()))
            if todays.work_duty_hours is not None:
                facts[WorkDuty].append(WorkDuty(citizen=citizen, valid_from=todays.valid_from, decided_by=cw,
                                                legal_basis=WORK_DUTY_BASIS,
                                                planned_hours_per_week=todays.work_duty_hours))
        facts[ProjectMembership].append(ProjectMembership(citizen=citizen, project=projects[t.project],
                                                          target_group=groups[(t.project, t.target_group)],
                                                          valid_from=visit))
        facts[Assignment] += [Assignment(citizen=citizen, staff=cw, staff_role="caseworker", valid_from=visit),
                              Assignment(citizen=citizen, staff=vk, staff_role="consultant", valid_from=visit)]
        facts[Consent].append(Consent(citizen=citizen, facts=["competences", "job_goal", "name"],
                                      recorded_by=vk, valid_from=plan.mapped_on))
        if t.danish_level <= 1:
            facts[Commitment].append(Commitment(citizen=citizen, description="Danskuddannelse",
                                                slots=normalise_slots(LANGUAGE_SCHOOL_SLOTS), starts_on=visit))
        if t.benefit == "kontanthjaelp" and t.readiness == "aktivitetsparat":
            facts[ExemptionDecision].append(ExemptionDecision(
                citizen=citizen, decided_by=cw, decided_on=visit, valid_from=visit, reason=EXEMPTION_REASON,
                review_on=visit + timedelta(days=182)))
        state: str
        state, ended_on, outcome, stop = CourseState.VISITED, None, "", ""
        for tr in plan.transitions:
            state = tr.to_state
            if tr.to_state == CourseState.EXITED:
                ended_on, outcome, stop = tr.on, tr.outcome, tr.stop_reason
        courses.append(Course(citizen=citizen, project=projects[t.project], state=state, started_on=visit,
                              ended_on=ended_on, exit_outcome=outcome, stop_reason=stop))
    for model, model_rows in facts.items():
        model._default_manager.bulk_create(model_rows)
    Citizen.objects.filter(pk__in=married).update(marital_status="married")
    Course.objects.bulk_create(courses)

    transitions: list[CourseTransition] = []
    for course, (s, plan, _places, cw, vk) in zip(courses, batch, strict=True):
        transitions.append(CourseTransition(course=course, from_state="", to_state=CourseState.VISITED,
                                            happened_on=plan.started_on, actor=cw,
                                            reason=f"Visiteret: {s.trajectory.summary} ({s.trajectory.source})"))
        previous: str = CourseState.VISITED
        for tr in plan.transitions:
            transitions.append(CourseTransition(course=course, from_state=previous, to_state=tr.to_state,
                                                happened_on=tr.on, actor=cw if tr.to_state == "exited" else vk,
                                                reason=tr.reason))
            previous = tr.to_state
    CourseTransition.objects.bulk_create(transitions)

    # Placements level by level: a converted phase points at the one before it.
    levels: dict[tuple[int, int, int], Placement] = {}  # (citizen in batch, job, phase) → row
    depth = max((len(job.phases) for _s, plan, *_ in batch for job in plan.jobs), default=0)
    for level in range(depth):
        rows: list[Placement] = []
        owners: list[tuple[int, int]] = []
        for b, (course, (_s, plan, places, _cw, vk)) in enumerate(zip(courses, batch, strict=True)):
            for j, job in enumerate(plan.jobs):
                if level >= len(job.phases):
                    continue
                phase = job.phases[level]
                company, opening = places[j]
                prev = levels[(b, j, level - 1)] if level else None
                rows.append(Placement(course=course, company=company, opening=opening, kind=phase.kind,
                                      planned_start=phase.start, planned_end=phase.planned_end,
                                      actual_start=phase.start, actual_end=phase.end, slots=phase.slots,
                                      tasks=phase.tasks, previous=prev, created_by=vk))
                owners.append((b, j))
        Placement.objects.bulk_create(rows)
        for (b, j), row in zip(owners, rows, strict=True):
            levels[(b, j, level)] = row
    steps: list[HoursStep] = []
    weeks: list[WeeklyHours] = []
    follow_ups: list[FollowUp] = []
    for b, (course, (_s, plan, _places, _cw, vk)) in enumerate(zip(courses, batch, strict=True)):
        for j, job in enumerate(plan.jobs):
            for level, phase in enumerate(job.phases):
                placement = levels[(b, j, level)]
                steps += [HoursStep(placement=placement, from_date=d, hours_per_week=h) for d, h in phase.steps]
                weeks += [WeeklyHours(placement=placement, week_start=w.week_start, hours_present=w.present,
                                      hours_paid=w.paid, hours_effective=w.effective, hours_training=w.training,
                                      source=w.source, confirmed_by_employer=w.source == "employer",
                                      recorded_by=vk) for w in phase.weeks]
        for f in plan.follow_ups:
            follow_ups.append(FollowUp(course=course, placement=levels[(b, f.job_index, f.phase_index)],
                                       happened_on=f.on, by=vk, channel="visit" if f.on.day % 3 else "phone",
                                       attendance=f.attendance, effectiveness=f.effectiveness, notes=f.notes,
                                       next_on=f.next_on))
    HoursStep.objects.bulk_create(steps, batch_size=2000)
    WeeklyHours.objects.bulk_create(weeks, batch_size=2000)
    FollowUp.objects.bulk_create(follow_ups, batch_size=2000)
    totals["borgere"] += len(citizens)
    totals["forløb"] += len(courses)
    totals["placeringer"] += sum(len(job.phases) for _s, plan, *_ in batch for job in plan.jobs)
    totals["ugers timer"] += len(weeks)
    totals["opfølgninger"] += len(follow_ups)

