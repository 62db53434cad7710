# SPDX-License-Identifier: MPL-2.0
"""Rettidighed through HTTP: one citizen's deadlines, the team's overview and the API — the
same numbers, the same "not found" for another caseload or municipality, bad input refused.

The facts are those of seed 002 Kap. 2 (2011 rules, BEK nr. 710 af 23/06/2011): a citizen of
21 on kontanthjælp from 1 March 2011 must have the first conversation by 1 April 2011 and an
offer by 31 May 2011 (13 weeks)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from smaajob.audit.models import AuditEntry
from tests.web.test_pages import log_in

DAY = date(2011, 7, 1)


def kontanthjaelp_2011(*, citizen, caseworker, consultant, project, company, offer=True):
    """Omar (born 1990) on kontanthjælp from 1 March 2011 at 7.300 kr. a month, visited the same
    day, one conversation on 20 March, and (``offer``) a company placement from 20 June 2011."""
    from smaajob.citizens.models import Assignment
    from smaajob.citizens.services import set_benefit
    from smaajob.courses.services import record_follow_up, register_placement, start_course

    for staff, role in ((caseworker, "caseworker"), (consultant, "consultant")):
        Assignment.objects.create(
            citizen=citizen, staff=staff, staff_role=role, valid_from=date(2011, 1, 1), valid_to=date(2023, 12, 31)
        )
    set_benefit(
        actor=caseworker,
        citizen=citizen,
        benefit_type="kontanthjaelp",
        valid_from=date(2011, 3, 1),
        monthly_amount=Decimal("7300"),
    )
    course = start_course(actor=caseworker, citizen=citizen, project=project, started_on=date(2011, 3, 1))
    record_follow_up(
        actor=caseworker, course=course, happened_on=date(2011, 3, 20), channel="meeting", attendance="as_agreed"
    )
    if offer:
        register_placement(
            actor=consultant,
            course=course,
            company=company,
            kind="placement",
            planned_start=date(2011, 6, 20),
            planned_end=date(2011, 8, 31),
            step_up="4",
        )
    return course


@pytest.fixture
def omar_2011(citizen, caseworker, consultant, project, company):
    kontanthjaelp_2011(citizen=citizen, caseworker=caseworker, consultant=consultant, project=project, company=company)
    return citizen


def test_the_citizen_page_shows_each_deadline_with_its_legal_basis_and_the_refund_lost(client, omar_2011, caseworker):
    page = log_in(client, caseworker).get(f"/borgere/{omar_2011.pk}/rettidighed/?dato={DAY.isoformat()}")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Første samtale" in text and "overholdt" in text
    # The offer came 20 days late (1-20 June): 7.300 × 12 / 365 × 20 × 30 % = 1.440 kr.
    assert "Ret og pligt til tilbud" in text and "overskredet" in text
    assert "1.440,00 kr." in text
    assert "710 af 23/06/2011" in text
    assert "Sådan tæller vi" in text


def test_the_citizen_page_links_to_the_deadlines(client, omar_2011, caseworker):
    text = log_in(client, caseworker).get(f"/borgere/{omar_2011.pk}/").content.decode()
    assert f"/borgere/{omar_2011.pk}/rettidighed/" in text


def test_a_day_without_a_sourced_rule_says_unknown_rule_for_the_period_and_no_date(client, omar_2011, caseworker):
    from smaajob.citizens.services import set_benefit

    set_benefit(
        actor=caseworker,
        citizen=omar_2011,
        benefit_type="kontanthjaelp",
        valid_from=date(2014, 2, 1),
        monthly_amount=Decimal("7300"),
    )
    page = log_in(client, caseworker).get(f"/borgere/{omar_2011.pk}/rettidighed/?dato=2014-03-01")
    text = page.content.decode()
    assert page.status_code == 200
    assert "ukendt regel for perioden" in text
    assert "1.5.2014" not in text  # no date made up from the 2011 rule (first contact + 3 months)


def test_a_citizen_not_on_kontanthjaelp_is_not_covered_and_the_page_says_why(client, citizen, caseworker):
    text = log_in(client, caseworker).get(f"/borgere/{citizen.pk}/rettidighed/").content.decode()
    assert "gælder kontanthjælpsmodtagere" in text


def test_the_team_overview_puts_the_overdue_first_with_the_refund_at_stake(client, omar_2011, caseworker):
    page = log_in(client, caseworker).get(f"/rettidighed/?dato={DAY.isoformat()}")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Omar Hansen" in text
    assert "overskredet" in text
    # Lost so far: the offer's 1.440 kr. and the contact interval's (due 20.6, 11 days, in an
    # offer from 21 June: 50 %): 7.300 × 12 / 365 × 11 × 50 % = 1.320 kr.
    assert "2.760,00 kr." in text
    assert AuditEntry.objects.filter(citizen_id=omar_2011.pk, detail="rettidighed").exists()


def test_the_overview_filters_by_caseworker_and_keeps_the_filter_in_the_url(
    client, omar_2011, caseworker, make_user, municipality
):
    from smaajob.citizens.services import assign_staff, register_citizen

    coordinator = make_user("coordinator")
    other_caseworker = make_user("caseworker", username="anden", first_name="Anne", last_name="Anden")
    other = register_citizen(
        actor=other_caseworker, cpr="020285-1237", first_name="Bo", last_name="Berg", municipality=municipality
    )
    assign_staff(
        actor=other_caseworker,
        citizen=other,
        staff=other_caseworker,
        staff_role="caseworker",
        valid_from=date(2024, 1, 1),
    )
    log_in(client, coordinator)
    both = client.get("/rettidighed/").content.decode()
    assert "Omar Hansen" in both and "Bo Berg" in both
    only = client.get(f"/rettidighed/?medarbejder={caseworker.pk}&dato=2011-07-01")
    text = only.content.decode()
    assert "Omar Hansen" in text and "Bo Berg" not in text
    assert f'value="{caseworker.pk}" selected' in text and 'value="2011-07-01"' in text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("dato=31.02.2011", "Skriv datoen som dag.måned.år"),
        ("dato=1999-12-31", "Datoen skal ligge mellem"),
        ("medarbejder=999999", "Vælg en rådgiver fra listen"),
        ("medarbejder=abc", "Vælg en rådgiver fra listen"),
    ],
)
def test_bad_filters_are_refused_with_a_clear_danish_message(client, omar_2011, caseworker, query, message):
    page = log_in(client, caseworker).get(f"/rettidighed/?{query}")
    assert page.status_code == 400
    assert message in page.content.decode()


def test_a_bad_date_on_the_citizen_page_is_refused(client, omar_2011, caseworker):
    page = log_in(client, caseworker).get(f"/borgere/{omar_2011.pk}/rettidighed/?dato=i-morgen")
    assert page.status_code == 400
    assert "Skriv datoen som dag.måned.år" in page.content.decode()


def test_the_api_gives_the_same_deadlines_as_the_page(client, omar_2011, caseworker):
    log_in(client, caseworker)
    listed = client.get("/api/v1/rettidighed/?dato=2011-07-01").json()
    assert listed["count"] == 1
    row = listed["items"][0]
    assert row["citizen_id"] == omar_2011.pk and row["covered"] is True
    assert row["missed"] == 2 and row["refund_at_stake"] == pytest.approx(2760.0)
    assert row["next"]["kind"] == "offer" or row["next"]["status"] == "missed"
    one = client.get(f"/api/v1/rettidighed/borgere/{omar_2011.pk}?dato=2011-07-01").json()
    kinds = [d["kind"] for d in one["deadlines"]]
    assert kinds == ["first_conversation", "contact", "offer", "placement_limit"]
    offer = one["deadlines"][2]
    assert offer["due"] == "2011-05-31" and offer["met_on"] == "2011-06-20"
    assert offer["refund"]["amount"] == pytest.approx(1440.0)
    assert "710 af 23/06/2011" in offer["basis"]


def test_the_api_refuses_bad_input_with_a_stable_code(client, omar_2011, caseworker):
    log_in(client, caseworker)
    bad_date = client.get("/api/v1/rettidighed/?dato=i-morgen")
    assert bad_date.status_code == 400 and bad_date.json()["code"] == "invalid_input"
    too_early = client.get("/api/v1/rettidighed/?dato=1990-01-01")
    assert too_early.status_code == 400 and too_early.json()["field"] == "dato"
    stranger = client.get("/api/v1/rettidighed/?medarbejder=999999")
    assert stranger.status_code == 400 and stranger.json()["field"] == "medarbejder"


def test_a_citizen_of_another_caseload_or_municipality_is_not_found(client, omar_2011, make_user, other_municipality):
    stranger = make_user("caseworker", username="fremmed", municipality=other_municipality, team=None)
    colleague = make_user("caseworker", username="kollega")
    for user in (stranger, colleague):
        client.logout()
        log_in(client, user)
        page = client.get(f"/borgere/{omar_2011.pk}/rettidighed/")
        missing = client.get("/borgere/999999/rettidighed/")
        assert page.status_code == missing.status_code == 404
        assert page.content.decode().count("findes ikke") == missing.content.decode().count("findes ikke")
        api = client.get(f"/api/v1/rettidighed/borgere/{omar_2011.pk}")
        assert api.status_code == 404 and api.json() == client.get("/api/v1/rettidighed/borgere/999999").json()
        assert "Omar" not in client.get("/rettidighed/?dato=2011-07-01").content.decode()
