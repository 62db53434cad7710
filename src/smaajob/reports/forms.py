# SPDX-License-Identifier: MPL-2.0
"""Forms: the period/grouping picker, the effort cost calculator, the progression assessment."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from django import forms

from smaajob.danish_numbers import format_date
from smaajob.progression.models import DIMENSIONS, SCALE_MAX, SCALE_MIN, MotivationType, Rater
from smaajob.reports.counting.groups import DIMENSIONS as GROUPINGS

if TYPE_CHECKING:
    from smaajob.courses.models import Course
    from smaajob.organisation.models import Project


class ChoicesForm(forms.Form):
    fra = forms.DateField(label="Fra", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    til = forms.DateField(label="Til og med", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    opgjort = forms.DateField(
        label="Udfald opgjort pr.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Hvor længe borgerne følges efter visitationen.",
    )
    gruppe = forms.ChoiceField(label="Fordel på", choices=[(k, label) for k, (label, _fn) in GROUPINGS.items()])
    projekt = forms.ChoiceField(label="Projekt", required=False)

    def __init__(self, *args: Any, projects: Iterable[Project] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # cast: the field declared above; django-stubs types form.fields as plain Fields.
        cast(forms.ChoiceField, self.fields["projekt"]).choices = [("", "Alle projekter")] + [
            (str(p.pk), p.name) for p in projects
        ]


class AssessmentForm(forms.Form):
    course = forms.ChoiceField(label="Forløb")
    assessed_on = forms.DateField(label="Dato", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    rater = forms.ChoiceField(label="Hvis vurdering", choices=Rater.choices, widget=forms.RadioSelect)
    motivation = forms.ChoiceField(
        label="Motivationstype (003, figur 1)",
        required=False,
        choices=[("", "Ikke vurderet")] + list(MotivationType.choices),
    )
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, courses: Iterable[Course] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # cast: the field declared above; django-stubs types form.fields as plain Fields.
        cast(forms.ChoiceField, self.fields["course"]).choices = [
            (str(c.pk), f"{c.project.name} (fra {format_date(c.started_on)})") for c in courses
        ]
        for key, label in DIMENSIONS:
            self.fields[key] = forms.IntegerField(
                label=f"{label} ({SCALE_MIN}–{SCALE_MAX})",
                min_value=SCALE_MIN,
                max_value=SCALE_MAX,
                widget=forms.NumberInput(attrs={"min": SCALE_MIN, "max": SCALE_MAX}),
            )
