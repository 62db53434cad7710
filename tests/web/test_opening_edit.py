# SPDX-License-Identifier: MPL-2.0
"""Editing an opening checks it with the rules that create one, without writing a trial copy
first (issue 19 item 5: ``update_opening`` used to insert a probe row and roll it back)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from smaajob.network.models import Opening
from tests.web.test_pages import log_in

JSON = "application/json"


def test_editing_an_opening_through_the_api_writes_only_the_opening_itself(client, consultant, opening):
    log_in(client, consultant)
    with CaptureQueriesContext(connection) as queries:
        response = client.patch(
            f"/api/v1/netvaerk/jobaabninger/{opening.pk}", content_type=JSON, data={"title": "Opvask", "hours_max": 8}
        )
    assert response.status_code == 200, response.json()
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "DELETE"))]
    assert [sql for sql in writes if "network_opening" in sql] == []
    opening.refresh_from_db()
    assert (opening.title, opening.hours_max) == ("Opvask", 8)


def test_an_edit_the_creation_rules_refuse_is_refused_with_the_same_error_and_changes_nothing(
    client, consultant, opening
):
    log_in(client, consultant)
    response = client.patch(
        f"/api/v1/netvaerk/jobaabninger/{opening.pk}", content_type=JSON, data={"hours_min": 10, "hours_max": 4}
    )
    assert response.status_code == 400 and response.json()["field"] == "hours_max"
    assert "mindre end laveste" in response.json()["message"]
    assert Opening.objects.get().title == "Opfyldning af frugt" and Opening.objects.count() == 1
