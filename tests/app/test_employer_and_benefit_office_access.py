# SPDX-License-Identifier: MPL-2.0
"""The access matrix for employers and the benefit office (issue 23 items 3 and 4, issue 14).

Every API route, and every page an employer can reach, is asked as

* ``current`` — an employer whose company has the citizen placed now, with no consent at all;
* ``ended`` — an employer whose placement with the citizen ended 11 months ago;
* ``grace`` — an employer whose placement ended 5 days ago (inside the grace period);
* ``other`` — an employer of another company;
* ``benefit_office`` — the benefit office of the citizen's municipality;

and each answer is asserted exactly. The table must name every API route: a new route fails
here until someone writes down who may call it. The citizen consented to nothing, so no answer
to an employer may hold their name, birth date or CPR digits.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import request_finished
from django.db import close_old_connections

from smaajob.access import EMPLOYER_GRACE_DAYS
from tests.web.test_pages import log_in

JSON = "application/json"
TODAY = date.today()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SCENARIOS = ("current", "ended", "grace", "other", "benefit_office")
# What the citizen is called and identified by; none of it is a consented fact here. The birth
# date in every way a page writes a date (smaajob.danish_numbers: 1.1.1990, 1. januar 1990).
IDENTITY = ("Omar", "Hansen", "1990-01-01", "010190", "01.01.1990", "1.1.1990", "1. januar 1990")


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


# Placement dates per scenario: (start, end); "other" and the benefit office see the current one.
PERIODS: dict[str, tuple[date, date | None]] = {
    "current": (monday(TODAY - timedelta(days=35)), None),
    "ended": (monday(TODAY - timedelta(days=400)), TODAY - timedelta(days=335)),
    "grace": (monday(TODAY - timedelta(days=60)), TODAY - timedelta(days=5)),
    "other": (monday(TODAY - timedelta(days=35)), None),
    "benefit_office": (monday(TODAY - timedelta(days=35)), None),
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def build_world(scenario, *, municipality, make_user, consultant, caseworker, citizen, course, company):
    """The citizen placed (paid) at Netto per the scenario, with a week, a payslip and a proposal."""
    from smaajob.courses.services import create_placement, end_placement, propose_match, record_week, start_placement
    from smaajob.money.services import submit_payslip
    from smaajob.network.services import create_company, create_opening

    start, end = PERIODS[scenario]
    placement = create_placement(
        actor=consultant, course=course, company=company, kind="paid", planned_start=start, steps=[(start, 6)]
    )
    start_placement(actor=consultant, placement=placement, on=start)
    week = record_week(actor=consultant, placement=placement, week=start, hours_present=6, hours_paid=6)
    payslip = submit_payslip(
        actor=consultant,
        citizen=citizen,
        placement=placement,
        period_start=start,
        period_end=start + timedelta(days=6),
        hours="6",
        gross_wage="780",
        attachment=SimpleUploadedFile("loenseddel.pdf", PDF, content_type="application/pdf"),
    )
    if end is not None:
        end_placement(actor=consultant, placement=placement, on=end)
    opening = create_opening(
        actor=consultant,
        company=company,
        title="Opvask",
        kind="paid",
        hours_min=2,
        hours_max=8,
        slots=[{"weekday": d, "start": "08:00", "end": "14:00"} for d in range(5)],
    )
    proposal = propose_match(actor=consultant, course=course, opening=opening, on=TODAY)
    other_company = create_company(
        actor=consultant, municipality=municipality, cvr="10150817", name="Fakta Bolbro", latitude=55.4, longitude=10.4
    )
    users = {
        "current": make_user("employer", username="netto", company=company, municipality=None, team=None),
        "other": make_user("employer", username="fakta", company=other_company, municipality=None, team=None),
        "benefit_office": make_user("benefit_office", username="ydelse"),
    }
    users["ended"] = users["grace"] = users["current"]
    # A network event the placement's company (not Fakta) is invited to (issue 13).
    from django.utils import timezone

    from smaajob.events.services import create_event, invite

    event_start = timezone.localtime()
    event = create_event(
        actor=consultant,
        municipality=municipality,
        kind="cluster",
        title="Klyngemøde",
        starts_at=event_start,
        ends_at=event_start + timedelta(hours=3),
    )
    invite(event=event, company=company)
    # An order to a provider for the placed citizen (issue 12): no employer or benefit office reaches it.
    from smaajob.offers.services import create_offer, create_provider, order_offer

    provider = create_provider(municipality=municipality, name="AMU Fyn", kind="amu")
    offer = create_offer(
        provider=provider,
        title="Truckcertifikat",
        kind="competence_lift",
        duration_weeks=2,
        hours_per_week=30,
        price_kr=9500,
        price_unit="course",
        legal_basis="lab2019_91",
    )
    order = order_offer(actor=consultant, citizen=citizen, offer=offer, purpose="Truck")
    return {
        "offer_id": offer.pk,
        "order_id": order.pk,
        "event_id": event.pk,
        # The intermediary's records: refused by role before any look-up, so any id will do.
        "run_id": 1,
        "invoice_id": 1,
        "statement_id": 1,
        "user": users[scenario],
        "citizen_id": citizen.pk,
        "course_id": course.pk,
        "placement_id": placement.pk,
        "week_id": week.pk,
        # the correction routes, asked about a week of hours
        "kind": "uge",
        "record_id": week.pk,
        "opening_id": opening.pk,
        "company_id": company.pk,
        "payslip_id": payslip.pk,
        "proposal_id": proposal.pk,
        "start": start,
        "project_id": course.project_id,
    }


@pytest.fixture
def world(request, municipality, make_user, consultant, caseworker, citizen, course, company):
    return build_world(
        request.param,
        municipality=municipality,
        make_user=make_user,
        consultant=consultant,
        caseworker=caseworker,
        citizen=citizen,
        course=course,
        company=company,
    )


def body_for(route: str, w: dict[str, Any]) -> dict[str, Any] | None:
    """A valid body for each write route, so that the answer is about access, not about input."""
    start = w["start"]
    bodies = {
        "POST /api/v1/beregner/": {
            "month": "2022-06",
            "hours_per_week": 6,
            "hourly_wage": 130,
            "benefit_amount": 11000,
        },
        "POST /api/v1/borgere/visitation": {
            "cpr": "020290-1234",
            "first_name": "Ny",
            "last_name": "Borger",
            "project_id": w["project_id"],
            "started_on": TODAY.isoformat(),
        },
        "PUT /api/v1/borgere/{citizen_id}/ressourcer": {"job_goal": "lager"},
        "PUT /api/v1/borgere/{citizen_id}/adresse": {"postcode": "5000"},
        "POST /api/v1/borgere/{citizen_id}/oplysninger": {"valid_from": TODAY.isoformat(), "children": 0},
        "POST /api/v1/borgere/{citizen_id}/omfattet": {"valid_from": TODAY.isoformat(), "provider": False},
        "POST /api/v1/borgere/{citizen_id}/sygeperioder": {
            "starts_on": (TODAY - timedelta(days=7)).isoformat(),
            "ends_on": (TODAY - timedelta(days=3)).isoformat(),
        },
        "POST /api/v1/borgere/{citizen_id}/aktiviteter": {
            "description": "Sprogskole",
            "slots": [{"weekday": 0, "start": "08:00", "end": "12:00"}],
            "starts_on": TODAY.isoformat(),
        },
        "POST /api/v1/borgere/{citizen_id}/arbejdspligt": {
            "valid_from": TODAY.isoformat(),
            "legal_basis": "LAS kapitel 4",
            "planned_hours_per_week": "37",
        },
        "PUT /api/v1/borgere/{citizen_id}/arbejdspligt/uger": {"week": start.isoformat(), "attended_hours": "10"},
        "POST /api/v1/borgere/{citizen_id}/fritagelser": {
            "decided_on": TODAY.isoformat(),
            "valid_from": TODAY.isoformat(),
            "reason": "helbred",
            "review_on": (TODAY + timedelta(days=90)).isoformat(),
        },
        "POST /api/v1/forloeb/{course_id}/placeringer": {
            "opening_id": w["opening_id"],
            "planned_start": (TODAY + timedelta(days=30)).isoformat(),
        },
        "PUT /api/v1/forloeb/placeringer/{placement_id}/uger": {"week": start.isoformat(), "hours_present": "6"},
        "POST /api/v1/forloeb/{course_id}/opfoelgninger": {"happened_on": TODAY.isoformat()},
        "POST /api/v1/match/forslag": {"citizen_id": w["citizen_id"], "opening_id": w["opening_id"]},
        "POST /api/v1/netvaerk/virksomheder/{company_id}/jobaabninger": {
            "title": "Oprydning",
            "kind": "paid",
            "hours_min": 2,
            "hours_max": 4,
        },
        "PATCH /api/v1/netvaerk/jobaabninger/{opening_id}": {"title": "Opvask og oprydning"},
        "POST /api/v1/netvaerk/opgaver": {"title": "Kasser", "hours_min": 2, "hours_max": 4},
        "POST /api/v1/loensedler/{payslip_id}/beregn": {"benefit_amount": "11000"},
        "POST /api/v1/loensedler/{payslip_id}/udbetalt": {"paid_on": TODAY.isoformat()},
        "POST /api/v1/loensedler/{payslip_id}/afvis": {"reason": "dobbelt"},
        "PATCH /api/v1/rettelser/{kind}/{record_id}": {"values": {"hours_present": "1"}, "correction_reason": "x"},
        "POST /api/v1/rettelser/{kind}/{record_id}/annuller": {"reason": "forkert"},
    }
    return bodies.get(route)


def call(client, route: str, w: dict[str, Any]):
    method, template = route.split(" ", 1)
    path = template.format(**w)
    if route == "POST /api/v1/loensedler/":
        second_week = w["start"] + timedelta(days=7)
        return client.post(
            path,
            {
                "citizen_id": w["citizen_id"],
                "placement_id": w["placement_id"],
                "period_start": second_week.isoformat(),
                "period_end": (second_week + timedelta(days=4)).isoformat(),
                "hours": "6",
                "gross_wage": "780",
                "attachment": SimpleUploadedFile("loenseddel.pdf", PDF, content_type="application/pdf"),
            },
        )
    body = body_for(route, w)
    send = getattr(client, method.lower())
    if body is None:
        return send(path)
    return send(path, data=body, content_type=JSON)


# The exact answer per route: (current, ended, grace, other, benefit_office).
API_EXPECTED: dict[str, tuple[int, int, int, int, int]] = {
    # public
    "GET /api/v1/sundhed": (200, 200, 200, 200, 200),
    "POST /api/v1/beregner/": (200, 200, 200, 200, 200),
    # a citizen's summary: an employer gets the consented facts of citizens placed with it now;
    # the benefit office no case view (as on the web since 2fc51bc)
    "GET /api/v1/borgere/": (200, 200, 200, 200, 404),
    "GET /api/v1/borgere/{citizen_id}": (200, 404, 200, 404, 404),
    "GET /api/v1/borgere/{citizen_id}/tidslinje": (404, 404, 404, 404, 404),
    "GET /api/v1/borgere/{citizen_id}/225-timer": (404, 404, 404, 404, 404),
    "POST /api/v1/borgere/visitation": (404, 404, 404, 404, 404),
    "PUT /api/v1/borgere/{citizen_id}/ressourcer": (404, 404, 404, 404, 404),
    "PUT /api/v1/borgere/{citizen_id}/adresse": (404, 404, 404, 404, 404),
    "POST /api/v1/borgere/{citizen_id}/fritagelser": (404, 404, 404, 404, 404),
    # the facts the rate follows from, sick leave, weekly activities and work duty are case data
    "GET /api/v1/borgere/{citizen_id}/oplysninger": (404, 404, 404, 404, 404),
    "POST /api/v1/borgere/{citizen_id}/oplysninger": (404, 404, 404, 404, 404),
    "GET /api/v1/borgere/{citizen_id}/omfattet": (404, 404, 404, 404, 404),
    "POST /api/v1/borgere/{citizen_id}/omfattet": (404, 404, 404, 404, 404),
    "GET /api/v1/borgere/{citizen_id}/sygeperioder": (404, 404, 404, 404, 404),
    "POST /api/v1/borgere/{citizen_id}/sygeperioder": (404, 404, 404, 404, 404),
    "GET /api/v1/borgere/{citizen_id}/aktiviteter": (404, 404, 404, 404, 404),
    "POST /api/v1/borgere/{citizen_id}/aktiviteter": (404, 404, 404, 404, 404),
    "GET /api/v1/borgere/{citizen_id}/arbejdspligt": (404, 404, 404, 404, 404),
    "POST /api/v1/borgere/{citizen_id}/arbejdspligt": (404, 404, 404, 404, 404),
    "PUT /api/v1/borgere/{citizen_id}/arbejdspligt/uger": (404, 404, 404, 404, 404),
    # the case: placements and weeks for the employer while they run (plus grace), never the
    # course; nothing for the benefit office
    "POST /api/v1/forloeb/{course_id}/placeringer": (404, 404, 404, 404, 404),
    "GET /api/v1/forloeb/placeringer/{placement_id}": (200, 404, 200, 404, 404),
    "PUT /api/v1/forloeb/placeringer/{placement_id}/uger": (404, 404, 404, 404, 404),
    "GET /api/v1/forloeb/placeringer/{placement_id}/uger": (200, 404, 200, 404, 404),
    "POST /api/v1/forloeb/uger/{week_id}/bekraeft": (200, 404, 200, 404, 404),
    "POST /api/v1/forloeb/{course_id}/opfoelgninger": (404, 404, 404, 404, 404),
    "GET /api/v1/forloeb/{course_id}/opfoelgningsplan": (404, 404, 404, 404, 404),
    "GET /api/v1/match/borgere/{citizen_id}": (404, 404, 404, 404, 404),
    "GET /api/v1/match/jobaabninger/{opening_id}": (404, 404, 404, 404, 404),
    "POST /api/v1/match/forslag": (404, 404, 404, 404, 404),
    "GET /api/v1/match/forslag": (200, 200, 200, 200, 404),
    # the network: no personal data; an employer its own company; not the benefit office's work
    # (payment data only, issue 21: the role table, smaajob.access.pages)
    "GET /api/v1/netvaerk/virksomheder": (200, 200, 200, 200, 404),
    "GET /api/v1/netvaerk/virksomheder/{company_id}/forloeb": (200, 200, 200, 404, 404),
    "GET /api/v1/netvaerk/jobaabninger": (200, 200, 200, 200, 404),
    "POST /api/v1/netvaerk/virksomheder/{company_id}/jobaabninger": (201, 201, 201, 404, 404),
    "PATCH /api/v1/netvaerk/jobaabninger/{opening_id}": (404, 404, 404, 404, 404),
    "POST /api/v1/netvaerk/opgaver": (201, 201, 201, 201, 404),
    # network events: an employer those its company is invited to; staff write them
    # the intermediary employer's (issue 13): neither employers nor the benefit office
    "GET /api/v1/mellemled/kontrakter": (404, 404, 404, 404, 404),
    "POST /api/v1/mellemled/kontrakter": (404, 404, 404, 404, 404),
    "POST /api/v1/mellemled/ansaettelser": (404, 404, 404, 404, 404),
    "GET /api/v1/mellemled/koersler": (404, 404, 404, 404, 404),
    "POST /api/v1/mellemled/koersler": (404, 404, 404, 404, 404),
    "GET /api/v1/mellemled/koersler/{run_id}": (404, 404, 404, 404, 404),
    "GET /api/v1/mellemled/fakturaer/{invoice_id}": (404, 404, 404, 404, 404),
    "GET /api/v1/mellemled/loenopgoerelser/{statement_id}": (404, 404, 404, 404, 404),
    "GET /api/v1/mellemled/rapport": (404, 404, 404, 404, 404),
    "GET /api/v1/netvaerk/arrangementer": (200, 200, 200, 200, 404),
    "POST /api/v1/netvaerk/arrangementer": (404, 404, 404, 404, 404),
    "POST /api/v1/netvaerk/arrangementer/serier": (404, 404, 404, 404, 404),
    "GET /api/v1/netvaerk/arrangementer/rapport": (404, 404, 404, 404, 404),
    "GET /api/v1/netvaerk/arrangementer/{event_id}": (200, 200, 200, 404, 404),
    "GET /api/v1/netvaerk/arrangementer/{event_id}/tilmeldinger": (200, 200, 200, 404, 404),
    "POST /api/v1/netvaerk/arrangementer/{event_id}/tilmeldinger": (404, 404, 404, 404, 404),
    "PUT /api/v1/netvaerk/arrangementer/{event_id}/fremmoede": (404, 404, 404, 404, 404),
    # offers and orders to providers (issue 12): neither employers nor the benefit office
    "GET /api/v1/tilbud/katalog": (404, 404, 404, 404, 404),
    "POST /api/v1/tilbud/katalog": (404, 404, 404, 404, 404),
    "GET /api/v1/tilbud/katalog/{offer_id}": (404, 404, 404, 404, 404),
    "GET /api/v1/tilbud/bestillinger": (404, 404, 404, 404, 404),
    "POST /api/v1/tilbud/bestillinger": (404, 404, 404, 404, 404),
    "GET /api/v1/tilbud/bestillinger/{order_id}": (404, 404, 404, 404, 404),
    "POST /api/v1/tilbud/bestillinger/{order_id}/status": (404, 404, 404, 404, 404),
    "POST /api/v1/tilbud/bestillinger/{order_id}/statusrapporter": (404, 404, 404, 404, 404),
    # payslips: an employer its own placements' while they run (plus grace), without benefit
    "POST /api/v1/loensedler/": (201, 404, 201, 404, 201),
    "GET /api/v1/loensedler/": (200, 200, 200, 200, 200),
    "GET /api/v1/loensedler/{payslip_id}": (200, 404, 200, 404, 200),
    "POST /api/v1/loensedler/{payslip_id}/beregn": (404, 404, 404, 404, 200),
    # (the benefit office calculates; the same officer may not approve — four eyes, 409 — so
    # the payslip is not approved and cannot be paid, and it can still be rejected)
    "POST /api/v1/loensedler/{payslip_id}/godkend": (404, 404, 404, 404, 409),
    "POST /api/v1/loensedler/{payslip_id}/udbetalt": (404, 404, 404, 404, 409),
    "POST /api/v1/loensedler/{payslip_id}/afvis": (404, 404, 404, 404, 200),
    "GET /api/v1/rapporter/noegletal": (404, 404, 404, 404, 404),
    # corrections: only those who may write the record (a week: the case workers)
    "GET /api/v1/rettelser/{kind}/{record_id}": (404, 404, 404, 404, 404),
    "PATCH /api/v1/rettelser/{kind}/{record_id}": (404, 404, 404, 404, 404),
    "POST /api/v1/rettelser/{kind}/{record_id}/annuller": (404, 404, 404, 404, 404),
    # the staff worklist: no one here has one
    "GET /api/v1/arbejdsliste/": (404, 404, 404, 404, 404),
    # rettidighed: the case workers' tool, like the worklist
    "GET /api/v1/rettidighed/": (404, 404, 404, 404, 404),
    "GET /api/v1/rettidighed/borgere/{citizen_id}": (404, 404, 404, 404, 404),
    # imports (issue 17): coordinators and administrators only
    "POST /api/v1/import/{kind}": (404, 404, 404, 404, 404),
    "GET /api/v1/import/{kind}/eksport": (404, 404, 404, 404, 404),
    "GET /api/v1/import/koersler": (404, 404, 404, 404, 404),
}


def api_routes() -> list[str]:
    from smaajob.api.app import api

    return [f"{method.upper()} {path}" for path, ops in api.get_openapi_schema()["paths"].items() for method in ops]


def test_the_matrix_names_every_api_route(db):
    assert sorted(api_routes()) == sorted(API_EXPECTED)


@pytest.mark.parametrize("world", SCENARIOS, indirect=True)
def test_every_api_route_answers_employers_and_the_benefit_office_exactly(client, world, request):
    scenario = request.node.callspec.params["world"]
    column = SCENARIOS.index(scenario)
    log_in(client, world["user"])
    answers, leaks = {}, []
    for route in API_EXPECTED:
        response = call(client, route, world)
        answers[route] = response.status_code
        if scenario != "benefit_office":
            text = response.content.decode()
            leaks += [f"{route}: {word}" for word in IDENTITY if word in text]
    assert answers == {route: row[column] for route, row in API_EXPECTED.items()}
    assert leaks == []


# Pages an employer can reach (or try), with the exact answer: (current, ended, grace, other, benefit_office).
WEB_EXPECTED: dict[str, tuple[int, int, int, int, int]] = {
    "GET /": (200, 200, 200, 200, 200),
    "GET /arbejdsliste/": (404, 404, 404, 404, 404),
    "GET /borgere/{citizen_id}/": (302, 404, 302, 404, 404),
    "GET /placeringer/{placement_id}/": (302, 404, 302, 404, 404),
    "GET /virksomhed/placering/{placement_id}/svar/": (200, 404, 200, 404, 404),
    "POST /virksomhed/timer/{week_id}/bekraeft/": (302, 404, 302, 404, 404),
    "GET /virksomhed/forslag/{proposal_id}/": (200, 200, 200, 404, 404),
    "GET /virksomhed/opgave/": (200, 200, 200, 200, 404),
    "GET /loensedler/virksomhed/": (200, 200, 200, 200, 404),
    "GET /loensedler/borger/{citizen_id}/ny/": (200, 404, 200, 404, 200),
    "GET /loensedler/{payslip_id}/": (200, 404, 200, 404, 200),
    "GET /loensedler/{payslip_id}/fil/": (200, 404, 200, 404, 200),
    "GET /beregner/borger/{citizen_id}/": (404, 404, 404, 404, 200),
    # the staff's network lists are neither the employer's (its own openings are on its home
    # page) nor the benefit office's (payment data only)
    "GET /virksomheder/{company_id}/": (404, 404, 404, 404, 404),
    "GET /jobaabninger/": (404, 404, 404, 404, 404),
    "GET /jobaabninger/?format=xlsx": (404, 404, 404, 404, 404),
    "GET /overblik/": (404, 404, 404, 404, 404),
    "GET /virksomheder/": (404, 404, 404, 404, 404),
    "GET /timer/": (404, 404, 404, 404, 404),
    "GET /match/{proposal_id}/": (404, 404, 404, 404, 404),
    "GET /borgere/{citizen_id}/match/": (404, 404, 404, 404, 404),
    "GET /rapporter/": (404, 404, 404, 404, 404),
    "GET /rapporter/noegletal.csv": (404, 404, 404, 404, 404),
    "GET /rapporter/borger/{citizen_id}/progression/": (404, 404, 404, 404, 404),
    "GET /rettidighed/": (404, 404, 404, 404, 404),
    "GET /borgere/{citizen_id}/rettidighed/": (404, 404, 404, 404, 404),
}


def close_streamed(response) -> None:
    """Close a streamed file as the test client does: without the request_finished handler that
    would close the test's database connection (PostgreSQL)."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


@pytest.mark.parametrize("world", SCENARIOS, indirect=True)
def test_every_page_an_employer_reaches_answers_exactly_and_names_no_one_without_consent(client, world, request):
    scenario = request.node.callspec.params["world"]
    column = SCENARIOS.index(scenario)
    log_in(client, world["user"])
    answers, leaks = {}, []
    for route in WEB_EXPECTED:
        method, template = route.split(" ", 1)
        response = getattr(client, method.lower())(template.format(**world))
        answers[route] = response.status_code
        if response.streaming:  # the payslip file itself, the employer's own document
            assert b"".join(response.streaming_content).startswith(b"%PDF-")
            close_streamed(response)
        elif scenario != "benefit_office" and response["Content-Type"].startswith("text/html"):
            text = response.content.decode()
            leaks += [f"{route}: {word}" for word in IDENTITY if word in text]
    assert answers == {route: row[column] for route, row in WEB_EXPECTED.items()}
    assert leaks == []


def test_the_grace_period_is_a_stated_number_of_days():
    assert EMPLOYER_GRACE_DAYS == 14
    grace_end, ended_end = PERIODS["grace"][1], PERIODS["ended"][1]
    assert grace_end is not None and grace_end >= TODAY - timedelta(days=EMPLOYER_GRACE_DAYS)
    assert ended_end is not None and ended_end < TODAY - timedelta(days=EMPLOYER_GRACE_DAYS)


# --------------------------------------------------------------------------- the reviewer's findings, one by one


@pytest.fixture
def placed_now(course, company, consultant):
    """Omar placed at Netto three weeks ago, with one recorded week; no consent at all."""
    from smaajob.courses.services import create_placement, record_week, start_placement

    start = monday(TODAY - timedelta(days=21))
    placement = create_placement(
        actor=consultant, course=course, company=company, kind="paid", planned_start=start, steps=[(start, 6)]
    )
    start_placement(actor=consultant, placement=placement, on=start)
    record_week(actor=consultant, placement=placement, week=start, hours_present=6, hours_paid=6)
    return placement


@pytest.fixture
def netto(make_user, company):
    return make_user("employer", username="netto", company=company, municipality=None, team=None)


def test_an_employer_gets_no_name_birth_date_or_cpr_digits_from_the_citizen_api_without_consent(
    client, netto, placed_now, citizen
):
    log_in(client, netto)
    listed = client.get("/api/v1/borgere/").json()["items"]
    one = client.get(f"/api/v1/borgere/{citizen.pk}").json()
    assert listed == [one]
    assert one == {
        "id": citizen.pk,
        "name": None,
        "phone_and_address": None,
        "restrictions": None,
        "danish_level": None,
        "competences": None,
        "job_goal": None,
        "consented": [],
    }


def test_an_employer_sees_the_name_in_the_api_only_while_the_citizen_consents_to_it(
    client, netto, placed_now, citizen, consultant
):
    from smaajob.citizens.services import record_consent

    record_consent(actor=consultant, citizen=citizen, facts=["name"], valid_from=TODAY - timedelta(days=30))
    log_in(client, netto)
    assert client.get(f"/api/v1/borgere/{citizen.pk}").json()["name"] == "Omar Hansen"
    record_consent(actor=consultant, citizen=citizen, facts=[], valid_from=TODAY)  # withdrawn today
    for response in (client.get("/api/v1/borgere/"), client.get(f"/api/v1/borgere/{citizen.pk}")):
        text = response.content.decode()
        assert response.status_code == 200 and "Omar" not in text and "1990" not in text and "010190" not in text


def test_an_employer_whose_placement_ended_eleven_months_ago_no_longer_reaches_the_citizen(
    client, netto, placed_now, citizen, consultant
):
    from smaajob.courses.models import Placement

    # The placement ran from 13 to 11 months ago.
    Placement.objects.filter(pk=placed_now.pk).update(
        actual_start=TODAY - timedelta(days=400),
        planned_start=TODAY - timedelta(days=400),
        actual_end=TODAY - timedelta(days=335),
    )
    log_in(client, netto)
    assert client.get("/api/v1/borgere/").json() == {"items": [], "count": 0}
    assert client.get(f"/api/v1/borgere/{citizen.pk}").status_code == 404
    assert client.get(f"/api/v1/forloeb/placeringer/{placed_now.pk}/uger").status_code == 404
    assert client.get(f"/virksomhed/placering/{placed_now.pk}/svar/").status_code == 404


def test_an_employer_confirms_the_last_week_within_the_grace_period_after_the_placement_ended(
    client, netto, placed_now
):
    from smaajob.courses.services import end_placement

    end_placement(actor=placed_now.created_by, placement=placed_now, on=TODAY - timedelta(days=EMPLOYER_GRACE_DAYS))
    week = placed_now.weeks.get()
    log_in(client, netto)
    response = client.post(f"/api/v1/forloeb/uger/{week.pk}/bekraeft")
    assert response.status_code == 200 and response.json()["confirmed_by_employer"] is True


def test_an_employer_has_no_worklist_on_the_web_or_in_the_api(client, netto, placed_now, citizen, caseworker):
    # The staff worklist's groups (here the follow-ups') are on the caseworker's page only.
    assert "Opfølgning forfalden" in log_in(client, caseworker).get("/arbejdsliste/").content.decode()
    client.logout()
    log_in(client, netto)
    page = client.get("/arbejdsliste/")
    api = client.get("/api/v1/arbejdsliste/")
    assert page.status_code == 404 and "Siden findes ikke" in page.content.decode()
    assert api.status_code == 404 and api.json()["code"] == "not_found"
    assert "Opfølgning forfalden" not in page.content.decode() + api.content.decode()


def test_the_benefit_office_gets_no_case_data_through_the_api_that_the_web_refuses_it(
    client, make_user, placed_now, citizen, course, consultant, company
):
    from smaajob.courses.services import propose_match
    from smaajob.network.services import create_opening

    opening = create_opening(actor=consultant, company=company, title="Opvask", kind="paid", hours_min=2, hours_max=8)
    propose_match(actor=consultant, course=course, opening=opening, on=TODAY)
    log_in(client, make_user("benefit_office", username="ydelse"))
    assert client.get(f"/borgere/{citizen.pk}/").status_code == 404  # the web, since 2fc51bc
    assert client.get(f"/placeringer/{placed_now.pk}/").status_code == 404
    refused = {
        path: client.get(path).status_code
        for path in (
            "/api/v1/borgere/",
            f"/api/v1/borgere/{citizen.pk}",
            f"/api/v1/borgere/{citizen.pk}/tidslinje",
            f"/api/v1/borgere/{citizen.pk}/225-timer",
            f"/api/v1/forloeb/placeringer/{placed_now.pk}",
            f"/api/v1/forloeb/placeringer/{placed_now.pk}/uger",
            f"/api/v1/forloeb/{course.pk}/opfoelgningsplan",
            "/api/v1/match/forslag",
            "/api/v1/arbejdsliste/",
        )
    }
    assert refused == dict.fromkeys(refused, 404)
    assert client.get("/loensedler/").status_code == 200  # payment work goes on


def test_a_match_the_engine_refuses_for_missing_consent_can_be_neither_proposed_nor_accepted(
    client, consultant, netto, course, citizen, company
):
    from smaajob.courses.models import MatchProposal
    from smaajob.network.services import create_opening

    opening = create_opening(
        actor=consultant,
        company=company,
        title="Opvask",
        kind="paid",
        hours_min=2,
        hours_max=8,
        accommodation_tags=["ingen tunge løft"],
    )
    log_in(client, consultant)
    resources = f"/api/v1/borgere/{citizen.pk}/ressourcer"
    client.put(resources, data={"restriction_tags": ["ingen tunge løft"], "consent": []}, content_type=JSON)
    refused = client.post(
        "/api/v1/match/forslag", data={"citizen_id": citizen.pk, "opening_id": opening.pk}, content_type=JSON
    )
    assert refused.status_code == 400 and refused.json()["code"] == "consent_missing"
    assert "skånehensyn" in refused.json()["message"] and not MatchProposal.objects.exists()

    client.put(resources, data={"consent": ["restrictions"]}, content_type=JSON)
    made = client.post(
        "/api/v1/match/forslag", data={"citizen_id": citizen.pk, "opening_id": opening.pk}, content_type=JSON
    )
    assert made.status_code == 201
    client.put(resources, data={"consent": []}, content_type=JSON)  # the citizen withdraws consent
    client.logout()
    page = log_in(client, netto).post(f"/virksomhed/forslag/{made.json()['id']}/", {"agrees": "1", "note": ""})
    assert page.status_code == 400 and "ikke givet samtykke" in page.content.decode()
    assert MatchProposal.objects.get().status == "asked"
