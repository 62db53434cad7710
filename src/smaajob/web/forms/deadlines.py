# SPDX-License-Identifier: MPL-2.0
"""The rettidighed overview's filter: the day asked about and one caseworker (state in the URL)."""

from __future__ import annotations

from typing import Any

from django import forms

from smaajob.web.forms.fields import date_field


class DeadlineFilterForm(forms.Form):
    dato = date_field(
        "Opgjort pr.", required=False, help_text="Tom: i dag. Fx 1.10.2012 for at se fristerne, som de stod da."
    )
    medarbejder = forms.TypedChoiceField(label="Rådgiver", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, caseworkers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["medarbejder"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "Alle"), *caseworkers]
        field.error_messages["invalid_choice"] = "Vælg en rådgiver fra listen."
        dato = self.fields["dato"]
        assert isinstance(dato, forms.DateField)
        dato.input_formats = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"]
        dato.error_messages["invalid"] = "Skriv datoen som dag.måned.år, fx 1.10.2012."
