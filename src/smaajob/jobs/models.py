# SPDX-License-Identifier: MPL-2.0
"""A background job as users and administrators see it, beside the queue's own row.

The queue (django-tasks-db's ``DBTaskResult``) holds one row per *attempt*; ``Job`` is the
job itself: its kind, who started it (and so who may fetch its file), the municipality it
belongs to (an administrator sees that municipality's jobs and the system's nightly jobs),
its progress, its attempts and the last error, and the stored file's name in
``default_storage``. ``ScheduleRun`` makes the schedule fire once per slot and day, even with
several workers: the second worker's insert breaks the unique constraint and it does nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class JobKind(models.TextChoices):
    OPENINGS_PDF = "openings_pdf", "Jobåbninger som PDF"
    OPENINGS_XLSX = "openings_xlsx", "Jobåbninger som Excel"
    RULE_STATUSES = "rule_statuses", "Natlig beregning af 225-timersstatus"
    RETENTION = "retention", "Sletning efter slettefristen"
    PAYSLIP_REMINDERS = "payslip_reminders", "Påmindelser om lønsedler"


EXPORT_KINDS = frozenset({JobKind.OPENINGS_PDF, JobKind.OPENINGS_XLSX})


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Venter"
    RUNNING = "running", "I gang"
    RETRYING = "retrying", "Fejlede – prøver igen"
    DONE = "done", "Færdig"
    FAILED = "failed", "Fejlede"


class Job(models.Model):
    kind = models.CharField("slags", max_length=24, choices=JobKind.choices)
    status = models.CharField("status", max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="jobs",
        verbose_name="startet af",
    )
    # None for the system's nightly jobs, which cover every municipality.
    municipality = models.ForeignKey(
        "organisation.Municipality", on_delete=models.PROTECT, null=True, blank=True, related_name="jobs"
    )
    # What the job works on (an export's filters); never a CPR number.
    params = models.JSONField(default=dict, blank=True)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    max_attempts = models.PositiveSmallIntegerField(default=3)
    last_error = models.TextField(blank=True)
    # A short Danish summary of what a finished job did (»12 påmindelser oprettet«).
    summary = models.TextField(blank=True)
    file_name = models.CharField(max_length=255, blank=True)  # the name in default_storage
    download_name = models.CharField(max_length=120, blank=True)  # the name the user's browser saves
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "baggrundsjob"
        verbose_name_plural = "baggrundsjob"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["owner", "-created_at"]), models.Index(fields=["municipality", "status"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=JobKind.values), name="job_kind_known"),
            models.CheckConstraint(condition=models.Q(status__in=JobStatus.values), name="job_status_known"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display().lower()})"

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        if not self.progress_total:
            return 0
        return min(99, self.progress_done * 100 // self.progress_total)

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)


class ScheduleRun(models.Model):
    """One schedule slot fired on one day (``slot`` is the slot's name, e.g. ``retention``)."""

    slot = models.CharField(max_length=40)
    day = models.DateField()
    job = models.ForeignKey(Job, on_delete=models.SET_NULL, null=True, related_name="+")
    fired_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["slot", "day"], name="schedule_run_once_per_slot")]
