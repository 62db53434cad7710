# SPDX-License-Identifier: MPL-2.0
"""Dated history: an abstract model for facts that hold from one date to another.

Readiness category, benefit, project membership, assigned staff and consent all change
over time, and the benefit rules need the value *on a given date*. Each such fact is a row
with ``valid_from`` and an open or closed ``valid_to`` (inclusive). ``record_change`` in
``smaajob.history`` closes the current row and opens the next, so periods never overlap.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DatedFact(models.Model):
    valid_from = models.DateField(_("gælder fra"))
    valid_to = models.DateField(_("gælder til og med"), null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["valid_from"]

    @classmethod
    def period_constraint(cls, name: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
            name=name,
        )
