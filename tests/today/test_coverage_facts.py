# SPDX-License-Identifier: MPL-2.0
"""Who is covered by the 225-hour rule, recorded on the citizen's case (issue 20 item 7, the
Django side): the benefit kind, the marital status, what the spouse lives on, whether the
couple provides for children, from when it is entitled to full child benefit, and the named
ground of an exemption reach the rules engine, so the citizen page, the worklist and the API
show the right coverage (LAS § 13 f; docs/rules.md "Who is covered").

Every citizen here has received help since 2022 without a paid hour, so June 2025 (the rule's
last month) is a proposed reduction — unless the facts say the citizen is not covered.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from smaajob import cases
from smaajob.citizens.models import CoverageFacts, ExemptionDecision
from tests.web.test_pages import log_in

JUNE_2025 = date(2025, 6, 30)


@pytest.fixture
def on_help(citizen, caseworker, course):
    from smaajob.citizens.services import set_benefit

    def go(benefit_type: str, *, married: bool = False):
        set_benefit(actor=caseworker, citizen=citizen, benefit_type=benefit_type, valid_from=date(2022, 1, 1))
        if married:
            citizen.marital_status = "married"
            citizen.save(update_fields=["marital_status"])
        return citizen

    return go


def _page(client, caseworker, citizen) -> str:
    return log_in(client, caseworker).get(reverse("web:citizen", args=[citizen.pk])).content.decode()


def test_an_unmarried_recipient_of_integrationsydelse_is_not_covered_on_the_citizen_page(client, caseworker, on_help):
    citizen = on_help("integrationsydelse")
    status = cases.hours_requirement_for(citizen, JUNE_2025)
    assert (status["status"], status["reason"]) == ("not_covered", "integration_benefit_unmarried")
    assert "Sidste måned med reglen, juni 2025: <strong>Ikke omfattet af 225-timersreglen" in _page(
        client, caseworker, citizen
    )


def test_an_unmarried_recipient_of_kontanthjaelp_stays_covered(on_help):
    status = cases.hours_requirement_for(on_help("kontanthjaelp"), JUNE_2025)
    assert status["status"] == "reduction_proposed"


def test_a_married_recipient_of_integrationsydelse_is_asked_what_the_spouse_lives_on(client, caseworker, on_help):
    citizen = on_help("integrationsydelse", married=True)
    status = cases.hours_requirement_for(citizen, JUNE_2025)
    assert status["status"] == "unknown" and "ægtefællen lever af" in status["message"]
    assert "Kan ikke beregnes</strong>: Borgeren er gift og modtager integrationsydelse" in _page(
        client, caseworker, citizen
    )


def test_the_facts_form_records_a_spouse_on_pension_and_the_couple_is_then_not_covered(client, caseworker, on_help):
    citizen = on_help("integrationsydelse", married=True)
    log_in(client, caseworker)
    url = reverse("web:coverage_facts", args=[citizen.pk])
    assert "Hvad lever ægtefællen af?" in client.get(url).content.decode()
    response = client.post(url, {"valid_from": "01.01.2025", "spouse_support": "pension", "provider": ""})
    assert response.status_code == 302
    row = CoverageFacts.objects.get(citizen=citizen)
    assert (row.spouse_support, row.provider, row.recorded_by) == ("pension", None, caseworker)
    status = cases.hours_requirement_for(citizen, JUNE_2025)
    assert (status["status"], status["reason"]) == ("not_covered", "spouse_not_available")
    assert "Ikke omfattet af 225-timersreglen" in client.get(url).content.decode()


def test_a_full_child_benefit_date_without_children_is_refused_next_to_the_field_and_nothing_is_saved(
    client, caseworker, on_help
):
    citizen = on_help("integrationsydelse", married=True)
    log_in(client, caseworker)
    response = client.post(
        reverse("web:coverage_facts", args=[citizen.pk]),
        {
            "valid_from": "01.01.2025",
            "spouse_support": "integrationsydelse",
            "provider": "nej",
            "full_child_benefit_from": "01.03.2025",
        },
    )
    assert "Fuld børne- og ungeydelse forudsætter børn" in response.content.decode()
    assert not CoverageFacts.objects.filter(citizen=citizen).exists()


def test_a_couple_with_children_on_integrationsydelse_is_covered_only_from_full_child_benefit_via_the_api(
    client, caseworker, on_help
):
    citizen = on_help("integrationsydelse", married=True)
    log_in(client, caseworker)
    url = f"/api/v1/borgere/{citizen.pk}/omfattet"
    response = client.post(
        url,
        {
            "valid_from": "2022-01-01",
            "spouse_support": "integrationsydelse",
            "provider": True,
            "full_child_benefit_from": "2025-07-01",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["facts"]["spouse_support"] == "integrationsydelse" and body["facts"]["provider"] is True
    assert body["hours_requirement_day"] == "2025-06-30"
    assert (body["hours_requirement_status"], body["hours_requirement_reason"]) == (
        "not_covered",
        "before_full_child_benefit",
    )
    # Entitled from May 2025 instead: covered in June, short of the 225 hours.
    client.post(
        url,
        {
            "valid_from": "2022-01-01",
            "spouse_support": "integrationsydelse",
            "provider": True,
            "full_child_benefit_from": "2025-05-01",
        },
        content_type="application/json",
    )
    assert client.get(url).json()["hours_requirement_status"] == "reduction_proposed"
    assert CoverageFacts.objects.filter(citizen=citizen).count() == 1  # the same day corrects the row


def test_the_api_refuses_an_unknown_spouse_support_and_saves_nothing(client, caseworker, on_help):
    citizen = on_help("integrationsydelse", married=True)
    log_in(client, caseworker)
    response = client.post(
        f"/api/v1/borgere/{citizen.pk}/omfattet",
        {"valid_from": "2025-01-01", "spouse_support": "lottogevinst"},
        content_type="application/json",
    )
    assert 400 <= response.status_code < 500 and response.json()["field"] == "spouse_support"
    assert not CoverageFacts.objects.filter(citizen=citizen).exists()


def test_a_linked_spouse_on_ressourceforloebsydelse_answers_what_the_spouse_lives_on(caseworker, on_help, municipality):
    from smaajob.citizens.services import link_spouses, register_citizen, set_benefit

    citizen = on_help("integrationsydelse", married=True)
    spouse = register_citizen(
        actor=caseworker, cpr="0101801238", first_name="Sara", last_name="Hansen", municipality=municipality
    )
    set_benefit(actor=caseworker, citizen=spouse, benefit_type="ressourceforloebsydelse", valid_from=date(2022, 1, 1))
    link_spouses(actor=caseworker, citizen=citizen, spouse=spouse)
    status = cases.hours_requirement_for(citizen, JUNE_2025)
    assert (status["status"], status["reason"]) == ("not_covered", "spouse_not_available")


def test_the_worklist_warns_about_the_kontanthjaelp_recipient_but_not_the_unmarried_integrationsydelse_one(
    caseworker, on_help
):
    from smaajob.access.worklist import worklist

    citizen = on_help("integrationsydelse")
    assert not [a for a in worklist(caseworker, today=date(2025, 6, 15)) if a.code == "hours_225_risk"]
    citizen.benefit_history.update(benefit_type="kontanthjaelp")
    assert [a for a in worklist(caseworker, today=date(2025, 6, 15)) if a.code == "hours_225_risk"]


def test_an_exemption_decided_through_the_api_carries_its_named_ground_into_the_status(client, caseworker, on_help):
    citizen = on_help("kontanthjaelp")
    log_in(client, caseworker)
    response = client.post(
        f"/api/v1/borgere/{citizen.pk}/fritagelser",
        {
            "decided_on": "2025-01-10",
            "valid_from": "2025-01-10",
            "reason": "Sagen forberedes til rehabiliteringsteamet.",
            "ground": "preparing_flexjob",
            "review_on": "2025-07-10",
        },
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["ground"] == "preparing_flexjob"
    assert ExemptionDecision.objects.get(citizen=citizen).ground == "preparing_flexjob"
    status = cases.hours_requirement_for(citizen, JUNE_2025)
    assert status["status"] == "exempt" and status["exemption_ground"] == "preparing_flexjob"


def test_the_exemption_form_offers_the_named_grounds_and_refuses_an_unknown_one(client, caseworker, on_help):
    citizen = on_help("kontanthjaelp")
    log_in(client, caseworker)
    url = reverse("web:exemption", args=[citizen.pk])
    assert "forrevalidering" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "decided_on": "10.01.2025",
            "valid_from": "10.01.2025",
            "reason": "Forrevalidering.",
            "ground": "held",
            "legal_basis": "LAS § 13 f, stk. 9",
            "review_on": "10.07.2025",
        },
    )
    assert response.status_code in (200, 400) and not ExemptionDecision.objects.filter(citizen=citizen).exists()
    response = client.post(
        url,
        {
            "decided_on": "10.01.2025",
            "valid_from": "10.01.2025",
            "reason": "Forrevalidering.",
            "ground": "forrevalidering",
            "legal_basis": "LAS § 13 f, stk. 9",
            "review_on": "10.07.2025",
        },
    )
    assert response.status_code == 302
    assert ExemptionDecision.objects.get(citizen=citizen).ground == "forrevalidering"
