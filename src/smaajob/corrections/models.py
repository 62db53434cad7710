# SPDX-License-Identifier: MPL-2.0
"""The history of corrections and annulments: one row per correction or annulment of a record.

Rows are only ever added (``smaajob.corrections.services``). The record is named by its kind
(``smaajob.corrections.kinds``) and id, and the citizen by a plain id, so that the history
outlives the record, as the audit log does. ``changes`` holds the corrected fields with the old
and the new value as they were shown to the person (Danish formats), never a CPR number.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from smaajob.audit.models import AuditChannel


class CorrectionAction(models.TextChoices):
    CORRECT = "correct", _("Rettet")
    ANNUL = "annul", _("Annulleret")


class Correction(models.Model):
    at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)
    action = models.CharField(_("handling"), max_length=8, choices=CorrectionAction.choices)
    record_kind = models.CharField(_("posttype"), max_length=30)
    record_id = models.BigIntegerField(_("post-id"))
    citizen_id = models.BigIntegerField(_("borger-id"), null=True, db_index=True)
    # [{"field": "hours_paid", "label": "løntimer", "old": "5", "new": "4"}, …]
    changes = models.JSONField(_("ændringer"), default=list, blank=True)
    reason = models.TextField(_("begrundelse"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", db_constraint=False
    )
    actor_name = models.CharField(_("udført af"), max_length=150)
    channel = models.CharField(_("kanal"), max_length=8, choices=AuditChannel.choices)

    class Meta:
        verbose_name = _("rettelse")
        verbose_name_plural = _("rettelser og annulleringer")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["record_kind", "record_id"])]
        constraints = [models.CheckConstraint(condition=~models.Q(reason=""), name="correction_has_reason")]
