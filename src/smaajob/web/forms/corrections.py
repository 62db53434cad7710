# SPDX-License-Identifier: MPL-2.0
"""The forms to correct or annul a record: built from the kind's declared fields
(``smaajob.corrections.kinds``), each with the reason the history keeps."""

from __future__ import annotations

from typing import Any

from django import forms

from smaajob.corrections.kinds import Field, RecordKind, shown
from smaajob.web.forms.fields import date_field

REASON_HELP = "Begrundelsen gemmes i postens historik sammen med dit navn og tidspunktet."


def _form_field(spec: Field) -> forms.Field:
    label = spec.label[:1].upper() + spec.label[1:]
    if spec.type == "date":
        return date_field(label, required=spec.required)
    if spec.type == "choice":
        return forms.ChoiceField(label=label, choices=spec.choices, required=spec.required)
    if spec.type == "int":
        return forms.IntegerField(label=label, required=spec.required)
    if spec.type == "text":
        return forms.CharField(label=label, required=spec.required, widget=forms.Textarea(attrs={"rows": 3}))
    # Hours and amounts are text, parsed by the service (Danish decimal comma: 7,5).
    return forms.CharField(label=label, required=spec.required, max_length=200)


def _reason(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=REASON_HELP,
        error_messages={"required": "Skriv en begrundelse, fx »tastefejl«."},
    )


class CorrectionForm(forms.Form):
    def __init__(self, *args: Any, kind: RecordKind, record: Any, **kwargs: Any) -> None:
        initial: dict[str, Any] = dict(kwargs.pop("initial", None) or {})
        for spec in kind.fields:
            value = getattr(record, spec.name)
            initial.setdefault(
                spec.name, shown(spec, value) if spec.type in ("hours", "money") and value is not None else value
            )
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.kind = kind
        for spec in kind.fields:
            self.fields[spec.name] = _form_field(spec)
        self.fields["correction_reason"] = _reason("Begrundelse for rettelsen")

    def values(self) -> dict[str, Any]:
        return {spec.name: self.cleaned_data[spec.name] for spec in self.kind.fields}


class AnnulForm(forms.Form):
    reason = _reason("Begrundelse for annulleringen")
