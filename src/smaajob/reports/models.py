# SPDX-License-Identifier: MPL-2.0
"""What reports need besides the recorded events: unit prices and reference figures.

* ``UnitPrice`` — a municipality's prices for the elements of an effort; defaults from 003 §2.6
  (``counting.costs.DEFAULT_PRICES``); a price the source does not give stays empty.
* ``ReferenceFigure`` — a project's targets (måltal) and published results, per target group,
  so dashboards show them beside the counted numbers and check published totals.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from smaajob.reports.counting.costs import DEFAULT_PRICES
from smaajob.reports.counting.funnel import STEPS


class UnitPrice(models.Model):
    municipality = models.ForeignKey("organisation.Municipality", on_delete=models.CASCADE, related_name="unit_prices")
    key = models.CharField(_("element"), max_length=30, choices=[(p.key, p.label_da) for p in DEFAULT_PRICES])
    label = models.CharField(_("betegnelse"), max_length=200)
    unit = models.CharField(_("enhed"), max_length=40)
    price_kr = models.DecimalField(
        _("pris pr. enhed (kr.)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Tom = ukendt; linjen tælles så ikke med i totalen."),
    )
    units_low = models.DecimalField(_("enheder pr. ydelse (lavt skøn)"), max_digits=7, decimal_places=2)
    units_high = models.DecimalField(_("enheder pr. ydelse (højt skøn)"), max_digits=7, decimal_places=2)
    item = models.CharField(_("ydelse"), max_length=100)
    source = models.CharField(_("kilde"), max_length=300)

    class Meta:
        verbose_name = _("enhedspris")
        verbose_name_plural = _("enhedspriser")
        ordering = ["municipality", "key"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="unit_price_one_per_element"),
            models.CheckConstraint(
                condition=models.Q(price_kr__isnull=True) | models.Q(price_kr__gte=0), name="unit_price_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(units_low__gte=0, units_high__gte=models.F("units_low")),
                name="unit_price_units_range",
            ),
        ]

    def __str__(self) -> str:
        return self.label


class FigureKind(models.TextChoices):
    TARGET = "target", _("Måltal")
    PUBLISHED = "published", _("Offentliggjort resultat")


class ReferenceFigure(models.Model):
    project = models.ForeignKey("organisation.Project", on_delete=models.CASCADE, related_name="reference_figures")
    target_group = models.ForeignKey(
        "organisation.TargetGroup",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Tom = projektets total."),
    )
    step = models.CharField(_("trin"), max_length=20, choices=[(k, n) for k, n, _r in STEPS])
    kind = models.CharField(_("art"), max_length=10, choices=FigureKind.choices)
    value = models.PositiveIntegerField(_("antal"))
    source = models.CharField(_("kilde"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("måltal eller offentliggjort tal")
        verbose_name_plural = _("måltal og offentliggjorte tal")
        constraints = [
            models.UniqueConstraint(fields=["project", "target_group", "step", "kind"], name="reference_figure_unique"),
        ]
