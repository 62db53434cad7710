# SPDX-License-Identifier: MPL-2.0
"""The header's search box (smaajob.access.search)."""

from __future__ import annotations

from django import forms


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Søg efter borger, virksomhed eller jobåbning",
        max_length=100,
        min_length=2,
        help_text="Navn, CPR-nummer (DDMMÅÅ-XXXX), CVR-nummer, branche eller opgave.",
        error_messages={
            "required": "Skriv mindst 2 tegn at søge efter.",
            "min_length": "Skriv mindst 2 tegn at søge efter.",
            "max_length": "Søgningen må højst være 100 tegn.",
        },
    )
