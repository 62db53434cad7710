# SPDX-License-Identifier: MPL-2.0
"""Display labels of choice fields, looked up in a table built once per field and language.

Django's ``get_<field>_display`` rebuilds a dictionary of the field's choices and translates
the label on every call; a list page calls it a few hundred times, which cost more than the
page's queries. Models that show choice labels in lists mix in :class:`QuickChoiceLabels`;
the labels returned are exactly Django's.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db.models import Field
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language


@cache
def choice_labels(field: Field[Any, Any], language: str | None) -> dict[Any, Any]:
    """``{value: label}`` of ``field`` in ``language`` (choices are fixed while the program runs)."""
    return {make_hashable(value): force_str(label, strings_only=True) for value, label in field.flatchoices}


def label_of(field: Field[Any, Any], value: Any) -> Any:
    """``value``'s label in the current language, as ``get_<field>_display`` gives it (for rows
    read as plain values: ``label_of(Opening._meta.get_field("kind"), "smaajob")``)."""
    labels = choice_labels(field, get_language())
    key = make_hashable(value)
    return labels[key] if key in labels else force_str(value, strings_only=True)


class QuickChoiceLabels:
    """Mixin for models: ``get_<field>_display`` from the cached table, same result as Django's."""

    def _get_FIELD_display(self, field: Field[Any, Any]) -> Any:  # noqa: N802 - the name Django calls
        return label_of(field, getattr(self, field.attname))
