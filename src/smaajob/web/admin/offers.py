# SPDX-License-Identifier: MPL-2.0
"""Providers and their contacts, and the offer catalogue, in the admin (issue 12)."""

from __future__ import annotations

from django.contrib import admin

from smaajob.offers.models import Offer, OfferStart, Provider, ProviderContact
from smaajob.web.admin.base import MunicipalityAdmin, MunicipalityInline


class ProviderContactInline(MunicipalityInline):
    model = ProviderContact


class OfferStartInline(MunicipalityInline):
    model = OfferStart


@admin.register(Provider)
class ProviderAdmin(MunicipalityAdmin):
    list_display = ("name", "kind", "cvr", "is_synthetic")
    list_filter = ("kind",)
    search_fields = ("name", "cvr")
    inlines = [ProviderContactInline]


@admin.register(Offer)
class OfferAdmin(MunicipalityAdmin):
    list_display = ("title", "provider", "kind", "price_kr", "price_unit", "capacity", "certificate", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("title", "provider__name")
    inlines = [OfferStartInline]
