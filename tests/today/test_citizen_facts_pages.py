# SPDX-License-Identifier: MPL-2.0
"""Recording the facts the kontanthjælp rate follows from, sick leave and other commitments on
the citizen page, through HTTP as a caseworker does."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse

from smaajob.citizens.models import Commitment, RateFacts, Readiness, SickLeave
from tests.web.test_pages import log_in


def _facts(**overrides):
    data = {
        "valid_from": date.today().isoformat(),
        "children": "0",
        "single": "ja",
        "lives_with_parent": "nej",
        "full_time_work_years_last_10": "3,5",
        "residence_requirement_met": "ja",
        "target_group": "",
    }
    data.update(overrides)
    return data


def test_the_caseworker_records_the_rate_facts_and_the_2026_target_group_in_one_form(client, caseworker, citizen):
    log_in(client, caseworker)
    url = reverse("web:rate_facts", args=[citizen.pk])
    form = client.get(url).content.decode()
    assert "Bor borgeren hos en forælder?" in form and "Jobhjælpsindsats" in form
    response = client.post(url, _facts(target_group="jobhjaelpsindsats"))
    assert response.status_code == 302, response.content.decode()[:2000]
    row = RateFacts.objects.get(citizen=citizen, valid_to__isnull=True)
    assert (row.children, row.single, row.lives_with_parent, row.residence_requirement_met) == (0, True, False, True)
    assert str(row.full_time_work_years_last_10) == "3.50" and not row.migrated
    assert Readiness.objects.get(citizen=citizen, valid_to__isnull=True).category == "jobhjaelpsindsats"


def test_a_second_recording_the_same_day_corrects_the_days_row_instead_of_failing(client, caseworker, citizen):
    log_in(client, caseworker)
    url = reverse("web:rate_facts", args=[citizen.pk])
    client.post(url, _facts())
    assert client.post(url, _facts(children="2")).status_code == 302
    assert list(RateFacts.objects.filter(citizen=citizen).values_list("children", flat=True)) == [2]


def test_a_parent_living_with_her_parents_is_recorded_and_the_page_explains_why_not_the_home_rate(
    client, caseworker, municipality
):
    """Living with a parent *and* having a child is a real situation (a young mother at home):
    it is recorded, and the rate is not the hjemmeboende sats, with the reason shown."""
    from smaajob.citizens.services import assign_staff, register_citizen, set_benefit

    young = register_citizen(
        actor=caseworker, cpr="0101054321", first_name="Sara", last_name="Ung", municipality=municipality
    )
    assign_staff(
        actor=caseworker, citizen=young, staff=caseworker, staff_role="caseworker", valid_from=date(2024, 1, 1)
    )
    set_benefit(actor=caseworker, citizen=young, benefit_type="kontanthjaelp", valid_from=date(2025, 7, 1))
    log_in(client, caseworker)
    response = client.post(
        reverse("web:rate_facts", args=[young.pk]),
        _facts(children="1", lives_with_parent="ja", full_time_work_years_last_10=""),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = client.get(reverse("web:citizen", args=[young.pk])).content.decode()
    section = page[page.index('id="ydelse-i-dag"') :][:3000]
    assert "Kontanthjælp, grundsats" in section, section
    assert "forsørger eget barn: derfor ikke satsen for hjemmeboende" in section


def test_more_work_years_than_the_citizens_age_allows_is_refused_with_the_limit(client, caseworker, municipality):
    from smaajob.citizens.services import assign_staff, register_citizen

    young = register_citizen(
        actor=caseworker, cpr="0101084321", first_name="Ung", last_name="Person", municipality=municipality
    )
    assign_staff(
        actor=caseworker, citizen=young, staff=caseworker, staff_role="caseworker", valid_from=date(2024, 1, 1)
    )
    log_in(client, caseworker)
    page = client.post(reverse("web:rate_facts", args=[young.pk]), _facts(full_time_work_years_last_10="6")).content
    assert "6 års fuldtidsarbejde passer ikke med alderen 18 år" in page.decode()
    assert not RateFacts.objects.filter(citizen=young).exists()


def test_an_earlier_date_than_the_current_facts_is_refused_next_to_the_date(client, caseworker, citizen):
    log_in(client, caseworker)
    url = reverse("web:rate_facts", args=[citizen.pk])
    client.post(url, _facts())
    page = client.post(url, _facts(valid_from=(date.today() - timedelta(days=30)).isoformat())).content.decode()
    assert 'id="id_valid_from_error"' in page and "efter den nuværende periodes start" in page


def test_a_consultant_cannot_record_the_rate_facts(client, consultant, citizen):
    log_in(client, consultant)
    assert client.post(reverse("web:rate_facts", args=[citizen.pk]), _facts()).status_code == 404
    assert not RateFacts.objects.filter(citizen=citizen).exists()


def test_sick_leave_is_recorded_on_the_citizen_page_and_an_overlap_is_refused(client, consultant, citizen):
    log_in(client, consultant)
    url = reverse("web:sick_leave", args=[citizen.pk])
    assert client.post(url, {"starts_on": "2025-03-03", "ends_on": "2025-03-20"}).status_code == 302
    page = client.post(url, {"starts_on": "2025-03-10", "ends_on": "2025-03-12"}).content.decode()
    assert "overlapper en allerede registreret sygeperiode" in page
    bad = client.post(url, {"starts_on": "2025-05-10", "ends_on": "2025-05-01"}).content.decode()
    assert "ligger før startdatoen" in bad
    assert SickLeave.objects.filter(citizen=citizen).count() == 1
    detail = client.get(reverse("web:citizen", args=[citizen.pk])).content.decode()
    assert "3.3.2025 – 20.3.2025" in detail


def test_a_language_school_is_recorded_with_its_times_and_shown_on_the_citizen_page(client, consultant, citizen):
    log_in(client, consultant)
    url = reverse("web:commitment", args=[citizen.pk])
    response = client.post(
        url, {"description": "Sprogskole", "slots": "man 9-12, ons 9-12", "starts_on": "2026-01-05", "ends_on": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    row = Commitment.objects.get(citizen=citizen)
    assert [(s["weekday"], s["start"], s["end"]) for s in row.slots] == [(0, "09:00", "12:00"), (2, "09:00", "12:00")]
    assert "Sprogskole" in client.get(reverse("web:citizen", args=[citizen.pk])).content.decode()


def test_a_commitment_without_times_gets_a_danish_error_next_to_the_times(client, consultant, citizen):
    log_in(client, consultant)
    page = client.post(
        reverse("web:commitment", args=[citizen.pk]),
        {"description": "Behandling", "slots": "", "starts_on": "2026-01-05"},
    ).content.decode()
    assert 'id="id_slots_error"' in page and "Angiv mindst én ugedag" in page
    assert not Commitment.objects.exists()
