# SPDX-License-Identifier: MPL-2.0
"""The background jobs' machinery (issue 16): a failed job is tried again, a job that keeps
failing stops after its attempts and is shown to the municipality's administrator, the
built-in schedule fires each slot once a day, and ``smaajob worker --until-idle`` runs the
queue and stops. The queue is the real one (django-tasks-db in the test database)."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from smaajob.cli.main import main
from smaajob.errors import InvalidInput
from smaajob.jobs import kinds
from smaajob.jobs.models import Job, JobKind, JobStatus, ScheduleRun
from smaajob.jobs.schedule import fire_due, parse_schedule
from smaajob.jobs.services import start_system_job
from smaajob.jobs.worker import work
from smaajob.money.models import Reminder

# The worker commits as it goes (and checks its connection between jobs, which PostgreSQL
# refuses inside a test's open transaction): these tests run with real transactions.
pytestmark = pytest.mark.django_db(transaction=True)

SCHEDULE = parse_schedule("rule_statuses=02:00,retention=03:00,payslip_reminders=06:00")


@pytest.fixture(autouse=True)
def retry_at_once(settings):
    settings.SMAAJOB_JOB_RETRY_SECONDS = 0


def run_worker() -> dict[str, int]:
    return work(slots=(), interval=0, until_idle=True, signals=False)


def local(day: str, at: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(f"{day}T{at}"))


def test_a_job_that_fails_once_is_tried_again_and_succeeds(db, monkeypatch):
    calls = []

    def fails_the_first_time(job, progress):
        calls.append(job.attempts)
        if len(calls) == 1:
            raise ConnectionError("postkassen svarede ikke")
        return "sendt"

    monkeypatch.setitem(kinds.KINDS, JobKind.PAYSLIP_REMINDERS, fails_the_first_time)
    job = start_system_job(kind=JobKind.PAYSLIP_REMINDERS)
    run_worker()
    job.refresh_from_db()
    assert calls == [1, 2]
    assert (job.status, job.attempts, job.summary) == (JobStatus.DONE, 2, "sendt")
    assert job.last_error == "ConnectionError: postkassen svarede ikke"
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED", "SUCCESSFUL"]


def test_a_job_that_keeps_failing_stops_after_three_attempts_and_the_administrator_sees_it(
    client, db, monkeypatch, make_user, municipality, other_municipality
):
    def always_fails(job, progress):
        raise RuntimeError("disken er fuld")

    monkeypatch.setitem(kinds.KINDS, JobKind.OPENINGS_XLSX, always_fails)
    owner = make_user("consultant")
    job = Job.objects.create(kind=JobKind.OPENINGS_XLSX, owner=owner, municipality=municipality)
    from smaajob.jobs.runner import enqueue

    enqueue(job)
    assert run_worker() == {JobStatus.FAILED: 1}
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.FAILED, 3)
    assert DBTaskResult.objects.filter(status="FAILED").count() == 3

    client.force_login(make_user("administrator", "admin"))
    page = client.get(reverse("web:jobs_admin")).content.decode()
    assert "RuntimeError: disken er fuld" in page and "1 job fejlede" in page
    client.force_login(make_user("administrator", "admin2", municipality=other_municipality, team=None))
    assert "disken er fuld" not in client.get(reverse("web:jobs_admin")).content.decode()
    client.force_login(owner)
    assert client.get(reverse("web:jobs_admin")).status_code == 404


def test_each_schedule_slot_fires_once_a_day_from_its_time(db):
    assert fire_due(SCHEDULE, now=local("2026-12-03", "01:59")) == []
    [statuses] = fire_due(SCHEDULE, now=local("2026-12-03", "02:00"))
    assert statuses.kind == JobKind.RULE_STATUSES and statuses.params == {"today": "2026-12-03"}
    assert fire_due(SCHEDULE, now=local("2026-12-03", "02:30")) == []
    assert [j.kind for j in fire_due(SCHEDULE, now=local("2026-12-03", "07:15"))] == [
        JobKind.RETENTION, JobKind.PAYSLIP_REMINDERS,
    ]
    assert fire_due(SCHEDULE, now=local("2026-12-03", "23:59")) == []
    assert len(fire_due(SCHEDULE, now=local("2026-12-04", "06:00"))) == 3
    assert ScheduleRun.objects.count() == 6 and Job.objects.count() == 6


def test_the_scheduled_jobs_run_the_services_they_name(db, running_placement):
    for job in fire_due(SCHEDULE, now=local("2026-12-03", "06:00")):
        assert job.owner is None and job.municipality is None
    assert run_worker() == {JobStatus.DONE: 3}
    summaries = dict(Job.objects.values_list("kind", "summary"))
    assert summaries[JobKind.PAYSLIP_REMINDERS] == f"{Reminder.objects.count()} påmindelser oprettet"
    assert "0 borgere er anonymiseret" in summaries[JobKind.RETENTION]
    assert summaries[JobKind.RULE_STATUSES]


def test_a_bad_schedule_is_refused_with_what_a_good_one_looks_like():
    with pytest.raises(InvalidInput, match="»backup« er ikke et planlagt job"):
        parse_schedule("backup=01:00")
    with pytest.raises(InvalidInput, match="skriv fx 03:00"):
        parse_schedule("retention=kl. tre")
    assert parse_schedule("") == ()


def test_the_worker_command_runs_until_the_queue_is_empty(db, capsys):
    start_system_job(kind=JobKind.PAYSLIP_REMINDERS)
    assert main(["worker", "--until-idle", "--no-schedule"]) == 0
    assert "færdig: 1" in capsys.readouterr().out
    assert Job.objects.get().status == JobStatus.DONE


def test_the_worker_command_refuses_a_bad_interval(db, capsys):
    assert main(["worker", "--interval", "0"]) == 2
    assert "Intervallet skal være fra 0,1 til 3600 sekunder" in capsys.readouterr().err
