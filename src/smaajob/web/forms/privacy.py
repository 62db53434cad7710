# SPDX-License-Identifier: MPL-2.0
"""The DPO's audit-trail search (a GET form: ids, usernames, dates — never a name or a CPR
number in an address) and the name search that resolves a citizen's name to ids (POST)."""

from __future__ import annotations

from typing import Any

from django import forms

from smaajob.audit.models import AuditAction
from smaajob.privacy.trail import object_type_label
from smaajob.web.forms.fields import choice_field, date_field


class TrailSearchForm(forms.Form):
    citizen_id = forms.IntegerField(
        label="Borger-id",
        required=False,
        min_value=1,
        max_value=2**63 - 1,
        help_text="Borgerens interne id, fx 42 (find det med navnesøgningen nedenfor). Aldrig CPR-nummer.",
    )
    user = forms.CharField(label="Bruger", required=False, max_length=150, help_text="Brugernavn eller navn.")
    date_from = date_field("Fra og med", required=False)
    date_to = date_field("Til og med", required=False)
    action = forms.ChoiceField(label="Handling", required=False)
    object_type = forms.ChoiceField(label="Posttype (hvad blev set eller ændret)", required=False)
    purpose = forms.CharField(
        label="Formål", required=False, max_length=100, help_text="Tekst i postens formål, fx »sagsbehandling«."
    )

    def __init__(self, *args: Any, object_types: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "action").choices = [("", "Alle"), *AuditAction.choices]
        choice_field(self, "object_type").choices = [("", "Alle"), *[(t, object_type_label(t)) for t in object_types]]

    def clean_user(self) -> str:
        value: str = self.cleaned_data["user"].strip()
        if any(c.isdigit() for c in value) and len([c for c in value if c.isdigit()]) >= 6:
            raise forms.ValidationError("Søg på brugernavn eller navn, fx »rikke«.")
        return value


class CitizenNameForm(forms.Form):
    name = forms.CharField(
        label="Borgerens navn",
        max_length=200,
        help_text="Fornavn og/eller efternavn, fx »Jens Jensen«. Ikke CPR-nummer.",
    )

    def clean_name(self) -> str:
        value: str = self.cleaned_data["name"].strip()
        if any(c.isdigit() for c in value):
            raise forms.ValidationError("Skriv kun navnet (bogstaver), fx »Jens Jensen« – aldrig CPR-nummer.")
        if len(value) < 2:
            raise forms.ValidationError("Skriv mindst to bogstaver af navnet.")
        return value
