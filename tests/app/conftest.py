# SPDX-License-Identifier: MPL-2.0
"""The fixture municipality the route walks use: one user per role and every kind of record.

Two citizens with names and numbers found nowhere else, so that an answer showing either of
them can be recognised: Omar Hansen is placed in a paid småjob at the employer's company (with
weeks, a follow-up and a payslip); Zakarias Quistgaard is only proposed to one of its openings,
so whatever the employer learns about him comes from the proposal alone.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings

# The world's users, in the order it makes them: the walks run one test per role (and one for a
# visitor), so that the test workers share them out.
WORLD_ROLES = (
    "caseworker",
    "consultant",
    "coordinator",
    "benefit_office",
    "analyst",
    "administrator",
    "employer",
    "citizen",
    "dpo",
    "provider",
    "intermediary",
)
PAYSLIP_WAGE = Decimal("3381.17")
# The uploaded payslip file carries a marker too: the file itself is the citizen's data.
PAYSLIP_FILE = b"%PDF-1.4\n% Omar Hansen loenseddel 3381,17\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass(frozen=True)
class Person:
    """A fixture citizen and the strings that give them away in an answer."""

    citizen_id: int
    markers: tuple[str, ...]


@dataclass(frozen=True)
class World:
    users: dict[str, object]  # role → user
    ids: dict[str, int]  # route parameter name → a real id
    people: tuple[Person, ...]


def _last_month_run(*, consultant, municipality, intermediary_user, name, cvr, prefix, workplace, contact, course,
                    hourly_price, hours):
    """An intermediary employing ``course``'s citizen at ``workplace`` from the first Monday of last
    month, one week confirmed by the workplace's ``contact``, and last month run (issue 13)."""
    from smaajob.courses.services import confirm_week, create_placement, record_week, start_placement
    from smaajob.intermediary.payslips import run_month
    from smaajob.intermediary.services import add_member, create_contract, create_intermediary, employ_through

    agency = create_intermediary(actor=consultant, municipality=municipality, name=name, cvr=cvr, invoice_prefix=prefix)
    add_member(intermediary=agency, user=intermediary_user)
    contract = create_contract(actor=consultant, intermediary=agency, company=workplace, hourly_price=hourly_price,
                               hourly_wage="132,35", basis_reference="Samarbejdsaftale Små job med mening",
                               valid_from=date(2024, 1, 1))
    today = date.today()
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    first_monday = last_month + timedelta(days=(7 - last_month.weekday()) % 7)
    employed = create_placement(actor=consultant, course=course, company=workplace, kind="paid",
                                planned_start=first_monday)
    employed = start_placement(actor=consultant, placement=employed, on=first_monday)
    employ_through(actor=consultant, placement=employed, contract=contract)
    week = record_week(actor=consultant, placement=employed, week=first_monday, hours_present=hours, hours_paid=hours)
    confirm_week(actor=contact, row=week)
    return run_month(actor=intermediary_user, month=last_month).run


def _finished_export(owner):
    """The openings as Excel, made for ``owner`` by the job's task, run here rather than by a
    worker (the worker's connection handling needs committed transactions; the fixture world
    lives in the test's transaction)."""
    from smaajob.jobs.runner import run_job
    from smaajob.jobs.services import start_export

    job = start_export(actor=owner, kind="openings_xlsx", query="")
    run_job.call(job.pk)
    job.refresh_from_db()
    assert job.status == "done", job.last_error
    return job


def module_atomic() -> transaction.Atomic:
    """A transaction (or savepoint) that holds a module's shared rows, marked as a test case's
    own, as Django's ``TestCase`` marks the transactions it opens around its class and tests:
    the services' durable blocks (``atomic(durable=True)``, the payslip's file) then run inside
    it, as they do inside any test's transaction."""
    block = transaction.atomic()
    block._from_testcase = True  # type: ignore[attr-defined]
    return block


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world, built once for a test module (per test worker) and rolled back after it.

    Building it costs seconds of CPU, and the walks ask for it once per role: each test's own
    writes are a savepoint inside this transaction (``db``), rolled back after the test, so every
    test starts from the very rows built here. The uploaded payslip and the finished export are
    files: they live in a media folder of the module's own, kept while the module runs."""
    from tests import conftest as base

    media = tmp_path_factory.mktemp("world-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), module_atomic():
        municipality = base.new_municipality()
        team = base.new_team(municipality)
        project = base.new_project(municipality)
        make_user = base.user_maker(municipality, team)
        caseworker = base.new_caseworker(make_user)
        consultant = base.new_consultant(make_user)
        company = base.new_company(municipality, consultant)
        citizen = base.new_citizen(municipality, caseworker, consultant)
        course = base.new_course(citizen, project, caseworker)
        yield build_world(
            municipality=municipality, project=project, make_user=make_user, caseworker=caseworker,
            consultant=consultant, company=company, citizen=citizen, course=course,
        )
        transaction.set_rollback(True)


@pytest.fixture
def world(module_world, db):
    """The module's world, for one test: its rows as built (the test's writes are rolled back),
    and a copy of its Python objects, so that a test changing a user object changes no other's."""
    return copy.deepcopy(module_world)


def build_world(*, municipality, project, make_user, caseworker, consultant, company, citizen, course) -> World:
    from smaajob.citizens.models import DisclosableFact
    from smaajob.citizens.services import assign_staff, record_consent, register_citizen
    from smaajob.courses.services import propose_match, record_follow_up, record_week, register_placement, start_course
    from smaajob.money.services import submit_payslip
    from smaajob.network.services import add_buddy, create_opening

    today = date.today()
    users = {
        "caseworker": caseworker,
        "consultant": consultant,
        "coordinator": make_user("coordinator", first_name="Karen", last_name="Koordinator"),
        "benefit_office": make_user("benefit_office", first_name="Yrsa", last_name="Ydelse"),
        "analyst": make_user("analyst", first_name="Ane", last_name="Analytiker"),
        "administrator": make_user("administrator", first_name="Adam", last_name="Admin"),
        "employer": make_user("employer", username="netto", company=company, municipality=None, team=None),
        # No name on the account: the page header then shows nothing that is the citizen's.
        "citizen": make_user("citizen", username="borger", team=None),
        "dpo": make_user("dpo", first_name="Dorte", last_name="Databeskyttelse", team=None),
    }
    citizen.user = users["citizen"]
    citizen.save(update_fields=["user"])
    every_fact = list(DisclosableFact.values)
    record_consent(actor=caseworker, citizen=citizen, facts=every_fact, valid_from=date(2024, 1, 1))

    buddy = add_buddy(company=company, name="Bente Buddy", trained_on=date(2024, 1, 15))
    slots = [{"weekday": d, "start": "08:00", "end": "14:00"} for d in range(5)]
    opening = create_opening(
        actor=consultant,
        company=company,
        title="Opfyldning af frugt",
        kind="paid",
        hours_min=2,
        hours_max=12,
        slots=slots,
        buddy=buddy,
    )
    start = today - timedelta(weeks=3)
    start -= timedelta(days=start.weekday())
    placement = register_placement(
        actor=consultant,
        course=course,
        company=company,
        opening=opening,
        kind="paid",
        planned_start=start,
        planned_end=start + timedelta(weeks=8),
        step_up="2 → 6",
    )
    week = record_week(actor=consultant, placement=placement, week=start, hours_present=4, hours_paid=4)
    follow_up = record_follow_up(
        actor=consultant,
        course=course,
        placement=placement,
        happened_on=start + timedelta(days=2),
        channel="phone",
        attendance="as_agreed",
        notes="Godt i gang",
    )
    payslip = submit_payslip(
        actor=users["citizen"],
        citizen=citizen,
        placement=placement,
        period_start=start,
        period_end=start + timedelta(days=6),
        hours="4",
        gross_wage=str(PAYSLIP_WAGE),
        attachment=SimpleUploadedFile("loenseddel.pdf", PAYSLIP_FILE, content_type="application/pdf"),
    )

    proposed = register_citizen(
        actor=caseworker,
        cpr="020285-4321",
        first_name="Zakarias",
        last_name="Quistgaard",
        municipality=municipality,
        latitude=55.39,
        longitude=10.41,
    )
    for staff in (caseworker, consultant):
        assign_staff(
            actor=caseworker, citizen=proposed, staff=staff, staff_role=staff.role, valid_from=date(2024, 1, 1)
        )
    record_consent(actor=caseworker, citizen=proposed, facts=every_fact, valid_from=date(2024, 1, 1))
    proposed_course = start_course(actor=caseworker, citizen=proposed, project=project, started_on=date(2024, 1, 8))
    second_opening = create_opening(
        actor=consultant, company=company, title="Kasse og kunder", kind="paid", hours_min=2, hours_max=8, slots=slots
    )
    proposal = propose_match(actor=consultant, course=proposed_course, opening=second_opening, on=today)

    # A network event the employer's company is invited to, with one registration (issue 13).
    from django.utils import timezone

    from smaajob.events.services import create_event, invite, register

    event_start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    event = create_event(
        actor=consultant,
        municipality=municipality,
        kind="cluster",
        title="Klyngemøde",
        starts_at=event_start,
        ends_at=event_start + timedelta(hours=3),
        capacity=40,
    )
    invite(event=event, company=company)
    register(event=event, company=company, name="Nina Netto")

    # An offer from a provider with a log-in, ordered for Omar (issue 12).
    from smaajob.offers.services import create_offer, create_provider, order_offer

    provider = create_provider(municipality=municipality, name="AMU Fyn", kind="amu")
    users["provider"] = make_user("provider", username="amu", provider=provider, team=None)
    offer = create_offer(
        provider=provider,
        title="Truckcertifikat",
        kind="competence_lift",
        duration_weeks=2,
        hours_per_week=30,
        price_kr=9500,
        price_unit="course",
        certificate="truck",
        legal_basis="lab2019_91",
    )
    order = order_offer(actor=consultant, citizen=citizen, offer=offer, purpose="Truck til lagerjob")
    # An intermediary employer (issue 13): Zakarias employed through Job Fokus at the company,
    # one confirmed week last month, and last month run (an invoice, a wage statement).
    # At a second company, so that the walks' employer (netto) is not party to it.
    from smaajob.network.services import create_company

    workplace = create_company(
        actor=consultant, municipality=municipality, cvr="29000034", name="Fakta Vollsmose", sector="detail"
    )
    workplace_contact = make_user("employer", username="fakta", company=workplace, municipality=None, team=None)
    users["intermediary"] = make_user("intermediary", username="mellemled", team=None)
    intermediary_run = _last_month_run(
        consultant=consultant, municipality=municipality, intermediary_user=users["intermediary"], name="Job Fokus",
        cvr="29000018", prefix="JF", workplace=workplace, contact=workplace_contact, course=proposed_course,
        hourly_price="187,50", hours=6,
    )
    # An import run the coordinator previewed (issue 17): its page shows counts, never a citizen.
    from smaajob.imports.models import ImportRun

    import_run = ImportRun.objects.create(
        municipality=municipality, user=users["coordinator"], channel="web", kind="virksomheder",
        source_system="momentum", file_name="netvaerk.csv", status="previewed",
    )

    # An export the consultant made in the background (issue 16): only its owner may fetch it.
    export = _finished_export(users["consultant"])

    wage = f"{PAYSLIP_WAGE:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    people = (
        # Not Omar's CPR: the shared fixture gives him 010190-1234, the CPR field's own example.
        Person(citizen.pk, ("Omar", "Hansen", str(PAYSLIP_WAGE), wage, wage.replace(".", ""))),
        Person(proposed.pk, ("Zakarias", "Quistgaard", "020285")),
    )
    ids = {
        "citizen_id": citizen.pk,
        "course_id": course.pk,
        "company_id": company.pk,
        "opening_id": opening.pk,
        "placement_id": placement.pk,
        "week_id": week.pk,
        "record_id": week.pk,
        "follow_up_id": follow_up.pk,
        "payslip_id": payslip.pk,
        "proposal_id": proposal.pk,
        "event_id": event.pk,
        "offer_id": offer.pk,
        "order_id": order.pk,
        "run_id": intermediary_run.pk,
        "invoice_id": intermediary_run.invoices.get().pk,
        "statement_id": intermediary_run.wage_statements.get().pk,
        "import_run_id": import_run.pk,
        "job_id": export.pk,
    }
    assert tuple(users) == WORLD_ROLES, "WORLD_ROLES lists the world's users, which the walks are parametrized by"
    return World(users=users, ids=ids, people=people)


@pytest.fixture(scope="module")
def module_other_world(module_world, django_db_blocker):
    """``other_world``, built once for a module on top of its world (a savepoint inside the
    world's transaction, rolled back after the module). Only a module whose every test may see
    both worlds asks for it: once built, it stays for the rest of the module."""
    from smaajob.organisation.services import create_municipality

    with django_db_blocker.unblock(), module_atomic():
        other_municipality = create_municipality(code="265", name="Roskilde Kommune")
        yield build_other_world(module_world, other_municipality)
        transaction.set_rollback(True)


@pytest.fixture
def other_world(module_other_world, world):
    """The module's other world, for one test (as ``world``)."""
    return copy.deepcopy(module_other_world)


def build_other_world(world, other_municipality) -> World:
    """Every kind of record again, in another municipality, at another company, with its own
    staff: the access matrix asks for each of them as the first world's users (the ids are
    real, but nobody in ``world`` may see them)."""
    from django.utils import timezone

    from smaajob.citizens.services import assign_staff, record_consent, register_citizen
    from smaajob.courses.services import propose_match, record_follow_up, record_week, register_placement, start_course
    from smaajob.events.services import create_event, invite
    from smaajob.money.services import submit_payslip
    from smaajob.network.services import add_buddy, create_company, create_opening
    from smaajob.organisation.models import Team
    from smaajob.organisation.services import create_project, create_user

    team = Team.objects.create(municipality=other_municipality, name="Team Roskilde")
    project = create_project(municipality=other_municipality, name="STV", follow_up_interval_days=21)

    def user(username: str, role: str, **extra):
        extra.setdefault("municipality", other_municipality)
        return create_user(username=username, password="korrekt-hest-batteri-47", role=role, **extra)

    caseworker = user("roskilde-raadgiver", "caseworker", team=team)
    consultant = user("roskilde-konsulent", "consultant", team=team)
    company = create_company(
        actor=consultant,
        municipality=other_municipality,
        cvr="29403473",
        name="Roskilde Bageri",
        sector="detail",
        latitude=55.64,
        longitude=12.08,
    )
    employer = user("roskilde-bageri", "employer", company=company, municipality=None)
    person = register_citizen(
        actor=caseworker,
        cpr="150375-2468",
        first_name="Xenia",
        last_name="Yderborg",
        municipality=other_municipality,
        latitude=55.64,
        longitude=12.09,
    )
    citizen_login = user("roskilde-borger", "citizen")
    person.user = citizen_login
    person.save(update_fields=["user"])
    for staff in (caseworker, consultant):
        assign_staff(actor=caseworker, citizen=person, staff=staff, staff_role=staff.role, valid_from=date(2024, 1, 1))
    from smaajob.citizens.models import DisclosableFact

    record_consent(actor=caseworker, citizen=person, facts=list(DisclosableFact.values), valid_from=date(2024, 1, 1))
    course = start_course(actor=caseworker, citizen=person, project=project, started_on=date(2024, 1, 8))
    slots = [{"weekday": d, "start": "08:00", "end": "14:00"} for d in range(5)]
    buddy = add_buddy(company=company, name="Bo Bager", trained_on=date(2024, 1, 15))
    opening = create_opening(
        actor=consultant,
        company=company,
        title="Bagning af rugbrød",
        kind="paid",
        hours_min=2,
        hours_max=12,
        slots=slots,
        buddy=buddy,
    )
    today = date.today()
    start = today - timedelta(weeks=3)
    start -= timedelta(days=start.weekday())
    placement = register_placement(
        actor=consultant,
        course=course,
        company=company,
        opening=opening,
        kind="paid",
        planned_start=start,
        planned_end=start + timedelta(weeks=8),
        step_up="2 → 6",
    )
    week = record_week(actor=consultant, placement=placement, week=start, hours_present=4, hours_paid=4)
    follow_up = record_follow_up(
        actor=consultant,
        course=course,
        placement=placement,
        happened_on=start + timedelta(days=2),
        channel="phone",
        attendance="as_agreed",
        notes="Godt i gang",
    )
    payslip = submit_payslip(
        actor=citizen_login,
        citizen=person,
        placement=placement,
        period_start=start,
        period_end=start + timedelta(days=6),
        hours="4",
        gross_wage="2222.22",
        attachment=SimpleUploadedFile("loenseddel.pdf", PAYSLIP_FILE, content_type="application/pdf"),
    )
    second = register_citizen(
        actor=caseworker,
        cpr="030482-1357",
        first_name="Yrla",
        last_name="Zenthe",
        municipality=other_municipality,
    )
    assign_staff(
        actor=caseworker, citizen=second, staff=consultant, staff_role="consultant", valid_from=date(2024, 1, 1)
    )
    second_course = start_course(actor=caseworker, citizen=second, project=project, started_on=date(2024, 1, 8))
    proposal = propose_match(actor=consultant, course=second_course, opening=opening, on=today)
    event_start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    event = create_event(
        actor=consultant,
        municipality=other_municipality,
        kind="cluster",
        title="Klyngemøde Roskilde",
        starts_at=event_start,
        ends_at=event_start + timedelta(hours=3),
        capacity=20,
    )
    invite(event=event, company=company)
    # An order to the other municipality's provider (issue 12).
    from smaajob.offers.services import create_offer, create_provider, order_offer

    provider = create_provider(municipality=other_municipality, name="AMU Sjælland", kind="amu")
    user("roskilde-amu", "provider", provider=provider)
    offer = create_offer(provider=provider, title="Hygiejnekursus", kind="course", duration_weeks=1, hours_per_week=25,
                         price_kr=600, price_unit="hour", certificate="hygiejne", legal_basis="lab2019_91")
    order = order_offer(actor=consultant, citizen=person, offer=offer, purpose="Hygiejnebevis til køkkenjob")
    # The other municipality's intermediary, with last month run (issue 13).
    intermediary_run = _last_month_run(
        consultant=consultant, municipality=other_municipality,
        intermediary_user=user("roskilde-mellemled", "intermediary"), name="Job Roskilde", cvr="29000026",
        prefix="JR", workplace=company, contact=employer, course=second_course, hourly_price="180,00", hours=5,
    )
    # An import run of the other municipality's coordinator (issue 17).
    from smaajob.imports.models import ImportRun

    import_run = ImportRun.objects.create(
        municipality=other_municipality, user=user("roskilde-koordinator", "coordinator", team=team), channel="web",
        kind="virksomheder", source_system="momentum", file_name="netvaerk.csv", status="previewed",
    )
    ids = {
        "offer_id": offer.pk,
        "order_id": order.pk,
        "run_id": intermediary_run.pk,
        "invoice_id": intermediary_run.invoices.get().pk,
        "statement_id": intermediary_run.wage_statements.get().pk,
        "import_run_id": import_run.pk,
        "job_id": _finished_export(consultant).pk,
        "citizen_id": person.pk,
        "course_id": course.pk,
        "company_id": company.pk,
        "opening_id": opening.pk,
        "placement_id": placement.pk,
        "week_id": week.pk,
        "record_id": week.pk,
        "follow_up_id": follow_up.pk,
        "payslip_id": payslip.pk,
        "proposal_id": proposal.pk,
        "event_id": event.pk,
    }
    people = (Person(person.pk, ("Xenia", "Yderborg")), Person(second.pk, ("Yrla", "Zenthe")))
    users = {"caseworker": caseworker, "consultant": consultant, "employer": employer, "citizen": citizen_login}
    assert set(ids) == set(world.ids), "the other world must hold every kind of record the first one does"
    return World(users=users, ids=ids, people=people)
