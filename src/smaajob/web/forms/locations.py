# SPDX-License-Identifier: MPL-2.0
"""The address form shared by a citizen's and a company's "Adresse og placering" page."""

from __future__ import annotations

from django import forms

MANUAL_HELP = (
    "Udfyld kun begge for at sætte placeringen i hånden (fx 55,4030); tomme felter: placeringen følger postnummeret."
)


class AddressForm(forms.Form):
    address = forms.CharField(label="Adresse", required=False, max_length=200)
    postcode = forms.CharField(label="Postnummer", required=False, max_length=4, help_text="Fire cifre, fx 5000.")
    city = forms.CharField(label="By", required=False, max_length=100)
    latitude = forms.FloatField(label="Breddegrad (i hånden)", required=False, localize=True, help_text=MANUAL_HELP)
    longitude = forms.FloatField(label="Længdegrad (i hånden)", required=False, localize=True)
