# SPDX-License-Identifier: MPL-2.0
"""Visiting a known citizen asks for a transfer instead of taking the case (issue 23, item 2),
and the visitation API answers at all (issue 14: it always said 405).

Through the web form and ``POST /api/v1/borgere/visitation``, as the security review did.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from smaajob.citizens.models import Assignment, Citizen
from smaajob.citizens.selectors import citizen_by_cpr
from smaajob.organisation.services import create_user
from tests.conftest import PASSWORD
from tests.web.test_pages import log_in

VISIT_ON = "2025-03-03"


@pytest.fixture
def visitor(make_user):
    return make_user("caseworker", username="besoeg", first_name="Bente", last_name="Besøg")


@pytest.fixture
def coordinator(make_user):
    return make_user("coordinator", username="koordinator")


@pytest.fixture
def other_citizen(other_municipality):
    from smaajob.citizens.services import assign_staff, register_citizen
    from smaajob.organisation.models import Team

    team = Team.objects.create(municipality=other_municipality, name="Team Roskilde")
    holder = create_user(
        username="roskilde", password=PASSWORD, role="caseworker", municipality=other_municipality, team=team
    )
    person = register_citizen(
        actor=holder, cpr="020285-1234", first_name="Fie", last_name="Fremmed", municipality=other_municipality
    )
    assign_staff(actor=holder, citizen=person, staff=holder, staff_role="caseworker", valid_from=date(2024, 1, 1))
    return person


def visit(client, project, cpr, *, reason="", first_name="Ny", last_name="Borger"):
    return client.post(
        reverse("web:visitation"),
        {
            "cpr": cpr,
            "first_name": first_name,
            "last_name": last_name,
            "project": project.pk,
            "benefit_rate": "full",
            "started_on": VISIT_ON,
            "reason": reason,
        },
    )


def transfer_requests():
    # Imported here so that the module also runs against a tree without transfers.
    from smaajob.citizens.models import TransferRequest

    return TransferRequest.objects


def as_user(client, user):
    """Log out whoever is logged in, then log in as ``user``."""
    client.logout()
    return log_in(client, user)


def caseworker_of(citizen):
    return Assignment.objects.get(citizen=citizen, staff_role="caseworker", valid_to__isnull=True).staff


def test_visiting_a_citizen_another_caseworker_holds_requests_a_transfer_and_changes_nothing(
    client, caseworker, visitor, citizen, project
):
    response = visit(as_user(client, visitor), project, "010190-1234", reason="Borgeren er flyttet til mit område")
    assert response.status_code == 302 and response["Location"] == reverse("web:home")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Der er sendt en anmodning om overdragelse til borgerens nuværende rådgiver og koordinator. "
        "Du får adgang til borgeren, når anmodningen er accepteret."
    ]
    assert caseworker_of(citizen) == caseworker
    assert not citizen.courses.exists()
    transfer = transfer_requests().get()
    assert (transfer.requested_by, transfer.held_by, transfer.status) == (visitor, caseworker, "pending")
    # The visitor still cannot open the citizen.
    assert client.get(reverse("web:citizen", args=[citizen.pk])).status_code == 404


def test_the_visitors_home_page_after_the_request_names_nothing_about_the_citizen(
    client, caseworker, visitor, citizen, project
):
    response = visit(as_user(client, visitor), project, "010190-1234", reason="Flyttet", first_name="X", last_name="Y")
    page = client.get(response["Location"]).content.decode()
    assert "Omar" not in page and "Hansen" not in page and "anmodning om overdragelse" in page


def test_a_transfer_request_without_a_reason_is_a_form_error_and_nothing_is_written(
    client, caseworker, visitor, citizen, project
):
    page = visit(as_user(client, visitor), project, "010190-1234").content.decode()
    assert "Skriv en begrundelse" in page
    assert not transfer_requests().exists() and caseworker_of(citizen) == caseworker


def test_the_current_caseworker_sees_the_request_and_accepting_moves_the_case_with_dated_history(
    client, caseworker, visitor, citizen, project
):
    from smaajob.access.worklist import worklist

    visit(as_user(client, visitor), project, "010190-1234", reason="Borgeren er flyttet til mit område")
    transfer = transfer_requests().get()
    assert [a.code for a in worklist(caseworker) if a.code == "transfer_requested"] == ["transfer_requested"]
    assert not [a for a in worklist(visitor) if a.code == "transfer_requested"]
    page = as_user(client, caseworker).get(reverse("web:citizen", args=[citizen.pk])).content.decode()
    assert "Borgeren er flyttet til mit område" in page and reverse("web:transfer_accept", args=[transfer.pk]) in page
    assert client.post(reverse("web:transfer_accept", args=[transfer.pk])).status_code == 302
    assert caseworker_of(citizen) == visitor
    history = list(
        Assignment.objects.filter(citizen=citizen, staff_role="caseworker")
        .order_by("valid_from")
        .values_list("staff__username", "valid_to")
    )
    assert history == [("caseworker", date.today() - timedelta(days=1)), ("besoeg", None)]
    transfer.refresh_from_db()
    assert transfer.status == "accepted" and transfer.decided_by == caseworker
    # The old caseworker has handed the case over; the new one opens it.
    assert client.get(reverse("web:citizen", args=[citizen.pk])).status_code == 404
    assert as_user(client, visitor).get(reverse("web:citizen", args=[citizen.pk])).status_code == 200


def test_the_coordinator_of_the_current_caseworker_refuses_and_nothing_changes(
    client, caseworker, visitor, coordinator, citizen, project
):
    visit(as_user(client, visitor), project, "010190-1234", reason="Flyttet")
    transfer = transfer_requests().get()
    page = as_user(client, coordinator).get(reverse("web:citizen", args=[citizen.pk])).content.decode()
    assert reverse("web:transfer_refuse", args=[transfer.pk]) in page
    client.post(reverse("web:transfer_refuse", args=[transfer.pk]), {"note": "Borgeren bliver her"})
    transfer.refresh_from_db()
    assert (transfer.status, transfer.decision_note) == ("refused", "Borgeren bliver her")
    assert caseworker_of(citizen) == caseworker


def test_the_requester_cannot_answer_their_own_request(client, caseworker, visitor, citizen, project):
    visit(as_user(client, visitor), project, "010190-1234", reason="Flyttet")
    transfer = transfer_requests().get()
    assert client.post(reverse("web:transfer_accept", args=[transfer.pk])).status_code == 404
    assert caseworker_of(citizen) == caseworker and transfer_requests().get().status == "pending"


def test_an_answered_request_cannot_be_answered_again(client, caseworker, visitor, citizen, project):
    visit(as_user(client, visitor), project, "010190-1234", reason="Flyttet")
    transfer = transfer_requests().get()
    as_user(client, caseworker).post(reverse("web:transfer_refuse", args=[transfer.pk]))
    assert client.post(reverse("web:transfer_accept", args=[transfer.pk])).status_code == 409
    assert caseworker_of(citizen) == caseworker


def test_a_cpr_known_in_another_municipality_gets_exactly_the_answer_of_a_number_no_one_knows(
    client, visitor, project, other_citizen
):
    as_user(client, visitor)
    elsewhere = visit(client, project, "020285-1234", first_name="Fie", last_name="Fremmed")
    unknown = visit(client, project, "030385-1234", first_name="Fie", last_name="Fremmed")
    assert elsewhere.status_code == unknown.status_code == 302
    assert re.sub(r"\d+", "ID", elsewhere["Location"]) == re.sub(r"\d+", "ID", unknown["Location"])
    assert [str(m) for m in get_messages(elsewhere.wsgi_request)] == ["Fie Fremmed er visiteret til VTA."]
    # The other municipality's record is untouched: no transfer, no new caseworker, no course.
    assert not transfer_requests().exists()
    assert caseworker_of(other_citizen).username == "roskilde" and not other_citizen.courses.exists()
    assert all(citizen_by_cpr(m, "0202851234") for m in (project.municipality, other_citizen.municipality))
    assert citizen_by_cpr(project.municipality, "0202851234") != other_citizen


# --------------------------------------------------------------------------- the API


def api_visit(client, project, cpr, **extra):
    body = {"cpr": cpr, "first_name": "Ny", "last_name": "Borger", "project_id": project.pk, "started_on": VISIT_ON}
    return client.post("/api/v1/borgere/visitation", body | extra, content_type="application/json")


def test_the_api_visitation_answers_and_starts_the_course(client, caseworker, project):
    response = api_visit(as_user(client, caseworker), project, "020285-1234")
    assert response.status_code == 201, response.content.decode()
    body = response.json()
    assert body["project"] == "VTA" and body["state"] == "visited"
    assert caseworker_of(Citizen.objects.get(pk=body["citizen_id"])) == caseworker


def test_the_api_asks_for_a_transfer_for_a_citizen_another_caseworker_holds_and_says_nothing_about_them(
    client, caseworker, visitor, citizen, project
):
    response = api_visit(as_user(client, visitor), project, "010190-1234", reason="Flyttet")
    assert response.status_code == 202
    assert response.json()["status"] == "transfer_requested"
    assert "Omar" not in response.content.decode() and str(citizen.pk) not in response.content.decode()
    assert caseworker_of(citizen) == caseworker


def test_the_api_answers_a_cpr_of_another_municipality_like_an_unknown_one(client, visitor, project, other_citizen):
    as_user(client, visitor)
    elsewhere = api_visit(client, project, "020285-1234")
    unknown = api_visit(client, project, "030385-1234")
    assert elsewhere.status_code == unknown.status_code == 201
    assert elsewhere.json().keys() == unknown.json().keys()
    assert {k: v for k, v in elsewhere.json().items() if k not in ("id", "citizen_id")} == {
        k: v for k, v in unknown.json().items() if k not in ("id", "citizen_id")
    }
    assert caseworker_of(other_citizen).username == "roskilde"
