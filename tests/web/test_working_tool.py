# SPDX-License-Identifier: MPL-2.0
"""The working tool through HTTP: each journey's pages, their refusals and the audit log."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.urls import reverse

from smaajob.audit.models import AuditEntry
from smaajob.courses.models import FollowUp, MatchProposal, Placement, WeeklyHours
from tests.text_search import error_alert
from tests.web.test_pages import log_in


def test_a_caseworker_visits_a_new_citizen_and_lands_on_the_resource_mapping(client, caseworker, project):
    response = log_in(client, caseworker).post(
        reverse("web:visitation"),
        {
            "cpr": "020285-1234",
            "first_name": "Frederik",
            "last_name": "Berg",
            "project": project.pk,
            "readiness": "aktivitetsparat",
            "benefit_type": "kontanthjaelp",
            "benefit_rate": "full",
            "started_on": "2025-01-06",
        },
    )
    assert response.status_code == 302 and "/ressourcer/" in response["Location"]
    assert "0202851234" not in response["Location"]


def test_a_bad_cpr_number_is_refused_next_to_the_field_and_nothing_is_written(client, caseworker, project):
    from smaajob.citizens.models import Citizen

    page = log_in(client, caseworker).post(
        reverse("web:visitation"),
        {
            "cpr": "999999-1234",
            "first_name": "X",
            "last_name": "Y",
            "project": project.pk,
            "benefit_rate": "full",
            "started_on": "2025-01-06",
        },
    )
    assert page.status_code == 400
    assert "gyldig fødselsdato" in page.content.decode()
    assert not Citizen.objects.exists()


def test_resource_mapping_saves_consent_sub_goals_and_moves_the_course(client, caseworker, citizen, course):
    response = log_in(client, caseworker).post(
        reverse("web:resources", args=[citizen.pk]),
        {
            "weekly_hours_capacity": "7,5",
            "availability": "man 8-12, ons 9:00-13:30",
            "danish_level": "2",
            "travel_limit_km": "10",
            "consent": ["name", "language"],
            "sub_goals": "Møde stabilt\nLære kassen",
            "job_goal": "Butiksassistent",
        },
    )
    assert response.status_code == 302
    course.refresh_from_db()
    citizen.refresh_from_db()
    assert course.state == "mapped" and course.sub_goals == ["Møde stabilt", "Lære kassen"]
    assert citizen.availability[1] == {"weekday": 2, "start": "09:00", "end": "13:30"}


def test_an_unreadable_time_slot_is_explained_in_danish(client, caseworker, citizen, course):
    page = (
        log_in(client, caseworker)
        .post(
            reverse("web:resources", args=[citizen.pk]),
            {"availability": "hver dag", "danish_level": "2", "travel_limit_km": "10"},
        )
        .content.decode()
    )
    assert "kan ikke læses" in page


def test_a_caseworker_refers_to_a_consultant_and_decides_an_exemption(client, caseworker, consultant, citizen, course):
    log_in(client, caseworker)
    assert (
        client.post(
            reverse("web:referral", args=[citizen.pk]),
            {"consultant": consultant.pk, "valid_from": date.today().isoformat()},
        ).status_code
        == 302
    )
    page = client.get(reverse("web:exemption", args=[citizen.pk])).content.decode()
    assert "225-timersreglen" in page
    response = client.post(
        reverse("web:exemption", args=[citizen.pk]),
        {
            "decided_on": "2025-01-10",
            "valid_from": "2025-01-10",
            "reason": "Arbejdsevnen er meget begrænset.",
            "legal_basis": "LAS § 13 f, stk. 9",
            "review_on": "2025-07-10",
        },
    )
    assert response.status_code == 302
    timeline = client.get(reverse("web:citizen", args=[citizen.pk])).content.decode()
    assert "Fritaget for 225-timersreglen" in timeline and "revurderes" in timeline


def test_a_consultant_may_not_decide_an_exemption(client, consultant, citizen):
    assert log_in(client, consultant).get(reverse("web:exemption", args=[citizen.pk])).status_code == 404


def test_the_network_filters_by_buddy_and_the_company_page_shows_the_record(client, consultant, company, opening):
    log_in(client, consultant)
    page = client.get(reverse("web:companies"), {"buddy": "on"}).content.decode()
    assert "Netto Vollsmose" in page
    page = client.get(reverse("web:company", args=[company.pk])).content.decode()
    assert "Bente Buddy" in page and "Opfyldning af frugt" in page and "Blev til løntimer" in page


def test_outreach_is_added_with_htmx_and_only_the_section_comes_back(client, consultant, company):
    log_in(client, consultant)
    response = client.post(
        reverse("web:company_add", args=[company.pk, "kontaktlog"]),
        {"kind": "call", "happened_on": "2025-02-03", "note": "Ringedag: vil gerne"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Ringedag: vil gerne" in body and "<html" not in body


def test_openings_are_created_edited_listed_and_exported_to_excel(client, consultant, company):
    log_in(client, consultant)
    response = client.post(
        reverse("web:opening_new", args=[company.pk]),
        {
            "title": "Opvask",
            "kind": "paid",
            "hours_min": "2",
            "hours_max": "6",
            "slots": "tir 14-18",
            "capacity": "1",
            "language_requirement": "0",
        },
    )
    assert response.status_code == 302
    from smaajob.network.models import Opening

    opening = Opening.objects.get(title="Opvask")
    response = client.post(
        reverse("web:opening_edit", args=[opening.pk]),
        {
            "title": "Opvask og rengøring",
            "kind": "paid",
            "hours_min": "2",
            "hours_max": "8",
            "slots": "tir 14-18",
            "capacity": "2",
            "language_requirement": "1",
            "status": "open",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("web:openings"), {"weekday": "1", "hours_max": "4"}).content.decode()
    assert "Opvask og rengøring" in page and "tir 14:00–18:00" in page
    assert "Opvask" not in client.get(reverse("web:openings"), {"weekday": "0"}).content.decode()
    excel = client.get(reverse("web:openings"), {"format": "xlsx"})
    assert excel["Content-Type"].startswith("application/vnd.openxmlformats")
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(excel.content)).active
    assert sheet["B2"].value == "Opvask og rengøring"
    pdf = client.get(reverse("web:openings"), {"format": "pdf", "buddy": ""})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_hours_max_below_min_is_refused_next_to_the_field(client, consultant, company):
    page = (
        log_in(client, consultant)
        .post(
            reverse("web:opening_new", args=[company.pk]),
            {
                "title": "Opvask",
                "kind": "paid",
                "hours_min": "6",
                "hours_max": "2",
                "capacity": "1",
                "language_requirement": "0",
            },
        )
        .content.decode()
    )
    assert "mindre end laveste" in page


def test_a_placement_is_registered_in_one_post_with_its_step_up(client, consultant, citizen, course, opening):
    start = date.today()
    response = log_in(client, consultant).post(
        reverse("web:placement_new", args=[citizen.pk]),
        {
            "opening": opening.pk,
            "planned_start": start.isoformat(),
            "planned_end": (start + timedelta(weeks=4)).isoformat(),
            "step_up": "2 → 6 → 12",
            "step_every_weeks": "1",
        },
    )
    assert response.status_code == 302
    placement = Placement.objects.get()
    assert [float(s.hours_per_week) for s in placement.steps.all()] == [2, 6, 12]
    assert placement.actual_start == start
    course.refresh_from_db()
    assert course.state == "placement"
    states = list(course.transitions.values_list("to_state", flat=True))
    assert states == ["visited", "mapped", "matching", "match_meeting", "placement"]


def test_a_step_up_beyond_the_end_is_refused_and_nothing_is_written(client, consultant, citizen, course, opening):
    start = date.today()
    page = (
        log_in(client, consultant)
        .post(
            reverse("web:placement_new", args=[citizen.pk]),
            {
                "opening": opening.pk,
                "planned_start": start.isoformat(),
                "planned_end": (start + timedelta(days=6)).isoformat(),
                "step_up": "2 6 12",
                "step_every_weeks": "1",
            },
        )
        .content.decode()
    )
    assert "efter placeringens slut" in page
    assert not Placement.objects.exists()


def test_the_weekly_screen_records_all_rows_or_none(client, consultant, running_placement):
    log_in(client, consultant)
    week = date.today() - timedelta(days=7)
    monday = week - timedelta(days=week.weekday())
    key = f"p{running_placement.pk}"
    bad = client.post(
        reverse("web:weekly_hours"), {"uge": monday.isoformat(), f"{key}-hours_present": "4", f"{key}-hours_paid": "2"}
    )
    assert bad.status_code == 400 and "Praktik er ulønnet" in bad.content.decode()
    assert not WeeklyHours.objects.exists()
    good = client.post(
        reverse("web:weekly_hours"),
        {
            "uge": monday.isoformat(),
            f"{key}-hours_present": "6",
            f"{key}-hours_effective": "",
            f"{key}-hours_training": "4",
        },
    )
    assert good.status_code == 302
    assert WeeklyHours.objects.get().hours_present == 6


def test_a_placement_converts_to_paid_hours_and_the_course_follows(client, consultant, running_placement):
    log_in(client, consultant)
    response = client.post(
        reverse("web:placement_action", args=[running_placement.pk, "omdan"]),
        {"to_kind": "hybrid", "on": date.today().isoformat(), "step_up": "4"},
    )
    assert response.status_code == 302
    successor = Placement.objects.get(previous=running_placement)
    assert successor.kind == "hybrid"
    assert successor.course.state == "paid_hours"


def test_the_course_ends_with_an_outcome(client, consultant, course, running_placement):
    log_in(client, consultant)
    response = client.post(
        reverse("web:end_course", args=[course.pk]),
        {"on": date.today().isoformat(), "outcome": "stopped", "stop_reason": ""},
    )
    assert "Angiv hvorfor" in response.content.decode()
    response = client.post(
        reverse("web:end_course", args=[course.pk]), {"on": date.today().isoformat(), "outcome": "ordinary_job"}
    )
    assert response.status_code == 302
    running_placement.refresh_from_db()
    assert running_placement.actual_end == date.today()


def test_a_follow_up_with_the_defaults_is_one_post(client, consultant, course, running_placement):
    log_in(client, consultant)
    page = client.get(reverse("web:follow_up_new", args=[course.pk])).content.decode()
    assert "hver 7. dag" in page
    today = date.today()
    response = client.post(
        reverse("web:follow_up_new", args=[course.pk]),
        {
            "happened_on": today.isoformat(),
            "attendance": "as_agreed",
            "effectiveness": "8",
            "next_on": (today + timedelta(days=7)).isoformat(),
            "channel": "visit",
            "placement": running_placement.pk,
        },
    )
    assert response.status_code == 302
    assert FollowUp.objects.get().effectiveness == 8


def test_the_worklist_shows_an_overdue_follow_up_and_no_pay_alert_with_links(
    client, consultant, project, running_placement
):
    project.weeks_without_pay_alert = 2
    project.save()
    page = log_in(client, consultant).get(reverse("web:worklist")).content.decode()
    assert "Opfølgning forfalden" in page
    assert "uger uden løntimer" in page
    assert reverse("web:placement", args=[running_placement.pk]) in page


def test_matching_suggests_the_opening_with_an_explanation_and_the_citizen_sees_nothing_until_agreed(
    client, consultant, make_user, citizen, course, opening
):
    from smaajob.citizens.services import update_resource_mapping

    update_resource_mapping(actor=consultant, citizen=citizen, weekly_hours_capacity="10")
    log_in(client, consultant)
    page = client.get(reverse("web:match_citizen", args=[citizen.pk])).content.decode()
    assert "Opfyldning af frugt" in page and "Hvorfor?" in page
    response = client.post(reverse("web:propose"), {"borger": citizen.pk, "jobaabning": opening.pk})
    proposal = MatchProposal.objects.get()
    assert response["Location"] == reverse("web:proposal", args=[proposal.pk])
    page = client.get(reverse("web:match_opening", args=[opening.pk])).content.decode()
    assert "Omar Hansen" in page

    person = make_user("citizen", username="omar", municipality=None, team=None)
    citizen.user = person
    citizen.save()
    from smaajob.access import proposals_for

    assert not proposals_for(person).exists()
    client.post(reverse("web:proposal", args=[proposal.pk]), {"handling": "svar", "agrees": "1"})
    client.post(
        reverse("web:proposal", args=[proposal.pk]), {"handling": "mode", "at": "2030-03-04T10:00", "place": "Netto"}
    )
    proposal.refresh_from_db()
    assert proposal.status == "meeting" and proposals_for(person).exists()
    client.logout()
    page = log_in(client, person).get("/").content.decode()
    assert "Matchmøde hos Netto Vollsmose" in page


def test_the_dashboard_draws_svg_plots_with_counts(client, consultant, running_placement):
    page = log_in(client, consultant).get(reverse("web:dashboard")).content.decode()
    assert "<svg" in page and "I virksomhedsrettet aktivitet nu" in page
    assert re.search(r"I virksomhedsrettet aktivitet nu</dt><dd>1</dd>", page)


def test_an_employer_posts_a_task_confirms_hours_and_answers_a_follow_up(
    client, consultant, employer_user, running_placement
):
    from smaajob.courses.services import record_week

    week = date.today() - timedelta(days=7)
    row = record_week(actor=consultant, placement=running_placement, week=week, hours_present=4)
    log_in(client, employer_user)
    assert (
        client.post(
            reverse("web:employer_task"), {"title": "Rengøring af kantine", "hours_min": "2", "hours_max": "4"}
        ).status_code
        == 302
    )
    home = client.get("/").content.decode()
    assert "Rengøring af kantine" in home and "(navn ikke delt)" in home and "Omar" not in home
    client.post(reverse("web:employer_confirm_week", args=[row.pk]))
    row.refresh_from_db()
    assert row.confirmed_by_employer
    response = client.post(
        reverse("web:employer_follow_up", args=[running_placement.pk]),
        {"attendance": "as_agreed", "effectiveness": "7", "notes": "Godt i gang"},
    )
    assert response.status_code == 302
    assert FollowUp.objects.get().channel == "employer"


def test_an_employer_cannot_open_staff_pages_or_other_companies_records(
    client, employer_user, citizen, running_placement
):
    log_in(client, employer_user)
    assert client.get(reverse("web:weekly_hours")).status_code == 404
    assert client.get(reverse("web:resources", args=[citizen.pk])).status_code == 404
    assert client.get(reverse("web:placement_new", args=[citizen.pk])).status_code == 404


def test_every_case_page_read_is_audit_logged_once(client, consultant, citizen, running_placement):
    log_in(client, consultant)
    reads = AuditEntry.objects.filter(actor=consultant, action="read", citizen_id=citizen.pk)
    client.get(reverse("web:citizen", args=[citizen.pk]))
    assert list(reads.values_list("object_type", flat=True)) == ["citizen"]
    client.get(reverse("web:placement", args=[running_placement.pk]))
    assert sorted(reads.values_list("object_type", flat=True)) == ["citizen", "placement"]


def test_denials_look_the_same_for_missing_and_not_yours_on_every_record_page(
    client, make_user, course, running_placement
):
    stranger = make_user("consultant", username="fremmed")
    log_in(client, stranger)
    for name, pk in (("web:placement", running_placement.pk), ("web:follow_up_new", course.pk)):
        mine, missing = client.get(reverse(name, args=[pk])), client.get(reverse(name, args=[pk + 999]))
        assert mine.status_code == missing.status_code == 404
        assert error_alert(mine.content.decode()) == error_alert(missing.content.decode())


def test_the_worklist_warns_of_a_placement_ending_without_next_step_but_not_of_a_225_exemption_review_today(
    client, caseworker, consultant, citizen, course, company, opening
):
    from smaajob.citizens.services import decide_exemption
    from smaajob.courses.services import register_placement

    today = date.today()
    register_placement(
        actor=consultant,
        course=course,
        company=company,
        opening=opening,
        kind="placement",
        planned_start=today - timedelta(days=20),
        planned_end=today + timedelta(days=3),
        step_up="4",
    )
    decide_exemption(
        actor=caseworker,
        citizen=citizen,
        decided_on=today - timedelta(days=170),
        valid_from=today - timedelta(days=170),
        reason="Begrænset arbejdsevne.",
        review_on=today + timedelta(days=5),
    )
    consultant_page = log_in(client, consultant).get(reverse("web:worklist")).content.decode()
    assert "Placering slutter uden næste skridt" in consultant_page
    client.logout()
    caseworker_page = log_in(client, caseworker).get(reverse("web:worklist")).content.decode()
    # The exemption is from the 225-hour rule, abolished from 1 July 2025: nothing to review
    # today (tests/today/test_boundary.py shows the alert before the abolition).
    assert reverse("web:exemption", args=[citizen.pk]) not in caseworker_page
    assert "Fritagelse skal revurderes" not in caseworker_page
