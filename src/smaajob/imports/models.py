# SPDX-License-Identifier: MPL-2.0
"""What an import remembers: each run (who, which file, when, counts, progress), each row's
source id with the record it became, and a dated history entry for each record it created or
changed.

The history names the columns that changed, never their values: a CPR number or a name in a
history row would be personal data kept outside the record it belongs to.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Venter")
    CHECKING = "checking", _("Kontrolleres")
    PREVIEWED = "previewed", _("Klar til at gemme")
    REJECTED = "rejected", _("Afvist (fejl i filen)")
    WRITING = "writing", _("Gemmes")
    DONE = "done", _("Gemt")
    FAILED = "failed", _("Fejlede")


class ImportRun(models.Model):
    """One file imported (or previewed) by one user: the import page's history, and the
    background job's progress while it runs."""

    municipality = models.ForeignKey("organisation.Municipality", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    channel = models.CharField(_("kanal"), max_length=10)
    kind = models.CharField(_("type"), max_length=20)
    source_system = models.CharField(_("kildesystem"), max_length=40)
    file_name = models.CharField(_("filnavn"), max_length=200)
    good_rows_only = models.BooleanField(_("kun de gode rækker"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    total_rows = models.PositiveIntegerField(default=0)
    done_rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list, blank=True)
    # The preview: [row, source id, "create"/"update", changed columns] for up to 500 rows.
    preview = models.JSONField(default=list, blank=True)
    # The uploaded file while the run waits for confirmation; emptied once it is written.
    content = models.BinaryField(default=b"", blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("importkørsel")
        verbose_name_plural = _("importkørsler")


class SourceRecord(models.Model):
    """The source system's own id of a row, and the record it became in Småjob."""

    municipality = models.ForeignKey("organisation.Municipality", on_delete=models.CASCADE, related_name="+")
    source_system = models.CharField(_("kildesystem"), max_length=40)
    kind = models.CharField(_("type"), max_length=20)
    source_id = models.CharField(_("kilde-id"), max_length=100)
    object_id = models.BigIntegerField()
    row_hash = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kilde-id")
        verbose_name_plural = _("kilde-id'er")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "source_system", "kind", "source_id"], name="source_id_once"
            )
        ]
        indexes = [models.Index(fields=["municipality", "kind", "object_id"])]


class SourceChange(models.Model):
    """A dated history entry: this run created or changed this record (which columns)."""

    record = models.ForeignKey(SourceRecord, on_delete=models.CASCADE, related_name="changes")
    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="history")
    action = models.CharField(max_length=10)  # "create" or "update"
    columns = models.JSONField(default=list)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "id"]
