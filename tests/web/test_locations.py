# SPDX-License-Identifier: MPL-2.0
"""Location for matching (issue 18 item 5) through HTTP, the API and the CLI: a citizen's and a
company's location follows the postcode, can be set by hand, and matching says when it is
missing and how to fix it."""

from __future__ import annotations

from django.urls import reverse

from smaajob import places
from smaajob.citizens.models import Citizen
from smaajob.cli.main import main
from smaajob.network.models import Company
from tests.web.test_pages import log_in


def postcode(code: str) -> places.Postcode:
    """The table's row for ``code`` (every code these tests use is in the table)."""
    row = places.lookup(code)
    assert row is not None, code
    return row


JSON = "application/json"


def visit(client, project, **extra):
    return client.post(
        reverse("web:visitation"),
        {
            "cpr": "020285-1234",
            "first_name": "Frederik",
            "last_name": "Berg",
            "project": project.pk,
            "benefit_rate": "full",
            "started_on": "2025-01-06",
            **extra,
        },
    )


def test_a_citizen_visited_with_postcode_5000_is_matched_with_the_opening_nearby(client, caseworker, project, opening):
    log_in(client, caseworker)
    assert visit(client, project, address="Vestergade 1", postcode="5000", city="Odense C").status_code == 302
    citizen = Citizen.objects.get(last_name="Berg")
    assert citizen.location_source == "postcode"
    assert (citizen.latitude, citizen.longitude) == (postcode("5000").latitude, postcode("5000").longitude)
    page = client.get(reverse("web:match_citizen", args=[citizen.pk])).content.decode()
    assert "Opfyldning af frugt" in page and "1 af 1 åbne opgaver passer" in page
    assert "ingen placering" not in page


def test_a_citizen_without_postcode_is_told_why_matching_finds_nothing_and_where_to_fix_it(
    client, caseworker, project, opening
):
    log_in(client, caseworker)
    visit(client, project)
    citizen = Citizen.objects.get(last_name="Berg")
    page = client.get(reverse("web:match_citizen", args=[citizen.pk])).content.decode()
    assert "Borgeren har ingen placering: angiv postnummer" in page
    assert f'href="{reverse("web:citizen_address", args=[citizen.pk])}"' in page
    assert "Ingen åbne opgaver passer" not in page
    detail = client.get(reverse("web:citizen", args=[citizen.pk])).content.decode()
    assert "ingen placering" in detail and "Adresse og placering" in detail


def test_an_unknown_postcode_is_refused_at_visitation_in_danish_and_nothing_is_written(client, caseworker, project):
    log_in(client, caseworker)
    page = visit(client, project, postcode="0999")
    assert page.status_code == 400
    assert "Postnummeret 0999 findes ikke i postnummertabellen" in page.content.decode()
    assert not Citizen.objects.exists()


def test_the_address_page_derives_the_location_and_a_location_set_by_hand_wins_over_the_table(
    client, consultant, citizen
):
    log_in(client, consultant)
    url = reverse("web:citizen_address", args=[citizen.pk])
    response = client.post(url, {"address": "Kongensgade 2", "postcode": "5000", "city": "Odense C"})
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.location_source == "postcode" and citizen.latitude == postcode("5000").latitude
    page = client.get(url).content.decode()
    assert "fra postnummeret 5000" in page

    # By hand, with Danish decimal commas: kept even when the postcode changes afterwards.
    client.post(url, {"postcode": "5000", "latitude": "55,3712", "longitude": "10,4261"})
    citizen.refresh_from_db()
    assert (citizen.latitude, citizen.longitude, citizen.location_source) == (55.3712, 10.4261, "manual")
    page = client.get(url).content.decode()
    assert "angivet i hånden" in page and 'value="55,3712"' in page
    # The citizen's page says where the location comes from, never the point set by hand.
    detail = client.get(reverse("web:citizen", args=[citizen.pk])).content.decode()
    assert "angivet i hånden" in detail and "55,3712" not in detail
    client.post(url, {"postcode": "8000", "latitude": "55,3712", "longitude": "10,4261"})
    citizen.refresh_from_db()
    assert (citizen.postcode, citizen.latitude, citizen.location_source) == ("8000", 55.3712, "manual")

    # Emptying the coordinates hands the location back to the postcode.
    client.post(url, {"postcode": "8000"})
    citizen.refresh_from_db()
    assert citizen.location_source == "postcode" and citizen.latitude == postcode("8000").latitude


def test_the_address_page_refuses_bad_input_next_to_the_field_and_keeps_the_old_location(client, consultant, citizen):
    log_in(client, consultant)
    url = reverse("web:citizen_address", args=[citizen.pk])
    before = (citizen.postcode, citizen.latitude, citizen.longitude)
    for data, words in (
        ({"postcode": "0999"}, "Postnummeret 0999 findes ikke i postnummertabellen"),
        ({"postcode": "5000", "latitude": "55,4"}, "Angiv både breddegrad og længdegrad"),
        ({"postcode": "5000", "latitude": "48,85", "longitude": "2,35"}, "Koordinaterne ligger ikke i Danmark"),
        ({"postcode": "abcd"}, "Postnummeret skal være fire cifre"),
    ):
        page = client.post(url, data)
        assert page.status_code == 400 and words in page.content.decode()
        citizen.refresh_from_db()
        assert (citizen.postcode, citizen.latitude, citizen.longitude) == before


def test_a_company_gets_its_location_from_the_postcode_and_can_have_it_set_by_hand(client, consultant):
    log_in(client, consultant)
    response = client.post(
        reverse("web:company_new"), {"cvr": "10150817", "name": "Bageriet", "postcode": "5200", "city": "Odense V"}
    )
    company = Company.objects.get(name="Bageriet")
    assert response["Location"] == reverse("web:company", args=[company.pk])
    assert company.location_source == "postcode" and company.latitude == postcode("5200").latitude
    assert "fra postnummeret 5200" in client.get(response["Location"]).content.decode()
    client.post(
        reverse("web:company_address", args=[company.pk]),
        {"postcode": "5200", "latitude": "55,39", "longitude": "10,33"},
    )
    company.refresh_from_db()
    assert (company.latitude, company.longitude, company.location_source) == (55.39, 10.33, "manual")
    page = client.post(reverse("web:company_new"), {"cvr": "13585628", "name": "Ukendt", "postcode": "0999"})
    assert "Postnummeret 0999 findes ikke" in page.content.decode() and not Company.objects.filter(name="Ukendt")


def test_openings_of_a_company_without_location_are_counted_and_explained_on_the_match_page(
    client, consultant, municipality, citizen, opening
):
    from smaajob.network.services import create_company, create_opening

    nowhere = create_company(actor=consultant, municipality=municipality, cvr="10150817", name="Uden Adresse ApS")
    create_opening(actor=consultant, company=nowhere, title="Opvask", kind="placement", hours_min=2, hours_max=6)
    log_in(client, consultant)
    page = client.get(reverse("web:match_citizen", args=[citizen.pk])).content.decode()
    assert "Opfyldning af frugt" in page
    assert "1 åben opgave er ikke med, fordi virksomheden ikke har nogen placering" in page
    assert f'href="{reverse("web:company_address", args=[nowhere.pk])}"' in page and "Uden Adresse ApS" in page
    opening_page = client.get(reverse("web:match_opening", args=[nowhere.openings.get().pk])).content.decode()
    assert "Virksomheden har ingen placering" in opening_page
    assert f'href="{reverse("web:company_address", args=[nowhere.pk])}"' in opening_page


def test_the_api_visits_with_a_postcode_and_matching_says_when_the_location_is_missing(
    client, caseworker, project, opening
):
    log_in(client, caseworker)
    body = {"first_name": "Ny", "last_name": "Borger", "project_id": project.pk, "started_on": "2025-01-06"}
    located = client.post(
        "/api/v1/borgere/visitation", body | {"cpr": "020285-1234", "postcode": "5000"}, content_type=JSON
    )
    assert located.status_code == 201, located.content.decode()
    answer = client.get(f"/api/v1/match/borgere/{located.json()['citizen_id']}").json()
    assert answer["problem"] is None and [s["title"] for s in answer["suggestions"]] == [
        "Opfyldning af frugt – Netto Vollsmose"
    ]
    assert answer["unlocated_openings"] == 0

    bare = client.post("/api/v1/borgere/visitation", body | {"cpr": "030385-1234"}, content_type=JSON)
    answer = client.get(f"/api/v1/match/borgere/{bare.json()['citizen_id']}").json()
    assert answer["problem"] == "citizen_location_missing" and answer["suggestions"] == []
    assert answer["note"].startswith("Borgeren har ingen placering: angiv postnummer")

    unknown = client.post(
        "/api/v1/borgere/visitation", body | {"cpr": "040485-1234", "postcode": "0999"}, content_type=JSON
    )
    assert unknown.status_code == 400
    assert unknown.json()["code"] == "unknown_postcode" and unknown.json()["field"] == "postcode"


def test_the_backfill_command_locates_rows_saved_without_location_and_leaves_hand_set_ones(
    municipality, citizen, company, caseworker, capsys
):
    from smaajob.citizens.services import register_citizen

    # Rows as an older version saved them: a postcode and no location.
    old = register_citizen(
        actor=caseworker, cpr="020285-1234", first_name="Gammel", last_name="Række", municipality=municipality
    )
    Citizen.objects.filter(pk=old.pk).update(postcode="5000")
    from smaajob.courses.selectors import citizen_location_note

    old.refresh_from_db()
    assert citizen_location_note(old).startswith("Borgeren har ingen placering endnu: gem adressen")
    Citizen.objects.filter(pk=citizen.pk).update(postcode="5000")  # set by hand (fixture): kept
    assert citizen.location_source == "manual"
    odd = register_citizen(
        actor=caseworker, cpr="030385-1234", first_name="Ukendt", last_name="Nummer", municipality=municipality
    )
    Citizen.objects.filter(pk=odd.pk).update(postcode="0999")
    Company.objects.filter(pk=company.pk).update(location_source="", latitude=None, longitude=None, postcode="5270")

    assert main(["locations", "backfill"]) == 0
    out = capsys.readouterr().out
    assert "Borgere: 1 fik postnummerets placering, 1 har et postnummer, som postnummertabellen ikke kender" in out
    assert "Virksomheder: 1 fik postnummerets placering" in out
    old.refresh_from_db()
    assert (old.latitude, old.location_source) == (postcode("5000").latitude, "postcode")
    citizen.refresh_from_db()
    assert (citizen.latitude, citizen.longitude, citizen.location_source) == (55.39, 10.40, "manual")
    company.refresh_from_db()
    assert company.location_source == "postcode" and company.latitude == postcode("5270").latitude
    # The matching page then tells the unknown postcode's citizen what to do.
    odd.refresh_from_db()
    assert "postnummeret 0999 findes ikke i postnummertabellen" in citizen_location_note(odd)


def test_the_api_sets_the_address_and_a_location_by_hand_and_refuses_an_unknown_postcode(client, consultant, citizen):
    log_in(client, consultant)
    url = f"/api/v1/borgere/{citizen.pk}/adresse"
    answer = client.put(url, {"postcode": "5000"}, content_type=JSON)
    assert answer.status_code == 200, answer.content.decode()
    assert answer.json()["location_source"] == "postcode"
    assert answer.json()["latitude"] == postcode("5000").latitude
    by_hand = client.put(url, {"postcode": "5000", "latitude": 55.37, "longitude": 10.43}, content_type=JSON).json()
    assert (by_hand["latitude"], by_hand["longitude"], by_hand["location_source"]) == (55.37, 10.43, "manual")
    unknown = client.put(url, {"postcode": "0999"}, content_type=JSON)
    assert unknown.status_code == 400 and unknown.json()["code"] == "unknown_postcode"
    citizen.refresh_from_db()
    assert (citizen.postcode, citizen.location_source) == ("5000", "manual")
    from smaajob.audit.models import AuditEntry

    assert AuditEntry.objects.filter(citizen_id=citizen.pk, action="update", channel="api").count() == 2
