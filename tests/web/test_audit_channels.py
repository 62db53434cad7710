# SPDX-License-Identifier: MPL-2.0
"""The audit log names the channel a write came through and who made it: the entry point
says so once (``smaajob.audit.context``), never the service (issue 19 item 1)."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse

from smaajob.audit.models import AuditEntry
from smaajob.cli import main as cli
from tests.web.test_pages import log_in

JSON = "application/json"


def _last_monday() -> date:
    week = date.today() - timedelta(days=7)
    return week - timedelta(days=week.weekday())


def _week_entries():
    return AuditEntry.objects.filter(object_type="weeklyhours", action__in=("create", "update"))


def test_a_week_written_through_the_api_is_logged_as_an_api_write_by_the_user(client, consultant, running_placement):
    log_in(client, consultant)
    response = client.put(
        f"/api/v1/forloeb/placeringer/{running_placement.pk}/uger",
        content_type=JSON,
        data={"week": _last_monday().isoformat(), "hours_present": "3"},
    )
    assert response.status_code == 200
    entry = _week_entries().get()
    assert (entry.channel, entry.actor, entry.citizen_id) == ("api", consultant, running_placement.course.citizen_id)


def test_a_week_written_on_the_weekly_screen_is_logged_as_a_web_write(client, consultant, running_placement):
    log_in(client, consultant)
    key = f"p{running_placement.pk}"
    response = client.post(
        reverse("web:weekly_hours"), {"uge": _last_monday().isoformat(), f"{key}-hours_present": "4"}
    )
    assert response.status_code == 302
    entry = _week_entries().get()
    assert (entry.channel, entry.actor) == ("web", consultant)


def test_a_week_written_by_a_command_is_logged_as_a_command_line_write(consultant, running_placement, monkeypatch):
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("tests.cli.week_command",))
    argv = ["record-week", str(running_placement.pk), _last_monday().isoformat(), "5", "--actor", consultant.username]
    assert cli.main(argv) == 0
    entry = _week_entries().get()
    assert (entry.channel, entry.actor) == ("cli", consultant)


def test_a_visitation_through_the_api_logs_every_write_it_makes_as_api(client, caseworker, project):
    from tests.web.test_plausibility import _visitation

    data = _visitation(project, (date.today() - timedelta(days=3)).isoformat())
    data["project_id"] = data.pop("project")
    response = log_in(client, caseworker).post("/api/v1/borgere/visitation", content_type=JSON, data=data)
    assert response.status_code == 201, response.json()
    writes = AuditEntry.objects.filter(action__in=("create", "update"))
    # The citizen, the caseworker's assignment, readiness, benefit and the course.
    assert {"citizen", "course"} <= set(writes.values_list("object_type", flat=True))
    assert set(writes.values_list("channel", flat=True)) == {"api"}
    assert set(writes.values_list("actor_username", flat=True)) == {caseworker.username}


def test_writes_outside_any_request_or_command_are_logged_as_system(consultant, running_placement):
    from smaajob.courses.services import record_week

    record_week(actor=consultant, placement=running_placement, week=_last_monday(), hours_present="2")
    assert _week_entries().get().channel == "system"
