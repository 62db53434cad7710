# SPDX-License-Identifier: MPL-2.0
"""Writing the demo through the domain services, one call per fact, as a user would.

Used for the small size: every citizen, company, opening, placement, week and follow-up
passes the same validation and audit logging as in the web pages, so a demo that loads is
also a test that the services accept the real trajectories.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from smaajob.citizens import services as citizen_services
from smaajob.citizens.models import Citizen
from smaajob.courses import services as course_services
from smaajob.courses.models import Course, Placement
from smaajob.demo.citizens import CitizenSpec
from smaajob.demo.companies import CompanySpec
from smaajob.demo.rate_facts import WORK_DUTY_BASIS, demo_coverage_facts, demo_facts
from smaajob.demo.schedule import CoursePlan
from smaajob.network import services as network_services
from smaajob.network.models import Company, Opening
from smaajob.organisation.models import Municipality, Project, TargetGroup, User

LANGUAGE_SCHOOL_SLOTS = [{"weekday": 1, "start": "17:00", "end": "20:00"},
                         {"weekday": 3, "start": "17:00", "end": "20:00"}]
EXEMPTION_REASON = ("Arbejdsevnen er så begrænset, at borgeren ikke kan opnå ordinær beskæftigelse "
                    "på nuværende tidspunkt (demodata).")


@dataclass
class Staff:
    caseworker: User
    consultant: User


def write_company(spec: CompanySpec, *, municipality: Municipality, actor: User) -> tuple[Company, list[Opening]]:
    company = network_services.create_company(
        actor=actor, municipality=municipality, cvr=spec.cvr, name=spec.name,
        industry_code=spec.sector.industry_code, industry_name=spec.sector.industry_name,
        sector=spec.sector.key, size=spec.size, address="", postcode=spec.place.postcode,
        city=spec.place.city, latitude=spec.place.latitude, longitude=spec.place.longitude,
        partner_declaration_on=spec.partner_declaration_on, cluster=spec.cluster,
        social_economy=spec.social_economy, maturity=spec.maturity,
        willingness_to_pay_tested=spec.willingness_to_pay_tested, placement_only=spec.placement_only,
        headcount_cap=spec.headcount_cap, is_synthetic=True,
    )
    network_services.add_contact(company=company, name=spec.contact_name, title="Leder",
                                 phone=spec.contact_phone, is_primary=True)
    buddies = [network_services.add_buddy(company=company, name=name, trained_on=spec.buddy_trained_on)
               for name in spec.buddy_names]
    openings = [
        network_services.create_opening(
            actor=actor, company=company, title=o.title, kind=o.kind, hours_min=o.hours_min,
            hours_max=o.hours_max, slots=o.slots, capacity=o.capacity,
            required_certificates=o.certificates, accommodation_tags=o.accommodation_tags,
            language_requirement=o.language_requirement,
            buddy=buddies[0] if o.with_buddy and buddies else None, opens_on=o.opens_on,
        )
        for o in spec.openings
    ]
    if spec.partner_declaration_on:
        network_services.log_outreach(actor=actor, company=company, kind="visit",
                                      happened_on=spec.partner_declaration_on,
                                      note="Besøg; partnererklæring underskrevet.")
    return company, openings


def write_citizen(spec: CitizenSpec, plan: CoursePlan, *, municipality: Municipality, project: Project,
                  target_group: TargetGroup | None, staff: Staff,
                  places: list[tuple[Company, Opening | None]], today: date) -> tuple[Citizen, Course]:
    t = spec.trajectory
    cw, vk = staff.caseworker, staff.consultant
    citizen = citizen_services.register_citizen(
        actor=cw, cpr=spec.cpr, first_name=spec.first_name, last_name=spec.last_name,
        municipality=municipality, address=spec.address, postcode=spec.place.postcode,
        city=spec.place.city, latitude=spec.place.latitude, longitude=spec.place.longitude,
        is_synthetic=True,
    )
    visit = plan.started_on
    for role, person in (("caseworker", cw), ("consultant", vk)):
        citizen_services.assign_staff(actor=cw, citizen=citizen, staff=person, staff_role=role, valid_from=visit)
    citizen_services.set_readiness(actor=cw, citizen=citizen, category=t.readiness,
                                   valid_from=visit - timedelta(days=60))
    citizen_services.set_benefit(actor=cw, citizen=citizen, benefit_type=t.benefit,
                                 valid_from=visit - timedelta(days=365))
    citizen_services.join_project(actor=cw, citizen=citizen, project=project, valid_from=visit,
                                  target_group=target_group)
    coverage = demo_coverage_facts(t, benefit_from=visit - timedelta(days=365))
    if coverage is not None:
        type(citizen).objects.filter(pk=citizen.pk).update(marital_status="married")
        citizen.marital_status = "married"
        citizen_services.record_coverage_facts(actor=cw, citizen=citizen, **coverage)  # type: ignore[arg-type]
    todays = demo_facts(t, benefit_from=visit - timedelta(days=365), today=today)
    if todays is not None:
        citizen_services.record_rate_facts(actor=cw, citizen=citizen, **todays.rate_facts())  # type: ignore[arg-type]
        if todays.work_duty_hours is not None:
            citizen_services.decide_work_duty(actor=cw, citizen=citizen, valid_from=todays.valid_from,
                                              legal_basis=WORK_DUTY_BASIS,
                                              planned_hours_per_week=todays.work_duty_hours)
    citizen_services.update_resource_mapping(
        actor=vk, citizen=citizen, weekly_hours_capacity=t.capacity, availability=spec.availability,
        restriction_tags=list(t.restrictions), competences=list(t.competences),
        certificates=list(t.certificates), wished_sectors=list(t.wished_sectors),
        danish_level=t.danish_level, job_goal=t.summary[:200],
        waiting_since=plan.mapped_on if not t.jobs else None,
    )
    citizen_services.record_consent(actor=vk, citizen=citizen, facts=["name", "competences", "job_goal"],
                                    valid_from=plan.mapped_on)
    if t.danish_level <= 1:
        citizen_services.add_commitment(actor=vk, citizen=citizen, description="Danskuddannelse",
                                        slots=LANGUAGE_SCHOOL_SLOTS, starts_on=visit)
    if t.benefit == "kontanthjaelp" and t.readiness == "aktivitetsparat":
        # Aalborg's default (000): aktivitetsparate are exempt from the 225-hour rule — as a
        # caseworker's recorded decision with a review date, never automatically.
        citizen_services.decide_exemption(actor=cw, citizen=citizen, decided_on=visit, valid_from=visit,
                                          reason=EXEMPTION_REASON, review_on=visit + timedelta(days=182))
    course = course_services.start_course(actor=cw, citizen=citizen, project=project, started_on=visit,
                                          reason=f"Visiteret til {project.name}: {t.summary}")
    placements = _write_jobs(plan, course, places, vk)
    for j, job in enumerate(plan.jobs):
        for i, phase in enumerate(job.phases):
            for w in phase.weeks:
                course_services.record_week(
                    actor=vk, placement=placements[j][i], week=w.week_start, hours_present=w.present,
                    hours_paid=w.paid, hours_effective=w.effective, hours_training=w.training,
                    source=w.source, today=today,
                )
    for f in plan.follow_ups:
        course_services.record_follow_up(
            actor=vk, course=course, placement=placements[f.job_index][f.phase_index], happened_on=f.on,
            channel="visit" if f.on.day % 3 else "phone", attendance=f.attendance,
            effectiveness=f.effectiveness, notes=f.notes, next_on=f.next_on, today=today,
        )
    for tr in plan.transitions:
        course = course_services.change_state(
            actor=cw if tr.to_state in ("exited", "mapped") else vk, course=course, to_state=tr.to_state,
            on=tr.on, reason=tr.reason, outcome=tr.outcome, stop_reason=tr.stop_reason,
        )
    return citizen, course


def _write_jobs(plan: CoursePlan, course: Course, places: list[tuple[Company, Opening | None]],
                actor: User) -> list[list[Placement]]:
    out: list[list[Placement]] = []
    for job, (company, opening) in zip(plan.jobs, places, strict=True):
        first = job.phases[0]
        placement = course_services.create_placement(
            actor=actor, course=course, company=company, opening=opening, kind=first.kind,
            planned_start=first.start, planned_end=first.planned_end,
            steps=[(d, h) for d, h in first.steps], slots=first.slots, tasks=first.tasks,
        )
        placement = course_services.start_placement(actor=actor, placement=placement, on=first.start)
        chain = [placement]
        for phase in job.phases[1:]:
            placement = course_services.convert_placement(
                actor=actor, placement=placement, to_kind=phase.kind, on=phase.start,
                steps=[(d, h) for d, h in phase.steps],
            )
            chain.append(placement)
        last = job.phases[-1]
        if last.end is not None:
            course_services.end_placement(actor=actor, placement=placement, on=last.end)
        out.append(chain)
    return out


def total_hours(plan: CoursePlan) -> Decimal:
    return sum((w.present for j in plan.jobs for p in j.phases for w in p.weeks), Decimal(0))
