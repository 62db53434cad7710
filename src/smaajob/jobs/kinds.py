# SPDX-License-Identifier: MPL-2.0
"""What each kind of job does. A kind is a function ``(job, progress) -> summary``; files it
makes are saved through ``default_storage`` (local disk or an object store, whichever the
settings name), under ``exports/<job id>/``, never with a citizen's name or CPR in the path.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import QueryDict
from django.utils import timezone

from smaajob.jobs.models import Job, JobKind

Progress = Callable[[int, int], None]
Kind = Callable[[Job, Progress], str]


def save_file(job: Job, download_name: str, body: bytes) -> None:
    """Store the job's file; the name in storage is the job's, the download name the user's."""
    stored = default_storage.save(f"exports/{job.pk}/{download_name}", ContentFile(body))
    job.file_name, job.download_name = stored, download_name


def _openings(job: Job, progress: Progress, *, pdf: bool) -> str:
    from smaajob.web import openings_export

    assert job.owner is not None  # an export is always someone's (services.start_export)
    form, rows = openings_export.filtered_openings(job.owner, QueryDict(job.params.get("query", "")))
    today = timezone.localdate()
    if pdf:
        save_file(job, openings_export.pdf_filename(today),
                  openings_export.openings_pdf(form, rows, today=today, progress=progress))
    else:
        save_file(job, openings_export.excel_filename(today), openings_export.openings_xlsx(rows, progress=progress))
    return f"{job.progress_total} jobåbninger"


def openings_pdf(job: Job, progress: Progress) -> str:
    return _openings(job, progress, pdf=True)


def openings_xlsx(job: Job, progress: Progress) -> str:
    return _openings(job, progress, pdf=False)


def _day(job: Job) -> date:
    """The day a nightly job works for: ``params["today"]`` (a test or a rerun) or today."""
    given = job.params.get("today")
    return date.fromisoformat(given) if given else timezone.localdate()


def payslip_reminders(job: Job, progress: Progress) -> str:
    from smaajob.money.services import create_due_reminders

    made = create_due_reminders(today=_day(job))
    progress(len(made), len(made))
    return f"{len(made)} påmindelse{'r' if len(made) != 1 else ''} oprettet"


def retention(job: Job, progress: Progress) -> str:
    from smaajob.privacy.retention import run

    report = run(today=_day(job), dry_run=False)
    progress(len(report.candidates), len(report.candidates))
    # The period and the count; the per-citizen lines stay in the command's report.
    return " ".join(report.lines()[:2])


def rule_statuses(job: Job, progress: Progress) -> str:
    from smaajob.jobs.statuses import recompute

    counts = recompute(on=_day(job), progress=progress)
    return ", ".join(f"{label}: {n}" for label, n in counts.items()) or "Ingen borgere i forløb"


KINDS: dict[str, Kind] = {
    JobKind.OPENINGS_PDF: openings_pdf,
    JobKind.OPENINGS_XLSX: openings_xlsx,
    JobKind.PAYSLIP_REMINDERS: payslip_reminders,
    JobKind.RETENTION: retention,
    JobKind.RULE_STATUSES: rule_statuses,
}
