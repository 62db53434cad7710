# SPDX-License-Identifier: MPL-2.0
from django.contrib import admin

from smaajob.reports.models import ReferenceFigure, UnitPrice


@admin.register(UnitPrice)
class UnitPriceAdmin(admin.ModelAdmin):
    list_display = ("municipality", "label", "price_kr", "unit", "units_low", "units_high", "item")
    list_filter = ("municipality",)


@admin.register(ReferenceFigure)
class ReferenceFigureAdmin(admin.ModelAdmin):
    list_display = ("project", "target_group", "step", "kind", "value", "source")
    list_filter = ("project", "kind")
