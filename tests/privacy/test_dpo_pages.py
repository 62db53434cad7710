# SPDX-License-Identifier: MPL-2.0
"""The DPO's audit-trail page (issue 14 item 7) and the citizen's own "Hvem har set mine
oplysninger", through HTTP."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from smaajob import access
from smaajob.audit.models import AuditEntry
from smaajob.citizens.services import register_citizen

pytestmark = pytest.mark.django_db


@pytest.fixture
def looked_at(citizen, caseworker):
    """The caseworker opened Omar's record once."""
    access.get_citizen(caseworker, citizen.pk, purpose="sagsbehandling")
    return citizen


def test_the_dpo_finds_who_read_a_citizen_by_internal_id_and_the_search_is_logged(client, dpo, looked_at):
    client.force_login(dpo)
    answer = client.get("/tilsyn/", {"citizen_id": looked_at.pk, "action": "read"})
    assert answer.status_code == 200
    text = answer.content.decode()
    assert "<td>caseworker</td>" in text and "<td>sagsbehandling</td>" in text
    assert AuditEntry.objects.filter(actor=dpo, object_type="audit_trail", citizen_id=looked_at.pk).exists()


def test_the_search_filters_by_user_and_period(client, dpo, looked_at, consultant):
    access.get_citizen(consultant, looked_at.pk, purpose="konsulentens opslag")
    client.force_login(dpo)
    text = client.get("/tilsyn/", {"user": "consultant"}).content.decode()
    assert "konsulentens opslag" in text and "<td>sagsbehandling</td>" not in text
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    text = client.get("/tilsyn/", {"date_from": tomorrow}).content.decode()
    assert "Ingen logposter passer" in text


def test_the_search_filters_by_purpose(client, dpo, looked_at, consultant):
    access.get_citizen(consultant, looked_at.pk, purpose="konsulentens opslag")
    client.force_login(dpo)
    text = client.get("/tilsyn/", {"purpose": "konsulent"}).content.decode()
    assert "konsulentens opslag" in text and "<td>sagsbehandling</td>" not in text


def test_an_end_before_the_start_is_an_error_next_to_the_field_not_a_crash(client, dpo):
    client.force_login(dpo)
    answer = client.get("/tilsyn/", {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert answer.status_code == 200
    assert "Til-datoen skal være samme dag som fra-datoen eller senere." in answer.content.decode()


def test_the_dpo_sees_nothing_of_another_municipality(client, dpo, other_municipality, make_user):
    other_caseworker = make_user("caseworker", username="roskilde", municipality=other_municipality, team=None)
    stranger = register_citizen(
        actor=other_caseworker,
        cpr="020285-1234",
        first_name="Fie",
        last_name="Fremmed",
        municipality=other_municipality,
    )
    client.force_login(dpo)
    text = client.get("/tilsyn/", {"citizen_id": stranger.pk}).content.decode()
    # Only the DPO's own search is listed: nothing the other municipality's staff did.
    assert "roskilde" not in text and "Fremmed" not in text and "1 logpost<" in text
    assert client.get(f"/borgere/{stranger.pk}/indsigt/").status_code == 404


def test_the_name_search_is_a_post_and_answers_with_the_internal_id(client, dpo, looked_at):
    client.force_login(dpo)
    answer = client.post("/tilsyn/", {"name": "omar"})
    text = answer.content.decode()
    assert f"?citizen_id={looked_at.pk}" in text and "Omar Hansen" in text
    assert AuditEntry.objects.filter(actor=dpo, citizen_id=looked_at.pk, detail="tilsyn: navnesøgning").exists()
    refused = client.post("/tilsyn/", {"name": "010190-1234"}).content.decode()
    assert "aldrig CPR-nummer" in refused and "010190-1234" not in refused.split("</form>")[-1]


def test_the_export_as_csv_and_excel_holds_the_filtered_rows(client, dpo, looked_at):
    client.force_login(dpo)
    answer = client.get("/tilsyn/csv/", {"citizen_id": looked_at.pk, "action": "read"})
    rows = list(csv.reader(io.StringIO(answer.content.decode()), delimiter=";"))
    assert rows[0][:3] == ["Tidspunkt", "Bruger", "Handling"]
    assert any(r[1] == "caseworker" and r[7] == "sagsbehandling" for r in rows[1:])
    book = load_workbook(io.BytesIO(client.get("/tilsyn/excel/", {"citizen_id": looked_at.pk}).content))
    sheet = book.active
    assert sheet["A1"].value == "Tidspunkt" and sheet.max_row >= 2


@pytest.mark.parametrize("role", ["caseworker", "administrator", "analyst", "citizen"])
def test_no_other_role_reaches_the_audit_trail(client, make_user, role):
    client.force_login(make_user(role, username=f"u-{role}"))
    assert client.get("/tilsyn/").status_code == 404
    assert client.get("/tilsyn/csv/").status_code == 404


def test_the_citizen_sees_which_staff_looked_and_when_but_not_their_own_looks(client, looked_at, make_user):
    user = make_user("citizen", username="omar", team=None)
    looked_at.user = user
    looked_at.save(update_fields=["user"])
    access.get_citizen(user, looked_at.pk, purpose="egen side")
    client.force_login(user)
    text = client.get("/mine-oplysninger/opslag/").content.decode()
    assert "Rikke Rådgiver" in text and "Rådgiver (sagsbehandler)" in text and "Team Småjob" in text
    rows = text.split("<tbody>")[1].split("</tbody>")[0]
    assert rows.count("<tr>") == 1, "one staff read; the citizen's own reads are not listed"


def test_the_dpo_has_a_home_page_with_the_trail_in_the_menu(client, dpo, looked_at):
    client.force_login(dpo)
    text = client.get("/").content.decode()
    assert "Databeskyttelse" in text and 'href="/tilsyn/"' in text


def test_record_types_are_named_in_danish_on_the_page_in_the_filter_and_in_the_export(client, dpo, looked_at):
    client.force_login(dpo)
    text = client.get("/tilsyn/", {"citizen_id": looked_at.pk, "action": "read"}).content.decode()
    assert "<td>borger</td>" in text and "<td>citizen</td>" not in text
    assert '<option value="citizen">borger</option>' in text
    answer = client.get("/tilsyn/csv/", {"citizen_id": looked_at.pk, "action": "read"})
    rows = list(csv.reader(io.StringIO(answer.content.decode()), delimiter=";"))
    assert "borger" in [row[4] for row in rows[1:]] and "citizen" not in [row[4] for row in rows[1:]]
