# SPDX-License-Identifier: MPL-2.0
"""Forms for network events: a new event, a registration, the report period."""

from __future__ import annotations

from django import forms

from smaajob.events.models import EventKind


class EventForm(forms.Form):
    kind = forms.ChoiceField(label="Type", choices=EventKind.choices)
    title = forms.CharField(label="Titel", max_length=200)
    starts_at = forms.DateTimeField(label="Starter", help_text="Fx 12.5.2026 09:00.")
    ends_at = forms.DateTimeField(label="Slutter", help_text="Samme dag eller senere, fx 12.5.2026 12:00.")
    place = forms.CharField(label="Sted", required=False, max_length=200)
    organiser = forms.CharField(label="Arrangør", required=False, max_length=200)
    agenda = forms.CharField(label="Dagsorden", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    capacity = forms.IntegerField(label="Antal pladser", required=False, min_value=1, help_text="Tomt: ubegrænset.")


class RegistrationForm(forms.Form):
    participant = forms.ChoiceField(
        label="Deltager", help_text="En kontaktperson eller buddy hos en inviteret virksomhed."
    )

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["participant"].choices = [("", "– vælg –"), *choices]  # type: ignore[attr-defined]


class InviteForm(forms.Form):
    company = forms.ChoiceField(label="Virksomhed")

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["company"].choices = [("", "– vælg –"), *choices]  # type: ignore[attr-defined]


class ReportForm(forms.Form):
    start = forms.DateField(label="Fra", help_text="Fx 1.1.2026.")
    end = forms.DateField(label="Til", help_text="Fx 31.12.2026.")
