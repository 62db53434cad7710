# SPDX-License-Identifier: MPL-2.0
"""Reports count what the records say after a correction, and nothing that was annulled
(issue 18, item 4)."""

from __future__ import annotations

from django.urls import reverse

from tests.web.test_pages import log_in


def visited(client, year: int) -> float:
    body = client.get(f"/api/v1/rapporter/noegletal?fra={year}-01-01&til={year}-12-31").json()
    measures = body["measures"]
    return float(next(m["value"] for m in measures if m["key"] == "funnel.visited" and m["group_key"] == "__total__"))


def test_a_corrected_visitation_date_moves_the_citizen_to_the_period_it_really_happened_in(
    client, caseworker, make_user, course
):
    administrator = make_user("administrator")
    assert visited(log_in(client, administrator), 2024) == 1
    client.logout()
    response = log_in(client, caseworker).post(
        reverse("web:correct", args=["visitation", course.pk]),
        {"started_on": "2023-12-20", "correction_reason": "Visitationen var i december"},
    )
    assert response.status_code == 302
    client.logout()
    log_in(client, administrator)
    assert (visited(client, 2023), visited(client, 2024)) == (1, 0)


def test_an_annulled_visitation_leaves_the_reports_count(client, caseworker, make_user, course):
    response = log_in(client, caseworker).post(
        reverse("web:annul", args=["visitation", course.pk]), {"reason": "Visiteret på den forkerte borger"}
    )
    assert response.status_code == 302
    client.logout()
    assert visited(log_in(client, make_user("administrator")), 2024) == 0
