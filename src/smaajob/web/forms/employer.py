# SPDX-License-Identifier: MPL-2.0
"""Forms for the employer's entry point: post a small task, answer a match proposal."""

from __future__ import annotations

from django import forms

from smaajob.web.forms.fields import SlotsField, hours_field


class TaskForm(forms.Form):
    title = forms.CharField(label="Opgave", max_length=200, help_text="Fx »Opvask om eftermiddagen«.")
    hours_min = hours_field("Timer pr. uge (mindst)")
    hours_max = hours_field("Timer pr. uge (højst)")
    slots = SlotsField(label="Hvornår på ugen")
    description = forms.CharField(label="Beskrivelse", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ProposalAnswerForm(forms.Form):
    agrees = forms.TypedChoiceField(
        label="Vil I overveje at betale for timer, når borgeren mestrer opgaven?",
        choices=[("1", "Ja, vi vil gerne overveje løn"), ("0", "Nej tak")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label="Bemærkning", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class MeetingForm(forms.Form):
    at = forms.DateTimeField(
        label="Matchmøde (dato og tid)",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M"],
    )
    place = forms.CharField(label="Sted", required=False, max_length=200)
