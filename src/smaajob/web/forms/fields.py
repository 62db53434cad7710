# SPDX-License-Identifier: MPL-2.0
"""Form fields shared by the areas: dates, hours, tag lists and weekly time slots in Danish."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from django import forms

from smaajob.slots import WEEKDAYS_DA, describe_slots

_DAY_PREFIX = {name[:3]: i for i, name in enumerate(WEEKDAYS_DA)}
_SLOT = re.compile(r"^\s*([a-zæøå]{3})[a-zæøå]*\.?\s+(\d{1,2})(?:[:.](\d{2}))?\s*[-–]\s*(\d{1,2})(?:[:.](\d{2}))?\s*$")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """``form.fields[name]`` as the choice field it was declared as (django-stubs types it ``Field``)."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{type(form).__name__}.{name} is not a choice field")
    return field


def model_choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """``form.fields[name]`` as the model choice field it was declared as."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{type(form).__name__}.{name} is not a model choice field")
    return field


def date_field(
    label: str, *, required: bool = True, help_text: str = "", initial: Callable[[], date] | None = None
) -> forms.DateField:
    """A date field; ``initial=date.today`` fills in the day the form is shown."""
    return forms.DateField(label=label, required=required, widget=DateInput(), help_text=help_text, initial=initial)


def hours_field(label: str, *, required: bool = True, help_text: str = "") -> forms.CharField:
    """Hours are parsed by the services (``smaajob.hours.parse_hours``: »7,5« or »7.5«)."""
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 5}),
    )


class TagsField(forms.CharField):
    """Comma-separated words, e.g. »truck, hygiejnebevis« → ["truck", "hygiejnebevis"]."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "Adskil med komma, fx »truck, hygiejnebevis«.")
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    # A text input read as a list: CharField's to_python (str | None) on purpose returns more.
    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [t.strip() for t in text.split(",") if t.strip()]


class SlotsField(forms.CharField):
    """Weekly times as »man 8-12, ons 9:00-13:30«; blank means any time."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "Fx »man 8-12, ons 9:00-13:30«. Tomt = alle tider.")
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return describe_slots(value)
        return value

    # A text input read as weekly slots, like TagsField above.
    def to_python(self, value: Any) -> list[dict[str, Any]]:  # type: ignore[override]
        text = (super().to_python(value) or "").lower()
        slots = []
        for part in [p for p in re.split(r"[,;\n]", text) if p.strip()]:
            m = _SLOT.match(part)
            if not m or m.group(1) not in _DAY_PREFIX:
                raise forms.ValidationError(
                    f"»{part.strip()}« kan ikke læses. Skriv ugedag og tider, fx »man 8-12« eller »tor 9:30-14«."
                )
            day, h1, m1, h2, m2 = m.groups()
            slots.append(
                {
                    "weekday": _DAY_PREFIX[day],
                    "start": f"{int(h1):02d}:{m1 or '00'}",
                    "end": f"{int(h2):02d}:{m2 or '00'}",
                }
            )
        return slots
