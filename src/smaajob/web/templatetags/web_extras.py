# SPDX-License-Identifier: MPL-2.0
"""Template filters for the web pages."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from smaajob.danish_numbers import format_decimal
from smaajob.links import cached_reverse
from smaajob.slots import describe_slots

register = template.Library()


@register.filter
def slots_text(slots: Any) -> str:
    """Weekly times in short Danish, e.g. »man 08:00–12:00, ons 09:00–13:00«."""
    return describe_slots(slots or [])


@register.filter
def hours(value: Any) -> str:
    """Hours in Danish like ``floatformat:"-1"`` (7 → »7«, 7.5 → »7,5«), without its locale lookups.

    Used in long lists, where ``floatformat`` cost more than the rest of the row.
    """
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return ""
    if not number.is_finite():
        return str(value)
    if number == number.to_integral_value():
        return str(int(number))
    text = format_decimal(number, min_decimals=1, max_decimals=1, grouping=False)
    return "0,0" if text == "-0,0" else text


@register.simple_tag
def link(viewname: str, *args: Any) -> str:
    """``{% url %}`` for long lists: the same address, remembered (see ``smaajob.links``)."""
    return cached_reverse(viewname, *args)


# DKFDS's class for each kind of form control (Det Fælles Designsystem, "Inputfelter").
_DKFDS_CONTROL_CLASS = {"select": "form-select", "selectmultiple": "form-select", "checkbox": "form-checkbox"}


@register.filter
def dkfds_widget(field: Any) -> str:
    """The field's widget with DKFDS's class (``form-input``, ``form-select``, ``form-checkbox``)
    added to the classes the form already gives it."""
    css = _DKFDS_CONTROL_CLASS.get(field.widget_type, "form-input")
    given = field.field.widget.attrs.get("class", "")
    return str(field.as_widget(attrs={"class": f"{css} {given}".strip()}))


@register.filter
def dkfds_choice(choice: Any, css: str = "form-radio") -> str:
    """One radio button or checkbox of a multiple-choice field with DKFDS's class (``form-radio``
    or ``form-checkbox``); the template puts the label right after it, as DKFDS draws it there."""
    choice.data["attrs"] = {**choice.data["attrs"], "class": css}
    return str(choice.tag())
