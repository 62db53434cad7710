# SPDX-License-Identifier: MPL-2.0
"""Correcting and annulling an entered record through the pages (issue 18, item 4): the old
value stays in the record's history (who, when, why), counts and reports use the corrected
value, and an annulled record leaves the counts but not the history or the audit log."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from smaajob.audit.models import AuditEntry
from smaajob.corrections.models import Correction
from smaajob.danish_numbers import format_date
from tests.text_search import found
from tests.web.test_pages import log_in

TODAY = format_date(timezone.localdate())


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:400]
    return html.unescape(response.content.decode())


def correct(client, kind, pk, *, why, **fields):
    return client.post(reverse("web:correct", args=[kind, pk]), {**fields, "correction_reason": why})


def annul(client, kind, pk, reason="Registreret på den forkerte borger"):
    return client.post(reverse("web:annul", args=[kind, pk]), {"reason": reason})


def history(client, kind, pk) -> str:
    return page(client, reverse("web:record_history", args=[kind, pk]))


# --- one correction per kind, with the history on the record's page -------------------------


def test_a_corrected_week_shows_the_new_hours_and_its_history_on_the_record_page(client, consultant, week):
    response = correct(
        log_in(client, consultant),
        "uge",
        week.pk,
        hours_present="4",
        hours_paid="0",
        hours_effective="0",
        hours_training="0",
        why="Tastefejl: 4 timer, ikke 5",
    )
    assert response.status_code == 302 and response["Location"] == reverse("web:record_history", args=["uge", week.pk])
    week.refresh_from_db()
    assert week.hours_present == 4
    text = history(client, "uge", week.pk)
    assert (
        f"Rettet {TODAY} af Viggo Konsulent: timer til stede 5 → 4 timer. Begrundelse: Tastefejl: 4 timer, ikke 5"
        in text
    )
    citizen_page = page(client, reverse("web:citizen", args=[week.placement.course.citizen_id]))
    assert "timer til stede 5 → 4 timer" in citizen_page


def test_a_corrected_placement_keeps_its_old_dates_in_the_history(client, consultant, running_placement):
    new_end = running_placement.planned_end + timedelta(weeks=2)
    correct(
        log_in(client, consultant),
        "placering",
        running_placement.pk,
        planned_start=running_placement.planned_start.isoformat(),
        planned_end=new_end.isoformat(),
        tasks="Opfyldning",
        why="Forlænget efter aftale med virksomheden",
    )
    running_placement.refresh_from_db()
    assert running_placement.planned_end == new_end
    old = running_placement.planned_start + timedelta(weeks=4)
    shown = history(client, "placering", running_placement.pk)
    assert f"planlagt slut {format_date(old)} → {format_date(new_end)}" in shown


def test_a_corrected_follow_up_shows_the_old_attendance_in_its_history(client, consultant, follow_up):
    correct(
        log_in(client, consultant),
        "opfoelgning",
        follow_up.pk,
        happened_on=follow_up.happened_on.isoformat(),
        attendance="partly",
        notes="Godt i gang",
        why="Borgeren gik tidligt",
    )
    follow_up.refresh_from_db()
    assert follow_up.attendance == "partly"
    assert "fremmøde Som aftalt → Delvist" in history(client, "opfoelgning", follow_up.pk)


def test_a_corrected_visitation_moves_the_course_start_and_its_timeline(client, caseworker, course):
    correct(log_in(client, caseworker), "visitation", course.pk, started_on="2024-01-05", why="Forkert dato tastet")
    course.refresh_from_db()
    assert course.started_on == date(2024, 1, 5)
    assert course.transitions.get(from_state="").happened_on == date(2024, 1, 5)
    assert "visiteret den 8.1.2024 → 5.1.2024" in history(client, "visitation", course.pk)


def test_a_corrected_resource_mapping_keeps_the_old_capacity_in_the_history(client, caseworker, citizen):
    from smaajob.citizens.services import update_resource_mapping

    update_resource_mapping(actor=caseworker, citizen=citizen, weekly_hours_capacity="7,5")
    correct(
        log_in(client, caseworker),
        "ressourceafdaekning",
        citizen.pk,
        weekly_hours_capacity="5",
        travel_limit_km="15",
        why="Lægeerklæring: højst 5 timer",
    )
    citizen.refresh_from_db()
    assert citizen.weekly_hours_capacity == 5
    assert "kan arbejde timer pr. uge 7,5 → 5 timer" in history(client, "ressourceafdaekning", citizen.pk)


def test_a_corrected_exemption_shows_the_old_review_date(client, caseworker, exemption):
    response = correct(
        log_in(client, caseworker),
        "fritagelse",
        exemption.pk,
        decided_on="2024-03-01",
        valid_from="2024-03-01",
        review_on="2024-06-01",
        reason=exemption.reason,
        legal_basis=exemption.legal_basis,
        why="Revurderes tidligere efter ny lægeerklæring",
    )
    assert response.status_code == 302
    exemption.refresh_from_db()
    assert exemption.review_on == date(2024, 6, 1) and exemption.reason == "Varigt nedsat arbejdsevne"
    assert "revurderes senest 1.9.2024 → 1.6.2024" in history(client, "fritagelse", exemption.pk)


def test_a_corrected_opening_shows_the_old_hours(client, consultant, opening):
    correct(
        log_in(client, consultant),
        "jobaabning",
        opening.pk,
        title=opening.title,
        hours_min="2",
        hours_max="10",
        why="Virksomheden har højst 10 timer",
    )
    opening.refresh_from_db()
    assert opening.hours_max == 10
    assert "timer pr. uge (højst) 12 → 10 timer" in history(client, "jobaabning", opening.pk)


# --- annulment: out of the counts, still in the history and the audit log ---------------------


def test_an_annulled_week_leaves_the_citizen_page_but_stays_in_the_history_and_audit_log(client, consultant, week):
    log_in(client, consultant)
    citizen_id = week.placement.course.citizen_id
    response = annul(client, "uge", week.pk)
    assert response.status_code == 302
    placement_page = page(client, reverse("web:placement", args=[week.placement_id]))
    assert "Ingen timer registreret" in placement_page
    text = history(client, "uge", week.pk)
    assert f"Annulleret {TODAY} af Viggo Konsulent. Begrundelse: Registreret på den forkerte borger" in text
    assert "Annulleret" in page(client, reverse("web:citizen", args=[citizen_id]))
    assert AuditEntry.objects.filter(object_type="weeklyhours", object_id=week.pk, detail="annulleret").exists()


def test_a_week_can_be_entered_again_after_the_wrong_one_was_annulled(client, consultant, week):
    from smaajob.courses.models import WeeklyHours
    from smaajob.courses.services import record_week

    annul(log_in(client, consultant), "uge", week.pk)
    again = record_week(actor=consultant, placement=week.placement, week=week.week_start, hours_present=3)
    assert again.pk != week.pk
    assert list(WeeklyHours.objects.filter(placement=week.placement).values_list("hours_present", flat=True)) == [3]


def test_an_annulled_placement_takes_its_weeks_and_follow_ups_out_of_the_counts(
    client, consultant, running_placement, week, follow_up
):
    from smaajob.courses.models import FollowUp, Placement, WeeklyHours

    annul(log_in(client, consultant), "placering", running_placement.pk)
    assert not Placement.objects.filter(pk=running_placement.pk).exists()
    assert not WeeklyHours.objects.filter(pk=week.pk).exists()
    assert not FollowUp.objects.filter(pk=follow_up.pk).exists()
    assert "placering annulleret" in history(client, "uge", week.pk)
    assert Correction.objects.filter(action="annul").count() == 3


def test_an_annulled_follow_up_no_longer_shows_on_the_placement(client, consultant, follow_up):
    annul(log_in(client, consultant), "opfoelgning", follow_up.pk)
    assert "Godt i gang" not in page(client, reverse("web:placement", args=[follow_up.placement_id]))
    assert "Annulleret" in history(client, "opfoelgning", follow_up.pk)


def open_courses_on_home(client) -> int:
    return int(found(r"Åbne forløb</dt><dd>(\d+)", page(client, reverse("web:home"))).group(1))


def test_an_annulled_visitation_leaves_the_administrators_course_counts(client, caseworker, make_user, course):
    from smaajob.courses.models import Course

    administrator = make_user("administrator", first_name="Ada", last_name="Admin")
    assert open_courses_on_home(log_in(client, administrator)) == 1
    client.logout()
    annul(log_in(client, caseworker), "visitation", course.pk, reason="Dobbeltregistreret")
    assert not Course.objects.filter(pk=course.pk).exists()
    assert "Dobbeltregistreret" in history(client, "visitation", course.pk)
    client.logout()
    assert open_courses_on_home(log_in(client, administrator)) == 0


def test_an_annulled_exemption_leaves_the_citizen_page(client, caseworker, exemption):
    annul(
        log_in(client, caseworker), "fritagelse", exemption.pk, reason="Afgørelsen blev truffet på den forkerte borger"
    )
    text = page(client, reverse("web:citizen", args=[exemption.citizen_id]))
    assert "Afgørelser om fritagelse" not in text
    assert "Afgørelsen blev truffet på den forkerte borger" in text


def test_an_annulled_opening_leaves_the_openings_list(client, consultant, opening):
    log_in(client, consultant)
    assert opening.title in page(client, reverse("web:openings"))
    annul(client, "jobaabning", opening.pk, reason="Oprettet to gange")
    assert opening.title not in page(client, reverse("web:openings"))
    assert "Oprettet to gange" in history(client, "jobaabning", opening.pk)


def test_a_resource_mapping_is_corrected_not_annulled(client, caseworker, citizen):
    log_in(client, caseworker)
    assert "Annullér" not in history(client, "ressourceafdaekning", citizen.pk)
    response = annul(client, "ressourceafdaekning", citizen.pk)
    assert response.status_code == 409
    assert "ressourceafdækning annulleres ikke" in html.unescape(response.content.decode())


# --- refusals --------------------------------------------------------------------------------


def test_a_correction_without_a_reason_is_refused_next_to_the_field_and_nothing_is_saved(client, consultant, week):
    response = correct(
        log_in(client, consultant),
        "uge",
        week.pk,
        hours_present="4",
        hours_paid="0",
        hours_effective="0",
        hours_training="0",
        why="",
    )
    assert response.status_code == 400
    assert "Skriv en begrundelse" in html.unescape(response.content.decode())
    week.refresh_from_db()
    assert week.hours_present == 5 and not Correction.objects.exists()


def test_an_annulment_without_a_reason_is_refused_and_the_record_still_counts(client, consultant, week):
    from smaajob.courses.models import WeeklyHours

    response = annul(log_in(client, consultant), "uge", week.pk, reason="  ")
    assert response.status_code == 400 and "Skriv en begrundelse" in html.unescape(response.content.decode())
    assert WeeklyHours.objects.filter(pk=week.pk).exists()


def test_a_correction_obeys_the_rules_of_a_new_entry(client, consultant, week, follow_up):
    log_in(client, consultant)
    response = correct(
        client,
        "uge",
        week.pk,
        hours_present="4",
        hours_paid="6",
        hours_effective="0",
        hours_training="0",
        why="Rettet",
    )
    assert response.status_code == 400
    week.refresh_from_db()
    assert week.hours_paid == 0
    future = (date.today() + timedelta(days=30)).isoformat()
    refused = correct(
        client,
        "opfoelgning",
        follow_up.pk,
        happened_on=future,
        attendance="as_agreed",
        why="Flyttet",
    )
    assert "ligger i fremtiden" in html.unescape(refused.content.decode())
    follow_up.refresh_from_db()
    assert follow_up.happened_on != date.fromisoformat(future) and not Correction.objects.exists()


def test_a_correction_that_changes_nothing_is_refused(client, consultant, week):
    response = correct(
        log_in(client, consultant),
        "uge",
        week.pk,
        hours_present="5",
        hours_paid="0",
        hours_effective="0",
        hours_training="0",
        why="Ingen ændring",
    )
    assert "Intet er ændret" in html.unescape(response.content.decode())
    assert not Correction.objects.exists()


# --- who may correct -------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["analyst", "benefit_office", "citizen"])
def test_a_role_that_may_not_write_the_record_gets_not_found_and_nothing_changes(client, make_user, week, role):
    log_in(client, make_user(role))
    assert client.get(reverse("web:record_history", args=["uge", week.pk])).status_code == 404
    response = annul(client, "uge", week.pk)
    assert response.status_code == 404
    week.refresh_from_db()
    assert week.annulled_at is None


def test_an_employer_cannot_correct_the_hours_of_its_own_placement(client, employer_user, week):
    log_in(client, employer_user)
    response = correct(client, "uge", week.pk, hours_present="1", why="Forkert")
    assert response.status_code == 404
    week.refresh_from_db()
    assert week.hours_present == 5


def test_only_the_caseworker_corrects_a_visitation(client, consultant, course):
    response = correct(log_in(client, consultant), "visitation", course.pk, started_on="2024-01-05", why="X")
    assert response.status_code == 404
    course.refresh_from_db()
    assert course.started_on == date(2024, 1, 8)


def test_a_caseworker_from_another_municipality_does_not_find_the_record(client, make_user, other_municipality, week):
    stranger = make_user("consultant", username="fremmed", municipality=other_municipality, team=None)
    assert log_in(client, stranger).get(reverse("web:record_history", args=["uge", week.pk])).status_code == 404


def test_an_unknown_kind_of_record_is_not_found(client, consultant, week):
    assert log_in(client, consultant).get(reverse("web:record_history", args=["borger", week.pk])).status_code == 404


def test_the_citizen_page_links_each_record_to_its_correction_page(client, caseworker, course, week, exemption):
    text = page(log_in(client, caseworker), reverse("web:citizen", args=[course.citizen_id]))
    for kind, pk in (
        ("visitation", course.pk),
        ("uge", week.pk),
        ("placering", week.placement_id),
        ("fritagelse", exemption.pk),
        ("ressourceafdaekning", course.citizen_id),
    ):
        assert reverse("web:record_history", args=[kind, pk]) in text


def test_the_progression_report_shows_the_corrected_hours_and_not_an_annulled_week(client, consultant, week):
    log_in(client, consultant)
    report = reverse("reports:progression", args=[week.placement.course.citizen_id])
    row = f"<td>{format_date(week.week_start)}</td><td>"
    assert row + "5</td>" in page(client, report)
    correct(
        client,
        "uge",
        week.pk,
        hours_present="4",
        hours_paid="0",
        hours_effective="0",
        hours_training="0",
        why="Tastefejl",
    )
    assert row + "4</td>" in page(client, report)
    annul(client, "uge", week.pk)
    assert "Ingen timer registreret." in page(client, report)


def overdue_follow_ups(client) -> int:
    text = page(client, reverse("web:worklist"))
    return int(found(r'<span class="n">(\d+)</span> Opfølgning forfalden', text).group(1))


def test_an_annulled_follow_up_no_longer_silences_the_overdue_alert_in_the_worklist(
    client, consultant, course, running_placement
):
    from smaajob.courses.services import record_follow_up

    log_in(client, consultant)
    assert overdue_follow_ups(client) == 1
    done = record_follow_up(
        actor=consultant,
        course=course,
        placement=running_placement,
        happened_on=date.today(),
        channel="phone",
        attendance="as_agreed",
        next_on=date.today() + timedelta(days=7),
    )
    assert overdue_follow_ups(client) == 0
    annul(client, "opfoelgning", done.pk, reason="Registreret på den forkerte borger")
    assert overdue_follow_ups(client) == 1


def test_an_annulled_placement_leaves_the_worklist(client, consultant, running_placement):
    log_in(client, consultant)
    assert reverse("web:placement", args=[running_placement.pk]) in page(client, reverse("web:worklist"))
    annul(client, "placering", running_placement.pk)
    assert reverse("web:placement", args=[running_placement.pk]) not in page(client, reverse("web:worklist"))


def test_an_annulled_opening_leaves_the_consultants_count_of_open_openings(client, consultant, opening):
    log_in(client, consultant)
    row = f"<td>{opening.company.sector}</td><td>"
    assert row + "1</td>" in page(client, reverse("web:home"))
    annul(client, "jobaabning", opening.pk, reason="Oprettet to gange")
    assert row + "0</td>" in page(client, reverse("web:home"))


def test_a_corrected_week_must_be_confirmed_by_the_employer_again(client, consultant, employer_user, week):
    from smaajob.courses.services import confirm_week

    confirm_week(actor=employer_user, row=week)
    correct(
        log_in(client, consultant),
        "uge",
        week.pk,
        hours_present="4",
        hours_paid="0",
        hours_effective="0",
        hours_training="0",
        why="Tastefejl",
    )
    week.refresh_from_db()
    assert (week.hours_present, week.confirmed_by_employer, week.recorded_by) == (4, False, consultant)


def test_a_correction_on_the_web_is_logged_and_kept_as_a_web_write_by_its_author(client, consultant, week):
    before = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    correct(
        log_in(client, consultant),
        "uge",
        week.pk,
        hours_present="4",
        hours_paid="0",
        hours_effective="0",
        hours_training="0",
        why="Tastefejl",
    )
    kept = Correction.objects.get(record_kind="uge", record_id=week.pk)
    assert (kept.channel, kept.actor_id) == ("web", consultant.pk)
    writes = AuditEntry.objects.filter(id__gt=before, object_type="weeklyhours", object_id=week.pk).exclude(
        action="read"
    )
    assert writes.exists() and {(e.channel, e.actor_id) for e in writes} == {("web", consultant.pk)}
