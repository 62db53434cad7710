# SPDX-License-Identifier: MPL-2.0
"""The reports' figures in the admin: the municipality's unit prices and reference figures."""

from __future__ import annotations

from django.contrib import admin

from smaajob.reports.models import ReferenceFigure, UnitPrice
from smaajob.web.admin.base import MunicipalityAdmin


@admin.register(UnitPrice)
class UnitPriceAdmin(MunicipalityAdmin):
    list_display = ("label", "price_kr", "unit", "units_low", "units_high", "item")


@admin.register(ReferenceFigure)
class ReferenceFigureAdmin(MunicipalityAdmin):
    list_display = ("project", "target_group", "step", "kind", "value", "source")
    # Only the projects that have figures here, not every project of every municipality.
    list_filter = (("project", admin.RelatedOnlyFieldListFilter), "kind")
