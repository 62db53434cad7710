# SPDX-License-Identifier: MPL-2.0
"""Every alert rule in the one declared list (``smaajob.access.worklist.ALERT_RULES``): it fires
when its condition holds, not otherwise, and its link answers 200 for the role it is for."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from smaajob.access.worklist import ALERT_RULES, RULES_BY_CODE, groups, next_actions, worklist
from tests.web.test_pages import log_in

TODAY = date.today()


def covers(code):
    """Names the rule a test is for (the last test checks every declared rule is named)."""
    return code


def alerts_of(user, code, *, today=TODAY, staff=True):
    found = worklist(user, today=today) if staff else next_actions(user, today=today)
    return [a for a in found if a.code == code]


def answers_200(client, user, url):
    client.logout()
    response = log_in(client, user).get(url)
    assert response.status_code == 200, (url, response.status_code)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@pytest.fixture
def paid_2022(course, company, consultant):
    """A paid placement running since February 2022 (payslips are due by the 20th)."""
    from smaajob.citizens.models import Assignment
    from smaajob.courses.services import create_placement, start_placement

    for staff, role in ((consultant, "consultant"),):
        Assignment.objects.create(
            citizen=course.citizen,
            staff=staff,
            staff_role=role,
            valid_from=date(2022, 1, 1),
            valid_to=date(2023, 12, 31),
        )
    placement = create_placement(
        actor=consultant,
        course=course,
        company=company,
        kind="paid",
        planned_start=date(2022, 2, 1),
        steps=[(date(2022, 2, 1), 6)],
    )
    return start_placement(actor=consultant, placement=placement, on=date(2022, 2, 1))


def test_follow_up_overdue_fires_from_the_due_day_by_the_follow_up_pages_own_rule(
    client, consultant, course, running_placement
):
    from smaajob.courses.selectors import follow_up_due
    from smaajob.courses.services import record_follow_up

    code = covers("follow_up_overdue")
    due = follow_up_due(course, TODAY)
    assert due is not None and due < TODAY
    [alert] = alerts_of(consultant, code)
    assert alert.due == due and alert.severity == "high" and alert.title == "Opfølgning forfalden"
    answers_200(client, consultant, alert.url)
    assert not alerts_of(consultant, code, today=due - timedelta(days=1))
    record_follow_up(
        actor=consultant,
        course=course,
        placement=running_placement,
        happened_on=TODAY,
        channel="visit",
        attendance="as_agreed",
        next_on=TODAY + timedelta(days=7),
    )
    assert not alerts_of(consultant, code)


def test_waiting_for_match_fires_after_the_configured_days_without_contact(
    client, settings, consultant, caseworker, course
):
    from smaajob.courses.services import change_state

    code = covers("waiting_for_match")
    began = TODAY - timedelta(days=40)
    for state in ("mapped", "matching"):
        change_state(actor=caseworker, course=course, to_state=state, on=began)
    [alert] = alerts_of(consultant, code)
    assert alert.title == "Venter på match: ingen kontakt i 40 dage"
    assert alert.url == reverse("web:match_citizen", args=[course.citizen_id])
    answers_200(client, consultant, alert.url)
    assert ("waiting_for_match", "Venter på match i over 30 dage uden kontakt", 1) in groups(consultant, [alert], TODAY)
    settings.SMAAJOB_MATCH_WAIT_DAYS = 45
    assert not alerts_of(consultant, code)
    assert RULES_BY_CODE[code].label_for(consultant, TODAY) == "Venter på match i over 45 dage uden kontakt"


def test_waiting_for_match_counts_a_recent_follow_up_as_contact(consultant, caseworker, course):
    from smaajob.courses.models import FollowUp
    from smaajob.courses.services import change_state

    for state in ("mapped", "matching"):
        change_state(actor=caseworker, course=course, to_state=state, on=TODAY - timedelta(days=40))
    FollowUp.objects.create(
        course=course, happened_on=TODAY - timedelta(days=3), channel="phone", attendance="as_agreed", by=consultant
    )
    assert not alerts_of(consultant, "waiting_for_match")


@pytest.fixture
def proposal(consultant, caseworker, citizen, course, opening):
    from smaajob.citizens.services import update_resource_mapping
    from smaajob.courses.services import change_state, propose_match

    update_resource_mapping(actor=consultant, citizen=citizen, weekly_hours_capacity="10")
    for state in ("mapped", "matching"):
        change_state(actor=caseworker, course=course, to_state=state, on=TODAY - timedelta(days=2))
    return propose_match(actor=consultant, course=course, opening=opening, on=TODAY - timedelta(days=1))


def test_an_employers_yes_to_a_proposal_waits_on_the_consultants_worklist_until_a_meeting(
    client, consultant, employer_user, proposal
):
    from datetime import datetime

    from django.utils import timezone

    from smaajob.courses.services import answer_proposal, book_match_meeting

    code = covers("proposal_answered")
    assert not alerts_of(consultant, code)
    answer_proposal(actor=employer_user, proposal=proposal, agrees=True, on=TODAY)
    [alert] = alerts_of(consultant, code)
    assert alert.url == reverse("web:proposal", args=[proposal.pk])
    answers_200(client, consultant, alert.url)
    book_match_meeting(
        actor=consultant, proposal=proposal, at=timezone.make_aware(datetime(2030, 3, 4, 10, 0)), place="Netto"
    )
    assert not alerts_of(consultant, code)


def test_the_employer_is_asked_to_answer_a_proposal_on_its_home_page(client, employer_user, proposal):
    from smaajob.courses.services import answer_proposal

    code = covers("proposal_to_answer")
    [alert] = alerts_of(employer_user, code, staff=False)
    assert alert.url == reverse("web:employer_proposal", args=[proposal.pk])
    assert "Opfyldning af frugt" in alert.title
    answers_200(client, employer_user, alert.url)
    assert "Svar på forslaget" in client.get("/").content.decode()
    answer_proposal(actor=employer_user, proposal=proposal, agrees=False, on=TODAY)
    assert not alerts_of(employer_user, code, staff=False)


def test_a_missing_payslip_fires_before_the_20th_and_not_after(client, consultant, paid_2022):
    code = covers("payslip_missing")
    [alert] = alerts_of(consultant, code, today=date(2022, 6, 16))
    assert alert.due == date(2022, 6, 20) and alert.severity == "high"
    assert alert.title == "Lønseddel mangler (frist d. 20.)"
    assert alert.url == reverse("money:submit_for", args=[paid_2022.course.citizen_id])
    assert not alerts_of(consultant, code, today=date(2022, 6, 21))
    # The page is the consultant's today too (the 2024 assignment of the shared fixture).
    answers_200(client, consultant, alert.url)


def test_the_citizen_is_asked_for_their_own_missing_payslip(client, make_user, citizen, paid_2022):
    code = covers("own_payslip_missing")
    person = make_user("citizen", username="omar", municipality=None, team=None)
    citizen.user = person
    citizen.save(update_fields=["user"])
    [alert] = alerts_of(person, code, today=date(2022, 6, 16), staff=False)
    assert alert.url == reverse("money:my_payslips") and alert.title == "Send din lønseddel"
    assert not alerts_of(person, code, today=date(2022, 6, 21), staff=False)
    answers_200(client, person, alert.url)


def test_the_benefit_office_is_asked_to_calculate_a_received_payslip(client, make_user, consultant, citizen, paid_2022):
    from smaajob.money.services import reject, submit_payslip
    from tests.money.conftest import pdf

    code = covers("payslip_to_calculate")
    office = make_user("benefit_office", username="ydelse")
    assert not alerts_of(office, code, staff=False)
    payslip = submit_payslip(
        actor=consultant,
        citizen=citizen,
        placement=paid_2022,
        period_start=date(2022, 5, 1),
        period_end=date(2022, 5, 31),
        hours="26",
        gross_wage="3380",
        attachment=pdf(),
        today=date(2022, 6, 10),
    )
    [alert] = alerts_of(office, code, staff=False)
    assert alert.url == reverse("money:payslip", args=[payslip.pk]) and "maj 2022" in alert.title
    answers_200(client, office, alert.url)
    reject(actor=office, payslip=payslip, reason="Ulæselig")
    assert not alerts_of(office, code, staff=False)


def test_a_placement_ending_within_7_days_without_next_step_fires_and_one_ending_later_does_not(
    client, consultant, course, company, opening
):
    from smaajob.courses.services import register_placement

    code = covers("placement_ending")
    placement = register_placement(
        actor=consultant,
        course=course,
        company=company,
        opening=opening,
        kind="placement",
        planned_start=TODAY - timedelta(days=20),
        planned_end=TODAY + timedelta(days=8),
        step_up="4",
    )
    assert not alerts_of(consultant, code)
    [alert] = alerts_of(consultant, code, today=TODAY + timedelta(days=1))
    assert alert.url == reverse("web:placement", args=[placement.pk])
    assert RULES_BY_CODE[code].label_for(consultant, TODAY) == "Placering slutter inden 7 dage uden næste skridt"
    answers_200(client, consultant, alert.url)


def test_weeks_without_paid_hours_fire_with_the_number_of_weeks_filled_in(
    client, consultant, project, running_placement
):
    code = covers("no_paid_hours")
    project.weeks_without_pay_alert = 2
    project.save()
    [alert] = alerts_of(consultant, code)
    assert alert.title == "3 uger uden løntimer" and alert.url == reverse("web:placement", args=[running_placement.pk])
    label = RULES_BY_CODE[code].label_for(consultant, TODAY)
    assert label == "Placeringer med 2 uger uden løntimer" and "N uger" not in label
    answers_200(client, consultant, alert.url)
    page = client.get(reverse("web:worklist")).content.decode()
    assert "N uger" not in page and "Placeringer med 2 uger uden løntimer" in page
    # Below the project's limit it does not fire: 3 weeks are fewer than 4.
    project.weeks_without_pay_alert = 4
    project.save()
    assert not alerts_of(consultant, code)


def test_work_duty_without_planned_hours_fires_and_planned_hours_end_it(client, caseworker, citizen):
    from smaajob.citizens.services import decide_work_duty

    code = covers("work_duty_unplanned")
    basis = "Arbejdspligt for modtagere, der ikke opfylder opholds- og beskæftigelseskravet"
    decide_work_duty(
        actor=caseworker, citizen=citizen, valid_from=_monday(TODAY) - timedelta(weeks=2), legal_basis=basis
    )
    [alert] = alerts_of(caseworker, code)
    assert alert.url == reverse("web:work_duty", args=[citizen.pk]) and alert.severity == "high"
    answers_200(client, caseworker, alert.url)
    from smaajob.citizens.models import WorkDuty

    duty = WorkDuty.objects.get(citizen=citizen)
    duty.planned_hours_per_week = Decimal("20")
    duty.save(update_fields=["planned_hours_per_week"])
    assert not alerts_of(caseworker, code)


def test_a_transfer_request_is_for_the_current_caseworker_not_the_consultant(
    client, make_user, caseworker, consultant, citizen
):
    from smaajob.citizens.services import request_transfer

    code = covers("transfer_requested")
    other = make_user("caseworker", username="anden")
    assert not alerts_of(caseworker, code)
    request_transfer(actor=other, citizen=citizen, reason="Flytter til mit team", on=TODAY)
    [alert] = alerts_of(caseworker, code)
    assert alert.url == reverse("web:citizen", args=[citizen.pk])
    answers_200(client, caseworker, alert.url)
    assert code not in {r.code for r in ALERT_RULES if consultant.role in r.roles}
    assert not alerts_of(other, code)


def test_an_exemption_review_fires_under_the_225_hour_rule_and_never_after_june_2025(client, caseworker, citizen):
    from smaajob.citizens.services import decide_exemption

    code = covers("exemption_review")
    decide_exemption(
        actor=caseworker,
        citizen=citizen,
        decided_on=date(2024, 9, 1),
        valid_from=date(2024, 9, 1),
        reason="Begrænset arbejdsevne.",
        review_on=date(2025, 3, 1),
        today=date(2024, 9, 1),
    )
    [alert] = alerts_of(caseworker, code, today=date(2025, 3, 5))
    assert alert.severity == "high" and alert.url == reverse("web:exemption", args=[citizen.pk])
    answers_200(client, caseworker, alert.url)
    for day in (date(2025, 7, 1), date(2026, 12, 2)):
        assert not alerts_of(caseworker, code, today=day)
        assert code not in {c for c, _, _ in groups(caseworker, [], day)}
    assert "Fritagelse skal revurderes" not in client.get(reverse("web:worklist")).content.decode()


def test_the_225_hour_risk_fires_under_the_rule_and_not_after_june_2025(client, caseworker, citizen, course):
    from smaajob.citizens.services import set_benefit

    code = covers("hours_225_risk")
    set_benefit(
        actor=caseworker,
        citizen=citizen,
        benefit_type="kontanthjaelp",
        valid_from=date(2021, 1, 1),
        monthly_amount=Decimal("11000.00"),
    )
    [alert] = alerts_of(caseworker, code, today=date(2024, 6, 15))
    assert alert.url == reverse("web:citizen", args=[citizen.pk]) + "#timer-225"
    answers_200(client, caseworker, alert.url)
    assert not alerts_of(caseworker, code, today=date(2025, 7, 1))


def test_the_employer_is_asked_to_confirm_a_months_weeks_per_citizen(
    client, consultant, employer_user, running_placement
):
    from smaajob.courses.services import confirm_week, record_week

    code = covers("weeks_to_confirm")
    week = record_week(
        actor=consultant, placement=running_placement, week=running_placement.actual_start, hours_present=4
    )
    [alert] = alerts_of(employer_user, code, staff=False)
    start = week.week_start
    assert alert.url == reverse(
        "web:employer_confirm_month_citizen", args=[f"{start:%Y-%m}", running_placement.course.citizen_id]
    )
    assert alert.title.startswith("Bekræft 1 uge i ")
    answers_200(client, employer_user, alert.url)
    confirm_week(actor=employer_user, row=week)
    assert not alerts_of(employer_user, code, staff=False)


@pytest.fixture
def omar_2011(citizen, caseworker, consultant, project, company):
    """On kontanthjælp from 1 March 2011 (seed 002's 2011 rules), a conversation on 20 March, no offer."""
    from tests.web.test_deadlines import kontanthjaelp_2011

    kontanthjaelp_2011(
        citizen=citizen, caseworker=caseworker, consultant=consultant, project=project, company=company, offer=False
    )
    return citizen


def test_a_rettidighed_deadline_within_the_alert_days_is_on_the_worklist(client, caseworker, omar_2011, settings):
    code = covers("deadline_soon")
    # Born 1990: under 30, so an offer is due after 13 weeks: 31 May 2011 (seed 002 L1223-1226).
    assert not alerts_of(caseworker, code, today=date(2011, 5, 16))  # 15 days before: not yet
    [alert] = alerts_of(caseworker, code, today=date(2011, 5, 17))  # 14 days before (the default)
    assert alert.due == date(2011, 5, 31) and "Ret og pligt til tilbud" in alert.title
    assert alert.severity == "normal"
    assert alert.url == reverse("web:citizen_deadlines", args=[omar_2011.pk])
    settings.SMAAJOB_DEADLINE_ALERT_DAYS = 20
    assert alerts_of(caseworker, code, today=date(2011, 5, 11))
    label = dict((c, label) for c, label, _ in groups(caseworker, [], date(2011, 5, 11)))[code]
    assert label == "Frist om 20 dage eller mindre (rettidighed)"
    answers_200(client, caseworker, alert.url)


def test_a_passed_rettidighed_deadline_is_an_urgent_alert_with_the_refund_lost(caseworker, omar_2011):
    code = covers("deadline_missed")
    assert not alerts_of(caseworker, code, today=date(2011, 5, 31))  # the last day is still in time
    found = alerts_of(caseworker, code, today=date(2011, 6, 10))
    [offer] = [a for a in found if "tilbud" in a.title]
    assert offer.severity == "high" and offer.due == date(2011, 5, 31)
    # 10 days late, 7.300 × 12 / 365 × 10 × 30 % (passive refund lost, seed 002 L1309-1310) = 720 kr.
    assert "refusion tabt indtil nu: 720 kr." in offer.detail


@pytest.fixture
def intermediary_world(consultant, make_user, course, company):
    """Job Fokus employing the citizen at the company from October 2026 (issue 13)."""
    from smaajob.courses.services import create_placement, start_placement
    from smaajob.intermediary.services import add_member, create_contract, create_intermediary, employ_through

    job_fokus = create_intermediary(
        actor=consultant, municipality=company.municipality, name="Job Fokus", cvr="29000018"
    )
    user = make_user("intermediary", username="mellemled", team=None)
    add_member(intermediary=job_fokus, user=user)
    contract = create_contract(
        actor=consultant,
        intermediary=job_fokus,
        company=company,
        hourly_price="187,50",
        hourly_wage="132,35",
        basis_reference="Samarbejdsaftale",
        valid_from=date(2026, 1, 1),
    )
    placement = create_placement(
        actor=consultant, course=course, company=company, kind="paid", planned_start=date(2026, 10, 5)
    )
    placement = start_placement(actor=consultant, placement=placement, on=date(2026, 10, 5))
    employ_through(actor=consultant, placement=placement, contract=contract)
    employer = make_user("employer", username="netto", company=company, team=None)
    return user, placement, employer


INTERMEDIARY_DAY = date(2026, 12, 3)  # November is over; its payslips are due on 20 December


def test_the_intermediary_is_told_to_run_last_month_until_it_has_run_it(client, intermediary_world):
    from smaajob.intermediary.payslips import run_month

    code = covers("intermediary_month_to_run")
    user, _placement, _employer = intermediary_world
    [alert] = alerts_of(user, code, today=INTERMEDIARY_DAY, staff=False)
    assert alert.url == reverse("web:intermediary_month", args=["2026-11"])
    answers_200(client, user, alert.url)
    run_month(actor=user, month=date(2026, 11, 1), today=INTERMEDIARY_DAY)
    assert not alerts_of(user, code, today=INTERMEDIARY_DAY, staff=False)
    assert not alerts_of(user, code, today=date(2026, 12, 21), staff=False)  # after the deadline


def test_the_intermediary_is_told_of_weeks_without_confirmed_hours_before_the_20th(
    client, consultant, intermediary_world
):
    from smaajob.courses.services import confirm_week, record_week

    code = covers("intermediary_hours_missing")
    user, placement, employer = intermediary_world
    weeks = [
        record_week(actor=consultant, placement=placement, week=date(2026, 11, d), hours_present=6, hours_paid=6)
        for d in (2, 9, 16, 23)
    ]
    [alert] = alerts_of(user, code, today=INTERMEDIARY_DAY, staff=False)
    assert alert.title == "4 uger uden bekræftede timer hos Netto Vollsmose"
    answers_200(client, user, alert.url)
    for week in weeks:
        confirm_week(actor=employer, row=week)
    assert not alerts_of(user, code, today=INTERMEDIARY_DAY, staff=False)


def test_every_declared_rule_has_its_test_here_and_nothing_registers_rules_at_start_up():
    from smaajob.access import worklist as module

    assert not hasattr(module, "register_alert_source")
    declared = {rule.code for rule in ALERT_RULES}
    names = {name for name in globals() if name.startswith("test_")}
    assert len(declared) == len(ALERT_RULES)  # codes are unique
    assert len(names) >= len(declared)
    source = Path(__file__).read_text(encoding="utf-8")
    assert all(f'covers("{code}")' in source for code in declared)


def test_an_overdue_progress_report_is_on_the_consultants_worklist_until_the_provider_reports(
    client, consultant, make_user, municipality, citizen, course
):
    from smaajob.offers.services import change_order_state, create_offer, create_provider, order_offer, submit_report

    code = covers("progress_report_overdue")
    provider = create_provider(municipality=municipality, name="AMU Fyn", kind="amu")
    teacher = make_user("provider", username="amu", provider=provider, team=None)
    offer = create_offer(provider=provider, title="Truckcertifikat", kind="competence_lift", duration_weeks=8,
                         hours_per_week=10, price_kr=9500, price_unit="course", certificate="truck",
                         legal_basis="lab2019_91")
    order = order_offer(actor=consultant, citizen=citizen, offer=offer, purpose="Truck til lagerjob")
    order.starts_on, order.ends_on = TODAY - timedelta(days=40), TODAY + timedelta(days=20)
    order.save()
    for state in ("accepted", "started"):
        change_order_state(actor=teacher, order=order, to_state=state, on=order.starts_on)
    [alert] = alerts_of(consultant, code)
    assert alert.due == order.starts_on + timedelta(days=28) and alert.title == "Statusrapport mangler"
    answers_200(client, consultant, alert.url)
    submit_report(actor=teacher, order=order, attendance="mostly", progress="Fremskridt", reported_on=TODAY)
    assert not alerts_of(consultant, code)
