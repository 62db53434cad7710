# SPDX-License-Identifier: MPL-2.0
"""The weekly follow-up form: defaults for everything, so it takes under a minute."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms

from smaajob.courses.models import Attendance, Channel, Placement
from smaajob.web.forms.fields import date_field, model_choice_field

EFFECTIVENESS = [("", "– ikke vurderet –"), *[(str(i), f"{i}/10") for i in range(11)]]


class FollowUpForm(forms.Form):
    happened_on = date_field("Dato")
    attendance = forms.ChoiceField(
        label="Fremmøde", choices=Attendance.choices, initial=Attendance.AS_AGREED, widget=forms.RadioSelect
    )
    effectiveness = forms.TypedChoiceField(
        label="Effektivitet (virksomhedens vurdering)",
        choices=EFFECTIVENESS,
        coerce=int,
        empty_value=None,
        required=False,
    )
    tasks = forms.CharField(label="Opgaver", required=False, widget=forms.TextInput())
    notes = forms.CharField(
        label="Note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Ctrl+Enter gemmer opfølgningen (som Enter i et felt på én linje).",
    )
    next_on = date_field("Næste opfølgning")
    channel = forms.ChoiceField(
        label="Kanal", choices=[c for c in Channel.choices if c[0] != "employer"], initial=Channel.VISIT
    )
    placement = forms.ModelChoiceField(label="Placering", queryset=Placement.objects.none(), required=False)

    def __init__(self, *args: Any, placements: Any, interval_days: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = date.today()
        self.fields["happened_on"].initial = today
        self.fields["next_on"].initial = today + timedelta(days=interval_days)
        placement = model_choice_field(self, "placement")
        placement.queryset = placements
        # Django's way to label a model choice; django-stubs sees a method replaced.
        placement.label_from_instance = lambda p: f"{p.company.name} ({p.get_kind_display()})"  # type: ignore[method-assign,assignment]
        first = placements.first()
        if first is not None:
            placement.initial = first.pk
            placement.empty_label = "– ingen –"


class EmployerFollowUpForm(forms.Form):
    """The employer's answer to a follow-up: how it goes, in three fields."""

    attendance = forms.ChoiceField(
        label="Fremmøde", choices=Attendance.choices, initial=Attendance.AS_AGREED, widget=forms.RadioSelect
    )
    effectiveness = forms.TypedChoiceField(
        label="Hvor effektiv er borgeren (0–10)?", choices=EFFECTIVENESS, coerce=int, empty_value=None, required=False
    )
    tasks = forms.CharField(label="Opgaver borgeren løser", required=False)
    notes = forms.CharField(label="Bemærkning", required=False, widget=forms.Textarea(attrs={"rows": 2}))
