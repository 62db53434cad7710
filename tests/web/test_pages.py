# SPDX-License-Identifier: MPL-2.0
"""Log-in, the home page per role, the citizen page and the admin, through HTTP."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from smaajob.audit.models import AuditEntry
from smaajob.organisation.models import User
from tests.conftest import PASSWORD
from tests.text_search import error_alert


def log_in(client: Client, user: User) -> Client:
    response = client.post(reverse("web:login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def test_the_home_page_sends_an_anonymous_visitor_to_the_danish_log_in_page(client, db):
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("web:login"))
    assert "Log ind i Småjob" in response.content.decode()
    assert 'lang="da"' in response.content.decode()


def test_a_wrong_password_gets_a_clear_danish_message(client, caseworker):
    response = client.post(reverse("web:login"), {"username": caseworker.username, "password": "forkert"})
    assert response.status_code == 200
    assert "Forkert brugernavn eller adgangskode" in response.content.decode()


def test_a_caseworker_sees_own_citizens_with_the_cpr_number_masked(client, caseworker, citizen, course):
    page = log_in(client, caseworker).get("/").content.decode()
    assert "Mine borgere" in page and "Omar Hansen" in page
    assert "010190-XXXX" in page and "0101901234" not in page and "010190-1234" not in page


def test_listing_citizens_on_the_home_page_is_audit_logged(client, caseworker, citizen):
    log_in(client, caseworker).get("/")
    assert AuditEntry.objects.filter(actor=caseworker, action="read", citizen_id=citizen.pk).exists()


def test_a_consultant_sees_referred_citizens_and_own_companies(client, consultant, citizen, company):
    page = log_in(client, consultant).get("/").content.decode()
    assert "Omar Hansen" in page and "Netto Vollsmose" in page


def test_a_citizen_page_shows_the_course_timeline(client, caseworker, citizen, course):
    page = log_in(client, caseworker).get(reverse("web:citizen", args=[citizen.pk])).content.decode()
    assert "Tidslinje" in page and "Visiteret" in page and "VTA" in page


def test_another_caseworker_gets_the_same_404_for_a_citizen_not_theirs_as_for_a_missing_one(client, make_user, citizen):
    stranger = log_in(client, make_user("caseworker", username="fremmed"))
    not_yours = stranger.get(reverse("web:citizen", args=[citizen.pk]))
    missing = stranger.get(reverse("web:citizen", args=[citizen.pk + 1000]))
    assert not_yours.status_code == missing.status_code == 404

    alerts = {error_alert(not_yours.content.decode()), error_alert(missing.content.decode())}
    assert alerts == {"Borgeren findes ikke, eller du har ikke adgang til borgeren."}
    assert "Omar" not in not_yours.content.decode()


def test_an_analyst_home_page_holds_counts_and_no_names(client, make_user, citizen, course):
    page = log_in(client, make_user("analyst")).get("/").content.decode()
    assert "Nøgletal" in page and "Omar" not in page and "010190" not in page


def test_an_employer_sees_own_openings_and_only_consented_facts(
    client, make_user, company, citizen, course, consultant
):
    from smaajob.citizens.services import record_consent
    from smaajob.courses.services import create_placement
    from smaajob.network.services import create_opening

    create_opening(
        actor=consultant, company=company, title="Opfyldning af frugt", kind="paid", hours_min=2, hours_max=6
    )
    create_placement(actor=consultant, course=course, company=company, kind="placement", planned_start=date(2024, 2, 5))
    record_consent(actor=consultant, citizen=citizen, facts=["language"], valid_from=date(2024, 1, 1))
    employer = make_user("employer", username="netto", company=company, municipality=None, team=None)
    page = log_in(client, employer).get("/").content.decode()
    assert "Opfyldning af frugt" in page
    assert "(navn ikke delt)" in page and "Omar" not in page


def test_a_citizen_sees_own_plan(client, make_user, citizen, course):
    user = make_user("citizen", username="omar", municipality=None, team=None)
    citizen.user = user
    citizen.save()
    page = log_in(client, user).get("/").content.decode()
    assert "Min plan, Omar" in page


@pytest.mark.parametrize("role", ["caseworker", "consultant", "coordinator", "benefit_office", "analyst"])
def test_only_administrators_reach_the_admin(client, make_user, role):
    # Any other role gets the admin's answer for a page that is not there (the role table).
    log_in(client, make_user(role))
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/citizens/citizen/").status_code == 404


def test_a_visitor_who_is_not_logged_in_is_sent_from_the_admin_to_the_log_in_page(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/log-ind/?next=/admin/"


def test_an_administrator_reaches_the_admin_and_opening_a_citizen_there_is_audit_logged(client, make_user, citizen):
    log_in(client, make_user("administrator"))
    assert client.get("/admin/").status_code == 200
    page = client.get(f"/admin/citizens/citizen/{citizen.pk}/change/")
    assert page.status_code == 200
    assert AuditEntry.objects.filter(channel="admin", action="read", citizen_id=citizen.pk).exists()


def test_the_health_check_answers_without_log_in(client, db):
    assert client.get("/sundhed/").json() == {"status": "ok"}


def test_the_citizen_page_leads_to_the_calculator_and_the_progression_report(client, caseworker, citizen, course):
    page = log_in(client, caseworker).get(reverse("web:citizen", args=[citizen.pk])).content.decode()
    for name in ("money:citizen_calculator", "reports:progression"):
        url = reverse(name, args=[citizen.pk])
        assert f'href="{url}"' in page
        assert client.get(url).status_code == 200


def test_the_benefit_office_home_leads_to_the_payslip_worklist(client, make_user):
    page = log_in(client, make_user("benefit_office")).get("/").content.decode()
    assert f'href="{reverse("money:worklist")}"' in page
    assert "kommer snart" not in page


def test_the_benefit_office_cannot_open_the_case_view_and_gets_the_not_found_answer(client, make_user, citizen):
    # DOMAIN.md §2: the benefit office sees income and payment data only.
    response = log_in(client, make_user("benefit_office")).get(reverse("web:citizen", args=[citizen.pk]))
    assert response.status_code == 404
    assert "Borgeren findes ikke, eller du har ikke adgang til borgeren." in response.content.decode()
    assert "Omar" not in response.content.decode()


def test_the_citizen_page_names_the_consent_in_danish_not_by_code(client, caseworker, citizen, course):
    from smaajob.citizens.services import record_consent

    record_consent(actor=caseworker, citizen=citizen, facts=["job_goal", "name", "competences"],
                   valid_from=date(2024, 1, 1))
    page = log_in(client, caseworker).get(f"/borgere/{citizen.pk}/").content.decode()
    assert "<dd>navn, kompetencer og certifikater, jobmål og ønsker</dd>" in page
    assert "job_goal" not in page
