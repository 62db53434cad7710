# SPDX-License-Identifier: MPL-2.0
"""Forms for placements: register with step-up in one form, convert, end."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator

from smaajob.danish_numbers import format_decimal
from smaajob.network.models import Opening, OpeningKind
from smaajob.web.forms.fields import date_field, model_choice_field


def next_monday(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


class PlacementForm(forms.Form):
    """Everything but the opening is pre-filled: start next Monday (or today), four weeks
    (VTA's default), step-up from the opening's hours."""

    opening = forms.ModelChoiceField(label="Jobåbning", queryset=Opening.objects.none(), empty_label="– vælg opgave –")
    kind = forms.ChoiceField(label="Type", choices=[("", "Som jobåbningen"), *OpeningKind.choices], required=False)
    planned_start = date_field("Start")
    planned_end = date_field(
        "Planlagt slut", required=False, help_text="VTA: typisk 4 uger; ikke-jobparate højst 13 uger."
    )
    step_up = forms.CharField(
        label="Timer pr. uge, optrapning",
        help_text="Fx »2 → 6 → 12« eller »2, 6, 12«: ét tal pr. trin.",
        required=False,
    )
    step_every_weeks = forms.IntegerField(label="Nyt trin hver … uge", min_value=1, max_value=26, initial=1)
    tasks = forms.CharField(label="Opgaver", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    deviation_reason = forms.CharField(
        label="Begrundelse for afvigelse",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kun hvis timerne ligger uden for opgavens timer eller over det, borgeren kan arbejde.",
    )

    def __init__(self, *args: Any, openings: Any, shown: Any = None, empty_label: str | None = None,
                 **kwargs: Any) -> None:
        """``openings`` are the ones a save may choose (all the user's open openings: the
        validation); ``shown`` the few the select lists (the search's results, the opening
        chosen on the matching page), so the page never renders thousands of options."""
        super().__init__(*args, **kwargs)
        opening = model_choice_field(self, "opening")
        opening.queryset = openings
        opening.error_messages["invalid_choice"] = (
            "Jobåbningen findes ikke eller er ikke åben længere: søg den frem og vælg en åben jobåbning."
        )
        if empty_label is not None:
            opening.empty_label = empty_label
        if shown is not None:
            opening.widget.choices = _Listed(opening, shown)
        # Django's way to label a model choice; django-stubs sees a method replaced.
        opening.label_from_instance = lambda o: (  # type: ignore[method-assign,assignment]
            f"{o.company.name} – {o.title} ({format_decimal(o.hours_min, max_decimals=1)}–"
            f"{format_decimal(o.hours_max, max_decimals=1)} t/uge, {o.get_kind_display()})"
        )
        start = date.today()
        self.fields["planned_start"].initial = start
        self.fields["planned_end"].initial = start + timedelta(weeks=4) - timedelta(days=1)


class _Listed(ModelChoiceIterator[Any]):
    """A model choice field's options drawn from another query than the one it validates against."""

    def __init__(self, field: forms.ModelChoiceField[Any], queryset: Any) -> None:
        super().__init__(field)
        self.queryset = queryset


class ConvertForm(forms.Form):
    to_kind = forms.ChoiceField(
        label="Omdan til",
        choices=[(k, label) for k, label in OpeningKind.choices if k != OpeningKind.PLACEMENT],
    )
    on = date_field("Fra", initial=date.today)
    step_up = forms.CharField(label="Løntimer pr. uge, optrapning", required=False, help_text="Fx »4 → 8«.")


class EndPlacementForm(forms.Form):
    on = date_field("Sidste dag", initial=date.today)
