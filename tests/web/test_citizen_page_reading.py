# SPDX-License-Identifier: MPL-2.0
"""How the citizen page (``/borgere/<id>/``) reads a citizen (issue 16, national volume).

The page's content is tested with its pages elsewhere; here: the follow-ups of the course cards
cost one query whatever the number of courses, and the 225-hour status of today and of the
rule's last month read the citizen's weeks, benefits and payslips once between them."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smaajob.courses.models import FollowUp


def _page_queries(client, citizen):
    # A first reading in a session may do one-off work (session, caches): not counted.
    client.get(f"/borgere/{citizen.pk}/")
    with CaptureQueriesContext(connection) as captured:
        answer = client.get(f"/borgere/{citizen.pk}/")
    assert answer.status_code == 200
    return answer, [q["sql"] for q in captured.captured_queries]


def _course_with_follow_ups(citizen, project, caseworker, started_on):
    from smaajob.courses.services import start_course

    course = start_course(actor=caseworker, citizen=citizen, project=project, started_on=started_on)
    for day in (2, 9):
        FollowUp.objects.create(
            course=course,
            happened_on=started_on.replace(day=day),
            channel="phone",
            attendance="as_agreed",
            by=caseworker,
        )
    return course


@pytest.fixture
def citizen_with_benefit(citizen, caseworker):
    from smaajob.citizens.services import set_benefit

    # Kontanthjælp since 2024: the page shows the 225-hour rule's last month (June 2025) too.
    set_benefit(actor=caseworker, citizen=citizen, benefit_type="kontanthjaelp", valid_from=date(2024, 1, 1))
    return citizen


def test_the_page_queries_do_not_grow_with_the_courses_and_their_follow_ups(
    client, caseworker, citizen, project, municipality
):
    from smaajob.organisation.services import create_project

    client.force_login(caseworker)
    _course_with_follow_ups(citizen, project, caseworker, date(2024, 1, 8))
    answer, one = _page_queries(client, citizen)
    assert answer.content.decode().count('Ret eller annullér<span class="visually-hidden"> opfølgningen') == 2
    for i, started in enumerate((date(2024, 3, 4), date(2024, 5, 6))):
        other = create_project(municipality=municipality, name=f"Projekt {i}", follow_up_interval_days=7)
        _course_with_follow_ups(citizen, other, caseworker, started)
    answer, three = _page_queries(client, citizen)
    assert answer.content.decode().count('Ret eller annullér<span class="visually-hidden"> opfølgningen') == 6
    assert len(three) == len(one)


def test_the_two_225_hour_statuses_read_the_citizens_rows_once(client, caseworker, citizen_with_benefit, course):
    client.force_login(caseworker)
    answer, queries = _page_queries(client, citizen_with_benefit)
    assert "Sidste måned med reglen, juni 2025" in answer.content.decode()
    assert sum('FROM "money_payslip"' in sql for sql in queries) == 1
    assert sum('FROM "citizens_sickleave"' in sql and "starts_on" in sql.split("FROM")[0] for sql in queries) == 2
