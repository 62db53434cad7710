# SPDX-License-Identifier: MPL-2.0
"""Annulment: an abstract model for records a person entered and may later annul.

An annulled record is not deleted: it stays in the database with who annulled it, when and
why, so the history and the audit trail keep it (``smaajob.corrections``). Everything that
counts, sums or lists reads through the default manager ``objects``, which leaves annulled
rows out; only the history reads ``all_objects``.

Django's related managers (``course.placements``) are built from the default manager, so they
leave annulled rows out too, while a foreign key (``placement.course``) still reaches an
annulled parent through the plain base manager.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CurrentManager[M: models.Model](models.Manager[M]):
    """The records in force: annulled ones left out."""

    def get_queryset(self) -> models.QuerySet[M]:
        return super().get_queryset().filter(annulled_at__isnull=True)


class Annullable(models.Model):
    annulled_at = models.DateTimeField(_("annulleret"), null=True, blank=True, editable=False)
    annulled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    annul_reason = models.TextField(_("begrundelse for annullering"), blank=True, editable=False)

    objects = CurrentManager()
    all_objects = models.Manager()  # noqa: DJ012 - a second manager; the default must come first

    class Meta:
        abstract = True

    @property
    def is_annulled(self) -> bool:
        return self.annulled_at is not None
