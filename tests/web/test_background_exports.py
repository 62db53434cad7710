# SPDX-License-Identifier: MPL-2.0
"""Exports made in the background (issue 16): the request returns at once with a job, the
worker (``smaajob worker``, the real django-tasks-db queue) makes the file, the page shows
its progress, and only the user who asked can fetch the file — audit-logged."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from smaajob.audit.models import AuditAction, AuditEntry
from smaajob.jobs.models import Job, JobStatus
from smaajob.jobs.worker import work
from tests.pdf_reading import read_pdf

# The worker commits as it goes (and checks its connection between jobs, which PostgreSQL
# refuses inside a test's open transaction): these tests run with real transactions.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def run_worker() -> dict[str, int]:
    return work(slots=(), interval=0, until_idle=True, signals=False)


def start(client, user, kind: str, query: str = "") -> Job:
    client.force_login(user)
    response = client.post(reverse("web:export_start"), {"kind": kind, "query": query})
    job = Job.objects.get(owner=user)
    assert response.status_code == 302 and response["Location"] == reverse("web:export", args=[job.pk])
    return job


def test_starting_an_export_returns_at_once_with_a_queued_job_and_makes_no_file(client, consultant, opening):
    job = start(client, consultant, "openings_xlsx")
    assert job.status == JobStatus.QUEUED and job.file_name == ""
    assert DBTaskResult.objects.filter(args_kwargs__args=[job.pk]).count() == 1
    page = client.get(reverse("web:export", args=[job.pk]))
    assert "Venter" in page.content.decode() and 'hx-trigger="every 2s"' in page.content.decode()


def test_the_worker_makes_the_excel_file_and_the_owner_downloads_it(client, consultant, opening):
    job = start(client, consultant, "openings_xlsx", "buddy=on")
    assert run_worker() == {JobStatus.DONE: 1}
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.progress_done == job.progress_total == 1
    page = client.get(reverse("web:export", args=[job.pk])).content.decode()
    assert "every 2s" not in page and reverse("web:export_file", args=[job.pk]) in page
    response = client.get(reverse("web:export_file", args=[job.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Virksomhed", "Opgave") and rows[1][:2] == ("Netto Vollsmose", "Opfyldning af frugt")
    read = AuditEntry.objects.get(object_type="export", object_id=job.pk)
    assert read.action == AuditAction.READ and read.actor == consultant


def test_the_pdf_export_is_a_tagged_pdf_of_the_list(client, consultant, opening):
    job = start(client, consultant, "openings_pdf")
    run_worker()
    response = client.get(reverse("web:export_file", args=[job.pk]))
    pdf = read_pdf(b"".join(response.streaming_content))
    assert "Netto Vollsmose" in pdf.text and "Bente Buddy" in pdf.text
    assert pdf.catalog_entry("StructTreeRoot") is not None and pdf.catalog.get("Lang") == b"da"


def test_nobody_else_sees_the_job_or_fetches_its_file_and_the_attempt_is_logged(
    client, consultant, make_user, opening
):
    job = start(client, consultant, "openings_xlsx")
    run_worker()
    for other in (make_user("consultant", "konsulent2"), make_user("administrator", "admin")):
        client.force_login(other)
        assert client.get(reverse("web:export", args=[job.pk])).status_code == 404
        assert client.get(reverse("web:export_file", args=[job.pk])).status_code == 404
        denied = AuditEntry.objects.get(object_type="export", object_id=job.pk, actor=other)
        assert denied.action == AuditAction.DENIED
        assert "Netto" not in client.get(reverse("web:exports")).content.decode()


def test_a_file_not_ready_yet_is_not_found_with_a_clear_message(client, consultant, opening):
    job = start(client, consultant, "openings_pdf")
    response = client.get(reverse("web:export_file", args=[job.pk]))
    assert response.status_code == 404 and "Filen er ikke klar endnu." in response.content.decode()


def test_the_export_page_shows_how_far_the_worker_has_come(client, consultant, opening):
    job = start(client, consultant, "openings_xlsx")
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, progress_done=250, progress_total=1000)
    page = client.get(reverse("web:export", args=[job.pk]), headers={"HX-Request": "true"}).content.decode()
    assert '<progress max="100" value="25">' in page and "250 af 1.000 rækker" in page
    assert page.startswith('<div id="eksport"') and 'hx-trigger="every 2s"' in page


def test_an_unknown_kind_of_export_is_refused_in_danish_and_nothing_is_queued(client, consultant):
    client.force_login(consultant)
    response = client.post(reverse("web:export_start"), {"kind": "cpr_liste", "query": ""})
    assert response.status_code == 400 and "er ikke en eksport" in response.content.decode()
    assert not Job.objects.exists() and not DBTaskResult.objects.exists()


def test_the_openings_list_offers_the_background_exports(client, consultant, opening):
    client.force_login(consultant)
    page = client.get(reverse("web:openings"), {"buddy": "on"}).content.decode()
    assert reverse("web:export_start") in page and 'value="buddy=on"' in page
